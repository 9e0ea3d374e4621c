/**
 * The Socket.IO side of a room. Socket.IO rooms used:
 * - `h:<gameId>`: the host's sockets (host views),
 * - `p:<gameId>:<playerId>`: one player's sockets (that player's view),
 * - `g:<gameId>`: every player socket of the game (room:closed, benchmark baseline).
 */
import type { Server } from 'socket.io';
import type { HostView, PlayerView } from '../../src/core/game';
import type { ClientToServerEvents, RoomClosedReason, ServerToClientEvents } from '../../src/core/protocol';
import { EncodedView } from './encoded-view';
import type { RoomTransport } from './ports';
import type { ViewBatch } from './view-cache';

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
   * One plain `socket.emit` per socket of this node. why not a room broadcast per player: each
   * view is different anyway, so a broadcast's operator and adapter walk would be pure overhead;
   * why not one broadcast plus a small per-player message: each phone would then handle two
   * messages, which measured slower (docs/benchmarks.md). Each view is built just before it is
   * sent, so the first players have theirs while the rest are still being built, and it goes
   * out as the JSON the view cache built (encoded-view.ts).
   */
  toPlayers(_gameId: string, sockets: Iterable<[string, Iterable<string>]>, views: ViewBatch): void {
    const local = this.io.sockets.sockets;
    for (const [playerId, ids] of sockets) {
      let view: PlayerView | null = null;
      for (const id of ids) {
        const socket = local.get(id);
        if (!socket?.connected) continue;
        // The event map types the view; the parser sends its JSON, and toJSON gives the view elsewhere.
        view ??= new EncodedView<PlayerView>(views.json(playerId)) as unknown as PlayerView;
        socket.emit('room:view', view);
      }
    }
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
