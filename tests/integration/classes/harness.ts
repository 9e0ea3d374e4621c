/**
 * In-process harness for the class, assignment and deck-editor API: the real route handlers, the
 * real better-auth sign-up/session cookies and a real database of the run's engine (SQLite or
 * PostgreSQL, helpers/database.ts; migrated, built-in decks loaded),
 * called without an HTTP server. why: the route handlers are Next code that the test server only
 * serves after `next build`; calling them directly keeps these tests independent of a build while
 * exercising the same code path a request takes after Next's router.
 */
import { freshDatabase } from '../helpers/database';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ORIGIN = 'http://localhost:3000';

export interface Harness {
  dir: string;
  databaseUrl: string;
  /** Signs up a user and returns their session cookie and id. */
  signUp(email: string, name: string, role: 'student' | 'instructor'): Promise<Actor>;
  call(route: RouteModule, method: string, params: Record<string, string>, actor: Actor | null, body?: unknown): Promise<ApiResult>;
  db(): Promise<import('@/server/db').Db>;
  close(): Promise<void>;
}

export interface Actor {
  id: string;
  cookie: string;
  name: string;
  role: 'student' | 'instructor';
}

export interface ApiResult {
  status: number;
  json: any;
}

// why: each route types its own params; the harness passes whatever the test names.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (req: Request, ctx: any) => Promise<Response> | Response;
export type RouteModule = Partial<Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', Handler>>;

/** Sets up the database and environment; call before importing any route module. */
export async function startHarness(): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(process.env.STUDYROOM_TEST_TMP ?? os.tmpdir(), 'studyroom-classes-'));
  const database = await freshDatabase();
  const databaseUrl = database.url;

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    BETTER_AUTH_SECRET: 'classes-integration-secret-0123456789abcdef',
    RATE_LIMIT_SIGN_UP: '1000/60',
    RATE_LIMIT_SIGN_IN: '1000/60',
  });
  const { auth } = await import('@/server/auth');
  const { db } = await import('@/server/db');
  const { CLIENT_IP_HEADER } = await import('@/server/client-ip');

  return {
    dir,
    databaseUrl,
    async signUp(email, name, role) {
      const res = await auth().handler(
        new Request(`${ORIGIN}/api/auth/sign-up/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN, [CLIENT_IP_HEADER]: '127.0.0.1' },
          body: JSON.stringify({ email, password: 'password-123', name, role }),
        }),
      );
      if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { user: { id: string } };
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { id: body.user.id, cookie, name, role };
    },
    async call(route, method, params, actor, body) {
      const handler = route[method as keyof RouteModule];
      if (!handler) throw new Error(`route has no ${method} handler`);
      const headers: Record<string, string> = { origin: ORIGIN };
      if (actor) headers.cookie = actor.cookie;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const req = new Request(`${ORIGIN}/api/test`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const res = await handler(req, { params: Promise.resolve(params) });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    async db() {
      return db();
    },
    async close() {
      await db().$disconnect();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
