/**
 * Persistence for rooms, as a group commit. Rooms hand over rows and return at once; a commit
 * writes everything pending in ONE database transaction of a few statements (room-writes-sql.ts:
 * 1,000 answers in a second become at most ~125 commits, not 1,000). Every accepted
 * command is logged (GameCommand) and its promise resolves only once that transaction has
 * committed: the room acknowledges nothing before it is stored, and a restart rebuilds the room
 * from its snapshot plus the logged commands. A command's rows (its answer, its player) go in the
 * same transaction as its log entry.
 *
 * Commits run one at a time, in the order the rows were handed over; what arrives meanwhile goes
 * in the next one. A commit that fails for a passing reason (busy, connection) is retried with
 * everything behind it; one that fails for good is retried room by room, so one room's bad row
 * fails only that room's commands. Nothing here throws into the room.
 */
import { isRetryable, type Db } from '../../src/server/db';
import { rankPlayers, type Command, type GameState, type PlayerState } from '../../src/core/game';
import {
  emptyRoomWrites,
  RoomFencedError,
  mergeRoomWrites,
  pendingBridgeRows,
  roomWritesBySession,
  roomWritesSize,
  storeRoomWrites,
  type BridgeRow,
  type FinalResult,
  type RoomWrites,
} from '../../src/server/games';
import type { AnswerEffect, RoomStore } from './ports';
import { ReviewBridge } from './review-bridge';
import { SnapshotSchedule, type TakenSnapshot } from './snapshot-schedule';

/** Rows waiting for a commit, who waits for it, and what the bridge takes once it is stored. */
interface Batch {
  writes: RoomWrites;
  /** Logged commands, in order: each resolves true once committed, false when it could not be stored. */
  waiters: { sessionId: string; done: (stored: boolean) => void }[];
  /** Answers to carry into review schedules once their rows are stored. */
  bridge: BridgeRow[];
  /** The snapshots this batch writes, to take up again if it cannot be stored. */
  snapshots: Map<string, TakenSnapshot>;
}

/** The line of an error that says what went wrong (Prisma puts it last). */
const reasonOf = (err: unknown) => String((err as Error)?.message ?? err).trim().split('\n').pop();

const newBatch = (): Batch => ({ writes: emptyRoomWrites(), waiters: [], bridge: [], snapshots: new Map() });

/**
 * How long a logged command waits for others to share its commit. why a few ms: acks wait for the
 * commit, so this is added to every answer's ack.
 */
const COMMIT_DELAY_MS = 2;
/**
 * Least time between the starts of two commits of logged commands (a phase change's commitNow
 * does not wait for it). why: a commit through Prisma's public API costs ~1 ms of CPU and ~140 kB
 * of garbage however few rows it holds; under load (a class answering at once) this lets several
 * answers share each commit, while a lone command still commits after COMMIT_DELAY_MS.
 */
const COMMIT_EVERY_MS = 8;
/** First wait before retrying a commit that failed for a passing reason; it doubles up to the cap. */
const RETRY_MS = 5;
const RETRY_CAP_MS = 500;
/** Past this, a commit that keeps failing is given up: its commands are answered as not stored. */
const RETRY_FOR_MS = 10_000;

export class BatchedStore implements RoomStore {
  /** Rows in the order they happened (a player's row before their answers), for the next commit. */
  private pending: Batch = newBatch();
  private readonly snapshots: SnapshotSchedule;
  /** Answers to carry into review schedules; each also has a GameBridgeOutbox row until done. */
  private readonly bridge: ReviewBridge;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  /** The commit under way, if any; the next waits for it, so commits land in order. */
  private committing: Promise<void> | null = null;
  /** A flush was asked for while a commit ran: start the next one as soon as it ends. */
  private flushAgain = false;
  /** Since when commits have been failing for a passing reason, and how many times in a row. */
  private failingSince: number | null = null;
  private failures = 0;
  /** When the last commit started (epoch ms). */
  private lastCommitAt = 0;
  /** Several nodes: the fencing token (GameSession.ownerEpoch) of each room this node owns. */
  private readonly epochs = new Map<string, number>();
  /**
   * Several nodes: told when a room's writes were refused because another node took the room
   * over while this one did not know yet. This node must stop applying the room's commands.
   */
  onFenced: ((gameId: string) => void) | null = null;

  constructor(
    /** Prisma, for the review bridge (review-bridge.ts). */
    prisma: Db,
    private readonly opts: { intervalMs?: number; snapshotEveryMs?: number } = {},
  ) {
    this.snapshots = new SnapshotSchedule(opts.snapshotEveryMs ?? 3000);
    this.bridge = new ReviewBridge(prisma, (b) => {
      this.pending.writes.bridgeDone.push({ sessionId: b.sessionId, playerId: b.playerId, questionIndex: b.questionIndex });
      this.soon();
    });
  }

