import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView, PlayerView } from '@/core/game';
import { roomModes, startRoomNodes } from '../helpers/room-nodes';
import { answerFor, eventually, openDb, playedQuestions } from './db';
import { guest, signedInClient, type RoomClient } from './room-client';

/**
 * The edges a real class hits, on one node and, in the PostgreSQL pass, on two nodes: the host
 * and the room on the first, the players spread over both, and every device that comes back or
 * asks for its seat on the second (the room's follower).
 */
describe.each(roomModes())('classroom edges (%s)', (mode) => {
  let urls: string[] = [];
  let databaseUrl = '';
  let stop: () => Promise<void> = async () => {};
  /** Where a device that is not the host connects: the room's follower when there are two nodes. */
  const far = () => urls[urls.length - 1]!;
  const open: RoomClient[] = [];
  const track = <T extends RoomClient>(c: T) => (open.push(c), c);
  beforeAll(async () => {
    ({ urls, databaseUrl, stop } = await startRoomNodes(mode));
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await stop();
  });

  async function game(players: string[]) {
    const { client: host } = await signedInClient(urls[0]!, 'Host');
    track(host);
    const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 2, secondsPerQuestion: 60 } });
    const prisma = openDb(databaseUrl);
    const questions = await playedQuestions(prisma, created.gameId);
    await prisma.$disconnect();
    const seats: Array<{ client: RoomClient; token: string; playerId: string }> = [];
    for (const [i, nickname] of players.entries()) {
      const client = track(await guest(urls[(i + 1) % urls.length]!));
      const ack = await client.emit('room:join', { pin: created.pin, nickname });
      seats.push({ client, token: ack.token, playerId: ack.playerId });
    }
    await host.emit('host:start', {});
    await seats[0]!.client.view((v: PlayerView) => v.phase === 'question');
    return { host, pin: created.pin as string, gameId: created.gameId as string, questions, seats };
  }

  describe('a phone that drops during a question', () => {
    it('holds the question open for it a few seconds, and closes at once when it comes back and answers', async () => {
      const { host, pin, questions, seats } = await game(['Ann', 'Bob', 'Cy']);
      const [ann, bob, cy] = seats as [(typeof seats)[0], (typeof seats)[0], (typeof seats)[0]];
      cy.client.close(); // Wi-Fi gone
      await host.view((v: HostView) => v.connectedCount === 2);
      await ann.client.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) });
      await bob.client.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, false) });
      const waiting = await host.view((v: HostView) => v.graceUntil !== null);
      expect(waiting.phase).toBe('question');

      const back = track(await guest(far()));
      expect(await back.emit('room:rejoin', { pin, token: cy.token })).toMatchObject({ ok: true, view: { phase: 'question' } });
      expect(await back.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) })).toMatchObject({ ok: true });
      const revealed = await back.view<PlayerView>((v) => v.phase === 'reveal');
      expect(revealed.reveal!.me.correct).toBe(true);
    });

    it('closes the question once the grace period is over when nobody comes back', async () => {
      const { host, questions, seats } = await game(['Dee', 'Eve']);
      seats[1]!.client.close();
      await host.view((v: HostView) => v.connectedCount === 1);
      const started = Date.now();
      await seats[0]!.client.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) });
      await host.view((v: HostView) => v.phase === 'reveal', 15_000);
      // Well before the 60 s deadline; about the 5 s grace period after the last answer.
      expect(Date.now() - started).toBeGreaterThan(4000);
      expect(Date.now() - started).toBeLessThan(30_000);
    });
  });

  describe('late joiners', () => {
    it('are marked late, stored with the question they joined during, and not counted for it', async () => {
      const { host, pin, gameId, questions, seats } = await game(['Fay', 'Gus']);
      const late = track(await guest(far()));
      const joined = await late.emit('room:join', { pin, nickname: 'Latecomer' });
      expect(joined).toMatchObject({ ok: true });
      await seats[0]!.client.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) });
      await seats[1]!.client.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) });
      await host.emit('host:end-question', {});
      const reveal = await host.view<HostView>((v) => v.phase === 'reveal');
      expect(reveal.players.find((p) => p.nickname === 'Latecomer')).toMatchObject({ late: true });
      expect(reveal.players.find((p) => p.nickname === 'Fay')).toMatchObject({ late: false });
      // Two of the two players who were asked got it right: 100 %, not 67 %.
      expect(reveal.summary[0]).toMatchObject({ askedCount: 2, correctCount: 2, correctRate: 1 });
      const prisma = openDb(databaseUrl);
      const row = await eventually(() => prisma.gamePlayer.findFirst({ where: { sessionId: gameId, nickname: 'Latecomer' } }));
      expect(row.joinedDuring).toBe(0);
      await prisma.$disconnect();
    });
  });

  describe('a guest who lost their device', () => {
    it('asks the host by nickname and, once let back in, has their seat, score and streak on the new device', async () => {
      const { host, pin, questions, seats } = await game(['Hal', 'Ivy']);
      const [hal] = seats;
      await hal!.client.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) });
      await seats[1]!.client.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) });
      const revealed = await hal!.client.view<PlayerView>((v) => v.phase === 'reveal');
      const score = revealed.me!.score;
      expect(score).toBeGreaterThan(0);

      // A new browser: no token. The nickname is taken, so the player asks to be let back in.
      const phone = track(await guest(far()));
      expect(await phone.emit('room:join', { pin, nickname: 'hal' })).toMatchObject({ ok: false, code: 'nickname_taken' });
      const asked = await phone.emit('room:request-seat', { pin, nickname: 'hal' });
      expect(asked).toMatchObject({ ok: true });
      const shown = await host.view<HostView>((v) => v.seatRequests.length === 1);
      expect(shown.seatRequests[0]).toMatchObject({ nickname: 'Hal', requestId: asked.requestId });
      expect(JSON.stringify(shown)).not.toContain(hal!.token);

      const answer = new Promise<any>((r) => phone.socket.once('room:seat-answer', r));
      const moved = new Promise((r) => hal!.client.socket.once('room:seat-moved', r));
      expect(await host.emit('host:answer-seat', { requestId: asked.requestId, grant: true })).toMatchObject({ ok: true });
      const granted = await answer;
      await moved;
      expect(granted).toMatchObject({ granted: true });
      const back = await phone.emit('room:rejoin', { pin, token: granted.token });
      expect(back).toMatchObject({ ok: true, playerId: hal!.playerId, view: { me: { nickname: 'Hal', score } } });
      // The old device's token no longer holds the seat.
      const old = track(await guest(far()));
      expect(await old.emit('room:rejoin', { pin, token: hal!.token })).toMatchObject({ ok: false, code: 'unknown_player' });
      expect((await host.view<HostView>((v) => v.seatRequests.length === 0)).seatRequests).toEqual([]);
    });

    it('tells the asking device when the host declines, and never hands over a signed-in seat', async () => {
      const { host, pin } = await game(['Jo']);
      const phone = track(await guest(far()));
      const asked = await phone.emit('room:request-seat', { pin, nickname: 'Jo' });
      const answer = new Promise<any>((r) => phone.socket.once('room:seat-answer', r));
      await host.view<HostView>((v) => v.seatRequests.length === 1);
      expect(await host.emit('host:answer-seat', { requestId: asked.requestId, grant: false })).toMatchObject({ ok: true });
      expect(await answer).toEqual({ granted: false });

      const { client: kim } = await signedInClient(far(), 'Kim', 'student');
      track(kim);
      await kim.emit('room:join', { pin, nickname: 'Kim' });
      const thief = track(await guest(far()));
      expect(await thief.emit('room:request-seat', { pin, nickname: 'Kim' })).toMatchObject({ ok: false, code: 'forbidden' });
      // A request is withdrawn when the asking device goes away.
      const leaving = track(await guest(far()));
      await leaving.emit('room:request-seat', { pin, nickname: 'Jo' });
      await host.view<HostView>((v) => v.seatRequests.length === 1);
      leaving.close();
      await host.view<HostView>((v) => v.seatRequests.length === 0);
    });
  });
});
