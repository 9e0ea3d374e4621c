import type { CardSnapshot, CardSnapshotJson, ReviewLogFields } from '@/core/review';
import { qb, toJson, WriteConflict, type Runner } from '../db';

/**
 * The statements that change a user's schedule, shared by every rating (review screen, live
 * games, assignments, Anki import) and by undo. Each write names the version it read: if another
 * connection changed the row since, nothing is written and WriteConflict makes transaction()
 * run the whole read-decide-write again on the fresh row (no lost update, on either engine).
 */

export interface StateKey {
  userId: string;
  cardId: string;
  deckId: string;
}

/** A state row to store: the FSRS fields and flags, its id and the version it gets. */
export interface StateToStore extends CardSnapshot {
  id: string;
  version: number;
}

/**
 * Stores the card's state. `readVersion` null: there was no row (insert; a row inserted meanwhile
 * by someone else is a conflict); otherwise the row must still be at that version.
 */
export async function storeCardState(q: Runner, key: StateKey, s: StateToStore, readVersion: number | null, written: Date): Promise<void> {
  const fields = {
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    lastReview: s.lastReview,
    suspended: s.suspended,
    buriedUntil: s.buriedUntil,
    leech: s.leech,
    version: s.version,
    updatedAt: written,
  };
  const changed =
    readVersion === null
      ? await q.run(
          qb()
            .insertInto('CardState')
            .values({ id: s.id, userId: key.userId, cardId: key.cardId, deckId: key.deckId, ...fields })
            .onConflict((oc) => oc.columns(['userId', 'cardId']).doNothing()),
        )
      : await q.run(qb().updateTable('CardState').set(fields).where('id', '=', s.id).where('version', '=', readVersion));
  if (changed !== 1) throw new WriteConflict(`card state ${key.cardId}`);
}

/** Removes the state row (undo of a card's first rating: it is new again), if still at `readVersion`. */
export async function deleteCardState(q: Runner, id: string, readVersion: number): Promise<void> {
  const changed = await q.run(qb().deleteFrom('CardState').where('id', '=', id).where('version', '=', readVersion));
  if (changed !== 1) throw new WriteConflict(`card state ${id}`);
}

export interface LogToStore extends ReviewLogFields {
  id: string;
  clientId: string;
  durationMs: number;
  source: string;
  sourceRef: string | null;
  previous: CardSnapshotJson | null;
}

/**
 * Appends the review log. A log with the same clientId written meanwhile (the same request retried
 * on another connection) is a conflict: the rerun finds it and replays it.
 */
export async function appendReviewLog(q: Runner, key: StateKey, l: LogToStore, written: Date): Promise<void> {
  const changed = await q.run(
    qb()
      .insertInto('ReviewLog')
      .values({
        id: l.id,
        userId: key.userId,
        cardId: key.cardId,
        deckId: key.deckId,
        clientId: l.clientId,
        rating: l.rating,
        state: l.state,
        due: l.due,
        stability: l.stability,
        difficulty: l.difficulty,
        elapsedDays: l.elapsedDays,
        lastElapsedDays: l.lastElapsedDays,
        scheduledDays: l.scheduledDays,
        learningSteps: l.learningSteps,
        review: l.review,
        durationMs: l.durationMs,
        source: l.source,
        sourceRef: l.sourceRef,
        previous: l.previous ? toJson(l.previous) : null,
        undone: false,
        createdAt: written,
      })
      .onConflict((oc) => oc.columns(['userId', 'clientId']).doNothing()),
  );
  if (changed !== 1) throw new WriteConflict(`review log ${l.clientId}`);
}

/** Marks a log undone, if nobody did meanwhile. */
export async function markLogUndone(q: Runner, logId: string): Promise<void> {
  const changed = await q.run(qb().updateTable('ReviewLog').set({ undone: true }).where('id', '=', logId).where('undone', '=', false));
  if (changed !== 1) throw new WriteConflict(`review log ${logId}`);
}

/** Subscribes the user to the deck (quiz answers bring the card into their review); nothing if already. */
export async function ensureSubscribed(q: Runner, userId: string, deckId: string, written: Date): Promise<void> {
  await q.run(
    qb()
      .insertInto('DeckSubscription')
      .values({ userId, deckId, createdAt: written })
      .onConflict((oc) => oc.columns(['userId', 'deckId']).doNothing()),
  );
}
