import { dueCountsForUser } from '../review';

/** Cards left today in one subscribed deck: due = learning + review, plus new cards. */
export interface DeckDue {
  due: number;
  new: number;
}

/**
 * Due counts for the deck list, from the review service (`dueCountsForUser`, which owns the daily
 * limits and study day). Only subscribed decks appear in the map.
 */
export async function dueCountsByDeck(userId: string, deckIds: string[]): Promise<Map<string, DeckDue>> {
  const counts = await dueCountsForUser(userId, deckIds);
  return new Map(counts.decks.map((d) => [d.deckId, { due: d.learning + d.review, new: d.new }]));
}
