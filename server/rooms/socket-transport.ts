/**
 * The Socket.IO side of a room. Socket.IO rooms used:
 * - `h:<gameId>`: the host's sockets (host views),
 * - `p:<gameId>:<playerId>`: one player's sockets (that player's view),
 * - `g:<gameId>`: every player socket of the game (room:closed, benchmark baseline).
 */
import type { Server } from 'socket.io';
import type { HostView } from '../../src/core/game';
import type { ClientToServerEvents, RoomClosedReason, ServerToClientEvents } from '../../src/core/protocol';
import type { RoomTransport } from './ports';

/** Socket.IO's own path for writing an already encoded packet (used by its adapters). */
interface PreEncodedWriter {
  _packet(packet: string, opts: { preEncoded: true }): void;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

export const hostRoom = (gameId: string) => `h:${gameId}`;
export const playerRoom = (gameId: string, playerId: string) => `p:${gameId}:${playerId}`;
export const gameRoom = (gameId: string) => `g:${gameId}`;

export class SocketTransport implements RoomTransport {
  constructor(
    private readonly io: IoServer,
    /** Called for every socket removed from a room, so the handlers can forget it. */
    private readonly onRemoved: (socketId: string, gameId: string) => void,
  ) {}

  toHost(gameId: string, view: HostView): void {
    this.io.to(hostRoom(gameId)).emit('room:view', view);
  }

  toPlayer(gameId: string, playerId: string, viewJson: string): void {
    // why: a fan-out calls this once per player. The view arrives already encoded, so the
    // Socket.IO packet is written as-is (`2` = EVENT on the main namespace: exactly what
    // socket.emit('room:view', view) would put on the wire) instead of walking the object for
    // binaries and stringifying it again; and the local sockets are used directly, skipping a
    // broadcast operator per player. (With a multi-node adapter, switch to io.to(room).emit.)
    const ids = this.io.sockets.adapter.rooms.get(playerRoom(gameId, playerId));
    if (!ids) return;
    const packet = `2["room:view",${viewJson}]`;
    for (const id of ids) {
      const socket = this.io.sockets.sockets.get(id);
      if (socket?.connected) (socket.client as unknown as PreEncodedWriter)._packet(packet, { preEncoded: true });
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
