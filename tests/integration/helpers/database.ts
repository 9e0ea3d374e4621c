/**
 * Databases for the integration tests, on either engine: `TEST_DB=postgres` runs them on
 * PostgreSQL, anything else (the default) on SQLite files. Tests never build a database URL or
 * copy a database file themselves; they ask this module.
 *
 * - Once per run (tests/integration/helpers/temp-root.ts, vitest's global setup) a template is
 *   migrated and loaded with the built-in decks, as `npm start` would: an SQLite file, or a
 *   PostgreSQL database on a throwaway cluster started for the run (stopped and removed at the end).
 * - freshDatabase(): a database of one's own, a copy of that template (SQLite: a file copy;
 *   PostgreSQL: CREATE DATABASE ... TEMPLATE, ~0.1 s). drop() removes it.
 * - cloneDatabase(url): a copy of another database's data (nothing may be connected to it: stop
 *   its server and disconnect its clients first; PostgreSQL refuses to copy a database in use).
 * - openPrisma(url): a Prisma client of the right engine, to read or arrange what a server stores.
 *
 * Outside vitest (bench:room, bench:crash) the first freshDatabase() of the process prepares
 * what the global setup would have, and removes it when the process exits.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { PrismaClient } from '../../../src/generated/prisma/client';
import { openDatabase } from '../../../src/server/db/openers';
import { INSTALL_HINT, postgresBin, startPostgresCluster } from '../../../scripts/lib/postgres-cluster';

export type TestEngine = 'sqlite' | 'postgres';

export interface TestDatabase {
  engine: TestEngine;
  /** The DATABASE_URL to give a server or the app's data layer. */
  url: string;
  /** Removes the database (PostgreSQL: drops it, closing whatever is still connected). */
  drop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');

/** Environment the global setup hands to the test workers (workers inherit the runner's env). */
const ENV = {
  /** The run's temp folder (removed at the end of the run). */
  tmp: 'STUDYROOM_TEST_TMP',
  /** The migrated, seeded template: an SQLite file URL or a PostgreSQL URL. */
  template: 'STUDYROOM_TEST_TEMPLATE_URL',
  /** postgresql://postgres@127.0.0.1:<port>/postgres of the run's cluster. */
  pgAdmin: 'STUDYROOM_TEST_PG_ADMIN_URL',
} as const;

/** The engine this run tests: TEST_DB=postgres (or pg) for PostgreSQL, unset or sqlite for SQLite. */
export function testEngine(): TestEngine {
  const v = (process.env.TEST_DB ?? 'sqlite').toLowerCase();
  if (v === 'sqlite' || v === '') return 'sqlite';
  if (v === 'postgres' || v === 'postgresql' || v === 'pg') return 'postgres';
  throw new Error(`TEST_DB=${process.env.TEST_DB}: use sqlite (the default) or postgres`);
}

export function engineOfUrl(url: string): TestEngine {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(`not a database URL the tests know: ${url}`);
}

const sqliteFile = (url: string) => url.replace(/^file:/, '').replace(/\?.*$/, '');

/** Migrates the database at `url` and loads the built-in decks, as `npm start` does. */
export function prepareDatabase(url: string): void {
  const env = { ...process.env, DATABASE_URL: url };
  const migrate = spawnSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], { cwd: root, env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
  const load = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/load-content.ts'], { cwd: root, env, encoding: 'utf8' });
  if (load.status !== 0) throw new Error(`loading built-in decks failed:\n${load.stdout}\n${load.stderr}`);
}

// ---------- PostgreSQL administration (on the cluster's `postgres` database) ----------

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env[ENV.pgAdmin];
  if (!url) throw new Error(`${ENV.pgAdmin} is not set: PostgreSQL tests run under the integration setup (TEST_DB=postgres)`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
function urlWithDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let serial = 0;
/** Unique within the run (the cluster is the run's own); PostgreSQL folds and limits names, so lower case and short. */
const newName = () => `t_${process.pid}_${++serial}_${Math.random().toString(36).slice(2, 7)}`;

async function pgCopy(fromUrl: string): Promise<TestDatabase> {
  const name = newName();
  const from = databaseName(fromUrl);
  await admin(async (c) => {
    try {
      await c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(from)}`);
    } catch (err) {
      if (/being accessed by other users/.test(String(err))) {
        throw new Error(`cannot copy database ${from} while something is connected to it: stop its server and disconnect its clients first`);
      }
      throw err;
    }
  });
  const url = urlWithDatabase(fromUrl, name);
  return {
    engine: 'postgres',
    url,
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`))),
  };
}

