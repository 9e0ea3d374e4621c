/**
 * The pure half of the live-to-review bridge (docs/bridge.md): given a quiz answer, the card's current
 * schedule for the user and the times the bridge already touched that card, decide whether and how
 * to update the schedule. No I/O, no clock: `now` is passed in, so it is unit-tested directly.
 */
import {
  Rating,
  createScheduler,
  quizAnsweredThisStudyDay,
  studyDayRange,
  type CardStateInput,
  type RatingResult,
  type RatingValue,
  type ReviewSettings,
} from '@/core/review';

export const BRIDGE_SOURCES = ['live', 'assignment'] as const;
export type BridgeSource = (typeof BRIDGE_SOURCES)[number];

/** A wrong answer is a lapse (Again); a right one is a normal recall (Good). Never Hard or Easy. */
export function ratingForAnswer(correct: boolean): RatingValue {
  return correct ? Rating.Good : Rating.Again;
}

/** Deterministic ReviewLog.clientId, so a retried or replayed answer is applied once. */
export function bridgeClientId(source: BridgeSource, sourceRef: string, cardId: string): string {
  return `${source}:${sourceRef}:${cardId}`;
}

export interface BridgePlanInput {
  correct: boolean;
  now: Date;
  settings: ReviewSettings;
  /** The user's CardState for the card, or null when the card is new to them. */
  state: CardStateInput | null;
  /** Review times of this user's earlier, not undone, bridge logs (live/assignment) for this card. */
  bridgeReviewTimes: readonly Date[];
}

export type BridgePlan =
  | { apply: false; reason: 'already-today'; studyDay: string }
  | { apply: true; rating: RatingValue; studyDay: string; result: RatingResult };

/**
 * At most one bridge update per card per user per study day (the user's time zone and rollover
 * hour): the first answer of the day counts, later ones that day are ignored. why: one live game
 * can ask a card several times, and repeated same-day Good ratings would inflate its stability.
 */
export function planBridgeUpdate(input: BridgePlanInput): BridgePlan {
  const { day } = studyDayRange(input.now, input.settings.timeZone, input.settings.dayRolloverHour);
  if (quizAnsweredThisStudyDay(input.bridgeReviewTimes, input.now, input.settings)) return { apply: false, reason: 'already-today', studyDay: day };
  const rating = ratingForAnswer(input.correct);
  const result = createScheduler(input.settings).applyRating(input.state, rating, input.now);
  return { apply: true, rating, studyDay: day, result };
}
