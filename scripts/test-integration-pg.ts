/**
 * `npm run test:integration:pg [-- vitest args]`: the integration suite on PostgreSQL
 * (TEST_DB=postgres; the vitest global setup starts one throwaway cluster for the run).
 * Without PostgreSQL's binaries the pass is skipped with one line saying how to install them;
 * under CI (CI=true) that line is an error and the exit code 1, so CI never passes without it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { INSTALL_HINT, postgresBin } from './lib/postgres-cluster';

const root = path.resolve(import.meta.dirname, '..');
const ci = /^(true|1)$/i.test(process.env.CI ?? '');

if (!postgresBin()) {
  if (ci) {
    console.error(`test:integration:pg: PostgreSQL not found, and CI needs the PostgreSQL pass: ${INSTALL_HINT}`);
    process.exit(1);
  }
  console.error(`test:integration:pg: skipped, PostgreSQL not found: ${INSTALL_HINT}`);
  process.exit(0);
}

const r = spawnSync(path.join(root, 'node_modules/.bin/vitest'), ['run', '--project', 'integration', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEST_DB: 'postgres' },
});
process.exit(r.status ?? 1);
