import { sql } from 'kysely';
import { asDate, db, qb, queries } from '../db';
import { requireStudyableDeck, studyableDeck } from './access';

export interface SubscribedDeck {
  deckId: string;
  title: string;
  subscribedAt: Date;
}

/** Subscribes the user to a deck they may study (idempotent). */
export async function subscribeDeck(userId: string, deckId: string): Promise<SubscribedDeck> {
  const deck = await requireStudyableDeck(userId, deckId);
  const row = await db().deckSubscription.upsert({
    where: { userId_deckId: { userId, deckId } },
    create: { userId, deckId },
    update: {},
  });
  return { deckId, title: deck.title, subscribedAt: row.createdAt };
}

/**
 * Unsubscribes (idempotent). Card states and review history are kept, so subscribing again
 * resumes where the user left off.
 */
export async function unsubscribeDeck(userId: string, deckId: string): Promise<void> {
  await requireStudyableDeck(userId, deckId);
  await db().deckSubscription.deleteMany({ where: { userId, deckId } });
}

/**
 * The user's subscribed decks in study order (oldest subscription first), optionally narrowed to
 * `deckIds`, as a query to extend (the queue adds today's done counts to the same statement).
 * Decks the user can no longer study (e.g. removed from a class) are left out.
 */
export function subscribedDecksQuery(userId: string, deckIds?: readonly string[]) {
  let q = qb()
    .selectFrom('DeckSubscription as ds')
    .innerJoin('Deck as d', 'd.id', 'ds.deckId')
    .select((eb) => [
      'ds.deckId as deckId',
      'd.title as title',
      'ds.createdAt as subscribedAt',
      'd.updatedAt as deckUpdatedAt',
      eb
        .exists(eb.selectFrom('Card as a').select(sql<number>`1`.as('one')).whereRef('a.deckId', '=', 'd.id').where('a.archived', '=', true))
        .as('hasArchived'),
    ])
    .where('ds.userId', '=', userId)
    .where(studyableDeck(userId))
    .orderBy('ds.createdAt')
    .orderBy('ds.deckId');
  if (deckIds) q = q.where('ds.deckId', 'in', deckIds.length ? [...deckIds] : ['']);
  return q;
}

export async function subscribedDecks(userId: string, deckIds?: readonly string[]): Promise<SubscribedDeck[]> {
  if (deckIds && deckIds.length === 0) return [];
  const rows = await queries().all(subscribedDecksQuery(userId, deckIds));
  return rows.map((r) => ({ deckId: r.deckId, title: r.title, subscribedAt: asDate(r.subscribedAt)! }));
}

/** Whether the user is subscribed to each of `deckIds`. */
export async function subscriptionFlags(userId: string, deckIds: readonly string[]): Promise<Map<string, boolean>> {
  const rows = await db().deckSubscription.findMany({
    where: { userId, deckId: { in: [...deckIds] } },
    select: { deckId: true },
  });
  const subscribed = new Set(rows.map((r) => r.deckId));
  return new Map(deckIds.map((id) => [id, subscribed.has(id)]));
}
