/**
 * Whether a statement failed because another connection's transaction got in the way, so running
 * the whole transaction again on fresh data is the right answer (transaction() does it, as for
 * WriteConflict). SQLite: another process holds the write lock, or committed after this
 * transaction's snapshot was taken (SQLITE_BUSY_SNAPSHOT: a read-then-write transaction cannot
 * upgrade). PostgreSQL: serialization failure (40001) or deadlock victim (40P01).
 *
 * Read from what Prisma reports for a raw query: code P2010 with the driver's code in the message
 * and in meta.driverAdapterError; P2034 is Prisma's own "write conflict or deadlock".
 */
export function isConcurrencyConflict(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } } | null;
  if (!e || typeof e !== 'object') return false;
  // P2034: Prisma's own write conflict; 40001/40P01: PostgreSQL's SQLSTATE from the data layer's pg pool.
  if (e.code === 'P2034' || e.code === '40001' || e.code === '40P01') return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause?.kind === 'TransactionWriteConflict') return true;
  const codes = `${String(cause?.originalCode ?? '')} ${typeof e.message === 'string' ? e.message : ''}`;
  return /SQLITE_BUSY|database is locked|\b40001\b|\b40P01\b/.test(codes);
}
