import type { Prisma } from '@/generated/prisma/client';
import type { SessionUser } from '../auth';

/**
 * Which decks a user may see: every built-in deck, the decks they own, and decks published to a
 * class they are enrolled in or teach. Guests see the built-in decks only.
 */
export function visibleDecksWhere(user: SessionUser | null): Prisma.DeckWhereInput {
  if (!user) return { builtIn: true };
  return {
    OR: [
      { builtIn: true },
      { ownerId: user.id },
      { classDecks: { some: { class: { enrollments: { some: { userId: user.id } } } } } },
      { classDecks: { some: { class: { ownerId: user.id } } } },
    ],
  };
}
