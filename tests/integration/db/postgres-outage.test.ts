/**
 * PostgreSQL lost while the server runs: requests answer 503 with a retry hint, the server stays up,
 * and it serves again once the database is back. The test runs its own cluster (it stops it midway,
 * which must not disturb other tests' databases). The app's data is prepared as `npm start` would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../../../scripts/lib/postgres-cluster';
import { prepareDatabase } from '../helpers/database';
import { HttpClient } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Runs in the PostgreSQL pass only (vitest.config.ts, postgresOnly), which needs the binaries.
describe('a PostgreSQL outage', () => {
  let dir: string;
  let cluster: PostgresCluster;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-outage-'));
    cluster = await startPostgresCluster({ dir });
    url = cluster.urlFor('postgres');
    prepareDatabase(url);
    server = await startTestServer({ serveNext: true, env: { DATABASE_URL: url } });
  });

  afterAll(async () => {
    await server?.stop();
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while the database is down, stays up, and recovers by itself', async () => {
    const http = new HttpClient(server.url);
    expect((await http.signUp('outage@example.com', 'a-good-password', 'Olga')).status).toBe(200);
    expect((await http.get('/api/review/counts')).status).toBe(200);
    expect((await http.get('/readyz')).status).toBe(200);

    cluster.stop();
    const during = await http.get('/api/review/counts');
    expect(during.status).toBe(503);
    expect(during.json.error.code).toBe('unavailable');
    expect(during.headers.get('retry-after')).toBe('5');
    const signIn = await new HttpClient(server.url).signIn('outage@example.com', 'a-good-password');
    expect(signIn.status).toBe(503);
    expect((await http.get('/readyz')).json).toEqual({ ok: false, database: false });
    expect((await http.get('/healthz')).status).toBe(200);

    cluster = await startPostgresCluster({ dir, port: cluster.port });
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await http.get('/api/review/counts')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect((await http.get('/readyz')).status).toBe(200);
    expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
  });
});
