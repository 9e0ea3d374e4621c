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
import { textFrame } from './ws-frame';

/** Socket.IO's own path for writing an already encoded (and framed) packet, as its adapters do. */
interface PreEncodedWriter {
  conn: { transport: { name: string } };
  _packet(packet: string, opts: { preEncoded: true; wsPreEncodedFrame?: Buffer[] }): void;
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
    this.toPlayers(gameId, [[playerId, viewJson]]);
  }

  /**
   * why: a fan-out sends every player their own view, so this skips what a broadcast would not
   * redo per receiver. Each view arrives already encoded (`2` = EVENT on the main namespace:
   * exactly what socket.emit('room:view', view) puts on the wire); WebSocket clients get it
   * already framed; the local sockets are used directly (no broadcast operator or adapter room
   * walk per player; with a multi-node adapter, switch to io.to(room).emit). And all messages are
   * built before the first is written: once writing starts, the receivers wake up and compete
   * for the CPU, so the writes should be all that is left to do by then.
   */
  toPlayers(gameId: string, views: Array<[playerId: string, viewJson: string]>): void {
    const sends: Array<[PreEncodedWriter, string, Buffer[] | null]> = [];
    for (const [playerId, viewJson] of views) {
      const ids = this.io.sockets.adapter.rooms.get(playerRoom(gameId, playerId));
      if (!ids) continue;
      const packet = `2["room:view",${viewJson}]`;
      let frame: Buffer[] | null = null;
      for (const id of ids) {
        const socket = this.io.sockets.sockets.get(id);
        if (!socket?.connected) continue;
        const client = socket.client as unknown as PreEncodedWriter;
        // `4` = Engine.IO "message".
        if (client.conn.transport.name === 'websocket') frame ??= textFrame(`4${packet}`);
        sends.push([client, packet, client.conn.transport.name === 'websocket' ? frame : null]);
      }
    }
    for (const [client, packet, frame] of sends) {
      client._packet(packet, frame ? { preEncoded: true, wsPreEncodedFrame: frame } : { preEncoded: true });
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
