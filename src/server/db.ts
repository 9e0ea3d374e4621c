import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from './env';

const globalDb = globalThis as unknown as { __studyPrisma?: PrismaClient };

/**
 * The one Prisma client of the process. why: the custom server and Next's bundle both import
 * this module; keeping the client on globalThis gives them a single connection to the SQLite file.
 */
export function db(): PrismaClient {
  if (!globalDb.__studyPrisma) {
    const adapter = new PrismaBetterSQLite3({ url: env().DATABASE_URL, timeout: 10_000 });
    globalDb.__studyPrisma = new PrismaClient({ adapter });
  }
  return globalDb.__studyPrisma;
}

export type Db = PrismaClient;
