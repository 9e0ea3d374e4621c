import { randomUUID } from 'node:crypto';
import type { CardState } from '@/generated/prisma/client';
import { createScheduler, formatInterval, type CardStateValue, type RatingValue, type ReviewSettings } from '@/core/review';
import { studyableCardDeck } from './access';
import { ReviewError } from './errors';
import { getReviewSettings } from './settings';
import { sqlite, sqlTime, writeTransaction, type Sql } from './sql';
import { readCardState } from './rows';

export type ReviewSource = 'review' | 'live' | 'assignment';

export interface ApplyReviewInput {
  userId: string;
  cardId: string;
  rating: RatingValue;
  /** Client-generated id (uuid): a retried request with the same id is applied once. */
  clientId: string;
  /** The CardState version the rating was made against (0 = never studied). Omit to rate whatever is current. */
  expectedVersion?: number;
  durationMs: number;
  source: ReviewSource;
  sourceRef?: string | null;
  now: Date;
}

/** The card's schedule after a rating, as the client sees it. */
export interface CardScheduleView {
  cardId: string;
  version: number;
  due: string;
  state: CardStateValue;
  reps: number;
  lapses: number;
  suspended: boolean;
  leech: boolean;
}

export interface ApplyReviewResult {
  /** True when this clientId had already been applied: nothing changed, the stored outcome is returned. */
  replayed: boolean;
  logId: string;
  rating: RatingValue;
  card: CardScheduleView;
  /** Time until the card is due again, e.g. "10m", "4d". */
  interval: string;
  /** This rating made the card a leech: it was tagged and suspended. */
  becameLeech: boolean;
}

const MAX_DURATION_MS = 60 * 60 * 1000;

function view(row: CardState): CardScheduleView {
  return {
    cardId: row.cardId,
    version: row.version,
    due: row.due.toISOString(),
    state: row.state as CardStateValue,
    reps: row.reps,
    lapses: row.lapses,
    suspended: row.suspended,
    leech: row.leech,
  };
}

const isUniqueViolation = (err: unknown) =>
  typeof (err as { code?: unknown } | null)?.code === 'string' &&
  /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test((err as { code: string }).code);

const staleVersion = (expected: number, current: number) =>
  new ReviewError(
    409,
    'stale_version',
    `This card changed since it was shown (version ${expected}, now ${current}), ` +
      'perhaps in another tab. Load the card again before rating it.',
  );

/**
 * The stored outcome of an already applied clientId. why: the client retries only when it did not
 * see the first answer, so the card's current schedule is what it needs; nothing is written.
 */
function replay(sql: Sql, userId: string, clientId: string, cardId: string): ApplyReviewResult | null {
  const log = sql.get<{ id: string; cardId: string; rating: number; review: string }>(
    `SELECT id, cardId, rating, review FROM "ReviewLog" WHERE userId = ? AND clientId = ?`,
    userId,
    clientId,
  );
  if (!log) return null;
  if (log.cardId !== cardId) {
    throw new ReviewError(409, 'client_id_reused', 'This clientId was already used for a different card.');
  }
  const row = readCardState(sql, userId, cardId);
  const reviewed = new Date(log.review);
  const card: CardScheduleView = row
    ? view(row)
    : { cardId, version: 0, due: reviewed.toISOString(), state: 0, reps: 0, lapses: 0, suspended: false, leech: false };
  return {
    replayed: true,
    logId: log.id,
    rating: log.rating as RatingValue,
    card,
    interval: formatInterval(new Date(card.due).getTime() - reviewed.getTime()),
    becameLeech: false,
  };
}

/**
 * Applies one rating: CardState upsert and an append-only ReviewLog row in ONE transaction.
 * Reusable for every source (the review screen, live games, assignments). Idempotent per clientId;
 * a rating against an outdated version is rejected with 409.
 *
 * The whole check-and-write runs as one synchronous transaction of prepared statements
 * (sql.ts): nothing can change the card between reading its version and writing the new one.
 */
