import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/test-server';
import { HttpClient } from './helpers/http';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_SIGN_IN: '5/60', RATE_LIMIT_SIGN_UP: '3/60' } });
});
afterAll(async () => {
  await server?.stop();
});

describe('rate limits on accounts', () => {
  it('limits sign-in attempts per client address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    let last: any = null;
    for (let i = 0; i < 8; i++) {
      // A different spoofed address on every request: it must not reset the count.
      const c = new HttpClient(server.url, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      const r = await c.signIn('nobody@example.com', 'wrong-password');
      statuses.push(r.status);
      last = r.json;
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // A 429 has the one error shape of every route (docs/api.md).
    expect(last.error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/Too many requests/i) });
  });

  it('limits sign-ups the same way', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const c = new HttpClient(server.url, { 'x-studyroom-client-ip': `198.51.100.${i + 1}` });
      statuses.push((await c.signUp(`u${i}@example.com`, 'password-1', `User ${i}`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
