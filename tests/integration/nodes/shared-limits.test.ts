/**
 * Rate limits hold across nodes (REDIS_URL): attempts count the same on whichever node the load
 * balancer picks. While Redis is away each node counts on its own (nothing fails), and once Redis
 * is back the count is shared again.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../helpers/cluster';
import { HttpClient } from '../helpers/http';
import { skipWithoutRedis } from '../helpers/redis-server';
import { RoomClient } from '../rooms/room-client';

describe.skipIf(skipWithoutRedis())('rate limits across two nodes', () => {
  let cluster: TestCluster;
  const clients: RoomClient[] = [];
  beforeAll(async () => {
    cluster = await startTestCluster({ nodes: 2, env: { RATE_LIMIT_SIGN_IN: '3/60', RATE_LIMIT_SIGN_UP: '50/60', RATE_LIMIT_JOIN: '3/60' } });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
  });

  /** A guest socket through the balancer, on the node named. */
  async function guestOn(node: string): Promise<RoomClient> {
    cluster.balancer.pinNext(node);
    const c = new RoomClient(cluster.url);
    clients.push(c);
    await c.connected();
    expect(cluster.balancer.history().at(-1)).toBe(node);
    return c;
  }

  it('sign-in: two attempts on node A and two on node B, the fourth is refused (429), and A refuses too', async () => {
    const on = (node: string) => new HttpClient(cluster.node(node).url);
    const statuses: number[] = [];
    for (const node of ['a', 'a', 'b', 'b', 'a']) statuses.push((await on(node).signIn('nobody@example.com', 'wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('joins: two on node A and two on node B through the balancer, the fourth is rate_limited, on both nodes', async () => {
    const a = await guestOn('a');
    const b = await guestOn('b');
    const codes: string[] = [];
    for (const c of [a, a, b, b, a]) codes.push((await c.emit('room:join', { pin: '999999', nickname: 'Scan' })).code);
    expect(codes).toEqual(['room_not_found', 'room_not_found', 'room_not_found', 'rate_limited', 'rate_limited']);
    // Failed lookups on the other paths see the same shared count.
    expect(await b.emit('room:rejoin', { pin: '999998', token: 'x'.repeat(32) })).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  it('keeps answering while Redis is down (each node counts on its own), and shares the count again once it is back', async () => {
    const redis = cluster.redis!;
    await redis.halt({ signal: 'SIGKILL' });
    try {
      // Nothing fails: sign-in answers 401 (not 500), and a node counts its own attempts.
      const a = new HttpClient(cluster.node('a').url);
      const started = Date.now();
      const down: number[] = [];
      for (let i = 0; i < 4; i++) down.push((await a.signIn('nobody@example.com', 'wrong-password')).status);
      expect(down).toEqual([401, 401, 401, 429]);
      expect(Date.now() - started).toBeLessThan(5_000);
      // The other node has counted nothing of those.
      expect((await new HttpClient(cluster.node('b').url).signIn('nobody@example.com', 'wrong-password')).status).toBe(401);
      const g = await guestOn('b');
      expect(await g.emit('room:join', { pin: '999999', nickname: 'Scan' })).toMatchObject({ ok: false, code: 'room_not_found' });
      g.close();
    } finally {
      await redis.restart();
    }
    // Back: both nodes reconnect by themselves (two connections each), and count together again.
    const probe = createClient({ url: redis.url });
    probe.on('error', () => {});
    await probe.connect();
    try {
      await expect
        .poll(async () => (await probe.clientList()).filter((c) => c.cmd !== 'client|list').length, { timeout: 15_000, interval: 100 })
        .toBeGreaterThanOrEqual(4);
      await probe.flushAll(); // a clean window (the outage's counts were in each node's memory)
    } finally {
      await probe.close();
    }
    const on = (node: string) => new HttpClient(cluster.node(node).url);
    const statuses: number[] = [];
    for (const node of ['b', 'a', 'b', 'a']) statuses.push((await on(node).signIn('nobody@example.com', 'wrong-password')).status);
    // Node a counted 4 in memory while Redis was away: a 401 from it now can only come from Redis.
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(cluster.output()).toMatch(/rate limits \(sign-in\/sign-up\): Redis unavailable/);
    expect(cluster.output()).not.toMatch(/request failed|socket \S+ failed|unhandled|uncaught/i);
  });
});
