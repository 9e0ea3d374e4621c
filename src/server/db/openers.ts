import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/generated/prisma-pg/client';
import { engineOf, type Engine } from './engine';

/**
 * A Prisma client of its own for `url`, for tools that hold two databases at once (db:copy) and for
 * tests that read a server's database from outside. The app itself uses the one client of db().
 */
export function openDatabase(url: string, opts: { poolSize?: number } = {}): { client: PrismaClient; engine: Engine } {
  const engine = engineOf(url);
  if (engine === 'postgres') {
    const adapter = new PrismaPg({ connectionString: url, max: opts.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    return { client: new PostgresPrismaClient({ adapter }) as unknown as PrismaClient, engine };
  }
  return { client: new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) }), engine };
}
