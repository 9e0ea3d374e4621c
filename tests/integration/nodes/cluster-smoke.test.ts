/**
 * The multi-node test harness itself: two real nodes on one PostgreSQL database and one
 * redis-server, behind the test's TCP load balancer. Both answer through it; a killed node is
 * skipped by the balancer.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../helpers/cluster';
import { skipWithoutRedis } from '../helpers/redis-server';

/** One request on a connection of its own (fetch would reuse a kept-alive connection to one node). */
function getOnce(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe.skipIf(skipWithoutRedis())('a two-node cluster for tests', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster({ nodes: 2 });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('starts two nodes on one database and one Redis, and both answer /healthz through the balancer', async () => {
    expect(cluster.nodes().map((n) => n.name)).toEqual(['a', 'b']);
    expect(cluster.redisUrl).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    for (const name of ['a', 'b', 'a', 'b']) {
      cluster.balancer.pinNext(name);
      const r = await getOnce(`${cluster.url}/healthz`);
      expect(r).toEqual({ status: 200, body: '{"ok":true}' });
    }
    expect(cluster.balancer.history()).toEqual(['a', 'b', 'a', 'b']);
    // Round-robin without a pin spreads connections over both.
    const before = cluster.balancer.history().length;
    for (let i = 0; i < 4; i++) expect((await getOnce(`${cluster.url}/readyz`)).status).toBe(200);
    expect(new Set(cluster.balancer.history().slice(before))).toEqual(new Set(['a', 'b']));
  });

  it('skips a node killed with SIGKILL, and takes a node started again', async () => {
    await cluster.kill('a');
    for (let i = 0; i < 3; i++) expect((await getOnce(`${cluster.url}/healthz`)).status).toBe(200);
    expect(cluster.balancer.history().slice(-3)).toEqual(['b', 'b', 'b']);
    await cluster.startNode('a');
    cluster.balancer.pinNext('a');
    expect((await getOnce(`${cluster.url}/healthz`)).status).toBe(200);
    expect(cluster.balancer.history().at(-1)).toBe('a');
  });

  it('skips a backend that refuses connections even while it is still listed', async () => {
    const dead = cluster.node('b');
    await dead.server.kill(); // the process is gone; the balancer was not told
    cluster.balancer.pinNext('b');
    expect((await getOnce(`${cluster.url}/healthz`)).status).toBe(200);
    expect(cluster.balancer.history().at(-1)).toBe('a');
  });
});
