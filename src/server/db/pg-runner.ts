import pg from 'pg';
import type { CompiledQuery } from 'kysely';
import { env } from '../env';

/**
 * PostgreSQL only: the data layer's compiled queries run on a `pg` pool of their own. why not
 * through Prisma's raw API as on SQLite: measured here, a one-row read costs ~270 µs on `pg` and
 * ~480–680 µs through Prisma, and a read-and-update transaction ~0.6 ms against ~1.75 ms; on the
 * review and room hot paths that difference was the p95. On PostgreSQL a second pool is safe (the
 * server serialises writers); on SQLite it is not, so SQLite keeps Prisma's one connection.
 */
const TIMESTAMP = 1114;
const INT8 = 20;
const NUMERIC = 1700;

// why: Prisma stores DateTime as `timestamp(3)` without a zone, in UTC; pg would read it as local
// time. COUNT is int8, which pg returns as text to keep precision our counts never need.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A Date as the `timestamp` text Prisma writes: UTC, no zone (pg would send local time with an offset). */
function param(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().replace('T', ' ').replace('Z', '') : v;
}

const globalPool = globalThis as unknown as { __studyPgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!globalPool.__studyPgPool) {
    const e = env();
    const pool = new pg.Pool({
      connectionString: e.DATABASE_URL,
      max: e.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      allowExitOnIdle: true,
      types,
    });
    // why: an idle client whose server went away emits 'error' on the pool; unhandled it would end
    // the process. The next query gets a fresh connection (or a 503 while the database is away).
    pool.on('error', (err) => console.error(`database pool: an idle connection failed (${err.message})`));
    globalPool.__studyPgPool = pool;
  }
  return globalPool.__studyPgPool;
}

export interface PgExec {
  rows(q: CompiledQuery<unknown>): Promise<Record<string, unknown>[]>;
  count(q: CompiledQuery<unknown>): Promise<number>;
}

export function pgExec(client: pg.Pool | pg.PoolClient): PgExec {
  const run = (q: CompiledQuery<unknown>) => client.query({ text: q.sql, values: q.parameters.map(param) });
  return {
    rows: async (q) => (await run(q)).rows,
    count: async (q) => (await run(q)).rowCount ?? 0,
  };
}

/** One transaction on one pooled connection: all or nothing. */
export async function pgTransaction<T>(fn: (exec: PgExec) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(pgExec(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => {
      // The connection itself failed: drop it from the pool rather than hand it out again.
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
