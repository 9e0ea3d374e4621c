import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/generated/prisma-pg/client';
import { env } from '../env';
import { engineOf, type Engine } from './engine';

interface Held {
  client: PrismaClient;
  engine: Engine;
  ready: Promise<void>;
}

const globalDb = globalThis as unknown as { __studyDb?: Held };

/**
 * The one Prisma client of the process, for the engine DATABASE_URL names. why on globalThis: the
 * custom server and Next's bundle both import this module and must share one connection (SQLite)
 * or one pool (PostgreSQL). The PostgreSQL client is generated from the same schema
 * (scripts/postgres-schema.ts), so it is typed as the SQLite one.
 */
function held(): Held {
  if (!globalDb.__studyDb) {
    const url = env().DATABASE_URL;
    const engine = engineOf(url);
    if (engine === 'postgres') {
      const client = new PostgresPrismaClient({
        adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 }),
      }) as unknown as PrismaClient;
      globalDb.__studyDb = { client, engine, ready: Promise.resolve() };
    } else {
      const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
      globalDb.__studyDb = { client, engine, ready: tuneSqlite(client) };
    }
  }
  return globalDb.__studyDb;
}

/**
 * WAL lets readers on other connections (tests, scripts, the checkpointer) run while a write
 * commits, and with synchronous=NORMAL a commit appends to the log without waiting for a disk
 * flush (a rating's commit took ~8 ms in rollback-journal mode). A crash of the process loses
 * nothing; a power cut can lose the last moments of commits, never the file's integrity.
 */
async function tuneSqlite(client: PrismaClient): Promise<void> {
  try {
    await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await client.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  } catch (err) {
    // Another connection holds a lock right now: keep the defaults rather than fail to connect.
    // One line: when the file cannot be opened at all, the start stops with its own line (server/index.ts).
    console.warn(`could not switch SQLite to WAL: ${String((err as Error)?.message ?? err).split('\n').pop()}`);
  }
}

export function db(): PrismaClient {
  return held().client;
}

/** The engine of this process's database. */
export function engine(): Engine {
  return held().engine;
}

/** Resolves once the connection is set up (SQLite's pragmas); the server awaits it before serving. */
export function dbReady(): Promise<void> {
  return held().ready;
}

export type Db = PrismaClient;
