/**
 * Persistence for rooms, as a group commit. Rooms hand over rows and return at once; a flush
 * writes everything pending in ONE synchronous transaction of prepared statements on Prisma's
 * SQLite connection (1,000 answers in a second become a few hundred small writes, not 1,000
 * transactions). Every accepted command is logged (GameCommand) and its promise resolves only
 * once that transaction has committed: the room acknowledges nothing before it is stored, and a
 * restart rebuilds the room from its snapshot plus the logged commands. A command's rows (its
 * answer, its player) go in the same transaction as its log entry. While Prisma has a
 * transaction open on the connection (it awaits between its statements) the flush waits for it;
 * a failing row is logged and skipped so the others still land. Nothing here throws into the room.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../../src/server/db';
import { sqlOn, type Sql } from '../../src/server/review/sql';
import { rankPlayers, type Command, type GameState, type PlayerState } from '../../src/core/game';
import {
  deleteBridgeRow,
  dropClosedAnswers,
  insertBridgeRow,
  pendingBridgeRows,
  type BridgeRow,
  insertAnswer,
  insertCommand,
  insertPlayer,
  markPlayerKicked,
  markSessionStarted,
  pruneCommands,
  saveClosedAnswers,
  saveFinalResults,
  saveSnapshot,
  toSnapshot,
  type FinalResult,
} from '../../src/server/games';
import { recordQuizAnswer } from '../../src/server/bridge';
import type { AnswerEffect, RoomStore } from './ports';

type Write = (sql: Sql) => void;

/** A write and, for a logged command, who waits for it to be committed (true) or to have failed (false). */
interface Pending {
  write: Write;
  done?: (stored: boolean) => void;
}

interface PendingSnapshot {
  state: GameState;
  lastActivity: number;
  urgent: boolean;
}


/** How soon to look again while another transaction holds the connection. */
const BUSY_RETRY_MS = 5;
/**
 * How long a logged command waits for others to share its commit. why a few ms: acks wait for the
 * commit, so this is added to every answer's ack; 1,000 answers a second still share ~250 commits.
 */
const COMMIT_DELAY_MS = 2;

/** Another process holds the database lock (a script, a test reading the file). */
const isBusy = (err: unknown) => /^SQLITE_BUSY/.test(String((err as { code?: unknown } | null)?.code ?? ''));

export class BatchedStore implements RoomStore {
  /** Rows and updates in the order they happened (a player's row comes before their answers). */
  private writes: Pending[] = [];
  private snapshots = new Map<string, PendingSnapshot>();
  private lastSnapshotAt = new Map<string, number>();
  /** gameId -> how many closed questions' answers are in GameClosedAnswers (left out of its snapshots). */
  private closedStored = new Map<string, number>();
  /** Answers to carry into review schedules; each also has a GameBridgeOutbox row until done. */
  private bridge: BridgeRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  private bridging = false;
  private readonly statements: Sql;

  constructor(
    private readonly sql: Database.Database,
    /** Prisma, for the review bridge (src/server/bridge: one interactive transaction per answer). */
    private readonly prisma: Db,
    private readonly opts: { intervalMs?: number; snapshotEveryMs?: number } = {},
  ) {
    this.statements = sqlOn(sql);
  }

  commandApplied(gameId: string, version: number, now: number, command: Command): Promise<boolean> {
    const entry = JSON.stringify({ now, command });
    return new Promise((resolve) => {
      this.writes.push({ write: (sql) => insertCommand(sql, gameId, version, entry), done: resolve });
      this.schedule(COMMIT_DELAY_MS);
    });
  }

  /** Commits what is pending now (a phase change: a whole room waits for it), or soon if the connection is busy. */
  commitNow(): void {
    this.flush();
  }

  playerJoined(gameId: string, p: PlayerState): void {
    const row = { id: p.id, sessionId: gameId, userId: p.userId ?? null, nickname: p.nickname, joinedAt: p.joinedAt, joinedDuring: p.joinedDuring ?? null };
    this.push((sql) => insertPlayer(sql, row));
  }

