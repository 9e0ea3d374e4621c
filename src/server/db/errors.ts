/**
 * Whether a failed query or transaction may succeed if simply tried again: the database was busy,
 * unreachable for a moment, or chose this transaction as a deadlock or serialization victim. A
 * constraint violation or bad SQL is not retryable: it fails the same way every time.
 */
export function isRetryable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; meta?: unknown } | null;
  if (!e) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  // Prisma: P1001 unreachable, P1002/P1008 timed out, P1017 connection closed, P2024 no pooled
  // connection in time, P2028 transaction could not start or expired, P2034 write conflict/deadlock.
  if (/^P(1001|1002|1008|1017|2024|2028|2034)$/.test(code)) return true;
  const text = `${code} ${typeof e.message === 'string' ? e.message : ''}`;
  // SQLite: another process holds the lock. PostgreSQL (SQLSTATE): 40001 serialization failure,
  // 40P01 deadlock, 08xxx connection exceptions, 57P0x shutting down, 53300 too many connections.
  return /SQLITE_BUSY|SQLITE_LOCKED|database is locked|\b(40001|40P01|08\d{3}|57P0[1-3]|53300)\b|ECONNRESET|ECONNREFUSED|Connection terminated/i.test(text);
}
