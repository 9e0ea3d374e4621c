import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Prisma } from '@/generated/prisma/client';
import { db, type DB } from '../db';
import { cardNotFound, deckNotFound } from './errors';

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

/** The studyableDeckWhere rule as SQL on a deck aliased `d`, for the typed hot-path queries. */
export function studyableDeck(userId: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB & { d: DB['Deck'] }, 'd'>();
  return eb.or([
    eb('d.builtIn', '=', true),
    eb('d.ownerId', '=', userId),
    eb.exists(
      eb
        .selectFrom('ClassDeck as cd')
        .innerJoin('Class as cl', 'cl.id', 'cd.classId')
        .select(sql<number>`1`.as('one'))
        .whereRef('cd.deckId', '=', 'd.id')
        .where((w) =>
          w.or([
            w('cl.ownerId', '=', userId),
            w.exists(w.selectFrom('Enrollment as e').select(sql<number>`1`.as('one')).whereRef('e.classId', '=', 'cl.id').where('e.userId', '=', userId)),
          ]),
        ),
    ),
  ]);
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
