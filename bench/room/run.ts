/**
 * Live room benchmark: `npm run bench:room -- --players 1000 [--spread 4000] [--procs 2]`.
 *
 * Starts the real server (pages off, fresh SQLite file with the built-in decks, BENCH_MODE=1) on
 * 127.0.0.1, connects N socket.io-client players from child processes (so the client side does
 * not starve the measured server of the controller's CPU; each first warms its own client code
 * against a private in-process server, see client-warm-up.ts), plays a 5-question game and prints:
 * - answer-ack latency p50/p99 (client-side round trip of answer:submit; each player answers
 *   `--think` ms (default 1000) plus a uniform 0..`--spread` ms (default 4000) after its question
 *   view arrives, as people do: nobody answers while the question is still being delivered);
 * - reveal fan-out p50/p99 over the 5 reveals: from the server dequeuing the command that
 *   closed the question (the reducer's `now`, read back from the room) until the LAST player
 *   received its reveal view. Server and clients run on this machine, so they share one clock;
 * - the same for a bare Socket.IO broadcast of a payload as large as a reveal view, to the same
 *   sockets (bench-only `bench:broadcast`), as the baseline; ratio = revealP99 / baselineP99;
 * - server RSS growth per player, and answers lost (sent − acked ok, plus acked but not stored);
 * - as diagnostics, the CPU the client processes spent receiving each reveal and each baseline
 *   broadcast (they share the cores with the server), and the same broadcast with a reveal view
 *   itself as the payload (same size and shape; the reported ratio keeps the flat payload).
 *   BENCH_SERVER_LOG=<file> saves the server's output, e.g. with BENCH_NODE_ARGS='--trace-gc'.
 * The last line is one JSON object. Bounded: gives up after 4 min + 0.2 s per player.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { startTestCluster, type TestCluster } from '../../tests/integration/helpers/cluster';
import { startTestServer, type TestServer } from '../../tests/integration/helpers/test-server';
import { HttpClient } from '../../tests/integration/helpers/http';
import { openDb } from '../../tests/integration/rooms/db';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PLAYERS = Math.max(1, Math.min(5000, arg('players', 1000)));
const SPREAD_MS = arg('spread', 4000);
/** Nobody answers before reading the question: answers start this long after the question arrives. */
const THINK_MS = arg('think', 1000);
const PROCS = Math.max(1, Math.min(4, arg('procs', 2)));
/** Several nodes (REDIS_URL and a shared PostgreSQL database; both started here when unset). */
const NODES = Math.max(1, Math.min(4, arg('nodes', 1)));
/** SIGKILL the room's owner during the first question and report how long the room was away. */
const KILL_OWNER = process.argv.includes('--kill-owner');
const QUESTIONS = 5;
const BASELINE_ROUNDS = 5;

let serverOutput = () => '';
/** Stops the server and the client processes; also on a hard stop or a signal (no orphans). */
let cleanup: () => Promise<void> = async () => {};
async function abort(why: string, code: number) {
  console.error(why);
  const forced = setTimeout(() => process.exit(code), 10_000);
  await cleanup().catch(() => {});
  clearTimeout(forced);
  process.exit(code);
}
const hardStop = setTimeout(
  () => void abort(`benchmark took too long; giving up. Server output (tail):\n${serverOutput().slice(-4000)}`, 3),
  (4 * 60 + PLAYERS * 0.2) * 1000,
);
process.on('SIGINT', () => void abort('interrupted', 130));
process.on('SIGTERM', () => void abort('terminated', 143));

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 10) / 10;
const log = (...a: unknown[]) => console.log('[bench]', ...a);

const benchEnv = { BENCH_MODE: '1', RATE_LIMIT_JOIN: '1000000/60', RATE_LIMIT_SIGN_UP: '1000/60', NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '--expose-gc' };

