import type { DeckError } from '@/core/decks/deck-lex';
import { importDeckText, type ImportFormat, type ImportedDeck } from '@/core/decks/import-text';
import type { z } from 'zod';
import { readAnkiPackage } from './anki/read-package';
import { MAX_DECK_CARDS } from './limits';
import { SEPARATORS, type importBodySchema } from './schemas';
import { checkUploadText } from './upload-text';

export type ImportBody = z.infer<typeof importBodySchema>;

export interface ImportOutcome {
  /** False when the file as a whole cannot be imported (`errors`). */
  ok: boolean;
  format?: ImportFormat;
  title: string;
  decks: ImportedDeck[];
  /** The cards of every deck, in order (what the preview lists). */
  cards: ImportedDeck['cards'];
  /** Whole-file errors: nothing can be imported. */
  errors: DeckError[];
  /** Rows left out, each with its line and reason; the rest can be saved if the user says so. */
  rowErrors: DeckError[];
  warnings: string[];
}

function defaultTitle(body: ImportBody): string {
  const fromTitle = body.title?.trim();
  if (fromTitle) return fromTitle;
  const fromFile = body.fileName?.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
  return fromFile || 'Imported deck';
}

/**
 * Runs the core importers on an upload: text (Anki text export, our CSV/JSON export) or an Anki
 * package (`data`, base64). Never throws on bad content, only on bad size/binary text.
 */
export function runImport(body: ImportBody): ImportOutcome {
  const title = defaultTitle(body);
  const fail = (errors: DeckError[], warnings: string[] = [], format?: ImportFormat): ImportOutcome =>
    ({ ok: false, format, title, decks: [], cards: [], errors, rowErrors: [], warnings });
  let result;
  if (body.data !== undefined) {
    const pkg = readAnkiPackage(Buffer.from(body.data, 'base64'), { title });
    if (!pkg.ok) return fail([{ line: 0, message: pkg.error }], [], 'anki-package');
    result = { ok: true as const, format: 'anki-package' as const, decks: pkg.decks, rowErrors: pkg.skipped, warnings: pkg.warnings };
  } else {
    const text = body.text ?? '';
    checkUploadText(text, 'file');
    const sniffTsv = body.separator === 'auto' && body.fileName?.toLowerCase().endsWith('.tsv') ? '\t' : undefined;
    result = importDeckText(text, { deckId: 'import', title, description: body.description, separator: SEPARATORS[body.separator] ?? sniffTsv });
  }
  if (!result.ok) return fail(result.errors, result.warnings, result.format);
  if (result.decks.length > 1) {
    const ids = result.decks.map((d) => d.id).join(', ');
    return fail([{ line: 0, message: `the file holds ${result.decks.length} decks (${ids}); export and import them one at a time` }], result.warnings, result.format);
  }
  const cards = result.decks.flatMap((d) => d.cards);
  if (cards.length > MAX_DECK_CARDS) {
    return fail([{ line: 0, message: `the file holds ${cards.length} cards; a deck holds at most ${MAX_DECK_CARDS}` }], result.warnings, result.format);
  }
  const decks = result.format === 'anki-text' ? result.decks.map((d) => ({ ...d, title })) : result.decks;
  return { ok: true, format: result.format, title, decks, cards, errors: [], rowErrors: result.rowErrors, warnings: result.warnings };
}