  commandApplied(gameId: string, version: number, now: number, command: Command): Promise<boolean> {
    const entry = JSON.stringify({ now, command });
    return new Promise((resolve) => {
      this.pending.writes.commands.push({ sessionId: gameId, version, entry });
      this.pending.waiters.push({ sessionId: gameId, done: resolve });
      this.schedule(this.commitDelay());
    });
  }

  private commitDelay(): number {
    return Math.max(COMMIT_DELAY_MS, this.lastCommitAt + COMMIT_EVERY_MS - Date.now());
  }

  /** Commits what is pending now (a phase change: a whole room waits for it), or right after the commit under way. */
  commitNow(): void {
    this.flush();
  }

  playerJoined(gameId: string, p: PlayerState): void {
    this.pending.writes.players.push({ id: p.id, sessionId: gameId, userId: p.userId ?? null, nickname: p.nickname, joinedAt: p.joinedAt, joinedDuring: p.joinedDuring ?? null });
    this.soon();
  }

  answerRecorded(gameId: string, a: AnswerEffect, at: number, userId: string | undefined): void {
    const { writes } = this.pending;
    writes.answers.push({
      sessionId: gameId,
      playerId: a.playerId,
      questionIndex: a.questionIndex,
      cardId: a.cardId,
      choice: a.choice,
      correct: a.correct,
      responseMs: a.responseMs,
      points: a.points,
      createdAt: at,
    });
    if (userId) {
      const item: BridgeRow = { sessionId: gameId, playerId: a.playerId, questionIndex: a.questionIndex, userId, cardId: a.cardId, correct: a.correct, at };
      writes.outbox.push(item);
      this.pending.bridge.push(item);
    }
    this.soon();
  }

  playerKicked(gameId: string, playerId: string): void {
    this.pending.writes.kicks.push({ sessionId: gameId, playerId });
    this.soon();
  }

  started(gameId: string, at: number): void {
    this.pending.writes.starts.push({ sessionId: gameId, at });
    this.soon();
  }

  ended(gameId: string, state: GameState): void {
    const results: FinalResult[] = rankPlayers(state).map((r) => ({ playerId: r.player.id, score: r.player.score, finalRank: r.rank }));
    for (const p of Object.values(state.players)) if (p.kicked) results.push({ playerId: p.id, score: p.score, finalRank: null });
    this.pending.writes.ends.push({ sessionId: gameId, results, endedAt: state.endedAt ?? Date.now() });
    this.soon();
  }

  snapshot(gameId: string, state: GameState, lastActivity: number, urgent: boolean): void {
    this.snapshots.request(gameId, state, lastActivity, urgent);
    this.soon();
  }

  closed(gameId: string): void {
    this.snapshots.forget(gameId);
    const epoch = this.epochs.get(gameId);
    if (epoch !== undefined) this.pending.writes.fences.push({ sessionId: gameId, epoch });
    this.epochs.delete(gameId);
    this.pending.writes.closed.push(gameId);
    this.soon();
  }

  released(gameId: string): void {
    this.snapshots.forget(gameId);
    // why the token stays: writes of the room still waiting for a commit must go fenced.
  }

  fence(gameId: string, epoch: number): void {
    this.epochs.set(gameId, epoch);
  }

  /** After a restart: carries on with the answers the bridge had not reached when the server stopped. */
  async resumeBridge(): Promise<number> {
    const rows = await pendingBridgeRows();
    this.bridge.add(rows, true);
    return rows.length;
  }

  /** Writes everything pending now (shutdown, tests), waiting out a commit under way or being retried. */
  async flushAll(): Promise<void> {
    for (let i = 0; i < 2000; i++) {
      if (this.committing) {
        await this.committing;
        continue;
      }
      if (!this.hasPending()) return;
      this.snapshots.allDue();
      this.flush();
      if (!this.committing) await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }

  private hasPending(): boolean {
    return roomWritesSize(this.pending.writes) + this.snapshots.size > 0;
  }

  private soon(): void {
    this.schedule(this.opts.intervalMs ?? 100);
  }

  /**
   * Flushes in `ms` unless a flush comes sooner. why sooner wins: a room with a snapshot waiting
   * for its turn (every few seconds) still gets its answers written every `intervalMs`; letting
   * the later timer stand held a 1,000-player room's answers for seconds and then wrote them all
   * at once.
   */
  private schedule(ms: number): void {
    const at = Date.now() + ms;
    if (this.timer) {
      if (this.timerAt <= at) return;
      clearTimeout(this.timer);
    }
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, ms);
  }

