/**
 * When each room's snapshot is written (persistence.ts puts it in a commit of its own). A snapshot
 * only shortens the replay after a restart (the command log alone restores a room exactly), so it
 * is written when it is cheap to: shortly after a phase change, otherwise at most every few
 * seconds, and never for answers alone (room.ts). A closed question's answers never change again:
 * they are written once, in the same transaction as the first snapshot that leaves them out.
 */
import type { GameState } from '../../src/core/game';
import { toSnapshot, type RoomWrites } from '../../src/server/games';

interface PendingSnapshot {
  state: GameState;
  lastActivity: number;
  /** When an urgent snapshot (a phase change) is due; null: the next regular one will do. */
  urgentAt: number | null;
}

/** A snapshot handed to a commit, kept so it can be taken up again if that commit fails. */
export interface TakenSnapshot extends PendingSnapshot {
  /** The first closed question whose answers the commit writes. */
  closedFrom: number;
}

/**
 * How long a phase change's snapshot waits. why not at once: the new phase's views are on their
 * way to every player then (31-45 ms at 1,000 players in bench:room), and a 1,000-player snapshot
 * costs ~10 ms of CPU in Prisma's raw API (a parameter of a few hundred kB).
 */
const URGENT_SNAPSHOT_MS = 100;

export class SnapshotSchedule {
  private pending = new Map<string, PendingSnapshot>();
  private lastAt = new Map<string, number>();
  /** gameId -> how many closed questions' answers are in GameClosedAnswers (left out of its snapshots). */
  private closedStored = new Map<string, number>();

  constructor(private readonly everyMs: number) {}

  get size(): number {
    return this.pending.size;
  }

  /** The room's latest state; `urgent` at a phase change. */
  request(gameId: string, state: GameState, lastActivity: number, urgent: boolean): void {
    const prev = this.pending.get(gameId)?.urgentAt ?? null;
    // why keep the earlier time: phase changes in quick succession must not put the snapshot off for ever.
    const urgentAt = urgent ? Math.min(prev ?? Infinity, Date.now() + URGENT_SNAPSHOT_MS) : prev;
    this.pending.set(gameId, { state, lastActivity, urgentAt });
  }

  /** The room is gone for good. */
  forget(gameId: string): void {
    this.pending.delete(gameId);
    this.lastAt.delete(gameId);
    this.closedStored.delete(gameId);
  }

  /** Everything waiting is due now (shutdown, tests). */
  allDue(): void {
    for (const s of this.pending.values()) s.urgentAt = 0;
  }

  /** Until the earliest waiting snapshot is due (at least `floorMs`). */
  nextInMs(floorMs: number): number {
    const now = Date.now();
    let wait = this.everyMs;
    for (const [gameId, snap] of this.pending) {
      wait = Math.min(wait, this.everyMs - (now - (this.lastAt.get(gameId) ?? 0)));
      if (snap.urgentAt !== null) wait = Math.min(wait, snap.urgentAt - now);
    }
    return Math.max(floorMs, wait);
  }

  /** Adds the snapshots due now (and the closed questions' answers they leave out) to `writes`. */
  takeDue(writes: RoomWrites): Map<string, TakenSnapshot> {
    const now = Date.now();
    const taken = new Map<string, TakenSnapshot>();
    for (const [gameId, snap] of [...this.pending]) {
      const urgent = snap.urgentAt !== null && snap.urgentAt <= now;
      if (!urgent && now - (this.lastAt.get(gameId) ?? 0) < this.everyMs) continue;
      this.pending.delete(gameId);
      this.lastAt.set(gameId, now);
      const { state } = snap;
      const closedFrom = this.closedStored.get(gameId) ?? 0;
      taken.set(gameId, { ...snap, closedFrom });
      for (let i = closedFrom; i < state.closedCount; i++) {
        writes.closedAnswers.push({ sessionId: gameId, questionIndex: i, answers: JSON.stringify(state.answers[i] ?? null) });
      }
      this.closedStored.set(gameId, state.closedCount);
      writes.snapshots.push({ sessionId: gameId, json: toSnapshot(state, snap.lastActivity, state.closedCount), version: state.version });
    }
    return taken;
  }

  /**
   * A snapshot whose commit failed is taken up again in `inMs` (unless a newer one waits), with the
   * closed questions' answers it carried. why: the room went on past commands its log may lack,
   * and only a snapshot lets a restart get past them.
   */
  retry(gameId: string, snap: TakenSnapshot, inMs: number): void {
    this.closedStored.set(gameId, Math.min(this.closedStored.get(gameId) ?? 0, snap.closedFrom));
    if (!this.pending.has(gameId)) this.pending.set(gameId, { state: snap.state, lastActivity: snap.lastActivity, urgentAt: Date.now() + inMs });
  }
}
