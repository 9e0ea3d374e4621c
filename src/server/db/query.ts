import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
} from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { db, engine } from './client';
import { pgExec, pgPool, pgTransaction, type PgExec } from './pg-runner';
import { isConcurrencyConflict } from './conflicts';
import type { Engine } from './engine';
import type { DB } from './schema';

/**
 * Typed SQL on both engines, on public APIs only: Kysely builds the query and compiles it for the
 * engine (placeholders, quoting), and Prisma's raw-query API runs it on Prisma's own connection or
 * pool. why not a second connection: on SQLite a second writer in the same process would block the
 * event loop in SQLite's busy handler while Prisma's transaction waits for that same loop.
 *
 * Kysely never executes anything here (its driver is a dummy); it is a typed SQL compiler.
 */
const builders = new Map<Engine, Kysely<DB>>();

export function qb(): Kysely<DB> {
  const e = engine();
  let k = builders.get(e);
  if (!k) {
    k = new Kysely<DB>({
      dialect:
        e === 'postgres'
          ? {
              createAdapter: () => new PostgresAdapter(),
              createDriver: () => new DummyDriver(),
              createIntrospector: (k) => new PostgresIntrospector(k),
              createQueryCompiler: () => new PostgresQueryCompiler(),
            }
          : {
              createAdapter: () => new SqliteAdapter(),
              createDriver: () => new DummyDriver(),
              createIntrospector: (k) => new SqliteIntrospector(k),
              createQueryCompiler: () => new SqliteQueryCompiler(),
            },
    });
    builders.set(e, k);
  }
  return k;
}

type Query<O> = Compilable<O> | CompiledQuery<O>;
type RawClient = Pick<PrismaClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

/** Runs compiled queries on Prisma's connection or inside one of its transactions. */
export interface Runner {
  /** Every row. Integers come back as numbers (never BigInt) on both engines. */
  all<O>(query: Query<O>): Promise<O[]>;
  /** The first row, or undefined. */
  first<O>(query: Query<O>): Promise<O | undefined>;
  /** A write; the number of rows it changed. */
  run(query: Query<unknown>): Promise<number>;
}

const compiled = <O>(q: Query<O>): CompiledQuery<O> => ('compile' in q ? q.compile() : q);

/** why: COUNT and integer expressions come back as BigInt from both engines' raw results. */
function plain<O>(row: Record<string, unknown>): O {
  for (const key in row) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
  return row as O;
}

function runnerOn(client: RawClient): Runner {
  const all = async <O>(q: Query<O>): Promise<O[]> => {
    const c = compiled(q);
    const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(c.sql, ...c.parameters);
    return rows.map((r) => plain<O>(r));
  };
  return {
    all,
    first: async (q) => (await all(q))[0],
    run: async (q) => {
      const c = compiled(q);
      return client.$executeRawUnsafe(c.sql, ...c.parameters);
    },
  };
}

function pgRunner(exec: PgExec): Runner {
  const all = async <O>(q: Query<O>): Promise<O[]> => (await exec.rows(compiled(q) as CompiledQuery<unknown>)) as O[];
  return {
    all,
    first: async (q) => (await all(q))[0],
    run: (q) => exec.count(compiled(q)),
  };
}

/** Reads and single-statement writes outside a transaction. */
export function queries(): Runner {
  return engine() === 'postgres' ? pgRunner(pgExec(pgPool())) : runnerOn(db());
}

export class WriteConflict extends Error {
  constructor(what: string) {
    super(`write conflict: ${what} changed while this transaction ran`);
  }
}

/**
 * Runs `fn` in one real database transaction (all or nothing) on either engine. A WriteConflict
 * thrown inside (an optimistic check found the row changed), or the engine refusing the
 * transaction because another one got in its way (conflicts.ts), reruns `fn` from the start, so it
 * must read what it decides on inside the transaction.
 */
export async function transaction<T>(fn: (q: Runner) => Promise<T>, opts: { retries?: number } = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (engine() === 'postgres') return await pgTransaction((exec) => fn(pgRunner(exec)));
      return await db().$transaction((tx) => fn(runnerOn(tx)), { maxWait: 10_000, timeout: 20_000 });
    } catch (err) {
      if (!(err instanceof WriteConflict || isConcurrencyConflict(err)) || attempt >= (opts.retries ?? 5)) throw err;
    }
  }
}
