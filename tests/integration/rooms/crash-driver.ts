/**
 * Plays live games while SIGKILLing the server at random moments, and checks what every client
 * was told: each acknowledged join can still take its seat, each acknowledged answer is still
 * there with the same choice and cannot be sent again, each acknowledged host step still holds,
 * and at the end the stored answers add up to the stored scores. Used by crash.test.ts (a fixed
 * seed, a few kills) and bench/crash/run.ts (many kills).
 */
import { mulberry32 as prng } from '@/core/game/prng';
import type { Socket } from 'socket.io-client';
import type { HostView, PlayerView, Question } from '@/core/game';
import { freshDatabase } from '../helpers/database';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { answerFor, eventually, openDb, playedQuestions } from './db';
import { guest, RoomClient, signedInClient } from './room-client';

export interface CrashRunOptions {
  /** Server starts that end in a SIGKILL. */
  kills: number;
  /**
   * Keep killing (up to `maxKills`) until the run has this much to lose: where the kills land is
   * random, and on a slow machine a few bursts may end before anything was stored.
   */
  untilAcked?: { joins: number; answers: number; hostSteps: number };
  maxKills?: number;
  seed: number;
  /** Questions per game; a game that reaches its podium is checked and a new one opened. */
  questionCount?: number;
  /** Each burst's kill comes 0 to this many ms after it starts (the host step in the first half); default 60. */
  killWindowMs?: number;
  log?: (line: string) => void;
}

export interface CrashRunReport {
  kills: number;
  games: number;
  ackedJoins: number;
  ackedAnswers: number;
  ackedHostSteps: number;
  /** Each a description of what was acknowledged and then not found; empty when nothing was lost. */
  problems: string[];
}

interface Seat {
  playerId: string;
  token: string;
  nickname: string;
}

interface Game {
  gameId: string;
  pin: string;
  questions: Question[];
  seats: Seat[];
  /** `${playerId}:${questionIndex}` -> the acknowledged choice. */
  answers: Map<string, number[] | string>;
  /** Highest state version a host step was acknowledged with. */
  hostVersion: number;
}


/** The question being asked or revealed (-1 when there is none). */
const currentOf = (v: HostView) => v.question?.index ?? -1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Emits with a plain callback: an ack that never comes (the server died) is simply never recorded. */
function send(socket: Socket, event: string, payload: unknown, onAck: (ack: any) => void): void {
  socket.emit(event, payload, onAck);
}

