/**
 * In-process harness for the deck routes: the real route handlers, real better-auth sessions and a
 * real database of the run's engine (SQLite or PostgreSQL, helpers/database.ts; migrated, built-in
 * decks loaded like `npm start`), without an HTTP server.
 * why: route handlers only run in the test server after `next build`; calling them directly keeps
 * these tests independent of a build while running the same code a request reaches.
 */
import { freshDatabase } from '../helpers/database';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORIGIN = 'http://localhost:3000';

export interface Actor {
  id: string;
  cookie: string;
  role: 'student' | 'instructor';
}

export interface Result {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

export interface CallOptions {
  actor?: Actor | null;
  params?: Record<string, string>;
  /** Path and query after the origin, e.g. "/api/decks/sqs/export?format=csv". */
  url?: string;
  body?: unknown;
  /** Sent as is (for malformed bodies). */
  rawBody?: string;
}

/** A fresh database (migrated, built-in decks loaded) with the app's env pointed at it. */
export async function startDeckHarness() {
  const dir = fs.mkdtempSync(path.join(process.env.STUDYROOM_TEST_TMP ?? os.tmpdir(), 'studyroom-decks-'));
  const database = await freshDatabase();
  const databaseUrl = database.url;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    BETTER_AUTH_SECRET: 'decks-integration-secret-0123456789abcdef',
    RATE_LIMIT_SIGN_UP: '1000/60',
    RATE_LIMIT_SIGN_IN: '1000/60',
  });
  const { auth } = await import('@/server/auth');
  const { db } = await import('@/server/db');
  const { CLIENT_IP_HEADER } = await import('@/server/client-ip');

  return {
    dir,
    db,
    async signUp(email: string, role: 'student' | 'instructor'): Promise<Actor> {
      const res = await auth().handler(
        new Request(`${ORIGIN}/api/auth/sign-up/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN, [CLIENT_IP_HEADER]: '127.0.0.1' },
          body: JSON.stringify({ email, password: 'password-123', name: email.split('@')[0], role }),
        }),
      );
      if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { user: { id: string } };
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return { id: body.user.id, cookie, role };
    },
    async call(handler: Handler | undefined, method: string, opts: CallOptions = {}): Promise<Result> {
      if (!handler) throw new Error(`no ${method} handler`);
      const headers: Record<string, string> = { origin: ORIGIN };
      if (opts.actor) headers.cookie = opts.actor.cookie;
      const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
      if (body !== undefined) headers['content-type'] = 'application/json';
      const req = new Request(`${ORIGIN}${opts.url ?? '/api/decks'}`, { method, headers, body });
      const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
      const text = await res.text();
      let json: any = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      return { status: res.status, headers: res.headers, text, json };
    },
    async close() {
      await db().$disconnect();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DeckHarness = Awaited<ReturnType<typeof startDeckHarness>>;
