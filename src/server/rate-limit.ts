/**
 * Fixed-window rate limits: in memory for one node, in Redis when REDIS_URL is set so the limit
 * holds across every node of an install (a client's attempts count the same on whichever node the
 * load balancer sends them to). Used for room lookups (server/rooms/rate-limit.ts, RATE_LIMIT_JOIN)
 * and better-auth's sign-in/sign-up limits (authRateLimitStorage, RATE_LIMIT_SIGN_IN/SIGN_UP).
 *
 * In Redis one counter per key and window: INCR, and PEXPIRE when the INCR created it, in one Lua
 * script (atomic: two nodes counting at once cannot both see "first"). A window starts with its
 * first attempt and never extends.
 *
 * When Redis is away (down, restarting, slower than REDIS_TIMEOUT_MS): every node counts in its own
 * memory until Redis answers again, and says so in one throttled line. why not fail closed: a
 * class must still be able to join a game and sign in while Redis restarts; why not fully open:
 * the per-node count still stops a PIN scanner or a password guesser at (nodes × the limit), a
 * bound the operator can reason about. Nothing here throws because Redis is away.
 */
import { redis, type RedisClient } from './redis/client';

export interface RateLimiter {
  /** Counts one attempt; false when `key` is over the limit for the current window. */
  take(key: string): Promise<boolean>;
  /** True when `key` has used up the current window (counts nothing). */
  blocked(key: string): Promise<boolean>;
}

export interface RateRule {
  max: number;
  /** seconds */
  window: number;
}

/** How long a limiter waits for Redis before counting in memory instead. */
export const REDIS_TIMEOUT_MS = 300;

/** Fixed-window counters in this process's memory. */
export class MemoryCounter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  /** Counts one hit on `key`; the count in the current window and when the window ends. */
  hit(key: string, windowMs: number, now = Date.now()): { count: number; resetAt: number } {
    this.sweep(now, windowMs);
    let h = this.hits.get(key);
    if (!h || h.resetAt <= now) {
      h = { count: 0, resetAt: now + windowMs };
      this.hits.set(key, h);
    }
    h.count++;
    return h;
  }

  /** The count in `key`'s current window (0 when none). */
  count(key: string, now = Date.now()): number {
    const h = this.hits.get(key);
    return h && h.resetAt > now ? h.count : 0;
  }

  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    for (const [k, h] of this.hits) if (h.resetAt <= now) this.hits.delete(k);
  }
}

/** One node's limiter (no REDIS_URL). why: joins are cheap to send and a PIN is only 6 digits. */
export class MemoryRateLimiter implements RateLimiter {
  private counter = new MemoryCounter();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  takeNow(key: string, now = Date.now()): boolean {
    return this.counter.hit(key, this.windowMs, now).count <= this.max;
  }

  blockedNow(key: string, now = Date.now()): boolean {
    return this.counter.count(key, now) >= this.max;
  }

  async take(key: string): Promise<boolean> {
    return this.takeNow(key);
  }

  async blocked(key: string): Promise<boolean> {
    return this.blockedNow(key);
  }
}

// ---------- Redis ----------

const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

const PREFIX = 'studyroom:rl:';

/**
 * The command connection when it is usable right now, with a per-command timeout; throws otherwise
 * (the caller falls back to memory). why node-redis's own timeout and not a race: a command that
 * times out is also taken out of the client's queue, so a hit the caller already counted in memory
 * is not counted again in Redis once the connection is back.
 */
async function readyClient(timeoutMs: number): Promise<RedisClient> {
  const conns = await redis();
  if (!conns) throw new Error('REDIS_URL is not set');
  // why: while reconnecting, node-redis queues commands until Redis is back; a join must not wait.
  if (!conns.cmd.isReady) throw new Error('not connected');
  return conns.cmd.withCommandOptions({ timeout: timeoutMs }) as unknown as RedisClient;
}

