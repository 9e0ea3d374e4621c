/**
 * The deck file format (docs/deck-format.md): parse with all errors and their lines, and serialize.
 */
import type { DeckData } from './card-types';
import { lexDeck, type DeckError } from './deck-lex';
import { validateDeck, type ValidateOptions } from './deck-validate';

export type { DeckError } from './deck-lex';
export type { ValidateOptions as ParseOptions } from './deck-validate';
export { serializeDeck } from './deck-serialize';
export { idProblem, ID_PATTERN, TF_OPTIONS, MULTI_ANSWER_SEPARATOR } from './deck-validate';

export type DeckParseResult =
  | { ok: true; deck: DeckData; errors: [] }
  /** `deck` holds what could be read: the header and every card without errors. */
  | { ok: false; deck: DeckData; errors: DeckError[] };

/** Parses and validates a deck file. Never throws; every problem is reported with its 1-based line. */
export function parseDeckFile(text: string, options: ValidateOptions = {}): DeckParseResult {
  const { deck, errors } = validateDeck(lexDeck(text), options);
  return errors.length === 0 ? { ok: true, deck, errors: [] } : { ok: false, deck, errors };
}

/** Splits a section path `Topic › Heading` into its heading (the last part). */
export function sectionHeading(section: string): string {
  const parts = section.split('›');
  return parts[parts.length - 1].trim();
}
