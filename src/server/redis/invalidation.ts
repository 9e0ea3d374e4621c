/**
 * Cache invalidation across nodes. A process-local cache whose stale entry would be wrong for a
 * user on another node (a setting saved through node A still served by node B) drops its own
 * entry as before, and calls invalidateEverywhere(cache, key): every other node drops it too.
 * Without REDIS_URL (one node) it does nothing.
 *
 * - One channel; a message is {cache, key, from}. key null means "drop the whole cache".
 * - A node ignores its own messages (it dropped the entry already, synchronously).
 * - Publishing never waits and never throws: while Redis reconnects, node-redis queues the publish
 *   and sends it when Redis is back.
 * - Messages sent while a node's subscription was down are lost, so when the subscription comes
 *   back every registered cache is dropped whole: it costs a few database reads, never a stale value.
 *
 * The caches and why each is or is not shared this way (audit of module-level state for many nodes):
 * - review settings (review/settings.ts): invalidated here, and a 5 s TTL as before. why: after
 *   saving "new cards per day" on node A, node B must not schedule with the old value.
 * - new-card cursors (review/new-cursor.ts): invalidated here (per user). why: an undo on node A can
 *   make a card new again below node B's cursor; B would skip that card until its deck changed.
 * - recent sessions (recent-sessions.ts, 5 s) and better-auth's cookie cache (60 s, in the cookie
 *   itself): left alone. Signing out replaces the browser's cookie, so no node is asked about the
 *   old one again; a session revoked elsewhere lapses within the same bound on every node.
 * - a game's class (insight/class-gate.ts): never changes once the game exists; safe to keep.
 * - the last queue's deck list (review/next-card.ts): a guess, checked against the database on
 *   every request; safe.
 * - study-day starts (review/stats.ts): a pure function's memo; safe.
 * - FSRS fit jobs (optimizer/jobs.ts): not a cache but a job table; a fit started through node A
 *   is not visible when the page polls node B. Left for now (the job's result is only offered,
 *   never applied by itself); see docs/operations.md "Redis".
 * - better-auth's rate-limit counters: shared through Redis (src/server/rate-limit.ts).
 */
import { randomUUID } from 'node:crypto';
import { redisIfOpen, type RedisConnections } from './client';

export const INVALIDATION_CHANNEL = 'studyroom:invalidate';

type Drop = (key: string | null) => void;

interface State {
  /** This process, so it can skip its own messages. */
  self: string;
  handlers: Map<string, Set<Drop>>;
  started: RedisConnections | null;
  /** Messages handled (tests, diagnostics). */
  received: number;
}

// why on globalThis: Next's bundle of the API routes has its own copy of this module, and the
// caches it fills are the process's (globalThis) caches; both copies must share one registry.
const state = ((globalThis as unknown as { __studyInvalidation?: State }).__studyInvalidation ??= {
  self: randomUUID(),
  handlers: new Map(),
  started: null,
  received: 0,
});

/** Registers how `cache` drops one key (or everything, for null) when another node says so. */
export function onInvalidate(cache: string, drop: Drop): void {
  let set = state.handlers.get(cache);
  if (!set) state.handlers.set(cache, (set = new Set<Drop>()));
  set.add(drop);
}

function dropLocal(cache: string, key: string | null): void {
  for (const drop of state.handlers.get(cache) ?? []) {
    try {
      drop(key);
    } catch (err) {
      console.error(`cache invalidation (${cache}) failed`, err);
    }
  }
}

/** Tells every other node to drop `key` (null: everything) from `cache`. The caller drops its own. */
export function invalidateEverywhere(cache: string, key: string | null): void {
  const conns = redisIfOpen();
  if (!conns) return;
  const message = JSON.stringify({ cache, key, from: state.self });
  conns.cmd.publish(INVALIDATION_CHANNEL, message).catch((err: unknown) => {
    console.warn(`cache invalidation (${cache}) not sent: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
  });
}

/** Subscribes this process to other nodes' invalidations (server start, once REDIS_URL is open). */
export async function startInvalidation(conns: RedisConnections): Promise<void> {
  if (state.started === conns) return;
  state.started = conns;
  let connectedOnce = false;
  conns.sub.on('ready', () => {
    // why: messages sent while this subscription was down are lost; drop everything instead.
    if (connectedOnce) for (const cache of state.handlers.keys()) dropLocal(cache, null);
    connectedOnce = true;
  });
  if (conns.sub.isReady) connectedOnce = true;
  await conns.sub.subscribe(INVALIDATION_CHANNEL, (raw: string) => {
      let m: { cache?: unknown; key?: unknown; from?: unknown };
      try {
        m = JSON.parse(raw);
      } catch {
        return;
      }
      if (m.from === state.self || typeof m.cache !== 'string') return;
      state.received++;
      dropLocal(m.cache, typeof m.key === 'string' ? m.key : null);
  });
}

/** Invalidation messages this process received from other nodes. */
export function invalidationsReceived(): number {
  return state.received;
}
