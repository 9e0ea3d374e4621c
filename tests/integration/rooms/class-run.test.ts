import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView, PlayerView } from '@/core/game';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { answerFor, eventually, openDb, playedQuestions } from './db';
import { guest, signedInClient, type RoomClient } from './room-client';

let server: TestServer;
const open: RoomClient[] = [];
const track = <T extends RoomClient>(c: T) => (open.push(c), c);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  open.forEach((c) => c.close());
  await server?.stop();
});

async function game(players: string[]) {
  const { client: host } = await signedInClient(server.url, 'Host');
  track(host);
  const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 2, secondsPerQuestion: 60 } });
  const prisma = openDb(server.databaseUrl);
  const questions = await playedQuestions(prisma, created.gameId);
  await prisma.$disconnect();
  const seats: Array<{ client: RoomClient; token: string; playerId: string }> = [];
  for (const nickname of players) {
    const client = track(await guest(server.url));
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

    const back = track(await guest(server.url));
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
    const late = track(await guest(server.url));
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
    const prisma = openDb(server.databaseUrl);
    const row = await eventually(() => prisma.gamePlayer.findFirst({ where: { sessionId: gameId, nickname: 'Latecomer' } }));
    expect(row.joinedDuring).toBe(0);
    await prisma.$disconnect();
  });
});
