import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGame, parseSettings, reduce, type Command, type GameState } from '@/core/game';
import { freshDatabase, type TestDatabase } from '../helpers/database';

/**
 * The rooms' group commit (server/rooms/persistence.ts) against a real database, in process: what
 * one commit stores, in which order promises resolve, and what a room whose rows cannot be
 * stored does to the others.
 */
type Data = typeof import('@/server/db');
let data: Data;
let BatchedStore: typeof import('../../../server/rooms/persistence').BatchedStore;
const dir = fs.mkdtempSync(path.join(process.env.STUDYROOM_TEST_TMP ?? os.tmpdir(), 'persistence-'));
const NOW = Date.parse('2026-01-05T09:00:00Z');
let database: TestDatabase;

beforeAll(async () => {
  database = await freshDatabase();
  // The app's data layer (in this process) works on the test's own database, on either engine.
  Object.assign(process.env, { DATABASE_URL: database.url, DATA_DIR: dir, BETTER_AUTH_SECRET: 'integration-test-secret-0123456789abcdef' });
  data = await import('@/server/db');
  ({ BatchedStore } = await import('../../../server/rooms/persistence'));
  await data.dbReady();
});
afterAll(async () => {
  await data?.db().$disconnect();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A session row and a game state with `players` joined (through the reducer, as a room does). */
async function openGame(gameId: string, players: number): Promise<{ state: GameState; joins: Command[] }> {
  const { qb, queries, toJson } = data;
  const settings = parseSettings({ deckId: 'sqs' });
  await queries().run(
    qb()
      .insertInto('GameSession')
      .values({ id: gameId, pin: '123456', hostId: null, classId: null, deckId: null, title: 't', settings: toJson(settings), questions: toJson([]), status: 'lobby', snapshot: null, createdAt: new Date(NOW), startedAt: null, endedAt: null, ownerEpoch: 0 }),
  );
  let state = createGame({ gameId, pin: '123456', settings, cards: [], seed: 1, now: NOW });
  const joins: Command[] = [];
  for (let i = 0; i < players; i++) {
    const cmd: Command = { type: 'join', playerId: `${gameId}-p${i}`, token: `t${i}`.padEnd(32, 'x'), nickname: `P${i}`, actor: { role: 'player', playerId: `${gameId}-p${i}` } } as Command;
    state = reduce(state, cmd, NOW + i).state;
    joins.push(cmd);
  }
  return { state, joins };
}

describe('room persistence', () => {
  it('stores each command with its rows in one commit and resolves the commands in order', async () => {
    const store = new BatchedStore(data.db(), { intervalMs: 5 });
    // 600 players: more than one statement's worth of player rows and of final results.
    const { state, joins } = await openGame('g-order', 600);
    const resolved: number[] = [];
    const commits = joins.map((cmd, i) => {
      const done = store.commandApplied('g-order', i + 1, NOW + i, cmd).then((ok) => (resolved.push(i + 1), ok));
      store.playerJoined('g-order', state.players[`g-order-p${i}`]!);
      // A phase change now and then commits at once, with the commit before still under way.
      if (i % 150 === 149) store.commitNow();
      return done;
    });
    expect(await Promise.all(commits)).toEqual(joins.map(() => true));
    expect(resolved).toEqual(joins.map((_, i) => i + 1));

    store.playerKicked('g-order', 'g-order-p3');
    store.started('g-order', NOW + 1000);
    const kicked = { ...state, players: { ...state.players, 'g-order-p3': { ...state.players['g-order-p3']!, kicked: true } } };
    store.ended('g-order', { ...kicked, endedAt: NOW + 2000 });
    await store.flushAll();

    const { qb, queries } = data;
    const log = await queries().all(qb().selectFrom('GameCommand').select('version').where('sessionId', '=', 'g-order').orderBy('version'));
    expect(log.map((r) => r.version)).toEqual(joins.map((_, i) => i + 1));
    const players = await queries().all(qb().selectFrom('GamePlayer').select(['id', 'kicked', 'finalRank']).where('sessionId', '=', 'g-order'));
    expect(players).toHaveLength(600);
    expect(players.filter((p) => p.finalRank !== null)).toHaveLength(599);
    expect(players.filter((p) => p.kicked).map((p) => p.id)).toEqual(['g-order-p3']);
    expect(players.filter((p) => p.finalRank === null).map((p) => p.id)).toEqual(['g-order-p3']);
    const session = await queries().first(qb().selectFrom('GameSession').select(['status', 'startedAt', 'endedAt']).where('id', '=', 'g-order'));
    expect(session).toMatchObject({ status: 'ended', startedAt: new Date(NOW + 1000), endedAt: new Date(NOW + 2000) });
  });

  it('fails only the commands of a room whose rows cannot be stored', async () => {
    const store = new BatchedStore(data.db(), { intervalMs: 5 });
    const { state, joins } = await openGame('g-fine', 1);
    const fine = store.commandApplied('g-fine', 1, NOW, joins[0]!);
    store.playerJoined('g-fine', state.players['g-fine-p0']!);
    // A room whose session row is gone (deleted meanwhile): its rows break the foreign keys.
    const gone = store.commandApplied('g-gone', 1, NOW, joins[0]!);
    expect(await Promise.all([fine, gone])).toEqual([true, false]);
    const { qb, queries } = data;
    expect(await queries().all(qb().selectFrom('GameCommand').select('sessionId').where('sessionId', 'in', ['g-fine', 'g-gone']))).toEqual([{ sessionId: 'g-fine' }]);
  });

  it('prunes the log a snapshot covers, and drops what a closed room kept for restoring', async () => {
    const store = new BatchedStore(data.db(), { intervalMs: 5, snapshotEveryMs: 0 });
    const { state, joins } = await openGame('g-snap', 3);
    await Promise.all(joins.map((cmd, i) => store.commandApplied('g-snap', i + 1, NOW + i, cmd)));
    store.snapshot('g-snap', { ...state, version: 2 }, NOW, true);
    await store.flushAll();
    const { qb, queries } = data;
    const versions = async () => (await queries().all(qb().selectFrom('GameCommand').select('version').where('sessionId', '=', 'g-snap'))).map((r) => r.version);
    expect(await versions()).toEqual([3]);
    const row = await queries().first(qb().selectFrom('GameSession').select('snapshot').where('id', '=', 'g-snap'));
    expect((data.asJson<{ state: GameState }>(row!.snapshot)).state.version).toBe(2);

    store.closed('g-snap');
    await store.flushAll();
    expect(await versions()).toEqual([]);
    expect((await queries().first(qb().selectFrom('GameSession').select('snapshot').where('id', '=', 'g-snap')))!.snapshot).toBeNull();
  });
});
