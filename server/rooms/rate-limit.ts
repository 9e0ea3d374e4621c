/**
 * Room lookups' rate limit (RATE_LIMIT_JOIN, per client address): in memory for one node, in
 * Redis across nodes when REDIS_URL is set. The limiters live in src/server/rate-limit.ts (shared
 * with better-auth's sign-in/sign-up limits). why a limit at all: joins are cheap to send and a PIN
 * is only 6 digits, so an unthrottled client could scan for open rooms.
 */
export { createRateLimiter, MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from '../../src/server/rate-limit';
