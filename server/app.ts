import http from 'node:http';
import { parse } from 'node:url';
import next from 'next';
import { Server } from 'socket.io';
import { env } from '../src/server/env';
import { auth } from '../src/server/auth';
import { db, engine, isDatabaseUnavailable, probeDatabase, sqliteFile, UNAVAILABLE_MESSAGE } from '../src/server/db';
import { startCheckpointer, type Checkpointer } from './db-checkpointer';
import { closeRedis, redis } from '../src/server/redis/client';
import { startInvalidation } from '../src/server/redis/invalidation';
import { stampClientIp } from '../src/server/client-ip';
import { attachSockets } from './sockets';
import { scanApiRoutes } from './http/api-routes';
import { handleAuth } from './http/auth-bridge';
import { guardRequest } from './http/guard';
import { expectedOrigin, isOwnOrigin } from './http/origin';
import { replayRequest } from './http/replay';
import { sendError } from './http/respond';
import { securityHeaders } from './http/security-headers';
import { viewParser } from './rooms/encoded-view';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * One Node process, one port: Next's pages and route handlers, better-auth under /api/auth,
 * and Socket.IO under /socket.io.
 */
export async function startServer(): Promise<RunningServer> {
  const e = env();
  // why first: a wrong or unreachable DATABASE_URL should stop the start with one line, before
  // Next spends seconds preparing.
  await probeDatabase(e.DATABASE_URL);
  // why here too: with REDIS_URL set, a node that cannot reach Redis would count rate limits on
  // its own and miss other nodes' cache invalidations; it stops with one line instead
  // (connectRedis names REDIS_URL and the reason).
  const shared = await redis();
  if (shared) await startInvalidation(shared);
  const dev = e.NODE_ENV !== 'production';
  let handleNext: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  let upgradeNext: ReturnType<ReturnType<typeof next>['getUpgradeHandler']> | null = null;
  if (e.SERVE_NEXT) {
    const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: e.PORT });
    const handler = app.getRequestHandler();
    await app.prepare();
    handleNext = (req, res) => handler(req, res, parse(req.url ?? '/', true));
    upgradeNext = app.getUpgradeHandler();
  }
  auth();
  const guardOptions = { appUrl: e.APP_URL, dev, routes: scanApiRoutes() };
  const fallbackOrigin = e.APP_URL ?? `http://localhost:${e.PORT}`;

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    stampClientIp(req, e.TRUST_PROXY);
    serve(req, res).catch((err) => fail(req, res, err));
  };
  const server = http.createServer(onRequest);
  // why: without this listener Node answers "100 Continue" itself, inviting the whole body before
  // its size is checked; the guard sends it only for bodies within the limit.
  server.on('checkContinue', onRequest);

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const guarded = await guardRequest(req, res, guardOptions);
    if (!guarded) return;
    if (guarded.pathname.startsWith('/api/auth/')) {
      await handleAuth(req, res, guarded.body, expectedOrigin(req, e.APP_URL) ?? fallbackOrigin);
      return;
    }
    if (guarded.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (guarded.pathname === '/readyz') {
      // why apart from /healthz: a load balancer should stop sending players to a node whose database
      // is away, without a process supervisor restarting a node that is otherwise fine.
      const database = await db().$queryRawUnsafe('SELECT 1').then(() => true, () => false);
      res.writeHead(database ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: database, database }));
      return;
    }
    if (!handleNext) {
      sendError(res, 404, 'not_found', 'Not found (pages are disabled: SERVE_NEXT=false).', { api: guarded.pathname.startsWith('/api/') });
      return;
    }
    await handleNext(guarded.body ? replayRequest(req, guarded.body) : req, res);
  }

  const io = new Server(server, {
    // why: room fan-outs send views that are already JSON (server/rooms/encoded-view.ts).
    parser: viewParser,
    // why: answers and acks are tiny; a cap stops a client from flooding memory. It sits above
    // the 64 kB message limit (server/handlers/on.ts) so an over-long message gets an error
    // ack rather than a dropped connection; past this cap the transport drops it.
    maxHttpBufferSize: 256 * 1024,
    // why: no connectionStateRecovery. A returning player sends room:rejoin and gets the full view,
    // which is always correct; recovery would keep a copy of every per-player message for minutes.
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // why: other WebSocket upgrades (Next's hot reload in development) are Next's to answer;
    // by default engine.io destroys every upgrade that is not its own.
    destroyUpgrade: false,
    // why: the session cookie rides along with any page's websocket, so a foreign page could act
    // as the signed-in user (cross-site WebSocket hijacking). Browsers always send Origin on
    // websocket and cross-origin requests; a client without Origin (a Node script) is accepted.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (origin === undefined || isOwnOrigin(origin, req, e.APP_URL)) return callback(null, true);
      console.warn(`socket handshake refused: Origin ${JSON.stringify(origin)} from ${req.socket.remoteAddress}`);
      callback('bad_origin', false);
    },
  });
  // why: engine.io answers /socket.io/ requests before the guard sees them; its public
  // `headers` event lets those responses carry the same security headers as every other one.
  io.engine.on('headers', (headers: Record<string, string>, req: http.IncomingMessage) => {
    const host = e.APP_URL ? new URL(e.APP_URL).host : req.headers.host;
    Object.assign(headers, securityHeaders({ https: e.APP_URL?.startsWith('https://') ?? false, dev, host }));
  });
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/socket.io/')) return;
    if (upgradeNext) upgradeNext(req, socket, head).catch(() => socket.destroy());
    else socket.destroy();
  });
  const sockets = await attachSockets(io, { trustProxy: e.TRUST_PROXY });
  const checkpointer = await checkpointInBackground();

  await new Promise<void>((resolve) => server.listen(e.PORT, e.HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : e.PORT;
  const url = `http://localhost:${port}`;

  return {
    url,
    port,
    async close() {
      await sockets.close();
      await checkpointer?.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db().$disconnect();
      await closeRedis();
    },
  };
}

/**
 * The WAL is copied back into the database file by a worker thread (db-checkpointer.ts) instead
 * of inside the server's own commits; null (and SQLite's usual checkpoints) when that cannot run.
 */
async function checkpointInBackground(): Promise<Checkpointer | null> {
  if (engine() !== 'sqlite') return null;
  const file = sqliteFile(env().DATABASE_URL);
  const rows = await db().$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
  if (file === ':memory:' || String(rows[0]?.journal_mode).toLowerCase() !== 'wal') return null;
  // why through Prisma: wal_autocheckpoint is per connection, and the connection that writes is Prisma's.
  const autoCheckpoint = (pages: number) => db().$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${pages}`);
  try {
    const checkpointer = await startCheckpointer(file, {
      onFailure: (err) => {
        console.error('db checkpointer stopped; the server checkpoints again itself', err);
        autoCheckpoint(1000).catch((e) => console.error('could not turn SQLite checkpoints back on', e));
      },
    });
    await autoCheckpoint(0);
    return checkpointer;
  } catch (err) {
    console.error('db checkpointer did not start; the server checkpoints itself', err);
    return null;
  }
}

function fail(req: http.IncomingMessage, res: http.ServerResponse, err: unknown) {
  const api = (req.url ?? '').startsWith('/api/');
  if (isDatabaseUnavailable(err)) {
    console.error(`request failed, the database is not reachable: ${req.method} ${JSON.stringify((req.url ?? '').slice(0, 200))}`);
    sendError(res, 503, 'unavailable', UNAVAILABLE_MESSAGE, { api, headers: { 'retry-after': '5' } });
    return;
  }
  console.error(`request failed: ${req.method} ${JSON.stringify((req.url ?? '').slice(0, 200))}`, err);
  sendError(res, 500, 'internal', 'Something went wrong.', { api: (req.url ?? '').startsWith('/api/') });
}
