import type { Server, Socket } from 'socket.io';
import { fromNodeHeaders } from 'better-auth/node';
import { userFromHeaders, type SessionUser } from '../src/server/auth';
import { clientIp } from '../src/server/client-ip';
import { db, dbReady } from '../src/server/db';
import { env } from '../src/server/env';
import { PROTOCOL_VERSION } from '../src/core/protocol';
import type { HandlerContext, RoomSocket } from './handlers/context';
import { recordFanout, registerBenchHandlers } from './handlers/bench-handlers';
import { redis } from '../src/server/redis/client';
import { ClusterRooms } from './cluster/cluster-rooms';
import { RedisCluster } from './cluster/redis-cluster';
import { registerHostHandlers, unbindHost } from './handlers/host-handlers';
import { cancelSeatRequest, registerPlayerHandlers, unbindPlayer } from './handlers/player-handlers';
import { RoomDirectory } from './rooms/directory';
import { BatchedStore } from './rooms/persistence';
import { createRateLimiter } from './rooms/rate-limit';
import { SocketTransport, type IoServer } from './rooms/socket-transport';

export interface SocketData {
  user: SessionUser | null;
  ip: string;
}

export interface SocketLayer {
  close(): Promise<void>;
}

/**
 * Identifies every connection from its session cookie (guests are allowed, with user = null),
 * then registers the event handlers.
 */
export async function attachSockets(io: Server, opts: { trustProxy: boolean }): Promise<SocketLayer> {
  io.use((socket: Socket, nextFn) => {
    // why: a client built for another protocol version would misread every payload. A client
    // that sends no version gets the current one (simple bots, the sys:whoami probe).
    const version = (socket.handshake.auth as { protocolVersion?: unknown } | undefined)?.protocolVersion;
    if (version !== undefined && version !== PROTOCOL_VERSION) return nextFn(new Error('protocol_mismatch'));
    nextFn();
  });
  io.use(async (socket: Socket, nextFn) => {
    try {
      socket.data.ip = clientIp(socket.request, opts.trustProxy);
      // why: without any cookie there is no session to look up (most players are guests, and a
      // session lookup costs a few ms per handshake when a whole class connects at once).
      socket.data.user = socket.handshake.headers.cookie
        ? await userFromHeaders(fromNodeHeaders(socket.handshake.headers))
        : null;
      nextFn();
    } catch (err) {
      console.error('socket handshake failed', err);
      nextFn(new Error('handshake_failed'));
    }
  });

  const typedIo = io as unknown as IoServer;
  // why wait: SQLite's pragmas (WAL) cannot change while the rooms' first transaction is open.
  await dbReady();
  const store = new BatchedStore(db());
  const transport = new SocketTransport(typedIo, (socketId, gameId) => {
    const s = typedIo.sockets.sockets.get(socketId) as RoomSocket | undefined;
    if (!s) return;
    if (s.data.player?.gameId === gameId) {
      if (s.data.pingTimer) clearInterval(s.data.pingTimer);
      s.data.pingTimer = undefined;
      s.data.player = undefined;
    }
    if (s.data.hostGameId === gameId) s.data.hostGameId = undefined;
    if (s.data.seatRequest?.gameId === gameId) s.data.seatRequest = undefined;
  });
  const bench = process.env.BENCH_MODE === '1';
  const rooms = new RoomDirectory(db(), transport, store, { onFanout: bench ? recordFanout : undefined });
  // Several nodes share rooms through Redis (server/cluster/); without REDIS_URL this node is alone.
  const connections = await redis();
  const cluster = connections ? new ClusterRooms(new RedisCluster(connections, clusterTiming()), rooms) : null;
  rooms.cluster = cluster;
  if (cluster) store.onFenced = (gameId) => void cluster.stepDown(gameId);
  const limit = env().RATE_LIMIT_JOIN;
  const ctx: HandlerContext = {
    io: typedIo,
    rooms,
    prisma: db(),
    lookupLimiter: createRateLimiter('join', limit),
    maxRoomsPerHost: 20,
  };

  // The bridge's read stays outside the try: if the database fails this early, the start stops
  // with one line (server/index.ts) rather than serve rooms that store nothing.
  const resumed = await store.resumeBridge();
  if (resumed) console.log(`carrying ${resumed} live answer(s) into review schedules`);
  if (cluster) {
    // why no restore: each open room is taken over by one node, when its owner's lease is gone.
    await cluster.start(await openRoomIds());
    console.log(`rooms: node ${cluster.nodeId} joined the cluster`);
  } else {
    try {
      const restored = await rooms.restore();
      if (restored) console.log(`restored ${restored} open room(s)`);
    } catch (err) {
      console.error('restoring rooms failed', err);
    }
  }

  io.on('connection', (raw) => {
    const socket = raw as unknown as RoomSocket;
    socket.on('sys:whoami' as never, ((ack: unknown) => {
      if (typeof ack !== 'function') return;
      const data = socket.data as SocketData;
      ack({ ok: true, user: data.user ? { id: data.user.id, name: data.user.name, role: data.user.role } : null });
    }) as never);
    // why: a socket brought back by connection-state recovery keeps its rooms and data, but it was
    // counted out of its game on disconnect; the client rejoins (room:rejoin / host:attach) as usual.
    if (raw.recovered) {
      for (const r of [...raw.rooms]) if (r !== raw.id) void raw.leave(r);
      socket.data.player = undefined;
      socket.data.hostGameId = undefined;
      socket.data.pingTimer = undefined;
    }
    registerHostHandlers(socket, ctx);
    registerPlayerHandlers(socket, ctx);
    if (bench) registerBenchHandlers(socket, ctx, store);
    socket.on('disconnect', () => {
      cancelSeatRequest(socket, ctx);
      unbindPlayer(socket, ctx);
      unbindHost(socket, ctx);
    });
  });

  return {
    async close() {
      cluster?.stop();
      const owned = [...rooms.rooms()].filter((r) => r.owner && !r.closed).map((r) => r.gameId);
      rooms.shutdown();
      await store.flushAll();
      // why: a node stopped for a deploy hands its rooms on at once (everything is stored now),
      // instead of leaving them ownerless until their leases run out.
      await cluster?.release(owned);
    },
  };
}

/** Open rooms as the database lists them (a cluster node re-lists them in Redis at start). */
async function openRoomIds(): Promise<string[]> {
  const rows = await db().gameSession.findMany({ where: { status: { in: ['lobby', 'running'] } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Leases are renewed (and orphans looked for) six times per lease (ROOM_LEASE_MS). */
function clusterTiming() {
  const leaseMs = env().ROOM_LEASE_MS;
  return { leaseMs, tickMs: Math.round(leaseMs / 6) };
}
