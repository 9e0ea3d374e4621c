/**
 * A live room while PostgreSQL goes away for a moment: the room keeps playing in memory, but no
 * answer is acknowledged before its commit; once the database is back the held commit lands, the
 * ack goes out and the answer is stored. The test runs its own cluster (it stops it midway, which
 * must not disturb other tests' databases). PostgreSQL pass only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlayerView } from '@/core/game';
import { startPostgresCluster, type PostgresCluster } from '../../../scripts/lib/postgres-cluster';
import { prepareDatabase } from '../helpers/database';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { answerFor, openDb, playedQuestions } from './db';
import { guest, signedInClient } from './room-client';

// In the PostgreSQL pass only (vitest.config.ts, postgresOnly).
describe('a live room through a PostgreSQL outage', () => {
  let dir: string;
  let cluster: PostgresCluster;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-room-outage-'));
    cluster = await startPostgresCluster({ dir });
    url = cluster.urlFor('postgres');
    prepareDatabase(url);
    server = await startTestServer({ databaseUrl: url });
  });

  afterAll(async () => {
    await server?.stop();
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds the answer’s ack until its commit lands after the database is back, and stores it', async () => {
    const { client: host } = await signedInClient(server.url, 'Host');
    const { gameId, pin } = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 2, secondsPerQuestion: 120 } });
    const reader = openDb(url);
    const questions = await playedQuestions(reader, gameId);
    await reader.$disconnect();
    const ada = await guest(server.url);
    const joined = await ada.emit('room:join', { pin, nickname: 'Ada' });
    const bob = await guest(server.url);
    await bob.emit('room:join', { pin, nickname: 'Bob' });
    await host.emit('host:start', {});
    await ada.view((v: PlayerView) => v.phase === 'question');
    // why: the test cluster runs with synchronous_commit=off and stops with -m immediate, which
    // drops its last fraction of a second of commits; a checkpoint first keeps the game's rows.
    const admin = openDb(url);
    await admin.$executeRawUnsafe('CHECKPOINT');
    await admin.$disconnect();

    cluster.stop();
    const choice = answerFor(questions[0]!, true);
    let ack: { ok: boolean } | null = null;
    const acked = ada.emit('answer:submit', { questionIndex: 0, choice }).then((a) => (ack = a));
    await new Promise((r) => setTimeout(r, 1500));
    expect(ack).toBeNull(); // not stored yet, so not acknowledged

    cluster = await startPostgresCluster({ dir, port: cluster.port });
    await acked;
    expect(ack).toMatchObject({ ok: true });
    const after = openDb(url);
    const rows = await after.gameAnswer.findMany({ where: { sessionId: gameId } });
    expect(rows).toEqual([expect.objectContaining({ playerId: joined.playerId, questionIndex: 0, choice })]);
    await after.$disconnect();
    expect(server.output()).toMatch(/room persistence: commit failed .*retrying/);
    [host, ada, bob].forEach((c) => c.close());
  });
});
