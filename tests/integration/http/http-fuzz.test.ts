import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanApiRoutes } from '../../../server/http/api-routes';
import { BODY_LIMITS, bodyLimitFor } from '../../../server/http/limits';
import { HttpClient } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { rawRequest, rssOf } from './raw-request';

/**
 * Seeded, bounded fuzz of every HTTP route (src/app/api/**\/route.ts and the better-auth routes):
 * malformed bodies, invalid UTF-8, lone surrogates, oversized bodies, bad percent-encoding, wrong
 * methods and foreign Origins. Every answer must be a 4xx in the JSON error shape, the server must
 * keep answering /healthz, and its memory must come back near where it started.
 */
const SEED = 12;
const ROUNDS = 2;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const AUTH_ROUTES = [
  { pattern: '/api/auth/sign-up/email', methods: ['POST'] },
  { pattern: '/api/auth/sign-in/email', methods: ['POST'] },
  { pattern: '/api/auth/sign-out', methods: ['POST'] },
  { pattern: '/api/auth/update-user', methods: ['POST'] },
];

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
const randomId = () => pick(['sqs', 'x', '0', 'cmxb5r09o00001w7dgy8wszyf', 'a'.repeat(200), '%20', 'null']);

function randomJson(depth = 0): unknown {
  const kind = Math.floor(rand() * (depth > 3 ? 5 : 7));
  if (kind === 0) return Math.floor(rand() * 2 ** 40) * (rand() < 0.5 ? -1 : 1);
  if (kind === 1) return pick(['', 'x', '💥', '<script>', 'a'.repeat(500), '\u0000', 'NaN']);
  if (kind === 2) return pick([true, false, null]);
  if (kind === 3) return rand() * 1e308;
  if (kind === 4) return [];
  if (kind === 5) return Array.from({ length: 1 + Math.floor(rand() * 4) }, () => randomJson(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(rand() * 5); i++) {
    o[pick(['name', 'id', 'role', 'rating', 'cardId', 'deckId', 'text', 'code', 'email', 'password', '__proto__', 'zz'])] = randomJson(depth + 1);
  }
  return o;
}

const garbage = () => pick(['{', '{"a":', 'nul', '[1,,2]', "{'a':1}", '\u0001\u0002', '{"a":1}}', '--boundary\r\n']);
const invalidUtf8 = () => Buffer.from(pick([[0xff, 0xfe], [0x22, 0xed, 0xa0, 0x80, 0x22], [0xc3, 0x28], [0x7b, 0xe2, 0x82, 0x7d]]));
const loneSurrogate = () => pick(['{"name":"\\ud800"}', '["\\udc00x"]', '{"\\udbff":1}', '{"text":"ok","title":"a\\ud834"}']);

let server: TestServer;
let cookie = '';

beforeAll(async () => {
  server = await startTestServer({ serveNext: true, env: { RATE_LIMIT_SIGN_IN: '10000/60', RATE_LIMIT_SIGN_UP: '10000/60' } });
  const c = new HttpClient(server.url);
  expect((await c.signUp('fuzz-teacher@example.com', 'a-good-password', 'Fuzz', 'instructor')).status).toBe(200);
  cookie = c.cookieHeader();
});
afterAll(async () => {
  await server?.stop();
});

describe('HTTP fuzz (seed 12)', () => {
  it('answers every malformed request to every route with a 4xx JSON error, stays up and frees its memory', async () => {
    const routes = [...scanApiRoutes().map((r) => ({ pattern: r.pattern, methods: r.methods })), ...AUTH_ROUTES];
    expect(routes.length).toBeGreaterThan(35);
    const failures: string[] = [];
    let sent = 0;
    const send = async (what: string, path: string, method: string, headers: Record<string, string>, body?: Buffer | string, streamBytes?: number) => {
      sent++;
      const r = await rawRequest(server.url, path, { method, headers, body, streamBytes });
      const shaped = typeof r.json?.error?.code === 'string' && typeof r.json?.error?.message === 'string';
      // why: a well-formed random body can be valid for a route that takes none (duplicate a deck);
      // it must then succeed, and otherwise be refused in the error shape, never a 500.
      const mayPass = what === 'random json' && r.status < 300;
      if (!mayPass && (r.status < 400 || r.status >= 500 || !shaped)) failures.push(`${what}: ${method} ${path} -> ${r.status} ${r.text.slice(0, 160)}`);
      return r;
    };

    const round = async () => {
      for (const route of routes) {
        const path = route.pattern.replace(/\[[^\]]+\]/g, () => encodeURIComponent(randomId()).replace('%2520', '%20'));
        const own = { origin: server.url, cookie, 'content-type': 'application/json' };
        for (const method of route.methods) {
          if (method === 'GET') {
            await send('bad query encoding', `${path}?q=%E0%A4%A`, method, own);
            continue;
          }
          await send('foreign origin', path, method, { ...own, origin: 'http://evil.example', 'content-type': pick(['application/json', 'text/plain']) }, JSON.stringify(randomJson()));
          await send('garbage body', path, method, own, garbage());
          await send('invalid utf-8', path, method, own, invalidUtf8());
          await send('lone surrogate', path, method, own, loneSurrogate());
          const limit = bodyLimitFor(path, route.pattern);
          await send('oversized', path, method, own, undefined, limit + 1 + Math.floor(rand() * 1024));
          // A well-formed but random body reaches the route's own validation.
          if (!route.pattern.startsWith('/api/auth/')) await send('random json', path, method, own, JSON.stringify(randomJson()));
        }
        const wrong = METHODS.filter((m) => !route.methods.includes(m) && !(m === 'GET' && route.pattern.startsWith('/api/auth/')));
        await send('wrong method', path, pick(wrong), own, wrong.includes('GET') ? undefined : '{}');
        await send('bad path encoding', `${path}/%`, 'GET', own);
      }
      const health = await rawRequest(server.url, '/healthz');
      expect(health.status).toBe(200);
    };

    await round();
    const baseline = await rssOf(server.pid);
    for (let i = 1; i < ROUNDS; i++) await round();
    // Bodies of 50 MB, several times: refused while reading, never held.
    for (let i = 0; i < 4; i++) {
      await send('50 MB', '/api/auth/sign-up/email', 'POST', { origin: server.url, 'content-type': 'application/json' }, undefined, 50 * 1024 * 1024);
    }
    const after = await rssOf(server.pid);

    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(400);
    expect((await rawRequest(server.url, '/healthz')).status).toBe(200);
    expect(after - baseline).toBeLessThan(64 * 1024 * 1024);
    expect(server.output()).not.toMatch(/request failed|route failed/);
    console.log(JSON.stringify({ fuzz: 'http', seed: SEED, requests: sent, rssBaselineMB: Math.round(baseline / 2 ** 20), rssAfterMB: Math.round(after / 2 ** 20), bodyLimits: BODY_LIMITS }));
  });
});
