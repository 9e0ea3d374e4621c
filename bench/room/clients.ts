/**
 * Benchmark player process: connects `count` socket.io-client players, joins them, answers every
 * question after a random delay, and reports timings to the parent over IPC. Run by run.ts
 * through child_process.fork; it is not meant to be started by hand.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { warmUpClientCode } from './client-warm-up';

interface Start {
  type: 'start';
  /** Player i connects to urls[i % urls.length]; after losing its node it moves to the next one. */
  urls: string[];
  pin: string;
  from: number;
  count: number;
  spreadMs: number;
  thinkMs: number;
}
type FromParent = Start | { type: 'report' } | { type: 'close' } | { type: 'gc' } | { type: 'killed'; url: string; at: number };

const send = (m: unknown) => process.send!(m);

let sockets: Socket[] = [];
const ackMs: number[] = [];
let sent = 0;
let ackedOk = 0;
const errors: Record<string, number> = {};
/** reveal receive times per question index (epoch ms on this machine's clock). */
const revealAt = new Map<number, number[]>();
/** One reveal view as received, for the baseline broadcasts. */
let revealJson = '';
let disconnects = 0;
/** Node urls known dead (--kill-owner): players on them move on; their drop is not counted. */
const dead = new Set<string>();
/** Epoch ms of the kill, and of the first answer acknowledged after it (failover as players saw it). */
let killedAt = 0;
let firstAckAfterKill = 0;
let retried = 0;
/** Sockets that can still receive (a dropped one is counted, not waited for). */
const live = () => sockets.length - disconnects;
const blobAt = new Map<number, number[]>();
/**
 * CPU this process used from the first to the last receipt of a fan-out (ms). why: the clients
 * share the machine's two cores with the server, so a fan-out that costs them more CPU (a cold
 * first reveal, a structured view against a flat string) also slows the server down. Read only
 * at the first and the last receipt: process.cpuUsage is a system call, and reading it on every
 * message cost the clients more CPU than parsing the messages.
 */
const cpuSince = new Map<string, NodeJS.CpuUsage>();
function startCpu(key: string): void {
  cpuSince.set(key, process.cpuUsage());
}
function cpuMsSince(key: string): number {
  const used = process.cpuUsage(cpuSince.get(key));
  cpuSince.delete(key);
  return Math.round((used.user + used.system) / 100) / 10;
}

/**
 * A young-generation GC of this process, now, between fan-outs. why: one process holds hundreds
 * of players, so its heap fills every few seconds and a scavenge (up to 10 ms with 500 sockets
 * alive) lands inside whichever fan-out happens to be running; the burst of parsing after a
 * question made that a reveal more often than a baseline round. Both get the same treatment:
 * this runs once all of the process's players have a question (a second before anyone answers)
 * and before every baseline round. A phone collects only its own garbage.
 */
