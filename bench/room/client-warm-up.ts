/**
 * Runs the benchmark's client code against a private in-process Socket.IO server before the
 * client process connects its players to the measured server.
 *
 * why: each client process stands in for hundreds of phones, and it shares the machine's two
 * cores with the server under test. Without this, the first reveal was also when V8 compiled
 * the socket.io-client, engine.io-client and ws code on its background threads (`--trace-opt`:
 * about 70 optimising compiles, half a second of compile time across the two processes, some
 * single functions 50 ms), so the measured server lost the CPU to its own load generator and
 * the first reveal took about twice as long as the others. A real phone compiles its own code
 * on its own CPU. The baseline broadcasts run after the game, against clients that are warm
 * anyway; this makes the reveals run against equally warm clients. Nothing here talks to the
 * measured server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';

/** A view shaped like the game's (question, then reveal), about `bytes` long. */
function viewLike(round: number, bytes: number) {
  const reveal = round % 2 === 1;
  return {
    audience: 'player',
    gameId: 'warm-up',
    pin: '000000',
    phase: reveal ? 'reveal' : 'question',
    version: round,
    question: { index: round, total: 5, kind: 'mcq', prompt: 'p'.repeat(bytes / 4), timeLimitMs: 60_000, deadline: round, remainingMs: 0, options: ['a', 'b', 'c', 'd'] },
    me: { playerId: 'warm-up', nickname: 'w', score: round * 100, streak: 1, rank: 2 },
    kicked: false,
    answered: reveal,
    myChoice: reveal ? [round % 4] : null,
    reveal: reveal
      ? { questionIndex: round, answerText: 'a', answeredCount: 10, correctCount: 3, correct: [0], explanation: 'e'.repeat(bytes / 4), optionCounts: [1, 2, 3, 4], me: { answered: true, correct: false, points: 0, streakBonus: 0, streak: 0 } }
      : null,
    leaderboard: null,
    podium: null,
  };
}

/** Returns the number of views the warm-up sockets received. */
export async function warmUpClientCode(sockets = 250, rounds = 40): Promise<number> {
  const server = http.createServer();
  const io = new Server(server);
  io.on('connection', (s) => {
    s.on('answer:submit', (_payload: unknown, ack: (reply: unknown) => void) => ack({ ok: true, data: { version: 1 } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = await Promise.all(
    Array.from(
      { length: sockets },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const c = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
          c.once('connect', () => resolve(c));
          c.once('connect_error', reject);
        }),
    ),
  );
  let received = 0;
  for (const c of clients) c.on('room:view', (v: { version: number }) => void (received += v.version >= 0 ? 1 : 0));
  for (let round = 0; round < rounds; round++) {
    // Question-sized and reveal-sized views, as the game sends them (some over 125 bytes' frame limit for a 1-byte length).
    io.emit('room:view', viewLike(round, round % 2 ? 1200 : 500));
    await Promise.all(clients.map((c) => c.timeout(10_000).emitWithAck('answer:submit', { questionIndex: round, choice: [round % 4] })));
  }
  for (const c of clients) c.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
  // Let the optimising compiles that this started finish before the measured game begins.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return received;
}
