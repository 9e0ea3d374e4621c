/**
 * The signed-in user for the exact same Cookie header seen in the last few seconds.
 *
 * why: better-auth's getSession costs several milliseconds per request even when it answers from
 * its signed cookie cache (signature checks and endpoint plumbing), the largest fixed cost of a
 * review API request. Reusing its answer for identical cookies for RECENT_MS changes little: the
 * cookie cache already trusts the cookie for a minute without a database read; signing out
 * replaces the cookies (so the old entry is never asked for again by that browser); a session
 * revoked elsewhere lapses at most RECENT_MS later than it did. Only signed-in answers are kept.
 */
const RECENT_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry<U> {
  user: U;
  until: number;
}

const globalMemo = globalThis as unknown as { __recentSessions?: Map<string, Entry<unknown>> };
const recent = (globalMemo.__recentSessions ??= new Map());

export async function recentSession<U>(cookie: string | null, load: () => Promise<U | null>): Promise<U | null> {
  if (!cookie) return load();
  const now = Date.now();
  const hit = recent.get(cookie) as Entry<U> | undefined;
  if (hit && hit.until > now) return hit.user;
  const user = await load();
  if (user) {
    if (recent.size >= MAX_ENTRIES) recent.clear();
    recent.set(cookie, { user, until: now + RECENT_MS });
  } else {
    recent.delete(cookie);
  }
  return user;
}
