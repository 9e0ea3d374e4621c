import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { guest, signedInClient, type RoomClient } from './room-client';

let server: TestServer;
const open: RoomClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_JOIN: '3/60' } });
});
afterAll(async () => {
  open.forEach((c) => c.close());
  await server?.stop();
});

describe('handshake', () => {
  it('refuses a client speaking another protocol version', async () => {
    const socket = connect(server.url, { transports: ['websocket'], reconnection: false, auth: { protocolVersion: 2 } });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(error.message).toBe('protocol_mismatch');
  });

  it('accepts the current version, and a client that sends none', async () => {
    for (const auth of [{ protocolVersion: 1 }, {}]) {
      const socket = connect(server.url, { transports: ['websocket'], reconnection: false, auth });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      socket.close();
    }
  });
});

describe('join rate limit', () => {
  it('limits join attempts per client address, valid or not', async () => {
    const { client: host } = await signedInClient(server.url);
    open.push(host);
    const { pin } = await host.emit('host:create', { deckId: 'sqs' });
    const codes: string[] = [];
    // Each attempt from a new connection: the count is per address, not per socket.
    for (const payload of [{ pin: '000000', nickname: 'Scan' }, { pin, nickname: 'Ada' }, { pin: 'bad' }, { pin, nickname: 'Bob' }, { pin, nickname: 'Cy' }]) {
      const c = await guest(server.url);
      open.push(c);
      const ack = await c.emit('room:join', payload);
      codes.push(ack.ok ? 'ok' : ack.code);
    }
    expect(codes).toEqual(['room_not_found', 'ok', 'bad_request', 'rate_limited', 'rate_limited']);
  });
});

describe('start-up configuration', () => {
  it('stops with one line naming DATABASE_URL and the reason when the database cannot be used', async () => {
    for (const [url, reason] of [
      ['file:/nonexistent-dir/for-sure/app.db', /DATABASE_URL .*cannot be opened/],
      // PostgreSQL is a supported engine now: an unreachable one is named with the reason.
      ['postgresql://nobody:not-to-be-printed@127.0.0.1:1/none', /DATABASE_URL.*(cannot connect|refused)/i],
    ] as const) {
      const err = await startTestServer({ env: { DATABASE_URL: url } }).then(
        (s) => s.stop().then(() => null),
        (e: Error) => e,
      );
      expect(err?.message).toMatch(reason);
      const lines = err!.message.split('\n').filter((l) => /could not start/.test(l));
      expect(lines).toHaveLength(1);
      expect(err!.message).not.toMatch(/\n\s+at /);
      expect(err!.message).not.toContain('not-to-be-printed'); // the URL's password stays out of the log
    }
  });
});
