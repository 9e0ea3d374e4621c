/**
 * Caches that must agree across nodes are invalidated through Redis: review settings saved through
 * node A are what node B serves next, at once (not after B's few-second expiry).
 * Serves Next's API routes: needs `next build` first (npm test builds before the integration tests).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../helpers/cluster';
import { HttpClient } from '../helpers/http';
import { skipWithoutRedis } from '../helpers/redis-server';

describe.skipIf(skipWithoutRedis())('cache invalidation across nodes', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster({ nodes: 2, serveNext: true });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('review settings saved through node A are served by node B right away', async () => {
    const a = new HttpClient(cluster.node('a').url);
    expect((await a.signUp(`inv-${randomUUID().slice(0, 8)}@example.com`, 'a-good-password', 'Inv')).status).toBe(200);
    // The same browser's next request lands on node B (same cookie, same secret, same database).
    const b = new HttpClient(cluster.node('b').url, { cookie: a.cookieHeader() });
    const before = await b.get('/api/settings/review');
    expect(before.status).toBe(200);
    const old = before.json.settings.newPerDay as number;
    // Node B now holds the settings in its cache; change them through node A, several times.
    for (const newPerDay of [old + 7, old + 3, old + 11]) {
      const put = await a.request('PUT', '/api/settings/review', { newPerDay });
      expect(put.status).toBe(200);
      await expect
        .poll(async () => (await b.get('/api/settings/review')).json.settings.newPerDay, { timeout: 1_000, interval: 50 })
        .toBe(newPerDay);
    }
  });
});
