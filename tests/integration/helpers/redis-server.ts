/**
 * A real redis-server for a test file (scripts/lib/redis-server.ts): on a free port, in the run's
 * temp folder, nothing on disk, killed by stop() (and by the kernel if the test worker dies).
 *
 *   describe.skipIf(skipWithoutRedis())('…', () => {
 *     let redis: RedisServer;
 *     beforeAll(async () => { redis = await startTestRedis(); });
 *     afterAll(() => redis?.stop());
 *   });
 *
 * Without the binary a file is skipped with one line saying how to install it, except under CI
 * (CI=true), where it fails: CI never passes without the multi-node tests (as the PostgreSQL pass,
 * scripts/test-integration-pg.ts). `.ci/run` installs redis-server when it is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REDIS_INSTALL_HINT, redisServerBin, startRedisServer, type RedisServer } from '../../../scripts/lib/redis-server';

export type { RedisServer };
export { REDIS_INSTALL_HINT, redisServerBin };

const ci = () => /^(true|1)$/i.test(process.env.CI ?? '');
let hinted = false;

/**
 * True when this file's Redis tests should be skipped (no redis-server, not CI; prints one line).
 * Throws under CI when redis-server is missing.
 */
export function skipWithoutRedis(): boolean {
  if (redisServerBin()) return false;
  if (ci()) throw new Error(`redis-server not found, and CI needs the Redis tests: ${REDIS_INSTALL_HINT}`);
  if (!hinted) {
    hinted = true;
    console.warn(`Redis tests skipped, redis-server not found: ${REDIS_INSTALL_HINT}`);
  }
  return true;
}

/** A redis-server of the test's own, in the run's temp folder; stop() removes it. */
export async function startTestRedis(opts: { port?: number } = {}): Promise<RedisServer> {
  const parent = process.env.STUDYROOM_TEST_TMP ?? os.tmpdir();
  const dir = fs.mkdtempSync(path.join(parent, 'redis-'));
  const server = await startRedisServer({ ...opts, dir }).catch((err) => {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
