import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';

/**
 * Configuration, read once from the process environment and validated.
 * Every setting is documented in the README ("Configuration").
 */
const rateRule = z
  .string()
  .regex(/^\d+\/\d+$/, 'expected "<max>/<seconds>", e.g. "5/60"')
  .transform((s) => {
    const [max, window] = s.split('/').map(Number);
    return { max, window };
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default(path.resolve('data')),
  DATABASE_URL: z
    .string()
    .refine(
      (u) => u.startsWith('file:') || /^postgres(ql)?:\/\/[^/]/.test(u),
      'use an SQLite file URL (file:/path/to/app.db) or a PostgreSQL URL (postgresql://user:password@host:5432/db)',
    )
    .optional(),
  /**
   * Several nodes: every node of one install points at the same Redis (rooms' owners, PINs, rate
   * limits) and the same PostgreSQL database. Unset: one node, nothing shared (the default).
   */
  REDIS_URL: z
    .string()
    .refine((u) => /^rediss?:\/\/[^/]/.test(u), 'use a Redis URL (redis://host:6379 or rediss://user:password@host:6380)')
    .optional(),
  /**
   * Several nodes: how long a room's owner lease lasts without renewal, so how soon another node
   * takes over the rooms of a node that died (renewed every sixth of it).
   */
  ROOM_LEASE_MS: z.coerce.number().int().min(600).max(60_000).default(3000),
  /** PostgreSQL only: connections this process keeps open (each app node has its own pool). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  BETTER_AUTH_SECRET: z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters').optional(),
  /** Public URL used when a request carries no usable Host header. */
  APP_URL: z.string().url().optional(),
  /** Set when a reverse proxy in front of the app sets X-Forwarded-For; otherwise it is ignored. */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  RATE_LIMIT_SIGN_IN: rateRule.default({ max: 10, window: 60 }),
  RATE_LIMIT_SIGN_UP: rateRule.default({ max: 10, window: 60 }),
  // why: a whole class often shares one NAT address, so joins allow a full room per minute.
  RATE_LIMIT_JOIN: rateRule.default({ max: 120, window: 60 }),
  /** Who may sign up as an instructor: anyone ("open"), holders of INSTRUCTOR_SIGNUP_CODE ("code"), nobody ("closed"). */
  INSTRUCTOR_SIGNUP: z.enum(['open', 'code', 'closed']).default('open'),
  INSTRUCTOR_SIGNUP_CODE: z.string().min(8, 'INSTRUCTOR_SIGNUP_CODE must be at least 8 characters').max(200).optional(),
  /** "false" serves only Socket.IO and /api/auth (used by integration tests and benchmarks). */
  SERVE_NEXT: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
}).refine((e) => e.INSTRUCTOR_SIGNUP !== 'code' || e.INSTRUCTOR_SIGNUP_CODE !== undefined, {
  path: ['INSTRUCTOR_SIGNUP_CODE'],
  message: 'INSTRUCTOR_SIGNUP=code needs INSTRUCTOR_SIGNUP_CODE (the code instructors type when signing up)',
});

export type Env = z.infer<typeof schema> & { DATABASE_URL: string; BETTER_AUTH_SECRET: string; PORT: number };

function devSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let secret = e.BETTER_AUTH_SECRET;
  if (!secret) {
    if (e.NODE_ENV === 'production') {
      throw new Error(
        'BETTER_AUTH_SECRET is required in production (32+ random characters). ' +
          '`npm start` creates one in data/auth-secret for a local install; set it explicitly elsewhere.',
      );
    }
    secret = devSecret(e.DATA_DIR);
  }
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(e.DATA_DIR, 'app.db')}`;
  return { ...e, DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: secret };
}

const globalEnv = globalThis as unknown as { __studyEnv?: Env };

/** The validated configuration (loaded on first use, then cached for the process). */
export function env(): Env {
  globalEnv.__studyEnv ??= load();
  return globalEnv.__studyEnv;
}

/** Re-read the environment (tests that change process.env between cases). */
export function resetEnvForTests(): void {
  globalEnv.__studyEnv = undefined;
}
