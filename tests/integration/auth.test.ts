import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { startTestServer, type TestServer } from './helpers/test-server';
import { HttpClient } from './helpers/http';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('accounts', () => {
  it('signs up with a role, keeps an httpOnly session cookie, and signs out', async () => {
    const c = new HttpClient(server.url);
    const up = await c.signUp('ina@example.com', 'correct-horse', 'Ina', 'instructor');
    expect(up.status).toBe(200);
    expect(up.json.user.role).toBe('instructor');
    const setCookie = up.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/session_token=[^;]+;.*HttpOnly/i);

    const session = await c.get('/api/auth/get-session');
    expect(session.json.user.email).toBe('ina@example.com');

    await c.post('/api/auth/sign-out');
    const after = await c.get('/api/auth/get-session');
    expect(after.json).toBeNull();
  });

  it('refuses a taken email and a wrong password with clear errors', async () => {
    const c = new HttpClient(server.url);
    expect((await c.signUp('sam@example.com', 'password-1', 'Sam')).status).toBe(200);
    const again = await new HttpClient(server.url).signUp('sam@example.com', 'password-2', 'Sam 2');
    expect(again.status).toBe(422);
    expect(again.json.code).toMatch(/USER_ALREADY_EXISTS/);

    const wrong = await new HttpClient(server.url).signIn('sam@example.com', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.json.code).toBe('INVALID_EMAIL_OR_PASSWORD');
  });

  it('rejects a role that is not student or instructor', async () => {
    const res = await new HttpClient(server.url).signUp('eve@example.com', 'password-1', 'Eve', 'admin' as never);
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/Role must be/);
  });
});

describe('socket identity', () => {
  async function whoami(cookie?: string) {
    const socket = connect(server.url, {
      transports: ['websocket'],
      extraHeaders: cookie ? { cookie } : {},
      reconnection: false,
    });
    try {
      return await socket.timeout(5000).emitWithAck('sys:whoami');
    } finally {
      socket.close();
    }
  }

  it('knows a signed-in user from the session cookie and lets guests connect', async () => {
    const c = new HttpClient(server.url);
    await c.signUp('stu@example.com', 'password-1', 'Stu');
    const me = await whoami(c.cookieHeader());
    expect(me).toMatchObject({ ok: true, user: { name: 'Stu', role: 'student' } });
    expect(await whoami()).toEqual({ ok: true, user: null });
  });
});
