import { afterEach, describe, expect, it } from 'vitest';
import { authRateLimitStorage, createRateLimiter, MemoryRateLimiter, MemoryCounter, RedisRateLimiter } from '@/server/rate-limit';

describe('MemoryRateLimiter', () => {
  it('counts attempts in a fixed window per key', async () => {
    const l = new MemoryRateLimiter(2, 60_000);
    expect(l.takeNow('ip', 0)).toBe(true);
    expect(l.blockedNow('ip', 0)).toBe(false);
    expect(l.takeNow('ip', 10)).toBe(true);
    expect(l.blockedNow('ip', 10)).toBe(true);
    expect(l.takeNow('ip', 20)).toBe(false);
    expect(l.takeNow('other', 20)).toBe(true);
    // The window starts at the first attempt and does not extend.
    expect(l.takeNow('ip', 60_000)).toBe(true);
    expect(await l.take('x')).toBe(true);
    expect(await l.blocked('x')).toBe(false);
  });

  it('MemoryCounter reports when the window ends', () => {
    const c = new MemoryCounter();
    expect(c.hit('k', 1000, 5)).toEqual({ count: 1, resetAt: 1005 });
    expect(c.hit('k', 1000, 500)).toEqual({ count: 2, resetAt: 1005 });
    expect(c.count('k', 1004)).toBe(2);
    expect(c.count('k', 1005)).toBe(0);
  });
});

describe('limiters without a reachable Redis', () => {
  const saved = process.env.REDIS_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = saved;
  });

  it('picks memory without REDIS_URL and Redis with it', () => {
    delete process.env.REDIS_URL;
    expect(createRateLimiter('join', { max: 1, window: 60 })).toBeInstanceOf(MemoryRateLimiter);
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    expect(createRateLimiter('join', { max: 1, window: 60 })).toBeInstanceOf(RedisRateLimiter);
  });

  it('counts on its own (never throws) while Redis cannot be reached', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:1'; // nothing listens there
    const l = new RedisRateLimiter('join', 2, 60_000);
    expect([await l.take('ip'), await l.take('ip'), await l.take('ip')]).toEqual([true, true, false]);
    expect(await l.blocked('ip')).toBe(true);
    const auth = authRateLimitStorage();
    const rule = { max: 1, window: 60 };
    expect(await auth.consume('ip|/sign-in/email', rule)).toEqual({ allowed: true, retryAfter: null });
    const refused = await auth.consume('ip|/sign-in/email', rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
  });
});
