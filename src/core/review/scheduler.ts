import { createEmptyCard, fsrs, generatorParameters, type FSRS, type FSRSParameters } from 'ts-fsrs';
import {
  GRADES,
  flagsOf,
  fromFsrsCard,
  fromFsrsLog,
  pickStateFields,
  snapshotFromJson,
  snapshotToJson,
  toFsrsCard,
  toFsrsLog,
  type CardSnapshot,
  type CardSnapshotJson,
  type CardStateFields,
  type CardStateInput,
  type RatingValue,
  type ReviewLogFields,
} from './card-fields';
import { formatInterval } from './interval-label';
import { leechFlagsAfterRating, type LeechFlags } from './leech';
import type { ReviewSettings } from './settings';
import { parseStepsOrThrow, toFsrsSteps } from './steps';

/** What the UI shows under each answer button. */
export interface IntervalPreview {
  rating: RatingValue;
  due: Date;
  /** e.g. "10m", "4d", "3mo" */
  label: string;
}

/** Result of rating a card: the new CardState columns and the ReviewLog row to append. */
export interface RatingResult {
  next: CardStateFields;
  /** ReviewLog columns; `previous` goes to the ReviewLog.previous JSON column (null: card had no state row). */
  log: ReviewLogFields & { previous: CardSnapshotJson | null };
  /** Set when this rating made the card a leech: the service tags it and writes these flags. */
  leech: LeechFlags | null;
}

/** A ReviewLog row as read back for undo (`previous` is the raw JSON column). */
export type UndoLogInput = ReviewLogFields & { previous?: unknown };

export interface SchedulerOptions {
  /**
   * Interval fuzz (off by default, so identical inputs give identical intervals and tests are exact).
   * When on, ts-fsrs seeds its PRNG from the review time, reps and memory state, so results are
   * still reproducible for identical inputs; no Math.random is involved.
   */
  fuzz?: boolean;
}

export interface Scheduler {
  /** The exact ts-fsrs parameters in use (pass them to `fsrs()` to reproduce results). */
  readonly params: FSRSParameters;
  /** Next due and label for Again/Hard/Good/Easy; `state` null means a new card. */
  previewIntervals(state: CardStateFields | null, now: Date): IntervalPreview[];
  /** Rates a card (`state` null = new card, no row yet). */
  applyRating(state: CardStateInput | null, rating: RatingValue, now: Date): RatingResult;
  /**
   * Reverts the rating described by `log` on `current`. Returns null when the card was new before
   * (the service deletes the state row: "new again"), otherwise the row to write back.
   */
  undoRating(current: CardStateInput, log: UndoLogInput): CardSnapshot | null;
  /** Probability of recall at `now` (0 for new cards). */
  retrievability(state: CardStateFields | null, now: Date): number;
}

/**
 * A user's settings plus the FSRS-6 parameters that schedule them (their own fitted ones, their
 * class's, or absent for ts-fsrs's defaults).
 */
export type SchedulerSettings = ReviewSettings & { w?: readonly number[] | null };

/** Builds the ts-fsrs parameters for a user's settings. */
export function fsrsParamsFor(settings: SchedulerSettings, options: SchedulerOptions = {}): FSRSParameters {
  return generatorParameters({
    w: settings.w ? [...settings.w] : undefined,
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maxIntervalDays,
    enable_fuzz: options.fuzz ?? false,
    enable_short_term: true,
    learning_steps: toFsrsSteps(parseStepsOrThrow(settings.learningSteps)),
    relearning_steps: toFsrsSteps(parseStepsOrThrow(settings.relearningSteps)),
  });
}

function assertGrade(rating: number): asserts rating is RatingValue {
  if (!GRADES.includes(rating as RatingValue)) throw new Error(`invalid rating ${rating}, expected 1-4`);
}

/** A scheduler bound to one user's settings. Cheap to create; create one per request. */
export function createScheduler(settings: SchedulerSettings, options: SchedulerOptions = {}): Scheduler {
  const params = fsrsParamsFor(settings, options);
  const f: FSRS = fsrs(params);

  const cardFor = (state: CardStateFields | null, now: Date) => (state ? toFsrsCard(state) : createEmptyCard(now));

  return {
    params,

    previewIntervals(state, now) {
      const preview = f.repeat(cardFor(state, now), now);
      return GRADES.map((rating) => {
        const due = preview[rating].card.due;
        return { rating, due: new Date(due.getTime()), label: formatInterval(due.getTime() - now.getTime()) };
      });
    },

    applyRating(state, rating, now) {
      assertGrade(rating);
      const { card, log } = f.next(cardFor(state, now), now, rating);
      const next = fromFsrsCard(card);
      const previous = state ? snapshotToJson({ ...pickStateFields(state), ...flagsOf(state) }) : null;
      return {
        next,
        log: { ...fromFsrsLog(log), previous },
        leech: leechFlagsAfterRating(state?.lapses ?? 0, next.lapses),
      };
    },

    undoRating(current, log) {
      if (log.state === 0) return null;
      const rolled = fromFsrsCard(f.rollback(toFsrsCard(current), toFsrsLog(log)));
      const snapshot = snapshotFromJson(log.previous);
      // why: ts-fsrs rollback rebuilds memory state, counters, step and last review from the log, but
      // the log does not keep the previous due date (rollback puts the review time there), and flags
      // such as a leech suspension are ours. The snapshot written at rating time fills both in; rows
      // without one keep rollback's approximation and the current flags.
      if (!snapshot) return { ...rolled, ...flagsOf(current) };
      return {
        ...rolled,
        due: snapshot.due,
        suspended: snapshot.suspended,
        buriedUntil: snapshot.buriedUntil,
        leech: snapshot.leech,
      };
    },

    retrievability(state, now) {
      if (!state || state.state === 0) return 0;
      return f.get_retrievability(toFsrsCard(state), now, false);
    },
  };
}
