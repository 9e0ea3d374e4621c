/**
 * `npm run db:check`: the PostgreSQL schema is generated from the current prisma/schema.prisma, and
 * each engine's migrations folder builds exactly that schema (no drift). The PostgreSQL check needs
 * a database to replay migrations into: it starts a throwaway cluster (scripts/lib/postgres-cluster.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { INSTALL_HINT, postgresBin, startPostgresCluster } from './lib/postgres-cluster';

const root = path.resolve(import.meta.dirname, '..');
const prisma = path.join(root, 'node_modules', '.bin', 'prisma');

function run(cmd: string, args: string[], env: Record<string, string>, what: string) {
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${what}: FAILED\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  console.log(`${what}: ok`);
}

run(process.execPath, ['--import', 'tsx', 'scripts/postgres-schema.ts', '--check'], {}, 'prisma/postgres/schema.prisma is current');
const diff = (folder: string) => ['migrate', 'diff', '--from-migrations', `${folder}/migrations`, '--to-schema-datamodel', `${folder}/schema.prisma`, '--exit-code'];
run(prisma, diff('prisma'), { DATABASE_URL: `file:${path.join(root, 'data', 'app.db')}` }, 'SQLite migrations match the schema');

if (!postgresBin()) {
  const line = `PostgreSQL migrations: not checked, PostgreSQL is not installed (${INSTALL_HINT})`;
  if (process.env.CI === 'true') {
    console.error(`${line}; under CI this is a failure`);
    process.exit(1);
  }
  console.log(line);
} else {
  const cluster = await startPostgresCluster();
  try {
    run(prisma, diff('prisma/postgres'), { DATABASE_URL: cluster.adminUrl }, 'PostgreSQL migrations match the schema');
  } finally {
    cluster.stop();
  }
}
