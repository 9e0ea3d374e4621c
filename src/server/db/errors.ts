import { isDatabaseUnavailable } from './health';

/**
 * Whether a failed query or transaction may succeed if simply tried again: the database cannot be
 * reached for the moment (isDatabaseUnavailable), is busy, or chose this transaction as a deadlock
 * or serialization victim. A constraint violation or bad SQL is not retryable: it fails the same
 * way every time.
 */
export function isRetryable(err: unknown): boolean {
  if (isDatabaseUnavailable(err)) return true;
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  // Prisma: P2028 a transaction could not start in time or expired, P2034 write conflict or deadlock.
  if (code === 'P2028' || code === 'P2034') return true;
  // SQLite: another process holds the lock. PostgreSQL (SQLSTATE): 40001 serialization failure, 40P01 deadlock.
  return /SQLITE_BUSY|SQLITE_LOCKED|database is locked|\b(40001|40P01)\b/i.test(`${code} ${typeof e.message === 'string' ? e.message : ''}`);
}
