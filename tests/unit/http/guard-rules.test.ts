import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { findApiRoute, scanApiRoutes } from '../../../server/http/api-routes';
import { BODY_LIMITS, bodyLimitFor } from '../../../server/http/limits';
import { checkOrigin } from '../../../server/http/origin';
import { jsonBodyProblem, urlIsWellFormed } from '../../../server/http/text-checks';

const routes = scanApiRoutes();

function req(method: string, headers: Record<string, string>): http.IncomingMessage {
  return { method, headers: { host: 'class.local:3000', ...headers }, socket: {} } as unknown as http.IncomingMessage;
}

describe('API route table', () => {
  it('reads every route file with the methods it exports', () => {
    const rate = routes.find((r) => r.pattern === '/api/review/rate');
    expect(rate?.methods).toEqual(['POST']);
    const sub = routes.find((r) => r.pattern === '/api/decks/[id]/subscription');
    expect(sub?.methods).toEqual(['DELETE', 'GET', 'POST']);
  });

  it('prefers a literal segment over a dynamic one, like Next', () => {
    expect(findApiRoute(routes, '/api/classes/join')?.pattern).toBe('/api/classes/join');
    expect(findApiRoute(routes, '/api/classes/abc')?.pattern).toBe('/api/classes/[id]');
    expect(findApiRoute(routes, '/api/decks/import/preview')?.pattern).toBe('/api/decks/import/preview');
    expect(findApiRoute(routes, '/api/games/g1/report.csv')?.pattern).toBe('/api/games/[id]/report.csv');
    expect(findApiRoute(routes, '/api/classes/a/b/c/d/e')).toBeUndefined();
  });

  it('gives uploads the large limit and everything else the small ones', () => {
    expect(bodyLimitFor('/api/decks/import', '/api/decks/import')).toBe(BODY_LIMITS.upload);
    expect(bodyLimitFor('/api/decks/import', '/api/decks/import', false)).toBe(BODY_LIMITS.api);
    expect(bodyLimitFor('/api/auth/sign-up/email', undefined)).toBe(16 * 1024);
    expect(bodyLimitFor('/api/classes', '/api/classes')).toBe(256 * 1024);
    expect(bodyLimitFor('/decks', undefined)).toBe(16 * 1024);
  });
});

describe('Origin check', () => {
  it('lets safe methods through whatever their Origin', () => {
    expect(checkOrigin(req('GET', { origin: 'http://evil.example', cookie: 'a=b' }), undefined).ok).toBe(true);
  });

  it('accepts the request host (or APP_URL) and refuses others, "null" included', () => {
    expect(checkOrigin(req('POST', { origin: 'http://class.local:3000' }), undefined).ok).toBe(true);
    expect(checkOrigin(req('POST', { origin: 'https://class.local:3000' }), undefined).ok).toBe(true);
    expect(checkOrigin(req('POST', { origin: 'http://class.local:3001' }), undefined).ok).toBe(false);
    expect(checkOrigin(req('POST', { origin: 'http://evil.class.local:3000' }), undefined).ok).toBe(false);
    expect(checkOrigin(req('POST', { origin: 'ftp://class.local:3000' }), undefined).ok).toBe(false);
    expect(checkOrigin(req('POST', { origin: 'null' }), undefined).ok).toBe(false);
    expect(checkOrigin(req('DELETE', { origin: 'https://quiz.example' }), 'https://quiz.example/').ok).toBe(true);
    expect(checkOrigin(req('PUT', { origin: 'http://class.local:3000' }), 'https://quiz.example').ok).toBe(false);
  });

  it('refuses a cookie without Origin and a cross-site fetch, accepts an anonymous script', () => {
    expect(checkOrigin(req('POST', { cookie: 'session=1' }), undefined).ok).toBe(false);
    expect(checkOrigin(req('POST', { 'sec-fetch-site': 'cross-site' }), undefined).ok).toBe(false);
    expect(checkOrigin(req('POST', { 'sec-fetch-site': 'same-site', origin: 'http://class.local:3000' }), undefined).ok).toBe(false);
    expect(checkOrigin(req('POST', {}), undefined).ok).toBe(true);
  });
});

describe('text checks', () => {
  it('finds bad UTF-8, bad JSON and lone surrogates anywhere in a body', () => {
    expect(jsonBodyProblem(Buffer.from('{"a":["ok",{"b":"fine é 💥"}]}'))).toBeNull();
    expect(jsonBodyProblem(Buffer.from(''))).toBeNull();
    expect(jsonBodyProblem(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toMatch(/UTF-8/);
    expect(jsonBodyProblem(Buffer.from('{"a":'))).toMatch(/JSON/);
    expect(jsonBodyProblem(Buffer.from('{"a":[[{"b":"x\\ud800"}]]}'))).toMatch(/surrogate/);
    expect(jsonBodyProblem(Buffer.from('{"\\udc00":1}'))).toMatch(/surrogate/);
    expect(jsonBodyProblem(Buffer.from('"\\ud83d\\udca5"'))).toBeNull();
  });

  it('checks percent-encoding in URLs', () => {
    expect(urlIsWellFormed('/api/classes/%')).toBe(false);
    expect(urlIsWellFormed('/decks/%ED%A0%80')).toBe(false);
    expect(urlIsWellFormed('/decks/caf%C3%A9?next=%2Fhost')).toBe(true);
  });
});
