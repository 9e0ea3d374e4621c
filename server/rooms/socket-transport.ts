/**
 * The Socket.IO side of a room. Socket.IO rooms used:
 * - `h:<gameId>`: the host's sockets (host views),
 * - `p:<gameId>:<playerId>`: one player's sockets (that player's view),
 * - `g:<gameId>`: every player socket of the game (room:closed, benchmark baseline).
 */
import type { Writable } from 'node:stream';
import type { Server } from 'socket.io';
import type { HostView } from '../../src/core/game';
import type { ClientToServerEvents, RoomClosedReason, ServerToClientEvents } from '../../src/core/protocol';
import type { RoomTransport } from './ports';
import type { ViewBatch } from './view-cache';
import { textFrame } from './ws-frame';

/**
 * The parts of a Socket.IO client connection a fan-out writes through (Socket.IO 4.8, Engine.IO
 * 6.6, ws 8.21; versions are pinned, and the room tests fail if these ever stop delivering).
 */
interface ClientInternals {
  /** Socket.IO's own path for an already encoded (and framed) packet, as its adapters use. */
  _packet(packet: string, opts: { preEncoded: true; wsPreEncodedFrame?: Buffer[] }): void;
  conn: {
    readyState: string;
    writeBuffer: unknown[];
    transport: {
      name: string;
      writable: boolean;
      perMessageDeflate?: unknown;
      socket?: { readyState: number; _sender?: { _state: number; _queue: unknown[] }; _socket?: Writable & { destroyed: boolean } };
    };
  };
}

/**
 * The TCP socket under a WebSocket connection when a frame written to it now goes out in order:
 * nothing waits in Engine.IO's buffer or in ws's send queue, and frames are not compressed.
 * Null otherwise (the caller then goes through Engine.IO).
 */
function idleTcp(client: ClientInternals): (Writable & { destroyed: boolean }) | null {
  const { conn } = client;
  const t = conn.transport;
  if (conn.readyState !== 'open' || t.name !== 'websocket' || !t.writable || t.perMessageDeflate || conn.writeBuffer.length > 0) return null;
  const ws = t.socket;
  const sender = ws?._sender;
  const tcp = ws?._socket;
  if (!ws || ws.readyState !== 1 || !sender || sender._state !== 0 || sender._queue.length > 0 || !tcp || tcp.destroyed || !tcp.writable) return null;
  return tcp;
}

/**
 * Frames waiting to be written, a few dozen at a time. why: every socket write is a trip through
 * the kernel's TCP stack that evicts the view data and code from the CPU caches; building a run
 * of frames and then writing them keeps each half hot (a 1,000-player reveal took about a tenth
 * less server CPU in bench:room than building and writing one player at a time).
 */
class FrameChunk {
  private static readonly SIZE = 64;
  private readonly clients: ClientInternals[] = [];
  private readonly tails: string[] = [];
  private readonly frames: Buffer[] = [];

  constructor(private readonly packetHead: string) {}

  add(client: ClientInternals, tail: string, frame: Buffer): void {
    this.clients.push(client);
    this.tails.push(tail);
    this.frames.push(frame);
    if (this.clients.length >= FrameChunk.SIZE) this.send();
  }

  send(): void {
    for (let i = 0; i < this.clients.length; i++) {
      const client = this.clients[i]!;
      const frame = this.frames[i]!;
      // why: the frame is complete, so when nothing is queued ahead of it, it goes straight to
      // the TCP socket; Engine.IO's per-packet bookkeeping cost more than the write itself.
      const tcp = idleTcp(client);
      if (tcp) tcp.write(frame);
      else client._packet(this.packetHead + this.tails[i]!, { preEncoded: true, wsPreEncodedFrame: [frame] });
    }
    this.clients.length = 0;
    this.tails.length = 0;
    this.frames.length = 0;
  }
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

export const hostRoom = (gameId: string) => `h:${gameId}`;
export const playerRoom = (gameId: string, playerId: string) => `p:${gameId}:${playerId}`;
export const gameRoom = (gameId: string) => `g:${gameId}`;
/** The socket waiting for the host's answer to its "let me back in" request. */
export const seatRequestRoom = (gameId: string, requestId: string) => `r:${gameId}:${requestId}`;

export class SocketTransport implements RoomTransport {
  constructor(
    private readonly io: IoServer,
    /** Called for every socket removed from a room, so the handlers can forget it. */
    private readonly onRemoved: (socketId: string, gameId: string) => void,
  ) {}