  answerRecorded(gameId: string, a: AnswerEffect, at: number, userId: string | undefined): void {
    const row = {
      sessionId: gameId,
      playerId: a.playerId,
      questionIndex: a.questionIndex,
      cardId: a.cardId,
      choice: a.choice,
      correct: a.correct,
      responseMs: a.responseMs,
      points: a.points,
      createdAt: at,
    };
    this.push((sql) => insertAnswer(sql, row));
    if (userId) {
      const item: BridgeRow = { sessionId: gameId, playerId: a.playerId, questionIndex: a.questionIndex, userId, cardId: a.cardId, correct: a.correct, at };
      this.push((sql) => insertBridgeRow(sql, item));
      this.bridge.push(item);
    }
  }

  playerKicked(_gameId: string, playerId: string): void {
    this.push((sql) => markPlayerKicked(sql, playerId));
  }

  started(gameId: string, at: number): void {
    this.push((sql) => markSessionStarted(sql, gameId, at));
  }

  ended(gameId: string, state: GameState): void {
    const results: FinalResult[] = rankPlayers(state).map((r) => ({ playerId: r.player.id, score: r.player.score, finalRank: r.rank }));
    for (const p of Object.values(state.players)) if (p.kicked) results.push({ playerId: p.id, score: p.score, finalRank: null });
    const endedAt = state.endedAt ?? Date.now();
    this.push((sql) => saveFinalResults(sql, gameId, results, endedAt));
  }

  snapshot(gameId: string, state: GameState, lastActivity: number, urgent: boolean): void {
    const prev = this.snapshots.get(gameId);
    this.snapshots.set(gameId, { state, lastActivity, urgent: urgent || !!prev?.urgent });
    this.schedule(this.opts.intervalMs ?? 100);
  }

  closed(gameId: string): void {
    this.snapshots.delete(gameId);
    this.closedStored.delete(gameId);
    this.lastSnapshotAt.delete(gameId);
    this.push((sql) => {
      saveSnapshot(sql, gameId, null);
      dropClosedAnswers(sql, gameId);
    });
  }

  /** After a restart: carries on with the answers the bridge had not reached when the server stopped. */
  resumeBridge(): number {
    const rows = pendingBridgeRows(this.statements);
    this.bridge.unshift(...rows);
    if (this.bridge.length && !this.bridging) void this.runBridge();
    return rows.length;
  }

  /** Writes everything pending now (shutdown, tests), waiting out a lock held elsewhere. */
  async flushAll(): Promise<void> {
    for (let i = 0; i < 2000 && this.pending(); i++) {
      for (const s of this.snapshots.values()) s.urgent = true;
      this.flush();
      if (this.pending()) await new Promise((r) => setTimeout(r, BUSY_RETRY_MS));
    }
  }

  private pending(): boolean {
    return this.writes.length + this.snapshots.size > 0;
  }

  private push(write: Write): void {
    this.writes.push({ write });
    this.schedule(this.opts.intervalMs ?? 100);
  }