// ---------- SQLite ----------

function tmpParent(): string {
  return process.env[ENV.tmp] ?? os.tmpdir();
}

function sqliteCopy(fromUrl: string): TestDatabase {
  const from = sqliteFile(fromUrl);
  const dir = fs.mkdtempSync(path.join(tmpParent(), 'db-'));
  const file = path.join(dir, 'app.db');
  fs.copyFileSync(from, file);
  // A server killed with SIGKILL leaves committed pages in the write-ahead log: they are part of the data.
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${file}-wal`);
  return { engine: 'sqlite', url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// ---------- the run ----------

export interface TestRun {
  /** Environment for the test workers (and anything they start). */
  env: Record<string, string>;
  stop(): void;
}

/**
 * What a run needs: for PostgreSQL a throwaway cluster, and on either engine the migrated, seeded
 * template. Called by the global setup; stop() removes the cluster (the run's temp folder holds
 * the SQLite template and is removed by the caller).
 */
export async function startTestRun(tmp: string): Promise<TestRun> {
  const engine = testEngine();
  if (engine === 'sqlite') {
    const file = path.join(tmp, 'template.db');
    const url = `file:${file}`;
    prepareDatabase(url);
    return { env: { [ENV.tmp]: tmp, [ENV.template]: url }, stop: () => {} };
  }
  if (!postgresBin()) throw new Error(`TEST_DB=postgres: PostgreSQL binaries not found: ${INSTALL_HINT}`);
  const cluster = await startPostgresCluster();
  try {
    const name = 'studyroom_template';
    const client = new pg.Client({ connectionString: cluster.adminUrl });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    prepareDatabase(cluster.urlFor(name));
    // why: CREATE DATABASE ... TEMPLATE fails while anything is connected to the template; no test can connect now.
    await client.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
    await client.end();
    return { env: { [ENV.tmp]: tmp, [ENV.pgAdmin]: cluster.adminUrl, [ENV.template]: cluster.urlFor(name) }, stop: () => cluster.stop() };
  } catch (err) {
    cluster.stop();
    throw err;
  }
}

let ownRun: Promise<void> | null = null;
/** Outside vitest's global setup (a benchmark script): set the run up in this process, torn down at exit. */
function ensureRun(): Promise<void> {
  if (process.env[ENV.template]) return Promise.resolve();
  ownRun ??= (async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-run-'));
    const run = await startTestRun(tmp);
    Object.assign(process.env, run.env);
    process.once('exit', () => {
      run.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });
  })();
  return ownRun;
}

/** A database of one's own: a copy of the run's migrated template with the built-in decks loaded. */
export async function freshDatabase(): Promise<TestDatabase> {
  await ensureRun();
  const template = process.env[ENV.template]!;
  if (engineOfUrl(template) !== testEngine()) {
    throw new Error(`TEST_DB says ${testEngine()} but the run's template is ${engineOfUrl(template)}: start the run with the same TEST_DB`);
  }
  return testEngine() === 'postgres' ? pgCopy(template) : sqliteCopy(template);
}

/**
 * A copy of the data at `url` (same engine), for a test that starts a server on another's data.
 * Nothing may be connected to the source: stop its server and $disconnect its clients first.
 */
export async function cloneDatabase(url: string): Promise<TestDatabase> {
  return engineOfUrl(url) === 'postgres' ? pgCopy(url) : sqliteCopy(url);
}

/**
 * A Prisma client on the database at `url`, with the client generated for its engine (the data
 * layer's openDatabase(); the PostgreSQL client is typed as the SQLite one). Call $disconnect().
 */
export function openPrisma(url: string): PrismaClient {
  engineOfUrl(url);
  return openDatabase(url, { poolSize: 4 }).client;
}
