/**
 * The process's Redis connections, when REDIS_URL is set (several nodes share rooms, PINs and
 * rate limits through it). Without REDIS_URL nothing here runs and the server is one node.
 *
 * Two connections: `cmd` for commands, `sub` for subscriptions (a subscribed Redis connection
 * can issue nothing else).
 */
import { createClient } from 'redis';
import { redactedUrl } from '../redacted-url';

function makeClient(url: string, timeout: number, started: () => boolean) {
  return createClient({
    url,
    socket: {
      connectTimeout: timeout,
      // why give up before the first connect: connect() then rejects with the real reason
      // (ECONNREFUSED, ENOTFOUND, …) at once, instead of retrying until the start's timeout.
      reconnectStrategy: (retries, cause) => (started() ? Math.min(50 * 2 ** retries, 2000) : cause),
    },
  });
}

export type RedisClient = ReturnType<typeof makeClient>;

export interface RedisConnections {
  cmd: RedisClient;
  sub: RedisClient;
  close(): Promise<void>;
}

/**
 * why on globalThis: Next's bundle of the API routes has its own copy of this module; both copies
 * must use the process's one pair of connections (and the invalidation subscriber on it).
 */
const held = ((globalThis as unknown as { __studyRedis?: { current: RedisConnections | null; opening: Promise<RedisConnections> | null } }).__studyRedis ??= {
  current: null,
  opening: null,
});

/** The URL with its password hidden, for messages. */
export function redactedRedisUrl(url: string): string {
  return redactedUrl(url, 'an unparsable URL');
}

/**
 * Opens both connections; rejects with one line naming REDIS_URL when Redis cannot be reached at
 * start. why no endless first connect: an operator with a wrong URL should see why at once. After
 * the first connect the client reconnects by itself (waits up to 2 s between attempts) and
 * commands sent meanwhile wait in its queue.
 */
export async function connectRedis(url: string, opts: { connectTimeoutMs?: number } = {}): Promise<RedisConnections> {
  const timeout = opts.connectTimeoutMs ?? 5000;
  let started = false;
  const make = () => makeClient(url, timeout, () => started);
  const cmd = make();
  const sub = make();
  let lastWarned = 0;
  const onError = (err: unknown) => {
    // why not before the start: the start's own one line says it (server/index.ts).
    if (!started) return;
    // why throttled: a client that is reconnecting reports every failed attempt.
    const now = Date.now();
    if (now - lastWarned < 10_000) return;
    lastWarned = now;
    console.error(`redis (${redactedRedisUrl(url)}): ${String((err as Error)?.message ?? err)}`);
  };
  cmd.on('error', onError);
  sub.on('error', onError);
  const first = async (client: { connect(): Promise<unknown> }) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    await Promise.all([first(cmd), first(sub)]);
    await cmd.ping();
    started = true;
  } catch (err) {
    await Promise.allSettled([cmd.destroy(), sub.destroy()]);
    const reason = String((err as Error)?.message ?? err).split('\n')[0];
    throw new Error(`REDIS_URL (${redactedRedisUrl(url)}): Redis cannot be reached (${reason})`);
  }
  return {
    cmd,
    sub,
    async close() {
      await Promise.allSettled([cmd.close(), sub.close()]);
    },
  };
}

/** The process's connections (opened once); null when REDIS_URL is unset. */
export async function redis(): Promise<RedisConnections | null> {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  if (held.current) return held.current;
  held.opening ??= connectRedis(url).then(
    (c) => (held.current = c),
    (err) => {
      held.opening = null;
      throw err;
    },
  );
  return held.opening;
}

/** The connections if they are open already (sync callers); null otherwise. */
export function redisIfOpen(): RedisConnections | null {
  return held.current;
}

/** Closes the process's connections (server shutdown, tests). */
export async function closeRedis(): Promise<void> {
  const c = held.current;
  held.current = null;
  held.opening = null;
  await c?.close();
}
