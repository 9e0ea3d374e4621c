import { randomUUID } from 'node:crypto';
import {
  planRating,
  studyDayRange,
  type RatingSource,
  type RatingValue,
  type SchedulerSettings,
  type StateWrite,
  type StoredCardState,
} from '@/core/review';
import { transaction } from '../db';
import { readForRating } from './rating-read';
import { appendReviewLog, ensureSubscribed, storeCardState } from './rating-writes';
import { getReviewSettings } from './settings';

export interface RateCardInput {
  userId: string;
  cardId: string;
  rating: RatingValue;
  /** Idempotency key: a retried request with the same id is applied once (uuid, or derived for quiz answers). */
  clientId: string;
  source: RatingSource;
  sourceRef?: string | null;
  /** A quiz answer (recordQuizAnswer): the bridge's rules apply (see RatingRequest.quiz in src/core/review). */
  quiz?: boolean;
  durationMs: number;
  /** The rating's time (the Anki import and the bridge pass past times). */
  now: Date;
  /** The state version the rating was made against (0 = never studied); omit to rate whatever is current. */
  expectedVersion?: number;
}

export type RateCardOutcome = { studyDay: string } & (
  | { kind: 'written'; logId: string; state: StateWrite; becameLeech: boolean }
  | { kind: 'replayed'; logId: string; rating: RatingValue; review: Date; state: StoredCardState | null }
  | { kind: 'skipped'; reason: 'already-today' | 'card-missing' }
  | { kind: 'refused'; code: 'card_not_found' | 'client_id_reused' | 'stale_version' | 'card_suspended'; current: number }
);

const MAX_DURATION_MS = 60 * 60 * 1000;
/** why this many: each rerun means another rating of the same card committed first; two tabs or a game and a tab rarely collide twice. */
const CONFLICT_RERUNS = 20;

/**
 * THE rating writer: every rating of a card goes through here, from the review screen (applyReview),
 * live games and assignments (recordQuizAnswer) and the Anki import. One transaction: one read
 * (card, state, earlier request, earlier quiz answer), the pure decision (planRating in
 * src/core/review), then the state write checked against the version read and the log append.
 * Another connection changing the card in between makes the transaction run again on the new row.
 */
export async function rateCard(input: RateCardInput, settings?: SchedulerSettings): Promise<RateCardOutcome> {
  const s = settings ?? (await getReviewSettings(input.userId));
  const quiz = input.quiz ?? false;
  const day = studyDayRange(input.now, s.timeZone, s.dayRolloverHour);
  const outcome = await transaction(
    async (q) => {
      const read = await readForRating(q, {
        userId: input.userId,
        cardId: input.cardId,
        clientId: input.clientId,
        studyableOnly: !quiz,
        quizDayEnd: quiz ? day.end : null,
      });
      const plan = planRating(
        read,
        {
          cardId: input.cardId,
          rating: input.rating,
          source: input.source,
          quiz,
          expectedVersion: input.expectedVersion,
          now: input.now,
          newStateId: randomUUID(),
          newLogId: randomUUID(),
        },
        s,
      );
      if (plan.kind === 'replayed') return { ...plan, state: read.state };
      if (plan.kind !== 'write') return plan;
      const key = { userId: input.userId, cardId: input.cardId, deckId: read.deckId! };
      const written = new Date();
      await storeCardState(q, key, plan.state, read.state ? read.state.version : null, written);
      await appendReviewLog(
        q,
        key,
        {
          ...plan.log,
          clientId: input.clientId,
          durationMs: Math.max(0, Math.min(MAX_DURATION_MS, Math.round(input.durationMs))),
          source: input.source,
          sourceRef: input.sourceRef ?? null,
        },
        written,
      );
      if (quiz) await ensureSubscribed(q, input.userId, key.deckId, written);
      return { kind: 'written' as const, logId: plan.log.id, state: plan.state, becameLeech: plan.becameLeech };
    },
    { retries: CONFLICT_RERUNS },
  );
  return { ...outcome, studyDay: day.day };
}
