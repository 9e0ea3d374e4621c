import { playerList } from './player-index';
import type { GameState, PlayerState } from './types';

export interface RankedPlayer {
  rank: number;
  player: PlayerState;
}

// why: a broadcast builds one view per player and each needs the ranking, and the host view
// needs it several times a second while answers arrive. It depends on the player table only,
// and tables are never mutated (answers leave the table alone), so it is cached per table.
const cache = new WeakMap<GameState['players'], RankedPlayer[]>();

/**
 * Competition ranking by score, highest first: ties share a rank and the next rank skips
 * (1, 1, 3). Tied players are listed by nickname.
 */
export function rankPlayers(state: GameState): RankedPlayer[] {
  const hit = cache.get(state.players);
  if (hit) return hit.slice();
  // why: lower-casing once per player rather than in every comparison (a 1,000-player sort
  // makes ~10,000 comparisons, and ranking runs at every reveal).
  // (The sort below is total, so players need not be put in join order first.)
  const keyed: Array<{ player: PlayerState; key: string }> = [];
  for (const player of playerList(state.players)) {
    if (!player.kicked) keyed.push({ player, key: player.nickname.toLowerCase() });
  }
  // Ties are listed by nickname: plain code-unit comparison, not localeCompare, so the order
  // is the same on every machine; then by join order.
  keyed.sort((a, b) => b.player.score - a.player.score || (a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.player.seq - b.player.seq));
  const out: RankedPlayer[] = [];
  keyed.forEach(({ player }, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.player.score === player.score ? prev.rank : i + 1;
    out.push({ rank, player });
  });
  cache.set(state.players, out);
  return out.slice();
}
