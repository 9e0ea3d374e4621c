import type Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from './env';

const globalDb = globalThis as unknown as { __studyPrisma?: PrismaClient; __studyPrismaConnection?: Database.Database };

/**
 * The one Prisma client of the process. why: the custom server and Next's bundle both import
 * this module; keeping the client on globalThis gives them a single connection to the SQLite file.
 */
export function db(): PrismaClient {
  if (!globalDb.__studyPrisma) {
    const adapter = new PrismaBetterSQLite3({ url: env().DATABASE_URL, timeout: 10_000 });
    // Keep hold of the better-sqlite3 connection the adapter opens (see prismaConnection).
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const connection = await connect();
      const client = (connection as unknown as { client: Database.Database }).client;
      tune(client);
      globalDb.__studyPrismaConnection = client;
      return connection;
    };
    globalDb.__studyPrisma = new PrismaClient({ adapter });
  }
  return globalDb.__studyPrisma;
}

/**
 * WAL lets readers on other connections (tests, scripts, raw connections) run while a write
 * commits, and with synchronous=NORMAL a commit appends to the log without waiting for a disk
 * flush (a rating's commit took ~8 ms in rollback-journal mode). A crash of the process loses
 * nothing; a power cut can lose the last moments of commits, never the file's integrity.
 */
function tune(client: Database.Database) {
  try {
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
  } catch (err) {
    // Another connection holds a lock right now: keep the defaults rather than fail to connect.
    console.warn('could not switch SQLite to WAL', err);
  }
}

/**
 * Prisma's own better-sqlite3 connection, for hot paths that run prepared statements directly
 * (src/server/review/sql.ts). why the same connection and not a second one: a second writer
 * would race Prisma's interactive transactions (a commit between their read and their write
 * fails them with SQLITE_BUSY); on one connection a synchronous transaction cannot interleave
 * with anything Prisma does.
 */
export async function prismaConnection(): Promise<Database.Database> {
  if (!globalDb.__studyPrismaConnection) await db().$connect();
  const client = globalDb.__studyPrismaConnection;
  if (!client) throw new Error('Prisma did not open its SQLite connection');
  return client;
}

export type Db = PrismaClient;
