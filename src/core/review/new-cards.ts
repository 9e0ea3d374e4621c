/**
 * New cards across decks in study order (deck by deck), from what each deck's query found: its
 * first new card ids (in deck order) and how many new cards it has, counted up to the limit.
 */
export interface DeckNewCards {
  ids: readonly string[];
  /** New cards in the deck (ids included), counted up to at least `want`. */
  count: number;
}

/**
 * The first `rows` new card ids across decks and how many there are up to `want` (the new-card
 * limit left today). why both: only the first cards are loaded, the rest are only counted, so the
 * queue's counts and its new/review interleaving stay exact.
 */
export function takeNewCards(decks: readonly DeckNewCards[], rows: number, want: number): { cards: { cardId: string }[]; count: number } {
  const cards: { cardId: string }[] = [];
  let count = 0;
  for (const deck of decks) {
    if (count >= want) break;
    const take = Math.min(rows - cards.length, want - count, deck.ids.length);
    for (const id of deck.ids.slice(0, Math.max(0, take))) cards.push({ cardId: id });
    count += Math.min(deck.count, want - count);
  }
  return { cards, count };
}
