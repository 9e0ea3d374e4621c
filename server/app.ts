import http from 'node:http';
import { parse } from 'node:url';
import next from 'next';
import { Server } from 'socket.io';
import { toNodeHandler } from 'better-auth/node';
import { env } from '../src/server/env';
import { auth } from '../src/server/auth';
import { db, prismaConnection } from '../src/server/db';
import { startCheckpointer, type Checkpointer } from './db-checkpointer';
import { stampClientIp } from '../src/server/client-ip';
import { attachSockets } from './sockets';
import { warmUpRooms } from './rooms/warm-up';

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
  const handleAuth = toNodeHandler(auth());

  const server = http.createServer((req, res) => {
    stampClientIp(req, e.TRUST_PROXY);
    const url = req.url ?? '/';
    if (url.startsWith('/api/auth/')) {
      handleAuth(req, res).catch((err) => fail(res, err));
      return;
    }
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (!handleNext) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found (pages are disabled: SERVE_NEXT=false)');
      return;
    }
    handleNext(req, res).catch((err) => fail(res, err));
  });

  const io = new Server(server, {
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
  });
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/socket.io/')) return;
    if (upgradeNext) upgradeNext(req, socket, head).catch(() => socket.destroy());
    else socket.destroy();
  });
  const sockets = await attachSockets(io, { trustProxy: e.TRUST_PROXY });
  const checkpointer = await checkpointInBackground();
  if (e.ROOM_WARM_UP) {
    const w = await warmUpRooms();
    console.log(w.error ? `rooms: warm-up failed after ${w.ms} ms (${w.error}); serving anyway` : `rooms: warmed up in ${w.ms} ms (${w.views} views)`);
  }

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
    },
  };
}

/**
 * The WAL is copied back into the database file by a worker thread (db-checkpointer.ts) instead
 * of inside the server's own commits; null (and SQLite's usual checkpoints) when that cannot run.
 */
async function checkpointInBackground(): Promise<Checkpointer | null> {
  const conn = await prismaConnection();
  if (conn.memory || String(conn.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
  try {
    const checkpointer = await startCheckpointer(conn.name, {
      onFailure: (err) => {
        console.error('db checkpointer stopped; the server checkpoints again itself', err);
        if (conn.open) conn.pragma('wal_autocheckpoint = 1000');
      },
    });
    conn.pragma('wal_autocheckpoint = 0');
    return checkpointer;
  } catch (err) {
    console.error('db checkpointer did not start; the server checkpoints itself', err);
    return null;
  }
}

function fail(res: http.ServerResponse, err: unknown) {
  console.error('request failed', err);
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
  res.end('Internal error');
}
