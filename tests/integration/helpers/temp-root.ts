/**
 * Vitest global setup for the integration tests: one temp folder for the whole run, removed at
 * the end. why: test files run in worker processes that are stopped rather than exited, so a
 * worker cannot clean up its own migrated template database; the run's teardown can.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-tests-'));
  process.env.STUDYROOM_TEST_TMP = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
