import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView, PlayerView, Question } from '@/core/game';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { roomModes, startRoomNodes } from '../helpers/room-nodes';
import { answerFor, eventually, openDb, playedQuestions } from './db';
import { guest, signedInClient, type Received, type RoomClient } from './room-client';

const PLAYERS = 30;
const QUESTIONS = 4;
const KEY_FIELDS = ['correct', 'accepted', 'answerText', 'explanation'];

/**
 * The same game on one node and, in the PostgreSQL pass, on two nodes sharing the database and a
 * redis-server: the room is opened on the first node and every other player plays through the second.
 */
const env = { RATE_LIMIT_JOIN: '1000/60' };

let database: TestDatabase;
let prisma: ReturnType<typeof openDb>;
let getGameReport: typeof import('@/server/games').getGameReport;
let listHostGames: typeof import('@/server/games').listHostGames;

beforeAll(async () => {
  database = await freshDatabase();
  prisma = openDb(database.url);
  // The report queries use the app's db(): point it at the servers' database.
  const dataDir = fs.mkdtempSync(path.join(process.env.STUDYROOM_TEST_TMP ?? os.tmpdir(), 'full-game-'));
  Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dataDir, BETTER_AUTH_SECRET: 'integration-test-secret-0123456789abcdef' });
  ({ getGameReport, listHostGames } = await import('@/server/games'));
});
afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

/** Whether player `i` answers question `q` right (a fixed, mixed pattern). */
const answersRight = (i: number, q: number) => (i + q) % 3 !== 0;

/** Every place in `payload` that carries answer-key data of question `q` (or a later one). */
function keyLeaks(payload: unknown, q: Question): string[] {
  const leaks: string[] = [];
  const secrets = new Set<string>();
  if (q.explanation) secrets.add(q.explanation.toLowerCase());
  if (q.kind === 'type') for (const a of [q.answerText, ...(q.accepted ?? [])]) secrets.add(a.trim().toLowerCase());
  const walk = (v: unknown, key: string) => {
    // Question text and options are shown on purpose (another question may mention the word),
    // and myChoice echoes what the player typed (players who answer right typed the answer).
    if (key === 'prompt' || key === 'options' || key === 'nickname' || key === 'myChoice') return;
    if (typeof v === 'string') {
      if (secrets.has(v.trim().toLowerCase())) leaks.push(`${key} = "${v}"`);
      return;
    }
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    const o = v as Record<string, unknown>;
    for (const k of KEY_FIELDS) {
      // reveal.me.correct is the player's own (boolean) result of an earlier, closed question.
      if (k in o && typeof o[k] !== 'boolean' && !(typeof o.questionIndex === 'number' && o.questionIndex < q.index)) {
        leaks.push(`field ${k}`);
      }
    }
    for (const [k, x] of Object.entries(o)) walk(x, k);
  };
  walk(payload, '');
  return leaks;
}

