/** Card and state rows read with the typed query layer, made Prisma-shaped for the study view. */
import type { Card, CardState } from '@/generated/prisma/client';
import { asBool, asDate, asJson, qb, type Runner } from '../db';

/** A card state joined as `s`, its columns prefixed so they sit beside the card's or the log's. */
export const JOINED_STATE_COLUMNS = [
  's.id as sId',
  's.deckId as sDeckId',
  's.due as sDue',
  's.stability as sStability',
  's.difficulty as sDifficulty',
  's.elapsedDays as sElapsedDays',
  's.scheduledDays as sScheduledDays',
  's.learningSteps as sLearningSteps',
  's.reps as sReps',
  's.lapses as sLapses',
  's.state as sState',
  's.lastReview as sLastReview',
  's.suspended as sSuspended',
  's.buriedUntil as sBuriedUntil',
  's.leech as sLeech',
  's.version as sVersion',
  's.updatedAt as sUpdatedAt',
] as const;

/**
 * A card (archived or not) and the user's state row for it, in one statement; null when the card
 * does not exist.
 */
export async function readCardWithState(q: Runner, userId: string, cardId: string): Promise<{ card: Card; state: CardState | null } | null> {
  const r = await q.first(
    qb()
      .selectFrom('Card as c')
      .leftJoin('CardState as s', (j) => j.onRef('s.cardId', '=', 'c.id').on('s.userId', '=', userId))
      .selectAll('c')
      .select(JOINED_STATE_COLUMNS)
      .where('c.id', '=', cardId),
  );
  if (!r) return null;
  const card: Card = {
    id: r.id,
    deckId: r.deckId,
    key: r.key,
    ord: r.ord,
    kind: r.kind,
    prompt: r.prompt,
    answer: r.answer,
    options: asJson(r.options),
    correct: asJson(r.correct),
    accepted: asJson(r.accepted),
    explanation: r.explanation,
    section: r.section,
    tags: asJson(r.tags),
    needsAnswerKey: asBool(r.needsAnswerKey),
    archived: asBool(r.archived),
    createdAt: asDate(r.createdAt)!,
    updatedAt: asDate(r.updatedAt)!,
  };
  return { card, state: joinedState(r, userId, cardId) };
}

/** The JOINED_STATE_COLUMNS of a row: null when no state row joined. */
type JoinedStateRow = { [K in Exclude<keyof CardState, 'userId' | 'cardId'> as `s${Capitalize<K>}`]: CardState[K] | null };

/** The user's state row read through JOINED_STATE_COLUMNS, Prisma-shaped; null when the join found none. */
export function joinedState(r: JoinedStateRow, userId: string, cardId: string): CardState | null {
  if (r.sId === null) return null;
  return {
    id: r.sId,
    userId,
    cardId,
    deckId: r.sDeckId!,
    due: asDate(r.sDue)!,
    stability: r.sStability!,
    difficulty: r.sDifficulty!,
    elapsedDays: r.sElapsedDays!,
    scheduledDays: r.sScheduledDays!,
    learningSteps: r.sLearningSteps!,
    reps: r.sReps!,
    lapses: r.sLapses!,
    state: r.sState!,
    lastReview: asDate(r.sLastReview),
    suspended: asBool(r.sSuspended),
    buriedUntil: asDate(r.sBuriedUntil),
    leech: asBool(r.sLeech),
    version: r.sVersion!,
    updatedAt: asDate(r.sUpdatedAt)!,
  };
}
