/**
 * Plays a few throwaway games at server start, through the real room runtime, view cache and
 * Socket.IO fan-out, against players connected over 127.0.0.1 to a private Socket.IO server.
 *
 * why: V8 compiles a function for speed only after it has run a while, and a room runs its
 * per-player code in bursts: once per player at each phase change. In a fresh process the first
 * reveal of the first game was the first time that code ran for a reveal, so it ran unoptimised
 * and then bailed out of the code compiled for questions (bench:room profiles: the transport's
 * write loop and the per-player view builder in the interpreter, about 40 ms more server time
 * for 1,000 players, and that reveal reached the last phone 1.5-2 times later than the others).
 * After this, the first class after a restart gets the same fan-out as the hundredth.
 *
 * Nothing here touches the database, the room directory, rate limits or the real server's
 * sockets: the store drops everything, the clock never fires, and the server is private.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { createGame, parseSettings, type QuizCard } from '../../src/core/game';
import type { Clock } from './clock';
import type { RoomStore } from './ports';
import { Room } from './room';
import { hostRoom, SocketTransport, type IoServer } from './socket-transport';

const dropEverything: RoomStore = {
  commandApplied: () => Promise.resolve(true),
  commitNow() {},
  playerJoined() {},
  answerRecorded() {},
  playerKicked() {},
  started() {},
  ended() {},
  snapshot() {},
  closed() {},
  released() {},
};

/** Time moves on, but nothing scheduled ever runs: the warm-up drives every phase itself. */
const stillClock: Clock = { now: () => Date.now(), at: () => () => {}, clear() {} };

/** One card of every kind the rooms ask, with the fields real decks fill in. */
function cards(): QuizCard[] {
  const base = { section: 'Warm-up › Section', explanation: 'Because the warm-up says so.', tags: ['warm-up'] };
  const out: QuizCard[] = [];
  for (let i = 0; i < 4; i++) {
    out.push(
      { ...base, id: `w-mcq-${i}`, key: `mcq-${i}`, kind: 'mcq', prompt: `Which one ${i}?`, answer: 'B', options: ['A', 'B', 'C', 'D'], correct: [1] },
      { ...base, id: `w-multi-${i}`, key: `multi-${i}`, kind: 'multi', prompt: `Which ones ${i}?`, answer: 'A, C', options: ['A', 'B', 'C', 'D'], correct: [0, 2] },
      { ...base, id: `w-tf-${i}`, key: `tf-${i}`, kind: 'tf', prompt: `True ${i}?`, answer: 'True', options: ['True', 'False'], correct: [0] },
      { ...base, id: `w-type-${i}`, key: `type-${i}`, kind: 'type', prompt: `Name ${i}?`, answer: 'Queue', accepted: ['SQS'] },
    );
  }
  return out;
}

/** A choice for player `i` that is right for some players and wrong for others. */
function choiceFor(kind: string, i: number): number[] | string {
  if (kind === 'type') return i % 3 === 0 ? 'sqs' : 'topic';
  if (kind === 'multi') return i % 3 === 0 ? [0, 2] : [i % 4];
  return [i % 2];
}

async function playGame(io: IoServer, socketIds: string[], hostSocketId: string, round: number, roomSize: number): Promise<void> {
  const questionCount = 8;
  const state = createGame({
    gameId: `warm-up-${round}`,
    pin: '000000',
    settings: parseSettings({ deckId: 'warm-up', questionCount, secondsPerQuestion: 20 }),
    cards: cards(),
    seed: round + 1,
    now: Date.now(),
  });
  const room = new Room(state, { hostId: 'warm-up', transport: new SocketTransport(io, () => {}), store: dropEverything, clock: stillClock });
  const host = io.sockets.sockets.get(hostSocketId);
  await host?.join(hostRoom(room.gameId));
  room.hostAttached(1);
  // why players without a socket: V8 keeps an object with more than about a hundred keys in a
  // different layout, so code compiled against a small room's player table bailed out at a big
  // room's first reveal (--trace-deopt: "wrong map" in the view builder). Every player answers;
  // only those with a socket are sent views.
  const ids = Array.from({ length: Math.max(roomSize, socketIds.length) }, (_, i) => ({ socketId: socketIds[i], playerId: `w${round}-${i}` }));
  for (const [i, { socketId, playerId }] of ids.entries()) {
    await room.dispatch({ type: 'join', playerId, token: `t-${playerId}`, nickname: `Warm-up ${i}`, actor: { role: 'player', playerId } });
    if (!socketId) continue;
    room.attachPlayer(playerId, socketId);
    await room.dispatch({ type: 'connection', playerId, connected: true, actor: { role: 'system' } });
    room.playerView(playerId);
  }
  const asHost = { role: 'host' } as const;
  await room.dispatch({ type: 'start', actor: asHost });
  for (let q = 0; q < room.state.questions.length; q++) {
    const kind = room.state.questions[q]!.kind;
    // The last question is ended by the host instead of by the last answer.
    const answering = q === room.state.questions.length - 1 ? ids.slice(1) : ids;
    for (const [i, { playerId }] of answering.entries()) {
      await room.dispatch({ type: 'answer', playerId, questionIndex: q, choice: choiceFor(kind, i), latencyMs: 5, actor: { role: 'player', playerId } });
    }
    if (room.state.phase === 'question') await room.dispatch({ type: 'endQuestion', actor: asHost });
    await room.dispatch({ type: 'next', actor: asHost }); // leaderboard
    await room.dispatch({ type: 'next', actor: asHost }); // next question, or the podium
    await new Promise((r) => setImmediate(r));
  }
  room.close('shutdown');
  room.hostAttached(-1);
}

/**
 * Runs `games` games of `roomSize` players, `players` of them on sockets; resolves with what it did (never rejects: a failed
 * warm-up only means a slower first game).
 */
export async function warmUpRooms(
  opts: { players?: number; roomSize?: number; games?: number; timeoutMs?: number } = {},
): Promise<{ ms: number; views: number; error?: string }> {
  const started = Date.now();
  const server = http.createServer();
  const io: IoServer = new Server(server);
  const clients: ClientSocket[] = [];
  const counted = { views: 0 };
  let timer: NodeJS.Timeout | undefined;
  // why: a warm-up that hangs must not keep the server from serving.
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), opts.timeoutMs ?? 20_000);
  });
  try {
    const players = opts.players ?? 80;
    await Promise.race([play(server, io, clients, counted, players, opts.roomSize ?? 300, opts.games ?? 3), timedOut]);
    return { ms: Date.now() - started, views: counted.views };
  } catch (err) {
    return { ms: Date.now() - started, views: counted.views, error: String((err as Error)?.message ?? err) };
  } finally {
    clearTimeout(timer);
    for (const c of clients) c.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  }
}

async function play(
  server: http.Server,
  io: IoServer,
  clients: ClientSocket[],
  counted: { views: number },
  players: number,
  roomSize: number,
  games: number,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (let i = 0; i <= players; i++) {
    const c = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    c.on('room:view', () => void counted.views++);
    clients.push(c);
  }
  await Promise.all(
    clients.map((c) => new Promise<void>((resolve, reject) => (c.connected ? resolve() : (c.once('connect', () => resolve()), c.once('connect_error', reject))))),
  );
  // A Socket.IO 4 client's id is its server-side socket's id.
  const [hostClient, ...playerClients] = clients;
  for (let round = 0; round < games; round++) {
    await playGame(io, playerClients.map((c) => c.id!), hostClient!.id!, round, roomSize);
  }
  // Let the players receive what was sent, so their sockets close empty.
  await new Promise((r) => setTimeout(r, 50));
}
