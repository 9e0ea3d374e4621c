import { db } from '../db';
import { Prisma } from '@/generated/prisma/client';
import { requireStudyableDeck } from './access';

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
 * why raw SQL: this runs on every queue request; it is the same rule as studyableDeckWhere.
 */
export async function subscribedDecks(userId: string, deckIds?: readonly string[]): Promise<SubscribedDeck[]> {
  if (deckIds && deckIds.length === 0) return [];
  const only = deckIds ? Prisma.sql`AND ds.deckId IN (${Prisma.join([...deckIds])})` : Prisma.empty;
  const rows = await db().$queryRaw<{ deckId: string; title: string; createdAt: Date }[]>`
    SELECT ds.deckId AS deckId, d.title AS title, ds.createdAt AS createdAt
    FROM "DeckSubscription" ds JOIN "Deck" d ON d.id = ds.deckId
    WHERE ds.userId = ${userId} ${only}
      AND (d.builtIn = 1 OR d.ownerId = ${userId} OR EXISTS (
        SELECT 1 FROM "ClassDeck" cd JOIN "Class" cl ON cl.id = cd.classId
        WHERE cd.deckId = d.id AND (cl.ownerId = ${userId}
          OR EXISTS (SELECT 1 FROM "Enrollment" e WHERE e.classId = cl.id AND e.userId = ${userId}))))
    ORDER BY ds.createdAt, ds.deckId`;
  return rows.map((r) => ({ deckId: r.deckId, title: r.title, subscribedAt: new Date(r.createdAt) }));
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