  toHost(gameId: string, view: HostView): void {
    this.io.to(hostRoom(gameId)).emit('room:view', view);
  }

  /**
   * why: a fan-out sends every player their own view, so this skips what a broadcast would not
   * redo per receiver. The part of the message all players share (`views.head`) is encoded
   * once; each player's own part is added just before it is sent, so the first players have it
   * while the rest are still being built. WebSocket clients get it already framed, written to
   * the local sockets directly (no broadcast operator or adapter room walk per player; with a
   * multi-node adapter, switch to io.to(room).emit). `2` = EVENT on the main namespace: exactly
   * what socket.emit('room:view', view) puts on the wire; `4` = Engine.IO "message".
   */
  toPlayers(_gameId: string, sockets: Iterable<[string, Iterable<string>]>, views: ViewBatch): void {
    const packetHead = `2["room:view",${views.head}`;
    let frameHead: Buffer | null = null;
    const chunk = new FrameChunk(packetHead);
    for (const [playerId, ids] of sockets) {
      let tail: string | null = null;
      let frame: Buffer | null = null;
      for (const id of ids) {
        const socket = this.io.sockets.sockets.get(id);
        if (!socket?.connected) continue;
        tail ??= `${views.tail(playerId)}]`;
        const client = socket.client as unknown as ClientInternals;
        if (client.conn.transport.name !== 'websocket') {
          client._packet(packetHead + tail, { preEncoded: true });
          continue;
        }
        frameHead ??= Buffer.from(`4${packetHead}`);
        frame ??= textFrame(tail, frameHead);
        chunk.add(client, tail, frame);
      }
    }
    chunk.send();
  }

  kicked(gameId: string, playerId: string): void {
    const room = playerRoom(gameId, playerId);
    this.io.to(room).emit('room:kicked', { reason: 'kicked' });
    for (const id of this.io.sockets.adapter.rooms.get(room) ?? []) {
      const socket = this.io.sockets.sockets.get(id);
      if (!socket) continue;
      this.onRemoved(id, gameId);
      // why: let the room:kicked packet go out before the connection closes.
      setTimeout(() => socket.disconnect(true), 50);
    }
  }

  seatMoved(gameId: string, playerId: string): void {
    const room = playerRoom(gameId, playerId);
    this.io.to(room).emit('room:seat-moved', {});
    for (const id of [...(this.io.sockets.adapter.rooms.get(room) ?? [])]) {
      this.onRemoved(id, gameId);
      const socket = this.io.sockets.sockets.get(id);
      void socket?.leave(room);
      void socket?.leave(gameRoom(gameId));
    }
  }

  seatAnswered(gameId: string, requestId: string, answer: { granted: boolean; token?: string }): void {
    const room = seatRequestRoom(gameId, requestId);
    this.io.to(room).emit('room:seat-answer', answer);
    for (const id of [...(this.io.sockets.adapter.rooms.get(room) ?? [])]) {
      this.onRemoved(id, gameId);
      void this.io.sockets.sockets.get(id)?.leave(room);
    }
  }

  closed(gameId: string, reason: RoomClosedReason): void {
    this.io.to(gameRoom(gameId)).to(hostRoom(gameId)).emit('room:closed', { reason });
    for (const name of [gameRoom(gameId), hostRoom(gameId)]) {
      for (const id of [...(this.io.sockets.adapter.rooms.get(name) ?? [])]) {
        this.onRemoved(id, gameId);
        this.io.sockets.sockets.get(id)?.leave(name);
      }
    }
  }
}
