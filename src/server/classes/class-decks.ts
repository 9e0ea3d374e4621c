/** Publishing decks to a class: built-in decks or the instructor's own decks; members then see them. */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { notFound } from '../api';
import { loadOwnedClass } from './access';

export const DECK_NOT_FOUND = 'Deck not found.';

/**
 * Decks an instructor may use in classes and assignments: every built-in deck and their own decks.
 * Another instructor's deck is reported as not found (404), never as forbidden.
 */
export async function loadUsableDeck(prisma: Db, user: SessionUser, deckId: string) {
  const deck = await prisma.deck.findUnique({ where: { id: deckId } });
  if (!deck || !(deck.builtIn || deck.ownerId === user.id)) throw notFound(DECK_NOT_FOUND);
  return deck;
}

/** The decks listed in the "publish a deck" picker, built-in first. */
export async function listUsableDecks(prisma: Db, user: SessionUser) {
  const decks = await prisma.deck.findMany({
    where: { OR: [{ builtIn: true }, { ownerId: user.id }] },
    select: { id: true, title: true, builtIn: true, _count: { select: { cards: { where: { archived: false } } } } },
    orderBy: [{ builtIn: 'desc' }, { title: 'asc' }],
  });
  return decks.map((d) => ({ id: d.id, title: d.title, builtIn: d.builtIn, cardCount: d._count.cards }));
}

/** Publishes a deck to a class (idempotent). */
export async function publishDeck(prisma: Db, user: SessionUser, classId: string, deckId: string) {
  await loadOwnedClass(prisma, user, classId);
  const deck = await loadUsableDeck(prisma, user, deckId);
  await prisma.classDeck.upsert({
    where: { classId_deckId: { classId, deckId } },
    create: { classId, deckId },
    update: {},
  });
  return { id: deck.id, title: deck.title };
}

/** Takes a deck off a class; students keep their own review history and subscriptions. */
export async function unpublishDeck(prisma: Db, user: SessionUser, classId: string, deckId: string) {
  await loadOwnedClass(prisma, user, classId);
  const res = await prisma.classDeck.deleteMany({ where: { classId, deckId } });
  if (res.count === 0) throw notFound('That deck is not published to this class.');
}

/** Whether a user may see a deck because it is published to a class they belong to or own. */
export async function deckVisibleThroughClass(prisma: Db, userId: string, deckId: string): Promise<boolean> {
  const hit = await prisma.classDeck.findFirst({
    where: {
      deckId,
      class: { OR: [{ ownerId: userId }, { enrollments: { some: { userId } } }] },
    },
    select: { classId: true },
  });
  return hit !== null;
}
