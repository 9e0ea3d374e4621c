/**
 * REDIS_URL set but nothing answers there: the server stops at start with one line naming
 * REDIS_URL and the reason, and exit code 1 (it does not serve as a lone node that shares nothing).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/postgres-cluster';
import { freshDatabase, type TestDatabase } from './helpers/database';

const root = path.resolve(import.meta.dirname, '../..');
let db: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  db = await freshDatabase();
  dataDir = fs.mkdtempSync(path.join(process.env.STUDYROOM_TEST_TMP ?? os.tmpdir(), 'redis-unreachable-'));
});
afterAll(async () => {
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>): Promise<{ code: number | null; out: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: db.url,
        BETTER_AUTH_SECRET: 'integration-test-secret-0123456789abcdef',
        SERVE_NEXT: 'false',
        ROOM_WARM_UP: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: Date.now() - t0 });
    });
  });
}

describe('Redis unreachable at start', () => {
  it('stops with one line naming REDIS_URL and exit code 1', async () => {
    const port = await freePort(); // nothing listens there
    const r = await start({ REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^StudyRoom could not start: REDIS_URL \\(redis://127\\.0\\.0\\.1:${port}/?\\): Redis cannot be reached \\(.+\\)$`));
    expect(r.out).not.toMatch(/ready on/);
  });

  it('hides the password in that line', async () => {
    const port = await freePort();
    const r = await start({ REDIS_URL: `redis://user:s3cret-pass@127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/REDIS_URL \(redis:\/\/user:\*\*\*@127\.0\.0\.1:\d+\/?\): Redis cannot be reached/);
    expect(r.out).not.toContain('s3cret-pass');
  });

  it('names a URL that is not a Redis URL as a configuration error', async () => {
    const r = await start({ REDIS_URL: 'http://localhost:6379' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/REDIS_URL: use a Redis URL/);
  });
});
