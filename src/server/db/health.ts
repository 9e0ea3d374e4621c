import { redactedUrl } from '../redacted-url';
import { db, dbReady, engine } from './client';

export { redactedUrl };

/** What a user sees while the database is down or restarting; the pool reconnects by itself. */
export const UNAVAILABLE_MESSAGE = 'The database is not reachable right now. Try again in a few seconds.';

type AdapterCause = { kind?: string; host?: string; port?: number; db?: string; user?: string; database?: string };

function adapterCause(err: unknown): AdapterCause | null {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: AdapterCause } } })?.meta;
  return meta?.driverAdapterError?.cause ?? null;
}

const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TransactionAlreadyClosed']);
// P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03']);

/**
 * Whether `err` means the database cannot be reached right now (PostgreSQL down, restarting, or its
 * connections exhausted), as opposed to a bug or bad data. Such requests answer 503 with a retry
 * hint; the pool reconnects by itself once the database is back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const cause = adapterCause(e);
    if (cause?.kind && UNAVAILABLE_KINDS.has(cause.kind)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    const message = String((e as { message?: unknown }).message ?? '');
    if (/Connection terminated|Can't reach database server|connection timeout|Connection closed|terminating connection|timeout exceeded when trying to connect|not queryable/i.test(message)) return true;
  }
  return false;
}

/**
 * Checks at start that the database answers and is migrated; throws an Error whose message is the
 * one line an operator needs (which setting, what is wrong).
 */
export async function probeDatabase(url: string): Promise<void> {
  const where = `DATABASE_URL (${redactedUrl(url)})`;
  try {
    await dbReady();
    await db().$queryRawUnsafe('SELECT 1');
  } catch (err) {
    throw new Error(`${where}: ${reason(err)}`);
  }
  try {
    await db().user.count({ take: 1 });
  } catch {
    throw new Error(`${where}: the database has no StudyRoom tables; run \`npx prisma migrate deploy\` (npm start does it)`);
  }
}

function reason(err: unknown): string {
  const cause = adapterCause(err);
  const pg = engine() === 'postgres';
  switch (cause?.kind) {
    case 'DatabaseNotReachable':
      return `cannot connect to PostgreSQL at ${cause.host}:${cause.port} (is it running, and is the address right?)`;
    case 'DatabaseDoesNotExist':
      return `database "${cause.db ?? cause.database}" does not exist on the server (create it first)`;
    case 'AuthenticationFailed':
      return `PostgreSQL refused the user or password${cause.user ? ` for ${cause.user}` : ''}`;
    case 'DatabaseAccessDenied':
      return 'the user may not use this database';
    case 'TooManyConnections':
      return 'PostgreSQL has no free connections';
  }
  const message = String((err as { message?: unknown })?.message ?? err).split('\n').filter(Boolean).pop() ?? '';
  if (pg && isDatabaseUnavailable(err)) return `cannot connect to PostgreSQL (${message.trim()})`;
  if (/SQLITE_CANTOPEN|unable to open database|cannot open database|directory does not exist/i.test(`${(err as { code?: unknown })?.code} ${message}`)) {
    return `the database file cannot be opened (${message.trim()})`;
  }
  return message.trim();
}