export async function applyReview(input: ApplyReviewInput, settings?: ReviewSettings): Promise<ApplyReviewResult> {
  const { userId, cardId, clientId, now } = input;
  const scheduler = createScheduler(settings ?? (await getReviewSettings(userId)));
  try {
    return await writeTransaction((sql) => {
      const earlier = replay(sql, userId, clientId, cardId);
      if (earlier) return earlier;
      const deckId = studyableCardDeck(sql, userId, cardId);
      const row = readCardState(sql, userId, cardId);
      const currentVersion = row?.version ?? 0;
      if (input.expectedVersion !== undefined && input.expectedVersion !== currentVersion) {
        throw staleVersion(input.expectedVersion, currentVersion);
      }
      if (row?.suspended && input.source === 'review') {
        throw new ReviewError(409, 'card_suspended', 'This card is suspended. Unsuspend it to study it.');
      }
      const { next, log, leech } = scheduler.applyRating(
        row ? { ...row, state: row.state as CardStateValue } : null,
        input.rating,
        now,
      );
      const written = new Date();
      const saved: CardState = {
        id: row?.id ?? randomUUID(),
        userId,
        cardId,
        deckId,
        ...next,
        suspended: leech ? true : (row?.suspended ?? false),
        leech: leech ? true : (row?.leech ?? false),
        // why: a rated card has been seen; whatever buried it no longer applies.
        buriedUntil: null,
        version: currentVersion + 1,
        updatedAt: written,
      };
      const fields = [
        sqlTime(saved.due), saved.stability, saved.difficulty, saved.elapsedDays, saved.scheduledDays,
        saved.learningSteps, saved.reps, saved.lapses, saved.state,
        saved.lastReview ? sqlTime(saved.lastReview) : null, saved.suspended ? 1 : 0, saved.leech ? 1 : 0,
        saved.version, sqlTime(written),
      ];
      if (row) {
        // The version in the where clause makes a concurrent change fail instead of being overwritten.
        const changed = sql.run(
          `UPDATE "CardState" SET due = ?, stability = ?, difficulty = ?, elapsedDays = ?, scheduledDays = ?,
             learningSteps = ?, reps = ?, lapses = ?, state = ?, lastReview = ?, suspended = ?, leech = ?,
             buriedUntil = NULL, version = ?, updatedAt = ?
           WHERE id = ? AND version = ?`,
          ...fields, row.id, row.version,
        );
        if (changed !== 1) throw staleVersion(currentVersion, currentVersion + 1);
      } else {
        sql.run(
          `INSERT INTO "CardState" (due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps,
             lapses, state, lastReview, suspended, leech, version, updatedAt, id, userId, cardId, deckId, buriedUntil)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
          ...fields, saved.id, userId, cardId, deckId,
        );
      }
      const { previous, ...l } = log;
      const logId = randomUUID();
      sql.run(
        `INSERT INTO "ReviewLog" (id, userId, cardId, deckId, clientId, rating, state, due, stability, difficulty,
           elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review, durationMs, source, sourceRef,
           previous, undone, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
        logId, userId, cardId, deckId, clientId, l.rating, l.state, sqlTime(l.due), l.stability, l.difficulty,
        l.elapsedDays, l.lastElapsedDays, l.scheduledDays, l.learningSteps, sqlTime(l.review),
        Math.max(0, Math.min(MAX_DURATION_MS, Math.round(input.durationMs))), input.source, input.sourceRef ?? null,
        previous ? JSON.stringify(previous) : null, sqlTime(written),
      );
      return {
        replayed: false,
        logId,
        rating: input.rating,
        card: view(saved),
        interval: formatInterval(saved.due.getTime() - now.getTime()),
        becameLeech: leech !== null,
      };
    });
  } catch (err) {
    // A concurrent writer on another connection applied this clientId (log) or rated the card first (state row).
    if (isUniqueViolation(err)) {
      const again = replay(await sqlite(), userId, clientId, cardId);
      if (again) return again;
      throw new ReviewError(409, 'stale_version', 'This card changed while it was being rated. Try again.');
    }
    throw err;
  }
}
