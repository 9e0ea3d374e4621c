import { mulberry32 as prng } from '@/core/game/prng';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAME_ERROR_CODES, type PlayerView } from '@/core/game';
import { EVENTS, PROTOCOL_ERROR_CODES } from '@/core/protocol';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { guest, signedInClient, type RoomClient } from './room-client';

/**
 * Seeded, bounded fuzzing of every client -> server event: random and half-valid payloads, odd
 * argument lists, over-long and ill-formed strings, from a guest, a player in a running game and
 * its host. The server must answer each with the documented ack shape, never `internal`, stay
 * up, keep the game playable, and give its memory back.
 */
const SEED = 424242;
const EVENTS_SENT = 1500;
const KNOWN_CODES = new Set<string>([...GAME_ERROR_CODES, ...PROTOCOL_ERROR_CODES]);
const SERVER_EVENTS: string[] = [EVENTS.roomView, EVENTS.roomKicked, EVENTS.roomClosed, EVENTS.roomSeatMoved, EVENTS.roomSeatAnswer];
const CLIENT_EVENTS = Object.values(EVENTS).filter((e) => /^(room|host|answer|player):/.test(e) && !SERVER_EVENTS.includes(e));


let server: TestServer;
const open: RoomClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_JOIN: '100000/60' } });
});
afterAll(async () => {
  open.forEach((c) => c.close());
  await server?.stop();
});

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

describe('socket fuzzing', () => {
  it('answers every malformed event with the documented error and keeps the game playable', async () => {
    const rand = prng(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const { client: host } = await signedInClient(server.url, 'Fuzz Host');
    open.push(host);
    const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 5, secondsPerQuestion: 120 } });
    const player = await guest(server.url);
    open.push(player);
    const joined = await player.emit('room:join', { pin: created.pin, nickname: 'Target' });
    expect(joined).toMatchObject({ ok: true });
    const bystander = await guest(server.url);
    open.push(bystander);
    await host.emit('host:start', {});
    await player.view((v: PlayerView) => v.phase === 'question');

    const strings = [
      '',
      'x'.repeat(200),
      'y'.repeat(70_000),
      '\ud800',
      'a\udfffb',
      '\u0000\u0007',
      '\u202Eevil',
      'Ａｌｉｃｅ',
      '🦊'.repeat(30),
      created.pin,
      joined.token,
      created.gameId,
      '__proto__',
      'constructor',
    ];
    const scalar = (): unknown =>
      pick([() => pick(strings), () => Math.floor(rand() * 2e9) - 1e9, () => rand(), () => -1, () => 1e308, () => true, () => null, () => undefined])();
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.5) return scalar();
      if (r < 0.75) return Array.from({ length: Math.floor(rand() * 5) }, () => value(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(rand() * 5); i++) o[pick(['pin', 'nickname', 'token', 'gameId', 'deckId', 'settings', 'questionIndex', 'choice', 'playerId', 'locked', 'expectVersion', 'title', '__proto__', 'x'])] = value(depth + 1);
      return o;
    };
    // Half-valid payloads reach deeper than random ones: right shape, one field wrong.
    const nearlyValid = (): unknown =>
      pick([
        () => ({ pin: created.pin, nickname: pick(strings) }),
        () => ({ pin: created.pin, token: pick(strings) }),
        () => ({ questionIndex: Math.floor(rand() * 60) - 5, choice: pick([[0], [99], [], 'text', [0, 0, 0], [-1], pick(strings)]) }),
        () => ({ deckId: pick(['sqs', 'nope', ...strings]), settings: value(1), title: pick(strings) }),
        () => ({ gameId: pick(strings) }),
        () => ({ playerId: pick([joined.playerId, ...strings]), expectVersion: pick([0, -1, 1e9, 'x']) }),
        () => ({ locked: pick([true, false, 'yes']) }),
        () => ({ expectVersion: pick([0, 3, -1, 2.5, 'x']) }),
      ])();

    await new Promise((r) => setTimeout(r, 500));
    const rssBefore = rssKb(server.pid);
    const acks: unknown[] = [];
    const senders = [bystander, player, host];
    let pending: Array<Promise<void>> = [];
    for (let i = 0; i < EVENTS_SENT; i++) {
      const event = rand() < 0.05 ? pick(['unknown:event', 'sys:whoami', 'room:view']) : pick(CLIENT_EVENTS);
      // host:end-game and kicks would end the fuzzed game early; they are fuzzed through malformed payloads only.
      const payload = rand() < 0.5 ? nearlyValid() : value(0);
      if ((event === 'host:end-game' || event === 'host:kick' || event === 'host:close' || event === 'player:leave') && rand() < 0.9) continue;
      const from = pick(senders).socket;
      const mode = rand();
      // Events the server does not take with a payload get no ack: sent for the effect alone.
      if (mode < 0.1 || !CLIENT_EVENTS.includes(event as (typeof CLIENT_EVENTS)[number])) {
        from.emit(event, payload); // no ack: errors come back as sys:error
        continue;
      }
      const args: unknown[] = mode < 0.15 ? [] : mode < 0.2 ? [payload, 'extra', 42] : [payload];
      pending.push(
        from
          .timeout(10_000)
          .emitWithAck(event, ...args)
          .then(
            (ack: unknown) => void acks.push(ack),
            () => void acks.push({ timeout: event }),
          ),
      );
      if (pending.length >= 25) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);

    expect(acks.length).toBeGreaterThan(EVENTS_SENT / 2);
    const bad = acks.filter((a) => {
      if (!a || typeof a !== 'object' || 'timeout' in a) return true;
      const r = a as { ok?: unknown; code?: unknown; message?: unknown };
      if (r.ok === true) return false;
      return r.ok !== false || typeof r.code !== 'string' || !KNOWN_CODES.has(r.code) || typeof r.message !== 'string' || r.code === 'internal';
    });
    expect(bad.slice(0, 5)).toEqual([]);
    expect(server.output()).not.toMatch(/failed|TypeError|RangeError/);

    // Still up, still playable (the fuzzing may well have played the first game to its end).
    const rss = rssKb(server.pid);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    for (const c of [player, host, bystander]) expect(c.socket.connected).toBe(true);
    const next = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 1 } });
    expect(next).toMatchObject({ ok: true });
    const late = await guest(server.url);
    open.push(late);
    expect(await late.emit('room:join', { pin: next.pin, nickname: 'Latecomer' })).toMatchObject({ ok: true });
    expect(await host.emit('host:start', {})).toMatchObject({ ok: true });
    await late.view((v: PlayerView) => v.phase === 'question');
    // The payloads were up to ~70 kB each (about 50 MB in all); the server must not keep them.
    expect(rss - rssBefore).toBeLessThan(48 * 1024);
  }, 120_000);
});