  /**
   * Flushes in `ms` unless a flush comes sooner. why sooner wins: a room with a snapshot waiting
   * for its turn (every few seconds) still gets its answers written every `intervalMs`; letting
   * the later timer stand held a 1,000-player room's answers for seconds and then wrote them all
   * at once, blocking the event loop for tens of ms.
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
    if (this.sql.inTransaction) {
      this.schedule(BUSY_RETRY_MS);
      return;
    }
    const all = this.writes.splice(0);
    // why apart: acks and views wait for their commands' commit, and serialising a 1,000-player
    // snapshot in the same step held a reveal back by 10-20 ms; snapshots go in the next step.
    const waited = all.some((w) => w.done);
    if (!waited) for (const write of this.dueSnapshots()) all.push({ write });
    if (all.length > 0) {
      try {
        this.sql.transaction(() => {
          for (const w of all) w.write(this.statements);
        })();
        for (const w of all) w.done?.(true);
      } catch (err) {
        if (isBusy(err)) {
          // Another process holds the lock: keep everything, in order, and retry.
          this.writes.unshift(...all);
          this.schedule(BUSY_RETRY_MS);
          return;
        }
        this.oneByOne(all, err);
      }
    }
    if (this.snapshots.size > 0) this.schedule(this.nextSnapshotInMs());
    if (this.bridge.length && !this.bridging) void this.runBridge();
  }

  /** Until the earliest pending snapshot is due. */
  private nextSnapshotInMs(): number {
    const every = this.opts.snapshotEveryMs ?? 3000;
    const now = Date.now();
    let wait = every;
    for (const [gameId, snap] of this.snapshots) {
      wait = Math.min(wait, snap.urgent ? 0 : every - (now - (this.lastSnapshotAt.get(gameId) ?? 0)));
    }
    return Math.max(BUSY_RETRY_MS, wait);
  }

  /** One bad row (e.g. a game deleted meanwhile) must not lose the others. */
  private oneByOne(all: Pending[], batchError: unknown): void {
    let failed = 0;
    for (const [i, w] of all.entries()) {
      try {
        w.write(this.statements);
        w.done?.(true);
      } catch (err) {
        if (isBusy(err)) {
          this.writes.unshift(...all.slice(i));
          this.schedule(BUSY_RETRY_MS);
          break;
        }
        failed++;
        w.done?.(false);
      }
    }
    if (failed) console.error(`room persistence: ${failed} of ${all.length} writes failed`, batchError);
  }

  /**
   * why: a snapshot holds the room, so it is written at phase changes and otherwise at most every
   * few seconds; a closed question's answers never change again, so they are written once, in the
   * same transaction as the first snapshot that leaves them out.
   */
  private dueSnapshots(): Write[] {
    const now = Date.now();
    const every = this.opts.snapshotEveryMs ?? 3000;
    const due: Write[] = [];
    for (const [gameId, snap] of [...this.snapshots]) {
      if (!snap.urgent && now - (this.lastSnapshotAt.get(gameId) ?? 0) < every) continue;
      this.snapshots.delete(gameId);
      this.lastSnapshotAt.set(gameId, now);
      const { state } = snap;
      for (let i = this.closedStored.get(gameId) ?? 0; i < state.closedCount; i++) {
        const json = JSON.stringify(state.answers[i] ?? null);
        due.push((sql) => saveClosedAnswers(sql, gameId, i, json));
      }
      this.closedStored.set(gameId, state.closedCount);
      const json = toSnapshot(state, snap.lastActivity, state.closedCount);
      const version = state.version;
      due.push((sql) => {
        saveSnapshot(sql, gameId, json);
        pruneCommands(sql, gameId, version);
      });
    }
    return due;
  }

  /**
   * Live answers of signed-in players feed their review schedule (src/server/bridge). why: these
   * are one transaction each, so they run one at a time in the background after the rows are stored.
   */
  private async runBridge(): Promise<void> {
    this.bridging = true;
    try {
      while (this.bridge.length) {
        const b = this.bridge.shift()!;
        try {
          await recordQuizAnswer(this.prisma, {
            userId: b.userId,
            cardId: b.cardId,
            correct: b.correct,
            source: 'live',
            sourceRef: b.sessionId,
            now: new Date(b.at),
          });
          // why only now: recordQuizAnswer is idempotent per game and card, so a crash before
          // this delete just applies it again (as a no-op) at the next start.
          this.push((sql) => deleteBridgeRow(sql, b.playerId, b.questionIndex));
        } catch (err) {
          console.error('room persistence: review bridge failed; retried at the next start', err);
        }
      }
    } finally {
      this.bridging = false;
    }
  }
}
