import type { Command } from './commands';
import { reduce } from './reducer';
import type { GameState } from './types';

export interface ReplayEntry {
  /** The state version the command produced when it was first applied. */
  version: number;
  now: number;
  command: Command;
}

export interface ReplayResult {
  state: GameState;
  /** Commands applied (a prefix of the entries). */
  applied: number;
  /** `now` of the last command a person sent (not the clock or the runtime), if any was replayed. */
  lastPersonAt: number | null;
  /** Why replay stopped early, if it did. */
  stoppedAt: { version: number; reason: string } | null;
}

/**
 * Rebuilds a room from a snapshot and the commands accepted after it. The reducer is pure and the
 * time is in each entry, so this reaches exactly the state the room had acknowledged. why stop
 * at the first mismatch: every later command was decided on top of that one, so replaying past
 * a gap would build a game nobody played.
 */
export function replay(snapshot: GameState, entries: readonly ReplayEntry[]): ReplayResult {
  let state = snapshot;
  let lastPersonAt: number | null = null;
  let applied = 0;
  for (const e of entries) {
    if (e.version <= state.version) continue;
    if (e.version !== state.version + 1) return { state, applied, lastPersonAt, stoppedAt: { version: e.version, reason: 'gap' } };
    const { state: next, reply } = reduce(state, e.command, e.now);
    if (!reply.ok) return { state, applied, lastPersonAt, stoppedAt: { version: e.version, reason: reply.code } };
    state = next;
    applied++;
    if (e.command.actor.role !== 'system') lastPersonAt = e.now;
  }
  return { state, applied, lastPersonAt, stoppedAt: null };
}
