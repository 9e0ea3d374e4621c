/**
 * PostgreSQL lost while the server runs: requests answer 503 with a retry hint, the server stays up,
 * and it serves again once the database is back. The test runs its own cluster (it stops it midway,
 * which must not disturb other tests' databases).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_HINT, postgresBin, startPostgresCluster, type PostgresCluster } from '../../../scripts/lib/postgres-cluster';
import { HttpClient } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/test-server';

const root = path.resolve(import.meta.dirname, '../../..');
const available = postgresBin() !== null;
if (!available && process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI: ${INSTALL_HINT}`);
if (!available) console.log(`postgres-outage: skipped, PostgreSQL is not installed (${INSTALL_HINT})`);

describe.skipIf(!available)('a PostgreSQL outage', () => {
  let dir: string;
  let cluster: PostgresCluster;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-outage-'));
    cluster = await startPostgresCluster({ dir });
    url = cluster.urlFor('postgres');
    const env = { ...process.env, DATABASE_URL: url };
    for (const args of [[path.join(root, 'node_modules/.bin/prisma'), 'migrate', 'deploy'], [process.execPath, '--import', 'tsx', 'scripts/load-content.ts']]) {
      const r = spawnSync(args[0], args.slice(1), { cwd: root, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
    }
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
