import { db } from '../db';
import { requireStudyableDeck, studyableDeckWhere } from './access';

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
 * `deckIds`. Decks the user can no longer study (e.g. removed from a class) are left out.
 */
export async function subscribedDecks(userId: string, deckIds?: readonly string[]): Promise<SubscribedDeck[]> {
  const rows = await db().deckSubscription.findMany({
    where: { userId, deck: studyableDeckWhere(userId), ...(deckIds ? { deckId: { in: [...deckIds] } } : {}) },
    select: { deckId: true, createdAt: true, deck: { select: { title: true } } },
    orderBy: [{ createdAt: 'asc' }, { deckId: 'asc' }],
  });
  return rows.map((r) => ({ deckId: r.deckId, title: r.deck.title, subscribedAt: r.createdAt }));
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
