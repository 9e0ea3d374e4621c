import type { Prisma } from '@/generated/prisma/client';
import { db } from '../db';
import { cardNotFound, deckNotFound } from './errors';
import type { Sql } from './sql';

/**
 * Decks a user may study: built-in decks, their own decks, and decks published to a class they
 * teach or are enrolled in. Everything else answers 404, so private decks stay invisible.
 */
export function studyableDeckWhere(userId: string): Prisma.DeckWhereInput {
  return {
    OR: [
      { builtIn: true },
      { ownerId: userId },
      { classDecks: { some: { class: { OR: [{ ownerId: userId }, { enrollments: { some: { userId } } }] } } } },
    ],
  };
}

/** The deck (id, title) if the user may study it, else a 404. */
export async function requireStudyableDeck(userId: string, deckId: string) {
  const deck = await db().deck.findFirst({
    where: { AND: [{ id: deckId }, studyableDeckWhere(userId)] },
    select: { id: true, title: true },
  });
  if (!deck) throw deckNotFound();
  return deck;
}

/** A card (not archived) in a deck the user may study, else a 404. */
export async function requireStudyableCard(userId: string, cardId: string) {
  const card = await db().card.findFirst({
    where: { id: cardId, archived: false, deck: studyableDeckWhere(userId) },
  });
  if (!card) throw cardNotFound();
  return card;
}

/**
 * The studyableDeckWhere rule as SQL on a deck aliased `d`; binds the user id three times
 * (studyableDeckParams). For the prepared-statement hot paths.
 */
export const STUDYABLE_DECK_SQL = `(d.builtIn = 1 OR d.ownerId = ? OR EXISTS (
  SELECT 1 FROM "ClassDeck" cd JOIN "Class" cl ON cl.id = cd.classId
  WHERE cd.deckId = d.id AND (cl.ownerId = ?
    OR EXISTS (SELECT 1 FROM "Enrollment" e WHERE e.classId = cl.id AND e.userId = ?))))`;
export const studyableDeckParams = (userId: string) => [userId, userId, userId];

/**
 * Cheap check used on every rating: the card exists, is not archived and its deck is studyable
 * (same rule as studyableDeckWhere); its deck id, or a 404.
 */
export function studyableCardDeck(sql: Sql, userId: string, cardId: string): string {
  const row = sql.get<{ deckId: string }>(
    `SELECT c.deckId AS deckId FROM "Card" c JOIN "Deck" d ON d.id = c.deckId
     WHERE c.id = ? AND c.archived = 0 AND ${STUDYABLE_DECK_SQL}`,
    cardId,
    ...studyableDeckParams(userId),
  );
  if (!row) throw cardNotFound();
  return row.deckId;
}
