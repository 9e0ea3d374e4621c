import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { rawRequest } from './raw-request';

// INSTRUCTOR_SIGNUP=open|code|closed is enforced by the server, whatever the client sends.
const servers: TestServer[] = [];
async function serverWith(env: Record<string, string>): Promise<TestServer> {
  const s = await startTestServer({ env });
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

let n = 0;
const email = () => `user${++n}-${Date.now()}@example.com`;

describe('INSTRUCTOR_SIGNUP', () => {
  it('closed: refuses instructor sign-up (403, JSON shape) but lets students sign up', async () => {
    const s = await serverWith({ INSTRUCTOR_SIGNUP: 'closed' });
    const r = await new HttpClient(s.url).signUp(email(), 'a-good-password', 'Ida', 'instructor');
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('INSTRUCTOR_SIGNUP_CLOSED');
    expect(r.json.error.message).toMatch(/closed/);
    const student = await new HttpClient(s.url).signUp(email(), 'a-good-password', 'Stu', 'student');
    expect(student.status).toBe(200);
    expect(student.json.user.role).toBe('student');
  });

  it('code: needs the right instructorCode in the sign-up body', async () => {
    const s = await serverWith({ INSTRUCTOR_SIGNUP: 'code', INSTRUCTOR_SIGNUP_CODE: 'staff-room-2026' });
    const body = (extra: object) => ({ email: email(), password: 'a-good-password', name: 'Ian', role: 'instructor', ...extra });
    const none = await new HttpClient(s.url).post('/api/auth/sign-up/email', body({}));
    expect(none.status).toBe(403);
    expect(none.json.error.code).toBe('INSTRUCTOR_CODE_INVALID');
    const wrong = await new HttpClient(s.url).post('/api/auth/sign-up/email', body({ instructorCode: 'staff-room-2025' }));
    expect(wrong.status).toBe(403);
    const right = await new HttpClient(s.url).post('/api/auth/sign-up/email', body({ instructorCode: 'staff-room-2026' }));
    expect(right.status).toBe(200);
    expect(right.json.user.role).toBe('instructor');
    expect(JSON.stringify(right.json)).not.toContain('staff-room');
  });

  it('open (the default): anyone may sign up as an instructor, but no one can change their role afterwards', async () => {
    const s = await serverWith({});
    const c = new HttpClient(s.url);
    expect((await c.signUp(email(), 'a-good-password', 'Sam', 'student')).status).toBe(200);
    const promote = await c.post('/api/auth/update-user', { role: 'instructor' });
    expect(promote.status).toBe(403);
    expect(promote.json.error.code).toBe('ROLE_IMMUTABLE');
    expect((await c.get('/api/auth/get-session')).json.user.role).toBe('student');
    expect((await c.post('/api/auth/update-user', { name: 'Sam B' })).status).toBe(200);
    const teacher = await new HttpClient(s.url).signUp(email(), 'a-good-password', 'Tia', 'instructor');
    expect(teacher.json.user.role).toBe('instructor');
  });

  it('code without INSTRUCTOR_SIGNUP_CODE is a configuration error at start', async () => {
    await expect(startTestServer({ env: { INSTRUCTOR_SIGNUP: 'code' } })).rejects.toThrow(/INSTRUCTOR_SIGNUP_CODE/);
  });
});

describe('behind https (APP_URL https://…)', () => {
  it('sends HSTS and Secure session cookies, and checks Origin against APP_URL', async () => {
    const s = await serverWith({ APP_URL: 'https://quiz.school.example' });
    const headers = { 'content-type': 'application/json', origin: 'https://quiz.school.example' };
    const up = await rawRequest(s.url, '/api/auth/sign-up/email', {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: email(), password: 'a-good-password', name: 'Hana' }),
    });
    expect(up.status).toBe(200);
    const cookies = up.headers['set-cookie'] ?? [];
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/;\s*Secure/i);
    expect(up.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    // The request's own host is not enough once APP_URL names the origin.
    const own = await rawRequest(s.url, '/api/auth/sign-in/email', {
      method: 'POST',
      headers: { ...headers, origin: s.url },
      body: '{"email":"x@example.com","password":"a-good-password"}',
    });
    expect(own.status).toBe(403);
  });
});
