/**
 * What the database hears of a command's effects (owner only). The rows go to the store, which
 * batches them into the command's commit; a phase change's snapshot asks for that commit at once.
 */
import type { Effect, GameState } from '../../src/core/game';
import type { RoomStore } from './ports';

export function storeEffects(store: RoomStore, state: GameState, effects: Effect[], now: number, lastActivity: number): void {
  const gameId = state.gameId;
  let urgent = false;
  for (const effect of effects) {
    switch (effect.type) {
      case 'started':
        store.started(gameId, now);
        break;
      case 'playerJoined':
        store.playerJoined(gameId, state.players[effect.playerId]!);
        break;
      case 'answerRecorded':
        store.answerRecorded(gameId, effect, now, state.players[effect.playerId]?.userId);
        break;
      case 'playerKicked':
        store.playerKicked(gameId, effect.playerId);
        break;
      case 'gameEnded':
        store.ended(gameId, state);
        break;
      case 'snapshot':
        store.snapshot(gameId, state, lastActivity, effect.urgent);
        urgent ||= effect.urgent;
        break;
    }
  }
  // why now: every player's view of a new phase waits for this commit; a timer would add its delay to all of them.
  if (urgent) store.commitNow();
}