describe.each(roomModes())('a whole game with a host and 30 players (%s)', (mode) => {
  let urls: string[] = [];
  let stop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ urls, stop } = await startRoomNodes(mode, { databaseUrl: database.url, env }));
  });
  afterAll(() => stop());

  it('plays to the podium, stores correct scores and never leaks an answer before its reveal', async () => {
    const { client: host, userId: hostId } = await signedInClient(urls[0]!, 'Host');
    const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: QUESTIONS, secondsPerQuestion: 60 } });
    expect(created).toMatchObject({ ok: true, pin: expect.stringMatching(/^\d{6}$/) });
    const questions = await playedQuestions(prisma, created.gameId);
    expect(questions).toHaveLength(QUESTIONS);

    const players: RoomClient[] = [];
    const ids: string[] = [];
    for (let i = 0; i < PLAYERS; i++) {
      // A few play over HTTP long-polling (no WebSocket): views reach them by the other path.
      const p = await guest(urls[(i + 1) % urls.length]!, { polling: i % 10 === 3 });
      const ack = await p.emit('room:join', { pin: created.pin, nickname: `Player ${String(i).padStart(2, '0')}` });
      expect(ack).toMatchObject({ ok: true, view: { phase: 'lobby' } });
      players.push(p);
      ids.push(ack.playerId);
    }
    await host.view((v: HostView) => v.playerCount === PLAYERS);

    expect(await host.emit('host:start', {})).toMatchObject({ ok: true });
    for (let q = 0; q < QUESTIONS; q++) {
      const views = await Promise.all(players.map((p) => p.view((v: PlayerView) => v.phase === 'question' && v.question?.index === q)));
      expect(views.every((v) => v.question!.prompt === questions[q]!.prompt)).toBe(true);
      const acks = await Promise.all(
        players.map((p, i) => p.emit('answer:submit', { questionIndex: q, choice: answerFor(questions[q]!, answersRight(i, q)) })),
      );
      expect(acks.every((a) => a.ok && a.questionIndex === q)).toBe(true);
      // Everyone answered: the question closes without waiting for the clock.
      const reveals = await Promise.all(players.map((p) => p.view<PlayerView>((v: PlayerView) => v.phase === 'reveal' && v.reveal?.questionIndex === q)));
      reveals.forEach((v, i) => expect(v.reveal!.me.correct).toBe(answersRight(i, q)));
      await host.view((v: HostView) => v.phase === 'reveal' && v.question?.index === q);
      expect(await host.emit('host:next', {})).toMatchObject({ ok: true }); // leaderboard
      await host.view((v: HostView) => v.phase === 'leaderboard');
      expect(await host.emit('host:next', {})).toMatchObject({ ok: true }); // next question or podium
    }
    const podium = await host.view<HostView>((v) => v.phase === 'podium');
    await Promise.all(players.map((p) => p.view((v: PlayerView) => v.phase === 'podium')));
    expect(podium.leaderboard).toHaveLength(PLAYERS);

    // Stored results match the game: final scores/ranks, one row per answer, grading per the key.
    const stored = await eventually(async () => {
      const s = await prisma.gameSession.findUniqueOrThrow({ where: { id: created.gameId }, include: { players: true, answers: true } });
      return s.status === 'ended' && s.players.every((p) => p.finalRank !== null) && s.answers.length === PLAYERS * QUESTIONS ? s : null;
    });
    expect(stored.startedAt).not.toBeNull();
    expect(stored.endedAt).not.toBeNull();
    for (const entry of podium.leaderboard!) {
      const row = stored.players.find((p) => p.id === entry.playerId)!;
      expect(row).toMatchObject({ score: entry.score, finalRank: entry.rank, nickname: entry.nickname });
      const points = stored.answers.filter((a) => a.playerId === row.id).reduce((t, a) => t + a.points, 0);
      expect(points).toBe(entry.score);
    }
    for (const a of stored.answers) expect(a.correct).toBe(answersRight(ids.indexOf(a.playerId), a.questionIndex));

    // The report read model the history pages use agrees with the game.
    const report = (await getGameReport(created.gameId))!;
    expect(report.players).toHaveLength(PLAYERS);
    expect(report.players[0]).toMatchObject({ finalRank: 1, score: podium.leaderboard![0]!.score });
    for (const q of report.questions) {
      const right = ids.filter((_, i) => answersRight(i, q.index)).length;
      expect(q).toMatchObject({ answeredCount: PLAYERS, correctCount: right, accuracy: right / PLAYERS });
    }
    const grid = report.players.find((p) => p.id === ids[0])!;
    expect(grid.answers.map((a) => a?.correct)).toEqual(questions.map((q) => answersRight(0, q.index)));
    expect(report.hardest[0]!.accuracy).toBe(Math.min(...report.questions.map((q) => q.accuracy!)));
    const hosted = await listHostGames(hostId);
    expect(hosted).toEqual([expect.objectContaining({ id: created.gameId, status: 'ended', playerCount: PLAYERS, questionCount: QUESTIONS })]);
    expect(Math.max(...podium.leaderboard!.map((e) => e.score))).toBeGreaterThan(0);

    // The payload tap: nothing a player received before question q's reveal carries q's key.
    for (const p of players) {
      for (const q of questions) {
        const revealAt = p.received.findIndex(
          (r: Received) => r.event === 'room:view' && (r.payload as PlayerView).reveal?.questionIndex === q.index,
        );
        expect(revealAt).toBeGreaterThan(0);
        const before = p.received.slice(0, revealAt);
        const leaks = before.flatMap((r) => keyLeaks(r.payload, q).map((l) => `${r.event}: ${l}`));
        expect(leaks).toEqual([]);
      }
    }
    // The tap itself is not blind: the reveal does carry the key.
    const first = players[0]!.received.find((r) => r.event === 'room:view' && (r.payload as PlayerView).reveal?.questionIndex === 0)!;
    expect((first.payload as PlayerView).reveal!.answerText).toBe(questions[0]!.answerText);
    expect(keyLeaks(first.payload, questions[0]!)).not.toEqual([]);

    [host, ...players].forEach((c) => c.close());
  });
});
