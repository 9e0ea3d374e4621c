import type { CardReview } from '@/core/decks/deck-export';
import { db } from '../../db';
import { applyReview } from '../../review/apply';
import { getReviewSettings } from '../../review/settings';
import { subscribeDeck } from '../../review/subscriptions';

/**
 * Loads an imported package's review history as the user's own reviews of the saved deck: each
 * Anki answer is replayed through the FSRS scheduler at its original time, so the review log holds
 * the history and the card's FSRS state (and due date) is what those answers lead to. why replay:
 * Anki's own intervals come from its scheduler settings; FSRS state from the answers themselves is
 * what our queue understands. Client ids are derived from the card and the answer's position, so
 * running it again (a retried request) applies nothing twice.
 */
export async function keepAnkiSchedule(userId: string, deckId: string, reviews: Record<string, CardReview[]>): Promise<{ cards: number; reviews: number }> {
  const cards = await db().card.findMany({ where: { deckId, key: { in: Object.keys(reviews) } }, select: { id: true, key: true } });
  if (cards.length === 0) return { cards: 0, reviews: 0 };
  await subscribeDeck(userId, deckId);
  const settings = await getReviewSettings(userId);
  let applied = 0;
  for (const card of cards) {
    const list = [...(reviews[card.key] ?? [])].sort((a, b) => a.at.localeCompare(b.at));
    for (const [i, r] of list.entries()) {
      await applyReview(
        { userId, cardId: card.id, rating: r.rating, clientId: `anki-import:${card.id}:${i}`, durationMs: 0, source: 'review', now: new Date(r.at) },
        settings,
      );
      applied += 1;
    }
  }
  return { cards: cards.length, reviews: applied };
}
