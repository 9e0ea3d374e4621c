import type Database from 'better-sqlite3';
import { prismaConnection } from '../db';

/**
 * Prepared statements on Prisma's SQLite connection for the review hot paths (queue, rate, counts,
 * stats) and for what live rooms write (src/server/games/room-writes.ts). why: each Prisma query costs about a millisecond of query-engine work while the SQL
 * itself runs in microseconds, and a queue request needs a dozen. Statements are prepared once
 * per connection and cached by their text.
 *
 * Column formats are Prisma's: DateTime as ISO text ending "+00:00" (see sqlTime), Boolean as 0/1,
 * Json as JSON text.
 */
export interface Sql {
  /** All rows of a cached statement. */
  all<T>(sql: string, ...params: unknown[]): T[];
  /** The first row, or undefined. */
  get<T>(sql: string, ...params: unknown[]): T | undefined;
  /** Runs a write statement; the number of rows changed. */
  run(sql: string, ...params: unknown[]): number;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statement(conn: Database.Database, sql: string): Database.Statement {
  let stmts = cache.get(conn);
  if (!stmts) cache.set(conn, (stmts = new Map()));
  let stmt = stmts.get(sql);
  if (!stmt) {
    stmt = conn.prepare(sql);
    // why: Prisma's adapter turns on BigInt integers for the connection; counts here are small.
    if (stmt.reader) stmt.safeIntegers(false);
    stmts.set(sql, stmt);
  }
  return stmt;
}

/** The cached-statement interface over one connection (room writes use it inside their own transaction). */
export function sqlOn(conn: Database.Database): Sql {
  return {
    all: <T>(sql: string, ...params: unknown[]) => statement(conn, sql).all(...params) as T[],
    get: <T>(sql: string, ...params: unknown[]) => statement(conn, sql).get(...params) as T | undefined,
    run: (sql: string, ...params: unknown[]) => statement(conn, sql).run(...params).changes,
  };
}

/** Read access. Reads run on Prisma's connection, so they see what Prisma's own queries see. */
export async function sqlite(): Promise<Sql> {
  return sqlOn(await prismaConnection());
}

/**
 * Runs `fn` in one synchronous transaction (all or nothing). why the wait: while Prisma has an
 * interactive transaction open on the connection (it awaits between its statements), a BEGIN
 * here would fail or mix with it; once none is open, nothing else can run until `fn` returns.
 */
export async function writeTransaction<T>(fn: (sql: Sql) => T): Promise<T> {
  const conn = await prismaConnection();
  while (conn.inTransaction) await new Promise((resolve) => setTimeout(resolve, 1));
  const sql = sqlOn(conn);
  return conn.transaction(() => fn(sql)).immediate();
}

/** A date as Prisma stores DateTime in SQLite; comparisons in SQL must use this form. */
export const sqlTime = (d: Date | number) => new Date(d).toISOString().replace('Z', '+00:00');

/** SQL placeholders for a list: `IN (${placeholders(ids)})`. */
export const placeholders = (list: readonly unknown[]) => list.map(() => '?').join(', ') || 'NULL';
