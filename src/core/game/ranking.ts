import type { GameState, PlayerState } from './types';

export interface RankedPlayer {
  rank: number;
  player: PlayerState;
}

function byNickname(a: PlayerState, b: PlayerState): number {
  const x = a.nickname.toLowerCase();
  const y = b.nickname.toLowerCase();
  // why: plain code-unit comparison, not localeCompare, so the order is the same on every machine.
  if (x !== y) return x < y ? -1 : 1;
  return a.seq - b.seq;
}

/** Players still in the game (not kicked), in join order. */
export function activePlayers(state: GameState): PlayerState[] {
  return Object.values(state.players)
    .filter((p) => !p.kicked)
    .sort((a, b) => a.seq - b.seq);
}

// why: a broadcast builds one view per player and each needs the ranking; states are never
// mutated, so the ranking can be cached per state object without changing any result.
const cache = new WeakMap<GameState, RankedPlayer[]>();

/**
 * Competition ranking by score, highest first: ties share a rank and the next rank skips
 * (1, 1, 3). Tied players are listed by nickname.
 */
export function rankPlayers(state: GameState): RankedPlayer[] {
  const hit = cache.get(state);
  if (hit) return hit.slice();
  const sorted = activePlayers(state).sort((a, b) => b.score - a.score || byNickname(a, b));
  const out: RankedPlayer[] = [];
  sorted.forEach((player, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.player.score === player.score ? prev.rank : i + 1;
    out.push({ rank, player });
  });
  cache.set(state, out);
  return out.slice();
}