const collectYoung = () => (globalThis as { gc?: (o: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
const questionViews = new Map<number, number>();

interface Player {
  socket: Socket;
  answered: Set<number>;
  token: string;
}

/**
 * Sends an answer; "send it again" (the room moving to another node) is retried until stored.
 * why count `already_answered` after a retry as stored: the first try reached the old owner,
 * which stored it before it went (the database count checks this).
 */
function submit(state: Player, questionIndex: number, choice: unknown, t0: number, again: boolean) {
  // A player whose node died is still moving to another one: send once it is there.
  if (killedAt && !state.socket.connected) return void setTimeout(() => submit(state, questionIndex, choice, t0, again), 100);
  state.socket.timeout(20_000).emit('answer:submit', { questionIndex, choice }, (err: Error | null, ack: any) => {
    if (err) {
      if (killedAt) return void setTimeout(() => submit(state, questionIndex, choice, t0, true), 200);
      errors.timeout = (errors.timeout ?? 0) + 1;
      return;
    }
    if (ack?.ok || (again && ack?.code === 'already_answered')) {
      ackedOk++;
      ackMs.push(performance.now() - t0);
      if (killedAt && !firstAckAfterKill && ack?.ok) firstAckAfterKill = Date.now();
    } else if (ack?.code === 'unavailable') {
      retried++;
      setTimeout(() => submit(state, questionIndex, choice, t0, true), 200);
    } else errors[ack?.code ?? 'unknown'] = (errors[ack?.code ?? 'unknown'] ?? 0) + 1;
  });
}

function onView(socket: Socket, state: Player, v: any, m: Start) {
  if (v.phase === 'question' && v.question && !v.answered && !state.answered.has(v.question.index)) {
    const q = v.question;
    state.answered.add(q.index);
    const seen = (questionViews.get(q.index) ?? 0) + 1;
    questionViews.set(q.index, seen);
    if (seen === live()) setImmediate(collectYoung);
    const choice = q.kind === 'type' ? 'a guess' : [0];
    setTimeout(() => {
      sent++;
      submit(state, q.index, choice, performance.now(), false);
    }, m.thinkMs + Math.random() * m.spreadMs);
  }
  if (v.phase === 'reveal' && v.reveal) {
    const idx = v.reveal.questionIndex as number;
    if (state.answered.has(-1 - idx)) return;
    state.answered.add(-1 - idx);
    const list = revealAt.get(idx) ?? [];
    list.push(Date.now());
    revealAt.set(idx, list);
    if (list.length === 1) startCpu(`r${idx}`);
    if (!revealJson) revealJson = JSON.stringify(v);
    if (list.length >= live()) send({ type: 'revealDone', q: idx, times: list, json: revealJson, cpuMs: cpuMsSince(`r${idx}`) });
  }
}

async function start(m: Start) {
  // Before any player connects: see client-warm-up.ts for why.
  const warmViews = await warmUpClientCode();
  if (process.env.BENCH_DEBUG) console.error(`[clients ${m.from}] warm-up: ${warmViews} views`);
  const connectTo = (url: string) => connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { protocolVersion: 1 } });
  const wire = (socket: Socket, state: Player, i: number, url: string) => {
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      if (dead.size || killedAt) return void moveOn(state, i, url);
      disconnects++;
      if (process.env.BENCH_DEBUG) console.error(`[clients] player ${m.from + i} disconnected: ${reason}`);
    });
    socket.on('sys:ping', (_p: unknown, ack: () => void) => ack());
    socket.on('room:view', (v: unknown) => onView(socket, state, v, m));
    socket.on('bench:blob', (b: { sentAt: number }) => {
      const list = blobAt.get(b.sentAt) ?? [];
      list.push(Date.now());
      blobAt.set(b.sentAt, list);
      if (list.length === 1) startCpu(`b${b.sentAt}`);
      if (list.length === live()) send({ type: 'blobDone', sentAt: b.sentAt, times: list, cpuMs: cpuMsSince(`b${b.sentAt}`) });
    });
  };
  /** The player's node went away: connect to the next live one and take the seat back, as a phone would through a load balancer. */
  const moveOn = async (state: Player, i: number, from: string) => {
    dead.add(from);
    const url = m.urls.find((u) => !dead.has(u));
    if (!url) return;
    const socket = connectTo(url);
    wire(socket, state, i, url);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    for (let tries = 0; tries < 50; tries++) {
      const ack: any = await socket.timeout(10_000).emitWithAck('room:rejoin', { pin: m.pin, token: state.token }).catch(() => null);
      if (ack?.ok) {
        // Only now does the player answer through the new socket (submit waits until then).
        const at = sockets.indexOf(state.socket);
        if (at >= 0) sockets[at] = socket;
        state.socket = socket;
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    errors.rejoin = (errors.rejoin ?? 0) + 1;
  };
  const open = async (i: number) => {
    const url = m.urls[(m.from + i) % m.urls.length]!;
    const socket = connectTo(url);
    const state: Player = { socket, answered: new Set<number>(), token: '' };
    wire(socket, state, i, url);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack: any = await socket.timeout(30_000).emitWithAck('room:join', { pin: m.pin, nickname: `b${m.from + i}` });
    if (!ack?.ok) throw new Error(`join failed: ${ack?.code}`);
    state.token = ack.token;
    return socket;
  };
  // why: a few dozen handshakes at a time; 1,000 at once only measures the accept queue.
  const batch = 50;
  for (let i = 0; i < m.count; i += batch) {
    const t0 = Date.now();
    const group = await Promise.all(Array.from({ length: Math.min(batch, m.count - i) }, (_, k) => open(i + k)));
    sockets.push(...group);
    if (process.env.BENCH_DEBUG) console.error(`[clients ${m.from}] batch ${i}: ${Date.now() - t0} ms`);
  }
  send({ type: 'joined', count: sockets.length });
}

process.on('message', (m: FromParent) => {
  if (m.type === 'start') {
    start(m).catch((err) => {
      send({ type: 'failed', message: String(err?.message ?? err) });
    });
  } else if (m.type === 'report') {
    send({ type: 'report', sent, ackedOk, ackMs, errors, disconnects, retried, firstAckAfterKill });
  } else if (m.type === 'killed') {
    dead.add(m.url);
    killedAt = m.at;
  } else if (m.type === 'gc') {
    collectYoung();
    send({ type: 'gcDone' });
  } else if (m.type === 'close') {
    for (const s of sockets) s.close();
    sockets = [];
    setTimeout(() => process.exit(0), 100);
  }
});
// The benchmark never outlives its parent.
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(2), 10 * 60 * 1000).unref();
