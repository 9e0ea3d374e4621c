import Database from 'better-sqlite3';
import { env } from './env';

const globalSql = globalThis as unknown as { __studyRawSqlite?: Database.Database };

/**
 * A raw better-sqlite3 connection to the app's SQLite file, next to Prisma's, for the hot paths
 * where Prisma's per-query cost shows (a live room writes hundreds of rows a second).
 *
 * why busy_timeout 0: better-sqlite3 is synchronous, so waiting for a lock held by Prisma's
 * connection (an interactive transaction awaiting between statements) would block the event
 * loop that Prisma needs to finish and release it. Writers here get SQLITE_BUSY at once and
 * retry later (see isBusy). Their own transactions never span an await, so Prisma never waits
 * on them.
 */
export function rawSqlite(): Database.Database {
  if (!globalSql.__studyRawSqlite) {
    const file = env().DATABASE_URL.replace(/^file:/, '');
    const sql = new Database(file, { timeout: 0 });
    sql.pragma('foreign_keys = ON');
    globalSql.__studyRawSqlite = sql;
  }
  return globalSql.__studyRawSqlite;
}

/** The database is locked by another connection right now; try again shortly. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** A date as Prisma stores DateTime in SQLite (ISO 8601 text with a +00:00 offset). */
export function sqliteDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}
