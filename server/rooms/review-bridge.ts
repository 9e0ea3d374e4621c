/**
 * Live answers of signed-in players feed their review schedule (src/server/bridge, docs/bridge.md).
 * Each is one interactive transaction, so they run one at a time in the background, after the
 * answer's rows (and its GameBridgeOutbox row) are stored; `done` hands back the outbox rows to
 * delete, which persistence.ts writes in a later commit.
 */
import type { Db } from '../../src/server/db';
import { recordQuizAnswer } from '../../src/server/bridge';
import type { BridgeRow } from '../../src/server/games';

export class ReviewBridge {
  private queue: BridgeRow[] = [];
  private running = false;

  constructor(
    private readonly prisma: Db,
    /** An answer is in the review schedule (or skipped for good): its outbox row may go. */
    private readonly done: (row: BridgeRow) => void,
  ) {}

  /** Answers whose rows are stored; `first` puts them ahead (outbox rows left by a stopped server). */
  add(rows: readonly BridgeRow[], first = false): void {
    if (!rows.length) return;
    if (first) this.queue.unshift(...rows);
    else this.queue.push(...rows);
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const b = this.queue.shift()!;
        try {
          await recordQuizAnswer(this.prisma, {
            userId: b.userId,
            cardId: b.cardId,
            correct: b.correct,
            source: 'live',
            sourceRef: b.sessionId,
            now: new Date(b.at),
          });
          // why only now: recordQuizAnswer is idempotent per game and card, so a crash before the
          // outbox row is deleted just applies it again (as a no-op) at the next start.
          this.done(b);
        } catch (err) {
          console.error('room persistence: review bridge failed; retried at the next start', err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