  private flush(): void {
    if (this.committing) {
      this.flushAgain = true;
      return;
    }
    const batch = this.take();
    if (!batch) {
      this.afterCommit();
      return;
    }
    this.lastCommitAt = Date.now();
    this.committing = this.commit(batch).finally(() => {
      this.committing = null;
      if (this.flushAgain) {
        this.flushAgain = false;
        this.flush();
      } else {
        this.afterCommit();
      }
    });
  }

  /** What the next commit writes, or null when there is nothing to write. */
  private take(): Batch | null {
    const batch = this.pending;
    // why apart: acks and views wait for their commands' commit, and serialising a 1,000-player
    // snapshot in the same step held a reveal back by 10-20 ms; snapshots go in a commit of their own.
    if (batch.waiters.length === 0) batch.snapshots = this.snapshots.takeDue(batch.writes);
    if (roomWritesSize(batch.writes) === 0) return null;
    this.pending = newBatch();
    if (this.epochs.size) this.addFences(batch.writes);
    return batch;
  }

  /** A fence for each room whose log or snapshot this batch writes (several nodes). */
  private addFences(w: RoomWrites): void {
    const fenced = new Set(w.fences.map((f) => f.sessionId));
    for (const { sessionId } of [...w.commands, ...w.snapshots]) {
      if (fenced.has(sessionId)) continue;
      fenced.add(sessionId);
      const epoch = this.epochs.get(sessionId);
      if (epoch !== undefined) w.fences.push({ sessionId, epoch });
    }
  }

  private afterCommit(): void {
    if (roomWritesSize(this.pending.writes) > 0) this.schedule(this.pending.waiters.length ? this.commitDelay() : (this.opts.intervalMs ?? 100));
    if (this.snapshots.size > 0) this.schedule(this.snapshots.nextInMs(RETRY_MS));
  }

  private async commit(batch: Batch): Promise<void> {
    try {
      await storeRoomWrites(batch.writes);
      this.failingSince = null;
      this.failures = 0;
      this.stored(batch);
      return;
    } catch (err) {
      const since = (this.failingSince ??= Date.now());
      if (isRetryable(err) && Date.now() - since < RETRY_FOR_MS) {
        // Busy or briefly unreachable: keep everything, in order, in front of what came since.
        this.failures++;
        if (this.failures === 1) console.warn(`room persistence: commit failed (${reasonOf(err)}); retrying for up to ${RETRY_FOR_MS / 1000} s`);
        this.pending = {
          writes: mergeRoomWrites(batch.writes, this.pending.writes),
          waiters: [...batch.waiters, ...this.pending.waiters],
          bridge: [...batch.bridge, ...this.pending.bridge],
          snapshots: new Map([...batch.snapshots, ...this.pending.snapshots]),
        };
        this.schedule(Math.min(RETRY_CAP_MS, RETRY_MS * 2 ** (this.failures - 1)));
        return;
      }
      this.failingSince = null;
      this.failures = 0;
      await this.roomByRoom(batch, err);
    }
  }

  /** One bad row (e.g. a game deleted meanwhile) must fail only its own room's commands. */
  private async roomByRoom(batch: Batch, batchError: unknown): Promise<void> {
    const parts = roomWritesBySession(batch.writes);
    let failed = 0;
    for (const [sessionId, writes] of parts) {
      const part: Batch = {
        writes,
        waiters: batch.waiters.filter((w) => w.sessionId === sessionId),
        bridge: batch.bridge.filter((b) => b.sessionId === sessionId),
        snapshots: new Map(),
      };
      try {
        await storeRoomWrites(writes);
        this.stored(part);
      } catch (err) {
        failed++;
        if (err instanceof RoomFencedError) {
          // why before the waiters hear: the room checks whether it still owns itself when they do.
          this.snapshots.forget(sessionId);
          this.onFenced?.(sessionId);
        } else {
          const snap = batch.snapshots.get(sessionId);
          // why not once closed meanwhile: there is nothing left to restore.
          if (snap && !this.pending.writes.closed.includes(sessionId)) this.snapshots.retry(sessionId, snap, RETRY_CAP_MS);
        }
        for (const w of part.waiters) w.done(false);
        console.error(`room persistence: room ${sessionId}: ${roomWritesSize(writes)} writes not stored (${reasonOf(err)})`);
      }
    }
    if (failed) console.error(`room persistence: ${failed} of ${parts.size} rooms' writes failed; the whole batch failed with: ${reasonOf(batchError)}`);
  }

  private stored(batch: Batch): void {
    for (const w of batch.waiters) w.done(true);
    this.bridge.add(batch.bridge);
  }
}

