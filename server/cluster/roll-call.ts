/**
 * After a takeover, which players are still there. A node that dies takes its players' sockets
 * with it, and nothing tells the room: they would stay "connected" in the host's list, and a
 * question would wait out its clock for them. So the new owner asks the other nodes which players
 * they hold (they answer on its inbox), counts the players whose commands reach it meanwhile
 * (a device coming back through another node), and when the call is over marks the rest as
 * disconnected. A player who comes back later rejoins as after any drop.
 */
import type { Command } from '../../src/core/game';
import type { Room, RoomReply } from '../rooms/room';

/** How long the new owner waits for the other nodes' answers (one Redis round trip each). */
export const ROLL_CALL_MS = 2000;

export class RollCalls {
  /** Game id -> players some node answered for, while its call is open. */
  private readonly open = new Map<string, Set<string>>();

  /** Starts the call for a room just taken over; the caller asks the other nodes. */
  start(room: Room, ms = ROLL_CALL_MS): void {
    const held = new Set<string>();
    this.open.set(room.gameId, held);
    const timer = setTimeout(() => {
      if (this.open.get(room.gameId) === held) this.open.delete(room.gameId);
      room
        .markAbsent(held)
        .then((n) => n > 0 && console.log(`room ${room.gameId}: ${n} player(s) of the node that went away have not come back`))
        .catch((err) => console.error(`room ${room.gameId}: could not store who is gone`, err));
    }, ms);
    timer.unref();
  }

  /** Another node's answer: the players it has sockets for. */
  present(gameId: string, players: unknown): void {
    const held = this.open.get(gameId);
    if (!held || !Array.isArray(players)) return;
    for (const id of players) if (typeof id === 'string') held.add(id);
  }

  /** A command reached the owner during the call: its player is there (a join or rejoin names the seat in its reply). */
  command(gameId: string, cmd: Command, reply: RoomReply): void {
    const held = this.open.get(gameId);
    if (!held) return;
    if (cmd.actor.role === 'player') held.add(cmd.actor.playerId);
    if (reply.ok && reply.playerId) held.add(reply.playerId);
  }

  stop(): void {
    this.open.clear();
  }
}
