import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView, PlayerView, Question } from '@/core/game';
import { roomModes, startRoomNodes } from '../helpers/room-nodes';
import { answerFor, eventually, openDb, playedQuestions } from './db';
import { guest, signedInClient, RoomClient } from './room-client';

/**
 * On one node and, in the PostgreSQL pass, on two: each room opened on the first node, every
 * player and every other device on the second (the room's follower), so each rule below is also
 * checked for commands that travel to the room's owner and views built by a follower.
 */
const env = { RATE_LIMIT_JOIN: '1000/60', RATE_LIMIT_SIGN_UP: '1000/60' };

describe.each(roomModes())('room rules (%s)', (mode) => {
  let urls: string[] = [];
  let stop: () => Promise<void> = async () => {};
  let prisma: ReturnType<typeof openDb>;
  /** Where every device but the room's host connects. */
  const far = () => urls[urls.length - 1]!;

  beforeAll(async () => {
    let databaseUrl: string;
    ({ urls, databaseUrl, stop } = await startRoomNodes(mode, { env }));
    prisma = openDb(databaseUrl);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await stop();
  });

  const open: RoomClient[] = [];
  function track<T extends RoomClient>(c: T): T {
    open.push(c);
    return c;
  }
  afterAll(() => open.forEach((c) => c.close()));

  /** A signed-in host with a fresh room on the SQS deck, and its questions (keys included). */
  async function newRoom(settings: Record<string, unknown> = {}) {
    const { client: host, http, userId } = await signedInClient(urls[0]!, 'Host');
    track(host);
    const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 3, secondsPerQuestion: 60, ...settings } });
    expect(created.ok).toBe(true);
    const questions: Question[] = await playedQuestions(prisma, created.gameId);
    return { host, http, userId, gameId: created.gameId as string, pin: created.pin as string, questions };
  }

  async function join(pin: string, nickname: string) {
    const p = track(await guest(far()));
    const ack = await p.emit('room:join', { pin, nickname });
    expect(ack).toMatchObject({ ok: true });
    return { p, playerId: ack.playerId as string, token: ack.token as string };
  }

  describe('creating and attaching', () => {
    it('refuses guests, unknown decks and settings that leave no question', async () => {
      const g = track(await guest(far()));
      expect(await g.emit('host:create', { deckId: 'sqs' })).toMatchObject({ ok: false, code: 'unauthorized' });
      const { client: host } = await signedInClient(far(), 'Student', 'student');
      track(host);
      expect(await host.emit('host:create', { deckId: 'no-such-deck' })).toMatchObject({ ok: false, code: 'deck_not_found' });
      expect(await host.emit('host:create', { deckId: 'sqs', settings: { sections: ['No such section'] } })).toMatchObject({
        ok: false,
        code: 'no_questions',
      });
      expect(await host.emit('host:create', { deckId: 'sqs', settings: { deckId: 'sns' } })).toMatchObject({ ok: false, code: 'bad_request' });
      expect(await host.emit('host:create', { deckId: 'sqs', classId: 'nope' })).toMatchObject({ ok: false, code: 'class_not_found' });
      // Students may host too.
      const ok = await host.emit('host:create', { deckId: 'sqs', title: 'Study group' });
      expect(ok).toMatchObject({ ok: true });
      const row = await prisma.gameSession.findUniqueOrThrow({ where: { id: ok.gameId } });
      expect(row).toMatchObject({ title: 'Study group', pin: ok.pin, status: 'lobby', deckId: 'sqs' });
    });

    it('lets the host re-attach after a refresh, and nobody else', async () => {
      const { gameId, pin, http } = await newRoom();
      await join(pin, 'Ada');
      const again = track(new RoomClient(far(), { cookie: http.cookieHeader() }));
      await again.connected();
      const ack = await again.emit('host:attach', { gameId });
      expect(ack).toMatchObject({ ok: true, view: { audience: 'host', pin, playerCount: 1 } });
      const { client: other } = await signedInClient(far(), 'Other');
      track(other);
      expect(await other.emit('host:attach', { gameId })).toMatchObject({ ok: false, code: 'room_not_found' });
      expect(await other.emit('host:attach', { gameId: 'unknown-game' })).toMatchObject({ ok: false, code: 'room_not_found' });
    });
  });

  describe('host commands', () => {
    it('only come from the host', async () => {
      const { pin, host } = await newRoom();
      const { p, playerId } = await join(pin, 'Mallory');
      for (const event of ['host:start', 'host:next', 'host:end-question', 'host:end-game']) {
        expect(await p.emit(event, {})).toMatchObject({ ok: false, code: 'not_host' });
      }
      expect(await p.emit('host:kick', { playerId })).toMatchObject({ ok: false, code: 'not_host' });
      expect(await p.emit('host:lock', { locked: true })).toMatchObject({ ok: false, code: 'not_host' });
      // Another signed-in user who never attached is no host either.
      const { client: other } = await signedInClient(far(), 'Other');
      track(other);
      expect(await other.emit('host:start', {})).toMatchObject({ ok: false, code: 'not_host' });
      // Nothing happened to the game.
      const view = await host.view<HostView>((v) => v.playerCount === 1);
      expect(view.phase).toBe('lobby');
      expect(await host.emit('host:start', { expectVersion: view.version })).toMatchObject({ ok: true });
      // A click made on a view from before the phase change is refused, not applied to the new phase.
      expect(await host.emit('host:end-question', { expectVersion: view.version })).toMatchObject({ ok: false, code: 'stale' });
    });
  });

  describe('answers', () => {
    it('refuses late, duplicate and malformed answers without harm', async () => {
      const { host, pin, questions } = await newRoom();
      const a = await join(pin, 'Ada');
      const b = await join(pin, 'Bob');
      await host.emit('host:start', {});
      await a.p.view((v: PlayerView) => v.phase === 'question');
      const q0 = questions[0]!;

      expect(await a.p.emit('answer:submit', { questionIndex: 0, choice: answerFor(q0, true) })).toEqual({ ok: true, questionIndex: 0 });
      expect(await a.p.emit('answer:submit', { questionIndex: 0, choice: answerFor(q0, false) })).toMatchObject({
        ok: false,
        code: 'already_answered',
      });
      expect(await a.p.emit('answer:submit', { questionIndex: 2, choice: [0] })).toMatchObject({ ok: false, code: 'not_in_question' });
      for (const bad of [null, {}, { questionIndex: '0', choice: [0] }, { questionIndex: 0, choice: 'x'.repeat(500) }, { questionIndex: 0, choice: [0], points: 1000 }]) {
        expect(await b.p.emit('answer:submit', bad)).toMatchObject({ ok: false, code: 'bad_request' });
      }
      // No ack callback: the error arrives as sys:error and the server carries on.
      b.p.socket.emit('answer:submit', { questionIndex: 'nope' });
      await eventually(async () => b.p.events('sys:error').length > 0);
      expect(b.p.events('sys:error')[0]).toMatchObject({ code: 'bad_request' });

      await host.emit('host:end-question', {});
      await b.p.view((v: PlayerView) => v.phase === 'reveal');
      expect(await b.p.emit('answer:submit', { questionIndex: 0, choice: answerFor(q0, true) })).toMatchObject({ ok: false, code: 'too_late' });
      const view = await host.view<HostView>((v) => v.phase === 'reveal');
      expect(view.reveal).toMatchObject({ answeredCount: 1, correctCount: 1 });
      const guestWithoutRoom = track(await guest(far()));
      expect(await guestWithoutRoom.emit('answer:submit', { questionIndex: 0, choice: [0] })).toMatchObject({ ok: false, code: 'not_joined' });
    });
  });

  describe('dropping and rejoining', () => {
    it('keeps score, streak and the answer already sent', async () => {
      const { host, pin, questions } = await newRoom();
      const a = await join(pin, 'Ada');
      await join(pin, 'Bob');
      await host.emit('host:start', {});
      await a.p.view((v: PlayerView) => v.phase === 'question' && v.question?.index === 0);
      await a.p.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) });
      await host.emit('host:end-question', {});
      const revealed = await a.p.view<PlayerView>((v) => v.phase === 'reveal');
      expect(revealed.me).toMatchObject({ streak: 1 });
      const score = revealed.me!.score;
      expect(score).toBeGreaterThan(0);
      await host.emit('host:next', {});
      await host.emit('host:next', {});
      await a.p.view((v: PlayerView) => v.phase === 'question' && v.question?.index === 1);
      const choice = answerFor(questions[1]!, true);
      await a.p.emit('answer:submit', { questionIndex: 1, choice });

      a.p.close();
      const dropped = await host.view<HostView>((v) => v.connectedCount === 1);
      expect(dropped.players.find((p) => p.nickname === 'Ada')).toMatchObject({ connected: false, score });
      expect(dropped.phase).toBe('question');

      const back = track(await guest(far()));
      const ack = await back.emit('room:rejoin', { pin, token: a.token });
      expect(ack).toMatchObject({
        ok: true,
        playerId: a.playerId,
        view: { phase: 'question', me: { nickname: 'Ada', score, streak: 1 }, answered: true, myChoice: choice },
      });
      await host.view((v: HostView) => v.connectedCount === 2);
      expect(await back.emit('answer:submit', { questionIndex: 1, choice })).toMatchObject({ ok: false, code: 'already_answered' });
      // A wrong token is refused; a join that carries the token is a rejoin too.
      expect(await back.emit('room:rejoin', { pin, token: 'x'.repeat(24) })).toMatchObject({ ok: false, code: 'unknown_player' });
      const third = track(await guest(far()));
      expect(await third.emit('room:join', { pin, nickname: 'Someone new', token: a.token })).toMatchObject({
        ok: true,
        playerId: a.playerId,
        view: { me: { nickname: 'Ada' } },
      });
    });

    it('makes a signed-in user one player per room across tabs', async () => {
      const { pin } = await newRoom();
      const { client: tab1, http } = await signedInClient(far(), 'Student', 'student');
      track(tab1);
      const first = await tab1.emit('room:join', { pin, nickname: 'Sam' });
      expect(first.ok).toBe(true);
      const tab2 = track(new RoomClient(far(), { cookie: http.cookieHeader() }));
      await tab2.connected();
      const second = await tab2.emit('room:join', { pin, nickname: 'Sam again' });
      expect(second).toMatchObject({ ok: true, playerId: first.playerId, view: { me: { nickname: 'Sam' } } });
      const row = await eventually(() => prisma.gamePlayer.findUnique({ where: { id: first.playerId } }));
      expect(row.userId).not.toBeNull();
    });
  });

  describe('kicking', () => {
    it('removes the player, who cannot come back by token, nickname or account', async () => {
      const { host, pin } = await newRoom();
      const a = await join(pin, 'Troll');
      const { client: student, http } = await signedInClient(far(), 'Student', 'student');
      track(student);
      const s = await student.emit('room:join', { pin, nickname: 'Signed' });
      await host.view((v: HostView) => v.playerCount === 2);

      const disconnected = new Promise<void>((r) => a.p.socket.once('disconnect', () => r()));
      expect(await host.emit('host:kick', { playerId: a.playerId })).toMatchObject({ ok: true });
      await disconnected;
      expect(a.p.events('room:kicked')).toEqual([{ reason: 'kicked' }]);
      const view = await host.view<HostView>((v) => v.playerCount === 1);
      expect(view.players.map((p) => p.nickname)).toEqual(['Signed']);

      const back = track(await guest(far()));
      expect(await back.emit('room:rejoin', { pin, token: a.token })).toMatchObject({ ok: false, code: 'kicked' });
      expect(await back.emit('room:join', { pin, nickname: 'Not a troll', token: a.token })).toMatchObject({ ok: false, code: 'kicked' });

      await host.emit('host:kick', { playerId: s.playerId });
      const tab2 = track(new RoomClient(far(), { cookie: http.cookieHeader() }));
      await tab2.connected();
      expect(await tab2.emit('room:join', { pin, nickname: 'Fresh name' })).toMatchObject({ ok: false, code: 'kicked' });
      await eventually(async () => (await prisma.gamePlayer.findUnique({ where: { id: a.playerId } }))?.kicked);
    });
  });
});
