import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { db, engine } from './db';
import { env } from './env';
import { CLIENT_IP_HEADER } from './client-ip';
import { recentSession } from './recent-sessions';
import { assertMayCreateRole } from './instructor-signup';
import { authRateLimitStorage } from './rate-limit';

export const ROLES = ['student', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

function createAuth() {
  const e = env();
  return betterAuth({
    appName: 'StudyRoom',
    secret: e.BETTER_AUTH_SECRET,
    // why: classrooms reach the server by LAN address or hostname, not one fixed URL. The request's
    // own host is accepted; CSRF protection still compares Origin with it.
    // Cookies are Secure (and __Secure- prefixed) only when the app is served over https (APP_URL),
    // so sign-in also works for students reaching a laptop over plain http on the classroom LAN.
    baseURL: {
      allowedHosts: ['*'],
      protocol: e.APP_URL?.startsWith('https://') ? 'https' : 'http',
      fallback: e.APP_URL ?? `http://localhost:${e.PORT}`,
    },
    database: prismaAdapter(db(), { provider: engine() === 'postgres' ? 'postgresql' : 'sqlite' }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'student', input: true },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      // why: every review request needs the session; a signed cookie cache saves a database read
      // per request. Sign-out clears it; a session revoked elsewhere lapses within a minute.
      cookieCache: { enabled: true, maxAge: 60 },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user, context) => {
            const role = (user as { role?: unknown }).role ?? 'student';
            if (!ROLES.includes(role as Role)) {
              throw new APIError('BAD_REQUEST', { message: 'Role must be "student" or "instructor".' });
            }
            assertMayCreateRole(String(role), context?.body ?? null);
            const name = String(user.name ?? '').trim();
            if (name.length < 1 || name.length > 40) {
              throw new APIError('BAD_REQUEST', { message: 'Display name must be 1 to 40 characters.' });
            }
            return { data: { ...user, name, role } };
          },
        },
        update: {
          // why: `role` is an input field so sign-up can choose it, which would also let
          // /api/auth/update-user change it; a role is chosen once, at sign-up, under the rules above.
          before: async (user) => {
            if ('role' in user) {
              throw new APIError('FORBIDDEN', { code: 'ROLE_IMMUTABLE', message: 'The role of an account cannot be changed.' });
            }
          },
        },
      },
    },
    rateLimit: {
      // why: on in every mode, not only production, so tests exercise the same limits users get.
      enabled: true,
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': e.RATE_LIMIT_SIGN_IN,
        '/sign-up/email': e.RATE_LIMIT_SIGN_UP,
      },
      // why customStorage and not better-auth's secondaryStorage: secondaryStorage would also move
      // sessions (and their lookups) into Redis, so a Redis restart or outage would touch who is
      // signed in. Only the counters are shared; sessions stay in the database alone. While Redis
      // is away each node counts on its own (src/server/rate-limit.ts): sign-in keeps working.
      ...(e.REDIS_URL ? { customStorage: authRateLimitStorage() } : {}),
    },
    advanced: {
      // The custom server overwrites this header with the socket's address on every request,
      // so a client cannot choose the address its requests are counted against.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
const globalAuth = globalThis as unknown as { __studyAuth?: Auth };

/** The one better-auth instance of the process (shared by the custom server and Next's bundle). */
export function auth(): Auth {
  globalAuth.__studyAuth ??= createAuth();
  return globalAuth.__studyAuth;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in user for a request's headers, or null for a guest. */
export async function userFromHeaders(headers: Headers): Promise<SessionUser | null> {
  return recentSession(headers.get('cookie'), async () => {
    const session = await auth().api.getSession({ headers });
    if (!session) return null;
    const u = session.user as typeof session.user & { role?: string };
    const user: SessionUser = { id: u.id, name: u.name, email: u.email, role: u.role === 'instructor' ? 'instructor' : 'student' };
    return user;
  });
}
