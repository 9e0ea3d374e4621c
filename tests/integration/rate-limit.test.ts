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
    for (let i = 0; i < 8; i++) {
      // A different spoofed address on every request: it must not reset the count.
      const c = new HttpClient(server.url, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push((await c.signIn('nobody@example.com', 'wrong-password')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
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
