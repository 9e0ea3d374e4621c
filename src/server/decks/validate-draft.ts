import type { DeckData } from '@/core/decks/card-types';
import { parseDeckFile, serializeDeck } from '@/core/decks/deck-file';

export interface CardProblems {
  /** Index of the card in the submitted list. */
  index: number;
  key: string;
  messages: string[];
}

export type DraftCheck =
  | { ok: true; deck: DeckData }
  | { ok: false; deckErrors: string[]; cardErrors: CardProblems[] };

/**
 * Validates an edited deck with the deck engine's own rules by writing it as a deck file and
 * parsing that back. why: one validator for files, imports and the web builder, so a deck saved
 * here is always one the CLI could also read, export and check. Errors are mapped back from
 * file lines to the card they belong to.
 */
export function validateDraftDeck(deck: DeckData): DraftCheck {
  const text = serializeDeck(deck);
  const parsed = parseDeckFile(text);
  if (parsed.ok && deck.cards.length > 0 && parsed.deck.cards.length === deck.cards.length) return { ok: true, deck: parsed.deck };

  const starts: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('=== ')) starts.push(i + 1);
  });
  const deckErrors: string[] = [];
  const byCard = new Map<number, string[]>();
  for (const e of parsed.errors) {
    let index = -1;
    for (let i = 0; i < starts.length && starts[i] <= e.line; i++) index = i;
    if (index < 0) deckErrors.push(e.message);
    else byCard.set(index, [...(byCard.get(index) ?? []), e.message]);
  }
  if (deck.cards.length === 0) deckErrors.push('the deck has no cards');
  const cardErrors = [...byCard]
    .sort((a, b) => a[0] - b[0])
    .map(([index, messages]) => ({ index, key: deck.cards[index]?.key ?? '', messages }));
  if (deckErrors.length === 0 && cardErrors.length === 0) deckErrors.push('the deck could not be read back');
  return { ok: false, deckErrors, cardErrors };
}
