import { afterAll, describe, expect, it } from 'vitest';
import type { PlayerView } from '@/core/game';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { answerFor, eventually, openDb, playedQuestions } from './db';
import { guest, RoomClient, signedInClient } from './room-client';

const servers: TestServer[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const d of databases) await d.drop();
});

/** A server on a database of our own, so that a second server can open it after the first stops. */
async function serverOn(databaseUrl: string) {
  const s = await startTestServer({ databaseUrl });
  servers.push(s);
  return s;
}

/**
 * A room with Ada and Bob in question 1, on a server over a database of our own (fresh, migrated
 * and with the decks), so a second server can open it.
 */
async function startedRoom() {
  const database = await freshDatabase();
  databases.push(database);
  const dbUrl = database.url;

  const first = await serverOn(dbUrl);
  const { client: host, http } = await signedInClient(first.url, 'Host');
  const { gameId, pin } = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 3, secondsPerQuestion: 120 } });
  const prisma = openDb(dbUrl);
  const questions = await playedQuestions(prisma, gameId);
  const ada = await guest(first.url);
  const joined = await ada.emit('room:join', { pin, nickname: 'Ada' });
  const bob = await guest(first.url);
  await bob.emit('room:join', { pin, nickname: 'Bob' });
  await host.emit('host:start', {});
  await ada.view((v: PlayerView) => v.phase === 'question');
  return { dbUrl, first, host, http, gameId, pin, prisma, questions, ada, joined, bob };
}

describe('server restart', () => {
  it('brings an open room back: players rejoin with their token and keep score and answers', async () => {
    const { dbUrl, first, host, http, gameId, pin, prisma, questions, ada, joined, bob } = await startedRoom();
    await prisma.$disconnect();
    const choice = answerFor(questions[0]!, true);
    expect(await ada.emit('answer:submit', { questionIndex: 0, choice })).toMatchObject({ ok: true });
    [host, ada, bob].forEach((c) => c.close());
    await first.stop();

    const second = await serverOn(dbUrl);
    expect(second.output()).toMatch(/restored 1 open room/);
    const back = await guest(second.url);
    const ack = await back.emit('room:rejoin', { pin, token: joined.token });
    expect(ack).toMatchObject({
      ok: true,
      playerId: joined.playerId,
      view: { phase: 'question', question: { index: 0 }, answered: true, myChoice: choice, me: { nickname: 'Ada' } },
    });
    const host2 = new RoomClient(second.url, { cookie: http.cookieHeader() });
    await host2.connected();
    const attached = await host2.emit('host:attach', { gameId });
    expect(attached).toMatchObject({ ok: true, view: { phase: 'question', playerCount: 2, connectedCount: 1 } });
    expect(await host2.emit('host:end-question', {})).toMatchObject({ ok: true });
    const revealed = await back.view<PlayerView>((v) => v.phase === 'reveal');
    expect(revealed.reveal!.me.correct).toBe(true);
    expect(revealed.me!.score).toBeGreaterThan(0);
    [back, host2].forEach((c) => c.close());
  });
  it('keeps closed questions out of the snapshot and brings their answers back after a restart', async () => {
    const { dbUrl, first, host, http, gameId, pin, prisma, questions, ada, joined, bob } = await startedRoom();
    await ada.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, true) });
    await bob.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, false) });
    const revealed = await ada.view<PlayerView>((v) => v.phase === 'reveal');
    const adaScore = revealed.me!.score;
    await host.emit('host:next', {}); // leaderboard
    await host.emit('host:next', {}); // question 2
    await ada.view((v: PlayerView) => v.phase === 'question' && v.question?.index === 1);

    // Question 1 is stored once on its own; the snapshot leaves it out.
    const stored = await eventually(async () => {
      const s = await prisma.gameSession.findUniqueOrThrow({ where: { id: gameId }, select: { snapshot: true } });
      const snap = (typeof s.snapshot === 'string' ? JSON.parse(s.snapshot) : s.snapshot) as { state: { current: number; answers: unknown[] } };
      return snap.state.current === 1 ? snap : null;
    });
    expect(stored.state.answers[0]).toBeNull();
    const rows = await prisma.gameClosedAnswers.findMany({ where: { sessionId: gameId } });
    expect(rows.map((r) => r.questionIndex)).toEqual([0]);
    expect(JSON.parse(rows[0]!.answers)).toMatchObject({ count: 2 });
    [host, ada, bob].forEach((c) => c.close());
    await first.stop();

    const second = await serverOn(dbUrl);
    const host2 = new RoomClient(second.url, { cookie: http.cookieHeader() });
    await host2.connected();
    const attached = await host2.emit('host:attach', { gameId });
    expect(attached.view.summary).toEqual([expect.objectContaining({ index: 0, answeredCount: 2, correctCount: 1, correctRate: 0.5 })]);
    const back = await guest(second.url);
    const ack = await back.emit('room:rejoin', { pin, token: joined.token });
    expect(ack).toMatchObject({ ok: true, view: { phase: 'question', question: { index: 1 }, me: { nickname: 'Ada', score: adaScore } } });
    await prisma.$disconnect();
    [back, host2].forEach((c) => c.close());
  });
});
