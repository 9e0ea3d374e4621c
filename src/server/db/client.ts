import type { PrismaClient } from '@/generated/prisma/client';
import { env } from '../env';
import { engineOf, type Engine } from './engine';
import { openDatabase } from './openers';

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
    const { client } = openDatabase(url, { poolSize: env().DATABASE_POOL_SIZE });
    globalDb.__studyDb = { client, engine, ready: engine === 'sqlite' ? tuneSqlite(client) : Promise.resolve() };
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
    // An unusable file is reported by the start-up probe (health.ts), in one line. Otherwise another
    // connection holds a lock right now: keep the defaults rather than fail to connect.
    const message = String((err as Error)?.message ?? err).split('\n').filter(Boolean).pop();
    if (!/open database|directory does not exist|SQLITE_CANTOPEN/i.test(message ?? '')) console.warn(`could not switch SQLite to WAL: ${message}`);
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
