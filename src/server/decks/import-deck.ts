import { importAnki } from '@/core/decks/anki-import';
import type { CardData } from '@/core/decks/card-types';
import type { DeckError } from '@/core/decks/deck-lex';
import type { z } from 'zod';
import { MAX_DECK_CARDS } from './limits';
import { SEPARATORS, type importBodySchema } from './schemas';
import { checkUploadText } from './upload-text';

export type ImportBody = z.infer<typeof importBodySchema>;

export interface ImportOutcome {
  ok: boolean;
  title: string;
  cards: CardData[];
  errors: DeckError[];
  warnings: string[];
}

function defaultTitle(body: ImportBody): string {
  const fromTitle = body.title?.trim();
  if (fromTitle) return fromTitle;
  const fromFile = body.fileName?.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
  return fromFile || 'Imported deck';
}

/** Runs the core Anki importer on uploaded text; never throws on bad content (only on bad size/binary). */
export function runImport(body: ImportBody): ImportOutcome {
  checkUploadText(body.text, 'file');
  const title = defaultTitle(body);
  const sniffTsv = body.separator === 'auto' && body.fileName?.toLowerCase().endsWith('.tsv') ? '\t' : undefined;
  const result = importAnki(body.text, {
    deckId: 'import',
    title,
    description: body.description,
    separator: SEPARATORS[body.separator] ?? sniffTsv,
  });
  if (!result.ok) return { ok: false, title, cards: [], errors: result.errors, warnings: result.warnings };
  const errors: DeckError[] = [];
  if (result.deck.cards.length > MAX_DECK_CARDS) {
    errors.push({ line: 0, message: `the file holds ${result.deck.cards.length} cards; a deck holds at most ${MAX_DECK_CARDS}` });
  }
  return { ok: errors.length === 0, title, cards: result.deck.cards, errors, warnings: result.warnings };
}
