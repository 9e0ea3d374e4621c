import { afterAll, describe, expect, it } from 'vitest';
import type { PlayerView } from '@/core/game';
import { warmUpRooms } from '../../../server/rooms/warm-up';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { openDb } from './db';
import { guest, signedInClient } from './room-client';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe('room warm-up at server start', () => {
  it('plays whole games over real sockets: every player gets every question, reveal and leaderboard', async () => {
    const players = 12;
    const games = 2;
    const result = await warmUpRooms({ players, roomSize: 150, games });
    expect(result.error).toBeUndefined();
    // 8 questions a game, each a question, a reveal and a leaderboard view per player, and more besides.
    expect(result.views).toBeGreaterThanOrEqual(players * games * 8 * 3);
  });

  it('gives up instead of holding the server back when it cannot finish in time', async () => {
    const result = await warmUpRooms({ players: 12, games: 50, timeoutMs: 200 });
    expect(result.error).toBe('timed out');
    expect(result.ms).toBeLessThan(5_000);
  });

  it('leaves no game behind: the database holds no session and a real room works as usual', async () => {
    const server = await startTestServer({ env: { ROOM_WARM_UP: 'true' } });
    servers.push(server);
    expect(server.output()).toMatch(/rooms: warmed up in \d+ ms \([1-9]\d* views\)/);
    const prisma = openDb(server.databaseUrl);
    expect(await prisma.gameSession.count()).toBe(0);
    await prisma.$disconnect();

    const { client: host } = await signedInClient(server.url, 'Host');
    const { pin } = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 2, secondsPerQuestion: 30 } });
    const ada = await guest(server.url);
    expect(await ada.emit('room:join', { pin, nickname: 'Ada' })).toMatchObject({ ok: true });
    await host.emit('host:start', {});
    const view: PlayerView = await ada.view((v: PlayerView) => v.phase === 'question');
    expect(view.question?.index).toBe(0);
    [host, ada].forEach((c) => c.close());
  });
});
