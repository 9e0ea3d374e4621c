/**
 * Vitest global setup for the integration tests: one temp folder for the whole run, the migrated
 * and seeded template database every test copies (helpers/database.ts), and with TEST_DB=postgres
 * one throwaway PostgreSQL cluster holding it. All of it is removed at the end.
 * why here: test files run in worker processes that are stopped rather than exited, so a worker
 * cannot clean up what it made; the run's teardown can. And migrating once per run instead of once
 * per file saves seconds per file (more on PostgreSQL, whose `migrate deploy` takes ~11 s here).
 * Workers inherit this process's environment, which is how they find the template and cluster.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestRun } from './database';

export default async function setup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-tests-'));
  let run;
  try {
    run = await startTestRun(dir);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  Object.assign(process.env, run.env);
  return () => {
    run.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