/** One node, or `--nodes N` sharing a PostgreSQL database and Redis (started here unless DATABASE_URL / REDIS_URL say where). */
async function startNodes(): Promise<{ urls: string[]; databaseUrl: string; output(): string; stop(): Promise<void>; cluster: TestCluster | null; one: TestServer | null }> {
  if (NODES === 1 && !KILL_OWNER) {
    const one = await startTestServer({
      // e.g. BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server.
      nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
      env: benchEnv,
    });
    return { urls: [one.url], databaseUrl: one.databaseUrl, output: one.output, stop: one.stop, cluster: null, one };
  }
  if (!process.env.DATABASE_URL) process.env.TEST_DB = 'postgres';
  const cluster = await startTestCluster({
    nodes: Math.max(2, NODES),
    env: benchEnv,
    redisUrl: process.env.REDIS_URL,
    databaseUrl: process.env.DATABASE_URL,
  });
  return { urls: cluster.nodes().map((n) => n.url), databaseUrl: cluster.databaseUrl, output: cluster.output, stop: cluster.stop, cluster, one: null };
}

async function main() {
  const nodes = await startNodes();
  const server = { url: nodes.urls[0]!, databaseUrl: nodes.databaseUrl, output: nodes.output, stop: nodes.stop };
  serverOutput = server.output;
  const children: ChildProcess[] = [];
  cleanup = async () => {
    for (const c of children) if (c.exitCode === null) c.kill();
    await server.stop();
  };
  try {
    log(`${nodes.urls.length} node(s) at ${nodes.urls.join(', ')}; ${PLAYERS} players in ${PROCS} client processes; answers ${THINK_MS}+0..${SPREAD_MS} ms after a question`);
    const http = new HttpClient(server.url);
    const res = await http.signUp(`bench-${Date.now()}@example.com`, 'password-123', 'Bench Host', 'instructor');
    if (res.status !== 200) throw new Error(`sign-up failed ${res.status}`);
    // why: under overload the host's heartbeat can time out; reconnect and re-attach like the host screen does.
    const hostAt = (url: string) => connect(url, { transports: ['websocket'], reconnection: true, extraHeaders: { cookie: http.cookieHeader() }, auth: { protocolVersion: 1 } });
    let host = hostAt(server.url);
    await new Promise<void>((r, j) => (host.once('connect', () => r()), host.once('connect_error', j)));
    // Several nodes: a socket on each other node, for the baseline broadcast to that node's players.
    const others = nodes.urls.slice(1).map((u) => connect(u, { transports: ['websocket'], auth: { protocolVersion: 1 } }));
    const call = async (event: string, payload: unknown = {}): Promise<any> => {
      for (let attempt = 0; ; attempt++) {
        if (!host.connected) await new Promise<void>((r) => host.once('connect', () => r()));
        try {
          const ack: any = await host.timeout(60_000).emitWithAck(event, payload);
          // A retried host command that had been applied before the drop is refused as stale.
          if (attempt > 0 && ack?.code === 'stale') return { ok: true };
          if (!ack?.ok) throw new Error(`${event}: ${ack?.code} ${ack?.message}`);
          return ack;
        } catch (err) {
          if (host.connected || attempt >= 3) throw err;
          log(`${event} interrupted by a host disconnect; retrying`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    };
    /** Host buttons send the version they were clicked on, so a retry cannot skip a question. */
    const press = (event: string) => call(event, { expectVersion: hostView?.version });
    let hostView: any = null;
    const hostWaiters: Array<[(v: any) => boolean, () => void]> = [];
    const feedHost = (v: any) => {
      hostView = v;
      for (const w of [...hostWaiters]) if (w[0](v)) (hostWaiters.splice(hostWaiters.indexOf(w), 1), w[1]());
    };
    host.on('room:view', feedHost);
    const hostSees = (pred: (v: any) => boolean) =>
      hostView && pred(hostView) ? Promise.resolve() : new Promise<void>((r) => hostWaiters.push([pred, r]));

    const { gameId, pin } = await call('host:create', {
      deckId: 'sqs',
      settings: { questionCount: QUESTIONS, secondsPerQuestion: 60, shuffleQuestions: true },
    });
    await call('host:attach', { gameId });
    await call('bench:gc');
    const rssBefore = (await call('bench:stats', { gameId })).rss as number;

    // Player processes.
    const inbox: any[] = [];
    const waiters: Array<[(m: any) => boolean, (m: any) => void]> = [];
    const onMessage = (m: any) => {
      if (m?.type === 'failed') {
        console.error('client process failed:', m.message);
        process.exitCode = 1;
      }
      const w = waiters.find(([pred]) => pred(m));
      if (w) (waiters.splice(waiters.indexOf(w), 1), w[1](m));
      else inbox.push(m);
    };
    const next = (pred: (m: any) => boolean) => {
      const i = inbox.findIndex(pred);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
      return new Promise<any>((r) => waiters.push([pred, r]));
    };
    const per = Math.ceil(PLAYERS / PROCS);
    for (let k = 0; k < PROCS; k++) {
      const child = fork(path.join(import.meta.dirname, 'clients.ts'), [], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: 'inherit' });
      child.on('message', onMessage);
      children.push(child);
      const count = Math.min(per, PLAYERS - k * per);
      child.send({ type: 'start', urls: nodes.urls, pin, from: k * per, count, spreadMs: SPREAD_MS, thinkMs: THINK_MS });
    }
    const joinStart = Date.now();
    const joined = await Promise.all(children.map(() => next((m) => m.type === 'joined')));
    log(`joined ${joined.reduce((t, m) => t + m.count, 0)} players in ${Date.now() - joinStart} ms`);
    await hostSees((v) => v.playerCount === PLAYERS);
    await new Promise((r) => setTimeout(r, 1000));
    await call('bench:gc');
    const rssAfter = (await call('bench:stats', { gameId })).rss as number;

    // The game.
    host.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      log(`host socket disconnected: ${reason}; reconnecting`);
      host.once('connect', () => void host.emitWithAck('host:attach', { gameId }).then((ack: any) => (log('host re-attached'), ack?.ok && feedHost(ack.view))));
    });
    const watchdog = setInterval(async () => {
      const v = hostView;
      const stats: any = host.connected ? await host.timeout(5000).emitWithAck('bench:stats', { gameId }).catch(() => null) : null;
      log(`... server event-loop lag max ${stats?.eventLoopLag?.maxMs?.toFixed(0)} ms; host sees phase ${v?.phase} q${v?.question?.index} answered ${v?.question?.answeredCount}/${v?.playerCount} connected ${v?.connectedCount}`);
    }, 15_000);
    const lastSeen: number[] = [];
    const revealClientCpu: string[] = [];
    const allSeen: number[][] = [];
    let revealJson = '';
    let failoverMs: number | null = null;
    let killAt = 0;
    for (let q = 0; q < QUESTIONS; q++) {
      await press(q === 0 ? 'host:start' : 'host:next');
      if (q === 0 && KILL_OWNER) {
        // During the first question, a quarter into the answers: SIGKILL the owner (node a, where the room was opened).
        await new Promise((r) => setTimeout(r, THINK_MS + SPREAD_MS / 4));
        killAt = Date.now();
        for (const c of children) c.send({ type: 'killed', url: nodes.urls[0], at: killAt });
        await nodes.cluster!.kill('a');
        log('owner node a SIGKILLed');
        host.removeAllListeners();
        host.close();
        host = hostAt(nodes.urls[1]!);
        host.on('room:view', feedHost);
        await new Promise<void>((r) => host.once('connect', () => r()));
        for (;;) {
          const ack: any = await host.timeout(10_000).emitWithAck('host:attach', { gameId }).catch(() => null);
          if (ack?.ok) (feedHost(ack.view), log(`host re-attached on node b after ${Date.now() - killAt} ms`));
          if (ack?.ok) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        others.shift()?.close();
      }
      const done = await Promise.all(children.map(() => next((m) => m.type === 'revealDone' && m.q === q)));
      lastSeen[q] = Math.max(...done.flatMap((m) => m.times));
      allSeen[q] = done.flatMap((m) => m.times).sort((a: number, b: number) => a - b);
      revealJson = done[0].json;
      revealClientCpu.push(done.map((m) => m.cpuMs).join('+'));
      await hostSees((v) => v.phase === 'reveal' && v.question?.index === q);
      await press('host:next'); // leaderboard
      await hostSees((v) => v.phase === 'leaderboard');
      log(`question ${q + 1}/${QUESTIONS} revealed`);
    }
    await press('host:next'); // podium
    await hostSees((v) => v.phase === 'podium');
    clearInterval(watchdog);

    const fanouts = (await call('bench:stats', { gameId })).fanouts as Array<{ phase: string; current: number; startedAt: number; sentAt: number }>;
    const revealFanouts = lastSeen.map((_, q) => fanouts.find((f) => f.phase === 'reveal' && f.current === q)!);
    const reveal = lastSeen.map((t, q) => t - revealFanouts[q]!.startedAt);
    for (const [q, f] of revealFanouts.entries()) {
      const at = allSeen[q]!.map((t) => t - f.startedAt);
      log(`reveal ${q + 1}: handed off in ${f.sentAt - f.startedAt} ms; players had it: first ${at[0]}, p50 ${pct(at, 50)}, last ${at.at(-1)} ms`);
    }
    // Several nodes: when each other node had handed its own players their reveal (after the reducer's `now`).
    for (const [i, o] of others.entries()) {
      const theirs = ((await o.timeout(10_000).emitWithAck('bench:stats', { gameId }).catch(() => null)) as any)?.fanouts ?? [];
      const reveals = lastSeen.map((_, q) => theirs.find((f: any) => f.phase === 'reveal' && f.current === q));
      log(`node ${i + 2}: reveals handed off ${reveals.map((f: any) => (f ? `${f.sentAt - f.startedAt} ms (${f.players} players)` : '?')).join(', ')}`);
    }

    // Baseline: a bare broadcast of a payload the size of a reveal view, to the same sockets.
    const revealBytes = revealJson.length;
    const broadcastRounds = async (payload: { bytes: number; view?: string }) => {
      const out = { lastMs: [] as number[], handoffMs: [] as number[], clientCpu: [] as string[] };
      for (let i = 0; i < BASELINE_ROUNDS; i++) {
        // Same as before a reveal: the client processes start with an empty young generation (clients.ts).
        for (const c of children) c.send({ type: 'gc' });
        await Promise.all(children.map(() => next((m) => m.type === 'gcDone')));
        await new Promise((r) => setTimeout(r, 300));
        const round = Date.now();
        const acks: any[] = await Promise.all([
          call('bench:broadcast', { gameId, ...payload, round }),
          ...others.map((o) => o.timeout(60_000).emitWithAck('bench:broadcast', { gameId, ...payload, round })),
        ]);
        // Players group receipts by `round`; the round starts when the first node emitted.
        const sentAt = Math.min(...acks.map((a) => a.sentAt));
        const doneAt = Math.max(...acks.map((a) => a.doneAt));
        out.handoffMs.push(doneAt - sentAt);
        const done = await Promise.all(children.map(() => next((m) => m.type === 'blobDone' && m.sentAt === round)));
        out.lastMs.push(Math.max(...done.flatMap((m) => m.times)) - sentAt);
        out.clientCpu.push(done.map((m) => m.cpuMs).join('+'));
      }
      return out;
    };
    const flat = await broadcastRounds({ bytes: revealBytes });
    const baseline = flat.lastMs;
    const baselineHandoff = flat.handoffMs;
    const baselineClientCpu = flat.clientCpu;
    // Diagnostic only: the same broadcast with a reveal view itself as the payload (same size and
    // shape, so the clients parse as much as for a reveal); the reported ratio uses the flat one.
    const shaped = await broadcastRounds({ bytes: revealBytes, view: revealJson });

    // Answers: sent by clients, acknowledged, stored.
    for (const c of children) c.send({ type: 'report' });
    const reports = await Promise.all(children.map(() => next((m) => m.type === 'report')));
    await call('bench:flush');
    const prisma = openDb(server.databaseUrl);
    const stored = await prisma.gameAnswer.count({ where: { sessionId: gameId } });
    await prisma.$disconnect();
    const sent = reports.reduce((t, r) => t + r.sent, 0);
    const ackedOk = reports.reduce((t, r) => t + r.ackedOk, 0);
    const errors = reports.reduce((acc, r) => {
      for (const [k, v] of Object.entries(r.errors as Record<string, number>)) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    }, {} as Record<string, number>);
    const ackMs = reports.flatMap((r) => r.ackMs as number[]);

    host.close();
    for (const o of others) o.close();
    for (const c of children) c.send({ type: 'close' });
    if (KILL_OWNER) {
      const firstAck = Math.min(...reports.map((r) => r.firstAckAfterKill || Infinity));
      failoverMs = Number.isFinite(firstAck) ? firstAck - killAt : null;
      log(`answers sent again after "send it again": ${reports.reduce((t, r) => t + r.retried, 0)}`);
    }

    const revealP99 = pct(reveal, 99);
    const baselineP99 = pct(baseline, 99);
    const disconnects = reports.reduce((t, r) => t + r.disconnects, 0);
    if (disconnects) log(`WARNING: ${disconnects} player sockets dropped during the run`);
    log(`answers: sent ${sent}, acked ok ${ackedOk}, stored ${stored}, errors ${JSON.stringify(errors)}`);
    log(`reveal fan-out ms per question: ${reveal.join(', ')} (view ${revealBytes} bytes)`);
    log(`baseline broadcast ms: ${baseline.join(', ')} (handed to Socket.IO within ${baselineHandoff.join(', ')})`);
    log(`client processes' CPU ms per reveal: ${revealClientCpu.join(', ')}; per baseline broadcast: ${baselineClientCpu.join(', ')}`);
    // Diagnostic only (the JSON keeps every reveal): the first reveal of a fresh server process is
    // its slowest in most runs; this shows how much of the ratio that one reveal is.
    log(`diagnostic: reveals 2-${QUESTIONS} only: p99 ${pct(reveal.slice(1), 99)} ms, ratio ${(pct(reveal.slice(1), 99) / Math.max(1, baselineP99)).toFixed(2)}`);
    log(`diagnostic: broadcasting a reveal view itself: ${shaped.lastMs.join(', ')} ms (client CPU ${shaped.clientCpu.join(', ')}); ratio against it ${(pct(reveal, 99) / Math.max(1, pct(shaped.lastMs, 99))).toFixed(2)}`);
    log(`server RSS: ${(rssBefore / 1e6).toFixed(1)} MB -> ${(rssAfter / 1e6).toFixed(1)} MB`);
    const result = {
      nodes: nodes.urls.length,
      players: PLAYERS,
      answersLost: sent - ackedOk + Math.max(0, ackedOk - stored),
      ackP50Ms: round(pct(ackMs, 50)),
      ackP99Ms: round(pct(ackMs, 99)),
      revealP50Ms: round(pct(reveal, 50)),
      revealP99Ms: round(revealP99),
      baselineRevealP99Ms: round(baselineP99),
      ratio: Math.round((revealP99 / Math.max(1, baselineP99)) * 100) / 100,
      rssPerPlayerKb: round((rssAfter - rssBefore) / 1024 / PLAYERS),
      ...(KILL_OWNER ? { failoverMs } : {}),
    };
    console.log(JSON.stringify(result));
  } finally {
    if (process.env.BENCH_SERVER_LOG) fs.writeFileSync(process.env.BENCH_SERVER_LOG, serverOutput());
    await cleanup();
    clearTimeout(hardStop);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
