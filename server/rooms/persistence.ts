/**
 * Write-behind persistence for rooms. Rooms hand over rows and return at once; a flush every
 * `intervalMs` writes them in a few statements (1,000 answers in a second become a handful of
 * INSERTs, not 1,000 transactions). A failing write is logged and retried row by row; it never
 * reaches the room.
 */
import type { Prisma } from '../../src/generated/prisma/client';
import type { Db } from '../../src/server/db';
import { rankPlayers, type GameState, type PlayerState } from '../../src/core/game';
import {
  insertAnswers,
  insertPlayers,
  markPlayerKicked,
  saveFinalResults,
  saveSnapshot,
  setSessionStatus,
  toSnapshot,
  type AnswerRow,
  type FinalResult,
  type PlayerRow,
} from '../../src/server/games';
import { recordQuizAnswer } from '../../src/server/bridge';
import type { AnswerEffect, RoomStore } from './ports';

type Op = () => Promise<unknown>;

interface PendingSnapshot {
  state: GameState;
  lastActivity: number;
  urgent: boolean;
}

export class BatchedStore implements RoomStore {
  private players: PlayerRow[] = [];
  private answers: AnswerRow[] = [];
  private bridge: Array<{ userId: string; cardId: string; correct: boolean; gameId: string; at: number }> = [];
  /** Ordered writes that must follow the rows above (status, kicks, final results). */
  private ops: Op[] = [];
  private snapshots = new Map<string, PendingSnapshot>();
  private lastSnapshotAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private bridging = false;

  constructor(
    private readonly prisma: Db,
    private readonly opts: { intervalMs?: number; snapshotEveryMs?: number } = {},
  ) {}

  playerJoined(gameId: string, p: PlayerState): void {
    this.players.push({ id: p.id, sessionId: gameId, userId: p.userId ?? null, nickname: p.nickname, joinedAt: new Date(p.joinedAt) });
    this.kick();
  }

  answerRecorded(gameId: string, a: AnswerEffect, at: number, userId: string | undefined): void {
    this.answers.push({
      sessionId: gameId,
      playerId: a.playerId,
      questionIndex: a.questionIndex,
      cardId: a.cardId,
      choice: a.choice as Prisma.InputJsonValue,
      correct: a.correct,
      responseMs: Math.round(a.responseMs),
      points: a.points,
      createdAt: new Date(at),
    });
    if (userId) this.bridge.push({ userId, cardId: a.cardId, correct: a.correct, gameId, at });
    this.kick();
  }

  playerKicked(_gameId: string, playerId: string): void {
    this.ops.push(() => markPlayerKicked(this.prisma, playerId));
    this.kick();
  }

  started(gameId: string, at: number): void {
    this.ops.push(() => setSessionStatus(this.prisma, gameId, { status: 'running', startedAt: new Date(at) }));
    this.kick();
  }

  ended(gameId: string, state: GameState): void {
    const ranked = rankPlayers(state);
    const results: FinalResult[] = ranked.map((r) => ({ playerId: r.player.id, score: r.player.score, finalRank: r.rank }));
    for (const p of Object.values(state.players)) if (p.kicked) results.push({ playerId: p.id, score: p.score, finalRank: null });
    const endedAt = new Date(state.endedAt ?? Date.now());
    this.ops.push(() => saveFinalResults(this.prisma, gameId, results, endedAt));
    this.kick();
  }

  snapshot(gameId: string, state: GameState, lastActivity: number, urgent: boolean): void {
    const prev = this.snapshots.get(gameId);
    this.snapshots.set(gameId, { state, lastActivity, urgent: urgent || !!prev?.urgent });
    this.kick();
  }

  closed(gameId: string): void {
    this.snapshots.delete(gameId);
    this.ops.push(() => saveSnapshot(this.prisma, gameId, null));
    this.kick();
  }

  /** Writes everything pending now (shutdown, tests). */
  async flushAll(): Promise<void> {
    for (let i = 0; i < 5 && this.pending(); i++) {
      for (const s of this.snapshots.values()) s.urgent = true;
      await this.flush();
    }
    if (this.flushing) await this.flushing;
  }

  private pending(): boolean {
    return this.players.length + this.answers.length + this.ops.length + this.snapshots.size > 0;
  }

  private kick(): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.opts.intervalMs ?? 100);
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.write()
      .catch((err) => console.error('room persistence: flush failed', err))
      .finally(() => {
        this.flushing = null;
        if (this.pending()) this.kick();
      });
    return this.flushing;
  }

  private async write(): Promise<void> {
    const players = this.players.splice(0);
    const answers = this.answers.splice(0);
    const ops = this.ops.splice(0);
    // Players before answers (foreign key), both before status/results updates.
    await this.safely('players', () => insertPlayers(this.prisma, players), players, (row) => insertPlayers(this.prisma, [row]));
    await this.safely('answers', () => insertAnswers(this.prisma, answers), answers, (row) => insertAnswers(this.prisma, [row]));
    for (const op of ops) await this.safely('update', op, [], async () => {});
    await this.writeSnapshots();
    if (this.bridge.length && !this.bridging) void this.runBridge();
  }

  /** why: a snapshot holds the whole room; write it at phase changes, otherwise at most every few seconds. */
  private async writeSnapshots(): Promise<void> {
    const now = Date.now();
    const every = this.opts.snapshotEveryMs ?? 3000;
    for (const [gameId, snap] of [...this.snapshots]) {
      if (!snap.urgent && now - (this.lastSnapshotAt.get(gameId) ?? 0) < every) continue;
      this.snapshots.delete(gameId);
      this.lastSnapshotAt.set(gameId, now);
      await this.safely('snapshot', () => saveSnapshot(this.prisma, gameId, toSnapshot(snap.state, snap.lastActivity)), [], async () => {});
    }
    if (this.snapshots.size > 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, every);
    }
  }

  private async safely<T>(what: string, batch: () => Promise<unknown>, rows: T[], one: (row: T) => Promise<unknown>): Promise<void> {
    try {
      await batch();
    } catch (err) {
      if (rows.length === 0) {
        console.error(`room persistence: ${what} failed`, err);
        return;
      }
      // One bad row (e.g. a game deleted meanwhile) must not lose the others.
      let failed = 0;
      for (const row of rows) {
        try {
          await one(row);
        } catch {
          failed++;
        }
      }
      if (failed) console.error(`room persistence: ${failed} of ${rows.length} ${what} rows failed`, err);
    }
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
            sourceRef: b.gameId,
            now: new Date(b.at),
          });
        } catch (err) {
          console.error('room persistence: review bridge failed', err);
        }
      }
    } finally {
      this.bridging = false;
    }
  }
}
