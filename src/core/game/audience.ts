import type { Command } from './commands';
import type { GameState } from './types';

/** Who must get a new view after an accepted command: the host always; players per `players`. */
export type Audience = { players: 'all' } | { players: 'one'; playerId: string } | { players: 'none' };

/**
 * why: recomputing and sending 1,000 player views for every answer would dominate the server's
 * work. A command that did not change the phase only changes what some audiences see:
 * - answer / connection: the host's counts and that player's own `answered`/`myChoice`;
 *   scores and ranks only change when a question closes (a phase change).
 * - join: a newcomer has 0 points, which never changes anyone else's competition rank
 *   (rank = 1 + players with a strictly higher score); but the leaderboard/podium lists do
 *   show low scorers when there are few players, so those phases refresh everyone.
 * - lock/unlock: only the host view shows `locked`.
 * - seat requests and their answers, and a grace period that ends without closing the question:
 *   only the host view lists them; the device that asked hears back on its own channel.
 * Anything else (kick, phase changes) refreshes everyone.
 */
export function audienceFor(prev: GameState, next: GameState, cmd: Command, seat?: string): Audience {
  if (next.phaseVersion !== prev.phaseVersion) return { players: 'all' };
  switch (cmd.type) {
    case 'answer':
    case 'connection':
      return { players: 'one', playerId: cmd.playerId };
    case 'rejoin':
      return { players: 'one', playerId: seat ?? '' };
    case 'join':
      if (seat !== undefined && seat !== cmd.playerId) return { players: 'one', playerId: seat }; // an existing seat taken back
      return next.phase === 'leaderboard' || next.phase === 'podium' ? { players: 'all' } : { players: 'one', playerId: cmd.playerId };
    case 'lock':
    case 'unlock':
    case 'requestSeat':
    case 'cancelSeat':
    case 'grantSeat':
    case 'declineSeat':
    case 'graceOver':
      return { players: 'none' };
    default:
      return { players: 'all' };
  }
}