export async function runCrashGames(opts: CrashRunOptions): Promise<CrashRunReport> {
  const rand = prng(opts.seed);
  const log = opts.log ?? (() => {});
  const report: CrashRunReport = { kills: 0, games: 0, ackedJoins: 0, ackedAnswers: 0, ackedHostSteps: 0, problems: [] };
  const problem = (p: string) => {
    report.problems.push(p);
    log(`PROBLEM ${p}`);
  };

  // One database of our own that every restarted server opens (SQLite file or PostgreSQL database).
  const database = await freshDatabase();
  const prisma = openDb(database.url);
  const start = () => startTestServer({ databaseUrl: database.url, env: { RATE_LIMIT_JOIN: '100000/60', RATE_LIMIT_SIGN_UP: '1000/60' } });

  let server: TestServer = await start();
  const { client: firstHost, http } = await signedInClient(server.url, 'Crash Host');
  firstHost.close();
  let game: Game | null = null;
  let nick = 0;
  /** The slowest stored-and-acknowledged command of the last burst (or the game's creation), in ms. */
  let ackMs = 0;

  try {
    const enough = () => {
      const want = opts.untilAcked;
      return !want || (report.ackedJoins >= want.joins && report.ackedAnswers >= want.answers && report.ackedHostSteps >= want.hostSteps);
    };
    for (let round = 0; ; round++) {
      const last = report.kills >= Math.max(opts.kills, opts.maxKills ?? 0) || (report.kills >= opts.kills && enough());
      if (round > 0) server = await start();
      const host = new RoomClient(server.url, { cookie: http.cookieHeader() });
      await host.connected();
      const clients: RoomClient[] = [host];
      try {
        if (!game) game = await openGame(host, opts.questionCount ?? 4);
        let hostView = await attachAndCheck(host, game);
        if (!hostView || hostView.phase === 'podium') {
          await checkStored(game);
          report.games++;
          if (last) break;
          game = await openGame(host, opts.questionCount ?? 4);
          hostView = (await attachAndCheck(host, game))!;
        }
        const players = await rejoinAndCheck(server.url, game, hostView, clients);
        if (last) {
          await finishGame(host, players, game, rand);
          await checkStored(game);
          report.games++;
          break;
        }
        await burstThenKill(host, players, game, hostView, clients);
      } finally {
        for (const c of clients) c.close();
      }
    }
  } finally {
    await prisma.$disconnect();
    await server.stop();
    await database.drop();
  }
  return report;

  async function openGame(host: RoomClient, questionCount: number): Promise<Game> {
    const t0 = performance.now();
    const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount, secondsPerQuestion: 120 } });
    ackMs = performance.now() - t0;
    if (!created.ok) throw new Error(`host:create failed: ${JSON.stringify(created)}`);
    log(`game ${created.gameId} pin ${created.pin}`);
    return { gameId: created.gameId, pin: created.pin, questions: await playedQuestions(prisma, created.gameId), seats: [], answers: new Map(), hostVersion: 0 };
  }

  /**
   * The host screen comes back at or past every host step it was told had happened; null when
   * the game had reached its podium (a finished game is not reopened after a restart).
   */
  async function attachAndCheck(host: RoomClient, g: Game): Promise<HostView | null> {
    const ack = await host.emit('host:attach', { gameId: g.gameId });
    if (!ack.ok) {
      const row = await prisma.gameSession.findUniqueOrThrow({ where: { id: g.gameId }, select: { status: true } });
      if (row.status === 'ended') return null;
      throw new Error(`host:attach failed after a restart: ${JSON.stringify(ack)}`);
    }
    const view = ack.view as HostView;
    host.lastView = view;
    if (view.version < g.hostVersion) problem(`host step at version ${g.hostVersion} acknowledged, room restored at ${view.version}`);
    return view;
  }

  /** Every acknowledged seat rejoins; the open question's acknowledged answers are there and cannot be sent again. */
  async function rejoinAndCheck(url: string, g: Game, hostView: HostView, clients: RoomClient[]): Promise<Array<{ seat: Seat; client: RoomClient; view: PlayerView }>> {
    const out: Array<{ seat: Seat; client: RoomClient; view: PlayerView }> = [];
    for (const seat of g.seats) {
      const client = await guest(url);
      clients.push(client);
      const ack = await client.emit('room:rejoin', { pin: g.pin, token: seat.token });
      if (!ack.ok || ack.playerId !== seat.playerId) {
        problem(`acknowledged join of ${seat.nickname} lost: ${JSON.stringify(ack).slice(0, 200)}`);
        continue;
      }
      const view = ack.view as PlayerView;
      out.push({ seat, client, view });
      const q = currentOf(hostView);
      const acked = g.answers.get(`${seat.playerId}:${q}`);
      if (acked === undefined || q < 0) continue;
      if (view.phase === 'question') {
        if (!view.answered || !same(view.myChoice, acked)) problem(`acknowledged answer of ${seat.nickname} to question ${q + 1} missing after restart`);
        const again = await client.emit('answer:submit', { questionIndex: q, choice: acked });
        if (again.ok) problem(`answer of ${seat.nickname} to question ${q + 1} accepted twice`);
      } else if (view.reveal && !view.reveal.me.answered) {
        problem(`acknowledged answer of ${seat.nickname} to question ${q + 1} missing from the reveal`);
      }
    }
    return out;
  }

  /**
   * Sends what the phase allows (joins, answers, the host's next step) all at once and SIGKILLs
   * the server a random 0–60 ms later, recording only the acks that arrived. why "or up to twice
   * the slowest recent ack": on a loaded machine a fixed 60 ms often kills the server before any
   * command is stored, and the run has nothing left to lose.
   */
  async function burstThenKill(
    host: RoomClient,
    players: Array<{ seat: Seat; client: RoomClient; view: PlayerView }>,
    g: Game,
    hostView: HostView,
    clients: RoomClient[],
  ): Promise<void> {
    const phase = hostView.phase;
    const q = currentOf(hostView);
    const newcomers = phase === 'lobby' ? 3 : phase === 'question' ? 1 : 0;
    const joiners: RoomClient[] = [];
    for (let i = 0; i < newcomers; i++) {
      const c = await guest(server.url);
      clients.push(c);
      joiners.push(c);
    }
    const hostStep = phase === 'lobby' ? 'host:start' : phase === 'question' ? 'host:end-question' : 'host:next';
    const window = Math.max(opts.killWindowMs ?? 60, Math.round(2 * ackMs));
    const sentAt = performance.now();
    let slowest = 0;
    const acked = () => (slowest = Math.max(slowest, performance.now() - sentAt));
    const hostDelay = Math.floor(rand() * (window / 2));
    const killDelay = Math.floor(rand() * window);

    for (const c of joiners) {
      const nickname = `P${++nick}`;
      send(c.socket, 'room:join', { pin: g.pin, nickname }, (ack) => {
        if (!ack?.ok) return;
        g.seats.push({ playerId: ack.playerId, token: ack.token, nickname });
        report.ackedJoins++;
        acked();
      });
    }
    if (phase === 'question') {
      const question = g.questions[q]!;
      for (const p of players) {
        if (g.answers.has(`${p.seat.playerId}:${q}`)) continue;
        const choice = answerFor(question, rand() < 0.6);
        send(p.client.socket, 'answer:submit', { questionIndex: q, choice }, (ack) => {
          if (!ack?.ok) return;
          g.answers.set(`${p.seat.playerId}:${q}`, choice);
          report.ackedAnswers++;
          acked();
        });
      }
    }
    setTimeout(() => {
      send(host.socket, hostStep, {}, (ack) => {
        if (!ack?.ok) return;
        g.hostVersion = Math.max(g.hostVersion, ack.version);
        report.ackedHostSteps++;
        acked();
      });
    }, hostDelay);

    await sleep(killDelay);
    await server.kill();
    await server.stop(); // removes its data folder; the database file is ours
    report.kills++;
    // Acks the server wrote before it died may still be on their way: wait for every socket to notice.
    await Promise.race([Promise.all(clients.map((c) => (c.socket.connected ? new Promise((r) => c.socket.once('disconnect', r)) : null))), sleep(2000)]);
    if (slowest > 0) ackMs = slowest;
    log(`kill ${report.kills}: ${phase} q${q + 1}, after ${killDelay} of ${window} ms; seats ${g.seats.length}, answers ${g.answers.size}`);
  }

  /** Plays the game to its podium without kills: every seat answers every open question. */
  async function finishGame(host: RoomClient, players: Array<{ seat: Seat; client: RoomClient }>, g: Game, r: () => number): Promise<void> {
    for (let step = 0; step < 4 * g.questions.length + 4; step++) {
      const view = host.lastView as HostView | null;
      const phase = view?.phase ?? 'lobby';
      if (phase === 'podium') return;
      if (phase === 'question') {
        const q = currentOf(view!);
        await Promise.all(
          players.map(async (p) => {
            if (g.answers.has(`${p.seat.playerId}:${q}`)) return;
            const choice = answerFor(g.questions[q]!, r() < 0.6);
            const ack = await p.client.emit('answer:submit', { questionIndex: q, choice });
            if (ack.ok) g.answers.set(`${p.seat.playerId}:${q}`, choice);
          }),
        );
      }
      if (phase === 'lobby' && players.length === 0) {
        const c = await guest(server.url);
        players.push({ seat: await joinSeat(c, g), client: c });
      }
      const ack = await host.emit(phase === 'lobby' ? 'host:start' : phase === 'question' ? 'host:end-question' : 'host:next', {});
      if (ack.ok) {
        await host.view((v: HostView) => v.version >= ack.version);
        continue;
      }
      // Everyone answered, so the question closed by itself: the reveal is on its way.
      if (ack.code === 'bad_phase' && phase === 'question') await host.view((v: HostView) => v.phase !== 'question');
      else throw new Error(`host step failed in ${phase}: ${JSON.stringify(ack)}`);
    }
    throw new Error('the game did not reach its podium');
  }

  async function joinSeat(c: RoomClient, g: Game): Promise<Seat> {
    const nickname = `P${++nick}`;
    const ack = await c.emit('room:join', { pin: g.pin, nickname });
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    const seat = { playerId: ack.playerId, token: ack.token, nickname };
    g.seats.push(seat);
    return seat;
  }

  /** After the podium: every acknowledged answer is stored as sent, once, and the scores are their sums. */
  async function checkStored(g: Game): Promise<void> {
    const session = await eventually(async () => {
      const s = await prisma.gameSession.findUniqueOrThrow({ where: { id: g.gameId }, select: { status: true } });
      return s.status === 'ended' ? s : null;
    });
    if (session.status !== 'ended') problem(`game ${g.gameId} not stored as ended`);
    const rows = await prisma.gameAnswer.findMany({ where: { sessionId: g.gameId } });
    const byKey = new Map(rows.map((r) => [`${r.playerId}:${r.questionIndex}`, r]));
    for (const [key, choice] of g.answers) {
      const row = byKey.get(key);
      if (!row) problem(`acknowledged answer ${key} not stored`);
      else if (!same(row.choice, choice)) problem(`answer ${key} stored as ${JSON.stringify(row.choice)}, acknowledged as ${JSON.stringify(choice)}`);
    }
    const players = await prisma.gamePlayer.findMany({ where: { sessionId: g.gameId } });
    for (const p of players) {
      const sum = rows.filter((r) => r.playerId === p.id).reduce((a, r) => a + r.points, 0);
      if (sum !== p.score) problem(`${p.nickname}: stored score ${p.score}, stored answers add up to ${sum}`);
    }
    for (const seat of g.seats) {
      if (!players.some((p) => p.id === seat.playerId)) problem(`acknowledged player ${seat.nickname} not stored`);
    }
  }
}
