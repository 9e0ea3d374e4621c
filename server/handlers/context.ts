import type { Socket } from 'socket.io';
import type { SessionUser } from '../../src/server/auth';
import type { Db } from '../../src/server/db';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/core/protocol';
import type { RoomDirectory } from '../rooms/directory';
import type { RateLimiter } from '../rooms/rate-limit';
import type { IoServer } from '../rooms/socket-transport';

/** What the server keeps on each socket. Identity comes from the handshake, never from payloads. */
export interface RoomSocketData {
  user: SessionUser | null;
  ip: string;
  /** The game this socket hosts (set by host:create / host:attach). */
  hostGameId?: string;
  /** The player this socket plays as (set by room:join / room:rejoin). */
  player?: { gameId: string; playerId: string };
  pingTimer?: NodeJS.Timeout;
  /** The "let me back in" request this socket is waiting on (room:request-seat). */
  seatRequest?: { gameId: string; requestId: string };
  /** Smoothed one-way latency measured on this socket (sys:ping); sent along with each answer. */
  latencyMs?: number;
}

export type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, RoomSocketData>;

export interface HandlerContext {
  io: IoServer;
  rooms: RoomDirectory;
  prisma: Db;
  /**
   * Room lookups per client address (RATE_LIMIT_JOIN): every room:join counts, and so does every
   * room:rejoin or host:attach that finds nothing. why failures only there: a class behind one
   * address rejoins all at once after a Wi-Fi drop, while a PIN scanner fails almost every time.
   */
  lookupLimiter: RateLimiter;
  /** Most rooms one user may have open at once. */
  maxRoomsPerHost: number;
}
