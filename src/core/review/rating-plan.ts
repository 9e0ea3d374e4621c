/**
 * What one rating does, decided from what was read: the pure half of the one rating writer
 * (src/server/review/rate-card.ts) that the review screen, live games, assignments and the Anki
 * import all go through. No I/O, no clock, no randomness: `now` and the new row ids come in.
 */
import type { CardSnapshotJson, CardStateFields, CardStateValue, RatingValue, ReviewLogFields } from './card-fields';
import { studyDayRange } from './days';
import { createScheduler, type SchedulerSettings } from './scheduler';

/** Where a rating comes from. Live and assignment answers are the live-to-review bridge (docs/bridge.md). */
export type RatingSource = 'review' | 'live' | 'assignment';

/** The sources quiz answers are logged with (docs/bridge.md). */
export const QUIZ_SOURCES: readonly RatingSource[] = ['live', 'assignment'];

/** The user's state row for the card, as read inside the rating's transaction. */
export interface StoredCardState extends CardStateFields {
  id: string;
  suspended: boolean;
  buriedUntil: Date | null;
  leech: boolean;
  version: number;
}

/** Everything a rating decides on, read in one query inside its transaction. */
export interface RatingRead {
  /**
   * The card's deck, when the card exists and is not archived (and, for the review screen, is in a
   * deck the user may study); null otherwise.
   */
  deckId: string | null;
  state: StoredCardState | null;
  /** The log already written under this clientId (a retried request), if any. */
  earlier: { logId: string; cardId: string; rating: RatingValue; review: Date } | null;
  /** Quiz answers only: the latest not undone quiz-answer review of this card before the end of its study day. */
  lastQuizAnswer: Date | null;
}

export interface RatingRequest {
  cardId: string;
  rating: RatingValue;
  source: RatingSource;
  /**
   * A quiz answer (the live-to-review bridge): applied at most once per card per study day, to any
   * card that exists (not only decks the user may study), and a missing card is skipped, not an error.
   */
  quiz: boolean;
  /** The state version the rating was made against (0 = never studied); omitted: rate whatever is current. */
  expectedVersion?: number;
  now: Date;
  /** Ids for the rows a write creates (the caller makes them: this module has no randomness). */
  newStateId: string;
  newLogId: string;
}

/** The state row to write: the new scheduling fields, flags and the next version (the one read + 1). */
export type StateWrite = StoredCardState;

export type RatingPlan =
  | { kind: 'write'; state: StateWrite; log: ReviewLogFields & { id: string; previous: CardSnapshotJson | null }; becameLeech: boolean }
  /** This clientId was already applied: nothing is written. */
  | { kind: 'replayed'; logId: string; rating: RatingValue; review: Date }
  /** Not applied, and not an error for quiz answers (the answer itself stands). */
  | { kind: 'skipped'; reason: 'already-today' | 'card-missing' }
  /** Refused: the review screen answers with this error. */
  | { kind: 'refused'; code: 'card_not_found' | 'client_id_reused' | 'stale_version' | 'card_suspended'; current: number };

/**
 * The quiz-answer rule: at most one schedule update per card per study day (docs/bridge.md). True
 * when one of `earlier` (times of not undone quiz-answer reviews of the card) is in now's study day.
 */
export function quizAnsweredThisStudyDay(earlier: readonly Date[], now: Date, settings: Pick<SchedulerSettings, 'timeZone' | 'dayRolloverHour'>): boolean {
  const { start, end } = studyDayRange(now, settings.timeZone, settings.dayRolloverHour);
  return earlier.some((t) => t >= start && t < end);
}

export function planRating(read: RatingRead, req: RatingRequest, settings: SchedulerSettings): RatingPlan {
  const quiz = req.quiz;
  const current = read.state?.version ?? 0;
  if (read.earlier && read.earlier.cardId !== req.cardId) return { kind: 'refused', code: 'client_id_reused', current };
  if (read.earlier) return { kind: 'replayed', logId: read.earlier.logId, rating: read.earlier.rating, review: read.earlier.review };
  if (read.deckId === null) return quiz ? { kind: 'skipped', reason: 'card-missing' } : { kind: 'refused', code: 'card_not_found', current };
  if (req.expectedVersion !== undefined && req.expectedVersion !== current) return { kind: 'refused', code: 'stale_version', current };
  if (read.state?.suspended && req.source === 'review') return { kind: 'refused', code: 'card_suspended', current };
  if (quiz && read.lastQuizAnswer && quizAnsweredThisStudyDay([read.lastQuizAnswer], req.now, settings)) return { kind: 'skipped', reason: 'already-today' };

  const row = read.state;
  const { next, log, leech } = createScheduler(settings).applyRating(row ? { ...row, state: row.state as CardStateValue } : null, req.rating, req.now);
  return {
    kind: 'write',
    state: {
      ...next,
      id: row?.id ?? req.newStateId,
      suspended: leech ? true : (row?.suspended ?? false),
      leech: leech ? true : (row?.leech ?? false),
      // why: a rated card has been seen; whatever buried it no longer applies.
      buriedUntil: null,
      version: current + 1,
    },
    log: { ...log, id: req.newLogId },
    becameLeech: leech !== null,
  };
}