/** Counts one hit on `key` in Redis: the window's count and the ms left in it. */
export async function redisHit(key: string, windowMs: number, timeoutMs = REDIS_TIMEOUT_MS): Promise<{ count: number; ttlMs: number }> {
  const cmd = await readyClient(timeoutMs);
  const r = (await cmd.eval(HIT_SCRIPT, { keys: [PREFIX + key], arguments: [String(windowMs)] })) as [number, number];
  return { count: Number(r[0]), ttlMs: Number(r[1]) };
}

export async function redisCount(key: string, timeoutMs = REDIS_TIMEOUT_MS): Promise<number> {
  const cmd = await readyClient(timeoutMs);
  return Number((await cmd.get(PREFIX + key)) ?? 0);
}

/** One line per minute at most, per limiter, while Redis is away; one when it is back. */
function outageReporter(name: string) {
  let away = false;
  let lastWarned = 0;
  return {
    failed(err: unknown) {
      const now = Date.now();
      if (away && now - lastWarned < 60_000) return;
      away = true;
      lastWarned = now;
      const reason = String((err as Error)?.message ?? err).split('\n')[0];
      console.warn(`rate limits (${name}): Redis unavailable (${reason}); each node counts on its own until it is back`);
    },
    ok() {
      if (!away) return;
      away = false;
      console.warn(`rate limits (${name}): Redis is back; limits hold across nodes again`);
    },
  };
}

/** The limit across every node, in Redis; counts in memory while Redis is away. */
export class RedisRateLimiter implements RateLimiter {
  private fallback: MemoryRateLimiter;
  private outage: ReturnType<typeof outageReporter>;
  constructor(
    private readonly name: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {
    this.fallback = new MemoryRateLimiter(max, windowMs);
    this.outage = outageReporter(name);
  }

  async take(key: string): Promise<boolean> {
    try {
      const { count } = await redisHit(`${this.name}:${key}`, this.windowMs);
      this.outage.ok();
      return count <= this.max;
    } catch (err) {
      this.outage.failed(err);
      return this.fallback.takeNow(key);
    }
  }

  async blocked(key: string): Promise<boolean> {
    try {
      const count = await redisCount(`${this.name}:${key}`);
      this.outage.ok();
      return count >= this.max;
    } catch (err) {
      this.outage.failed(err);
      return this.fallback.blockedNow(key);
    }
  }
}

/** A limiter named `name` (its Redis keys' prefix): in Redis when REDIS_URL is set, in memory otherwise. */
export function createRateLimiter(name: string, rule: RateRule): RateLimiter {
  const windowMs = rule.window * 1000;
  return process.env.REDIS_URL ? new RedisRateLimiter(name, rule.max, windowMs) : new MemoryRateLimiter(rule.max, windowMs);
}

/**
 * better-auth's rate-limit storage (`rateLimit.customStorage`) across nodes: the same Redis
 * counter, keyed by better-auth's own key (client address + path) and the rule's window. While Redis
 * is away each node counts in memory (see the top of this file: a class can still sign in).
 */
export function authRateLimitStorage(): {
  consume(key: string, rule: RateRule): Promise<{ allowed: boolean; retryAfter: number | null }>;
} {
  const memory = new MemoryCounter();
  const outage = outageReporter('sign-in/sign-up');
  return {
    async consume(key, rule) {
      const windowMs = rule.window * 1000;
      let count: number;
      let msLeft: number;
      try {
        const r = await redisHit(`auth:${rule.window}:${key}`, windowMs);
        outage.ok();
        count = r.count;
        msLeft = r.ttlMs;
      } catch (err) {
        outage.failed(err);
        const now = Date.now();
        const h = memory.hit(key, windowMs, now);
        count = h.count;
        msLeft = h.resetAt - now;
      }
      return count <= rule.max ? { allowed: true, retryAfter: null } : { allowed: false, retryAfter: Math.max(1, Math.ceil(msLeft / 1000)) };
    },
  };
}
