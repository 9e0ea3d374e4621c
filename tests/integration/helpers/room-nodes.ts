/**
 * Room tests that run on one node and, in the PostgreSQL pass with redis-server at hand, on two
 * nodes sharing the database. In two-node mode `urls[0]` is where each test opens its rooms and
 * the last URL is another node, which follows those rooms.
 */
import { startTestCluster } from './cluster';
import { testEngine } from './database';
import { skipWithoutRedis } from './redis-server';
import { startTestServer } from './test-server';

export type RoomMode = 'one node' | 'two nodes';

export const roomModes = (): RoomMode[] => (testEngine() === 'postgres' && !skipWithoutRedis() ? ['one node', 'two nodes'] : ['one node']);

export interface RoomNodes {
  urls: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startRoomNodes(mode: RoomMode, opts: { env?: Record<string, string>; databaseUrl?: string } = {}): Promise<RoomNodes> {
  if (mode === 'one node') {
    const server = await startTestServer(opts);
    return { urls: [server.url], databaseUrl: server.databaseUrl, stop: server.stop };
  }
  const cluster = await startTestCluster({ nodes: 2, ...opts });
  return { urls: cluster.nodes().map((n) => n.url), databaseUrl: cluster.databaseUrl, stop: cluster.stop };
}
