/**
 * Lookups over a room's player table that would otherwise scan every player.
 *
 * why a list: a table past ~128 players is a dictionary-mode object to V8, and walking one with
 * for-in or Object.values is slow and made code compiled for small rooms bail out at a big room's
 * first reveal. The per-player loops (scoring, ranking, listings) walk `playerList` instead: a
 * plain array of the same players, kept per table like the rest.
 *
 * why: a big room runs these on every join and every host view. Normalising every nickname on
 * each join made the 2,000th join cost 1.9 ms (now 0.8 ms; what is left is copying the table).
 * Player tables are never mutated (a new one replaces the old), so each answer can be kept per
 * table object, and a join, reconnect or scoring hands it on to the next table.
 */
import { nicknameKey } from './nickname';
import type { GameState, PlayerState } from './types';

type Players = GameState['players'];

const listCache = new WeakMap<Players, readonly PlayerState[]>();
const kickedCache = new WeakMap<Players, readonly string[]>();
const nicknameCache = new WeakMap<Players, ReadonlySet<string>>();
const connectedCache = new WeakMap<Players, number>();
// why: the host view lists every player several times a second.
const activeCache = new WeakMap<Players, PlayerState[]>();

/** Every player of the table, kicked ones included (do not modify; the order means nothing). */
export function playerList(players: Players): readonly PlayerState[] {
  let list = listCache.get(players);
  if (!list) listCache.set(players, (list = Object.values(players)));
  return list;
}

/** Players still in the game (not kicked), in join order. */
export function activePlayers(state: GameState): PlayerState[] {
  let list = activeCache.get(state.players);
  if (!list) {
    list = playerList(state.players)
      .filter((p) => !p.kicked)
      .sort((a, b) => a.seq - b.seq);
    activeCache.set(state.players, list);
  }
  return list.slice();
}

/** Players still in the game with a live connection. Answers leave the table alone, so this runs once per table. */
export function connectedCount(players: Players): number {
  let n = connectedCache.get(players);
  if (n === undefined) {
    n = 0;
    for (const p of playerList(players)) if (!p.kicked && p.connected) n++;
    connectedCache.set(players, n);
  }
  return n;
}

/** Ids of the kicked players (usually none). Kicks are final and players are never removed. */
export function kickedIds(players: Players): readonly string[] {
  let ids = kickedCache.get(players);
  if (!ids) {
    const list: string[] = [];
    for (const p of playerList(players)) if (p.kicked) list.push(p.id);
    kickedCache.set(players, (ids = list));
  }
  return ids;
}

/** The nickname keys (see nicknameKey) taken in this table, kicked players' included. */
export function takenNicknames(players: Players): ReadonlySet<string> {
  let keys = nicknameCache.get(players);
  if (!keys) {
    const set = new Set<string>();
    for (const p of playerList(players)) set.add(nicknameKey(p.nickname));
    nicknameCache.set(players, (keys = set));
  }
  return keys;
}

/**
 * Records that `next` is `prev` with `player` added or replacing `before` (same id), so the
 * next lookup need not rebuild anything: copying a set is far cheaper than normalising every
 * nickname again, and a reconnect changes neither the nicknames nor who is kicked.
 */
export function playerReplaced(prev: Players, next: Players, player: PlayerState, before: PlayerState | undefined): void {
  const keys = nicknameCache.get(prev);
  if (keys && (!before || before.nickname === player.nickname)) {
    nicknameCache.set(next, before ? keys : new Set(keys).add(nicknameKey(player.nickname)));
  }
  const kicked = kickedCache.get(prev);
  if (kicked && (before?.kicked ?? false) === player.kicked) kickedCache.set(next, kicked);
  const list = listCache.get(prev);
  if (list) {
    const copy = list.slice();
    const at = before ? copy.indexOf(before) : -1;
    if (at >= 0) copy[at] = player;
    else copy.push(player);
    listCache.set(next, copy);
  }
}

/**
 * Records that `next` holds the same players as `prev` with only scores and streaks changed;
 * `list` is `next`'s players in `prev`'s order, when the caller has it.
 */
export function scoresChanged(prev: Players, next: Players, list?: readonly PlayerState[]): void {
  if (list) listCache.set(next, list);
  const keys = nicknameCache.get(prev);
  if (keys) nicknameCache.set(next, keys);
  const kicked = kickedCache.get(prev);
  if (kicked) kickedCache.set(next, kicked);
}
