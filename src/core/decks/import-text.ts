/**
 * One entry point for text imports, shared by the CLI and /decks/import: our JSON export, our CSV
 * export (both lossless), or an Anki-style text export (front, back, tags). Good rows are kept and
 * each bad row is listed with its line and reason; the caller decides whether to save.
 */
import { importAnki } from './anki-import';
import type { DeckError } from './deck-lex';
import { looksLikeExportCsv, looksLikeExportJson, readExportCsv, readExportJson, type ImportedDeck } from './export-import';

export type { ImportedDeck } from './export-import';

export interface TextImportOptions {
  /** Deck id and title for Anki text exports (our own exports carry theirs). */
  deckId: string;
  title: string;
  description?: string;
  /** Separator for Anki text exports without a `#separator:` header; sniffed when absent. */
  separator?: string;
  section?: string;
}

export type ImportFormat = 'studyroom-json' | 'studyroom-csv' | 'anki-text' | 'anki-package';

export type TextImportResult =
  | { ok: true; format: ImportFormat; decks: ImportedDeck[]; rowErrors: DeckError[]; warnings: string[] }
  | { ok: false; format: ImportFormat; errors: DeckError[]; warnings: string[] };

export function importDeckText(text: string, options: TextImportOptions): TextImportResult {
  if (looksLikeExportJson(text)) return { format: 'studyroom-json', ...readExportJson(text) };
  if (looksLikeExportCsv(text) && (options.separator === undefined || options.separator === ',')) {
    return { format: 'studyroom-csv', ...readExportCsv(text) };
  }
  const r = importAnki(text, options);
  if (!r.ok) return { format: 'anki-text', ...r };
  return { ok: true, format: 'anki-text', decks: [r.deck], rowErrors: r.rowErrors, warnings: r.warnings };
}
