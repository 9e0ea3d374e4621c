import { db } from '../db';
import { requireStudyableDeck, STUDYABLE_DECK_SQL, studyableDeckParams } from './access';
import { placeholders, sqlite, type Sql } from './sql';

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
 * Runs on every queue request: a prepared statement with the studyableDeckWhere rule in SQL.
 */
export function subscribedDecksSql(sql: Sql, userId: string, deckIds?: readonly string[]): SubscribedDeck[] {
  if (deckIds && deckIds.length === 0) return [];
  const only = deckIds ? `AND ds.deckId IN (${placeholders(deckIds)})` : '';
  const rows = sql.all<{ deckId: string; title: string; createdAt: string }>(
    `SELECT ds.deckId AS deckId, d.title AS title, ds.createdAt AS createdAt
     FROM "DeckSubscription" ds JOIN "Deck" d ON d.id = ds.deckId
     WHERE ds.userId = ? ${only} AND ${STUDYABLE_DECK_SQL}
     ORDER BY ds.createdAt, ds.deckId`,
    userId,
    ...(deckIds ?? []),
    ...studyableDeckParams(userId),
  );
  return rows.map((r) => ({ deckId: r.deckId, title: r.title, subscribedAt: new Date(r.createdAt) }));
}

export async function subscribedDecks(userId: string, deckIds?: readonly string[]): Promise<SubscribedDeck[]> {
  return subscribedDecksSql(await sqlite(), userId, deckIds);
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
