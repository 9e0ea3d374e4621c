import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { eventually, openDb } from './db';
import { guest, signedInClient, type RoomClient } from './room-client';

let server: TestServer;
let limited: TestServer;
const open: RoomClient[] = [];
const track = <T extends RoomClient>(c: T) => (open.push(c), c);

beforeAll(async () => {
  [server, limited] = await Promise.all([startTestServer(), startTestServer({ env: { RATE_LIMIT_JOIN: '5/60' } })]);
});
afterAll(async () => {
  open.forEach((c) => c.close());
  await Promise.all([server?.stop(), limited?.stop()]);
});

async function room(url: string) {
  const { client: host, http } = await signedInClient(url, 'Host');
  track(host);
  const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 2 } });
  expect(created).toMatchObject({ ok: true });
  return { host, http, gameId: created.gameId as string, pin: created.pin as string };
}

describe('who may take a seat', () => {
  it('resumes a signed-in player only for the same account, by every entry path', async () => {
    const { pin } = await room(server.url);
    const { client: ann, http: annHttp } = await signedInClient(server.url, 'Ann', 'student');
    track(ann);
    const joined = await ann.emit('room:join', { pin, nickname: 'Ann' });
    expect(joined).toMatchObject({ ok: true });

    const { client: ben } = await signedInClient(server.url, 'Ben', 'student');
    track(ben);
    const stranger = track(await guest(server.url));
    for (const c of [ben, stranger]) {
      expect(await c.emit('room:rejoin', { pin, token: joined.token })).toMatchObject({ ok: false, code: 'unknown_player' });
    }
    // Joining with someone else's token makes a seat of one's own; it never hands over theirs.
    const benJoin = await ben.emit('room:join', { pin, nickname: 'Ben', token: joined.token });
    expect(benJoin).toMatchObject({ ok: true });
    expect(benJoin.playerId).not.toBe(joined.playerId);
    const guestJoin = await stranger.emit('room:join', { pin, nickname: 'Sneaky', token: joined.token });
    expect(guestJoin.playerId).not.toBe(joined.playerId);

    // Ann herself, on a new device with her session, gets her seat back either way.
    const { RoomClient } = await import('./room-client');
    const annAgain = track(new RoomClient(server.url, { cookie: annHttp.cookieHeader() }));
    await annAgain.connected();
    expect(await annAgain.emit('room:rejoin', { pin, token: joined.token })).toMatchObject({ ok: true, playerId: joined.playerId });
    expect(await annAgain.emit('room:join', { pin, nickname: 'Whatever' })).toMatchObject({ ok: true, playerId: joined.playerId });
  });

  it("gives a guest's seat to whoever holds its token (the guest's own secret)", async () => {
    const { pin } = await room(server.url);
    const first = track(await guest(server.url));
    const joined = await first.emit('room:join', { pin, nickname: 'Gus' });
    const reloaded = track(await guest(server.url));
    expect(await reloaded.emit('room:rejoin', { pin, token: joined.token })).toMatchObject({ ok: true, playerId: joined.playerId });
  });
});

describe('room lookups', () => {
  it('answers a free PIN and a wrong token alike, and limits failed lookups per address', async () => {
    const { pin } = await room(limited.url);
    const probe = track(await guest(limited.url));
    const freePin = pin === '000001' ? '000002' : '000001';
    const a = await probe.emit('room:rejoin', { pin: freePin, token: 'x'.repeat(32) });
    const b = await probe.emit('room:rejoin', { pin, token: 'x'.repeat(32) });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: false, code: 'unknown_player' });

    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const ack = await probe.emit('room:rejoin', { pin: String(100000 + i), token: 'y'.repeat(32) });
      codes.push(ack.code);
    }
    expect(codes).toContain('rate_limited');
    expect(codes.at(-1)).toBe('rate_limited');
    // The limit is per address, for every lookup path.
    const other = track(await guest(limited.url));
    expect(await other.emit('room:join', { pin, nickname: 'Late' })).toMatchObject({ ok: false, code: 'rate_limited' });
    const { client: host2 } = await signedInClient(limited.url, 'Prober');
    track(host2);
    expect(await host2.emit('host:attach', { gameId: 'g-not-there' })).toMatchObject({ ok: false, code: 'rate_limited' });
  });
});

describe('malformed input at the edge', () => {
  it('refuses a lone UTF-16 surrogate with bad_request and stores nothing', async () => {
    const { client: host } = await signedInClient(server.url, 'Host');
    track(host);
    const ack = await host.emit('host:create', { deckId: 'sqs', title: 'Quiz \ud800' });
    expect(ack).toMatchObject({ ok: false, code: 'bad_request' });
    expect(ack.message).toMatch(/title/);
    expect(server.output()).not.toMatch(/PrismaClient|Invalid `prisma/);
    expect(await host.emit('host:create', { deckId: 'sqs', title: 'Quiz 😀' })).toMatchObject({ ok: true });
  });

  it('answers an over-long message with an error and keeps the connection', async () => {
    const { pin } = await room(server.url);
    const c = track(await guest(server.url));
    const ack = await c.emit('room:join', { pin, nickname: 'x'.repeat(70_000) });
    expect(ack).toMatchObject({ ok: false, code: 'bad_request' });
    expect(ack.message).toMatch(/65536 bytes/);
    expect(c.socket.connected).toBe(true);
    expect(await c.emit('room:join', { pin, nickname: 'Short' })).toMatchObject({ ok: true });
  });

  it('normalises nicknames: look-alikes collide, invisible characters go, emoji count as one each', async () => {
    const { pin } = await room(server.url);
    const join = async (nickname: string) => (await track(await guest(server.url)).emit('room:join', { pin, nickname }));
    const wide = await join('Ａｌｉｃｅ');
    expect(wide.view.me.nickname).toBe('Alice');
    expect(await join('alice')).toMatchObject({ ok: false, code: 'nickname_taken' });
    expect((await join('Bo\u200bb')).view.me.nickname).toBe('Bob');
    expect(await join('\u200b\u200d\u3164')).toMatchObject({ ok: false, code: 'nickname_invalid' });
    expect(await join('🦊'.repeat(12))).toMatchObject({ ok: true });
    expect(await join('🦊'.repeat(21))).toMatchObject({ ok: false, code: 'nickname_invalid' });
  });
});

describe('finished rooms', () => {
  it('stores a game ended from the lobby as ended, never as running', async () => {
    const { host, gameId } = await room(server.url);
    expect(await host.emit('host:end-game', {})).toMatchObject({ ok: true });
    const prisma = openDb(server.databaseUrl);
    const row = await eventually(async () => {
      const r = await prisma.gameSession.findUniqueOrThrow({ where: { id: gameId } });
      return r.status !== 'lobby' ? r : null;
    });
    await new Promise((r) => setTimeout(r, 300));
    const later = await prisma.gameSession.findUniqueOrThrow({ where: { id: gameId } });
    await prisma.$disconnect();
    expect(row.status).toBe('ended');
    expect(later.status).toBe('ended');
    expect(later.endedAt).not.toBeNull();
  });

  it('frees finished rooms from the open-rooms cap, and lets the host close one for good', async () => {
    const { client: host } = await signedInClient(server.url, 'Busy');
    track(host);
    const pins: string[] = [];
    for (let i = 0; i < 20; i++) {
      const ack = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 1 } });
      expect(ack).toMatchObject({ ok: true });
      pins.push(ack.pin);
    }
    expect(await host.emit('host:create', { deckId: 'sqs' })).toMatchObject({ ok: false, code: 'rate_limited' });
    // The last room created is this socket's: a player joins, the host ends the game.
    const player = track(await guest(server.url));
    await player.emit('room:join', { pin: pins[19], nickname: 'Pat' });
    expect(await host.emit('host:end-game', {})).toMatchObject({ ok: true });
    await player.view((v) => v.phase === 'podium');
    const again = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 1 } });
    expect(again).toMatchObject({ ok: true });

    // host:close sends everyone home and frees the PIN.
    const attached = await host.emit('host:attach', { gameId: again.gameId });
    expect(attached).toMatchObject({ ok: true });
    const p2 = track(await guest(server.url));
    await p2.emit('room:join', { pin: again.pin, nickname: 'Quinn' });
    const closed = new Promise((r) => p2.socket.once('room:closed', r));
    expect(await host.emit('host:close', {})).toMatchObject({ ok: true });
    expect(await closed).toEqual({ reason: 'closed' });
    expect(await track(await guest(server.url)).emit('room:join', { pin: again.pin, nickname: 'Late' })).toMatchObject({
      ok: false,
      code: 'room_not_found',
    });
    expect(await host.emit('host:close', {})).toMatchObject({ ok: false });
  });
});
