/**
 * Reads our own exports back without loss: `deck export --format json` and `--format csv` give the
 * same deck ids, card ids (keys), kinds, options, keys, explanations, sections and tags, so an
 * edited deck re-imported keeps everyone's review history. Each card goes through the deck file's
 * own validator; a bad card is reported with its line (CSV) or position (JSON) and left out.
 */
import { z } from 'zod';
import { CARD_KINDS, type CardData, type DeckData } from './card-types';
import { parseCsv } from './csv';
import { CSV_COLUMNS, splitList, type CardReview } from './deck-export';
import type { DeckError } from './deck-lex';
import { idProblem, parseDeckFile, serializeDeck } from './deck-file';

/** A deck read from a file, with the review history some formats carry (card key → reviews). */
export interface ImportedDeck extends DeckData {
  reviews?: Record<string, CardReview[]>;
}

export type ExportImportResult =
  | { ok: true; decks: ImportedDeck[]; rowErrors: DeckError[]; warnings: string[] }
  | { ok: false; errors: DeckError[]; warnings: string[] };

const reviewSchema = z.object({ at: z.iso.datetime({ offset: true }), rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) });
const cardSchema = z.object({
  id: z.string(),
  kind: z.enum(CARD_KINDS),
  prompt: z.string(),
  answer: z.string().default(''),
  options: z.array(z.string()).optional(),
  correct: z.array(z.number().int().min(0)).optional(),
  accepted: z.array(z.string()).optional(),
  explanation: z.string().optional(),
  tags: z.array(z.string()).optional(),
  needsAnswerKey: z.boolean().optional(),
  source: z.object({ section: z.string() }),
  reviews: z.array(reviewSchema).optional(),
});
const deckSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  source: z.string().optional(),
  cards: z.array(z.unknown()),
});
const fileSchema = z.object({ decks: z.array(deckSchema).min(1, 'the file holds no decks') });

/** True when `text` is (the start of) our JSON export rather than a CSV/TSV file. */
export function looksLikeExportJson(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}

/** Our CSV header; exports made before the `accepted` column have the first ten columns only. */
const HEADERS = [CSV_COLUMNS.join(','), CSV_COLUMNS.slice(0, 10).join(',')];

/** True when the first row of a comma-separated file is our CSV export's header. */
export function looksLikeExportCsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].trim().toLowerCase();
  return HEADERS.includes(first);
}

export function readExportJson(text: string): ExportImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [{ line: 0, message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` }], warnings: [] };
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success) {
    const issue = file.error.issues[0];
    return { ok: false, errors: [{ line: 0, message: `not a deck export: ${issue.path.join('.') || 'file'}: ${issue.message}` }], warnings: [] };
  }
  const rowErrors: DeckError[] = [];
  const decks: ImportedDeck[] = [];
  for (const [d, deck] of file.data.decks.entries()) {
    const out: ImportedDeck = { id: deck.id, title: deck.title, description: deck.description ?? '', cards: [] };
    if (deck.source) out.source = deck.source;
    for (const [c, rawCard] of deck.cards.entries()) {
      const where = `deck ${d + 1} ('${deck.id}'), card ${c + 1}`;
      const parsed = cardSchema.safeParse(rawCard);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        rowErrors.push({ line: 0, message: `${where}: ${issue.path.join('.')}: ${issue.message}` });
        continue;
      }
      const { id, source, reviews, ...rest } = parsed.data;
      const checked = checkCard({ ...rest, key: id, section: source.section }, out.cards);
      if (typeof checked === 'string') rowErrors.push({ line: 0, message: `${where} ('${id}'): ${checked}` });
      else {
        out.cards.push(checked);
        if (reviews && reviews.length > 0) (out.reviews ??= {})[checked.key] = reviews;
      }
    }
    decks.push(out);
  }
  return finish(decks, rowErrors);
}

export function readExportCsv(text: string): ExportImportResult {
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''), ',');
  if (parsed.errors.length > 0) {
    return { ok: false, errors: parsed.errors.map((e) => ({ line: e.line, message: `${e.message} (unbalanced quotes): nothing was imported` })), warnings: [] };
  }
  const [header, ...rows] = parsed.rows;
  const width = header?.fields.length ?? CSV_COLUMNS.length;
  const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
  const decks = new Map<string, ImportedDeck>();
  const rowErrors: DeckError[] = [];
  for (const row of rows) {
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row.fields[col(name)] ?? '';
    if (row.fields.length !== width) {
      rowErrors.push({ line: row.line, message: `row has ${row.fields.length} columns, expected ${width}` });
      continue;
    }
    const kind = cell('kind') as CardData['kind'];
    const options = cell('options') === '' ? undefined : splitList(cell('options'));
    const correctText = cell('correct').trim();
    const correct = correctText === '' ? undefined : correctText.split(/\s+/).map(Number);
    if (correct?.some((n) => !Number.isInteger(n) || n < 0)) {
      rowErrors.push({ line: row.line, message: `'correct' must hold option numbers from 0, not '${correctText}'` });
      continue;
    }
    const deckId = cell('deck');
    const deck = decks.get(deckId) ?? { id: deckId, title: deckId, description: '', cards: [] };
    decks.set(deckId, deck);
    const card: CardData = { key: cell('id'), kind, prompt: cell('prompt'), answer: cell('answer'), section: cell('section') };
    if (options) card.options = options;
    if (correct) card.correct = correct;
    if (cell('explanation')) card.explanation = cell('explanation');
    if (cell('accepted')) card.accepted = splitList(cell('accepted'));
    const tags = cell('tags').split(/\s+/).filter((t) => t !== '');
    if (tags.length > 0) card.tags = tags;
    if ((kind === 'mcq' || kind === 'multi') && correct === undefined) card.needsAnswerKey = true;
    const checked = checkCard(card, deck.cards);
    if (typeof checked === 'string') rowErrors.push({ line: row.line, message: checked });
    else deck.cards.push(checked);
  }
  return finish([...decks.values()], rowErrors);
}

function finish(decks: ImportedDeck[], rowErrors: DeckError[]): ExportImportResult {
  const kept = decks.filter((d) => d.cards.length > 0);
  if (kept.length === 0) return { ok: false, errors: [...rowErrors, { line: 0, message: 'no card could be imported' }], warnings: [] };
  const warnings = decks.filter((d) => d.cards.length === 0).map((d) => `deck '${d.id}' has no importable card and was left out`);
  return { ok: true, decks: kept, rowErrors, warnings };
}

/**
 * Validates one card with the deck file's rules (the same ones `deck check` applies) and returns
 * the card as the parser reads it back, or the problems as one message.
 */
export function checkCard(card: CardData & { needsAnswerKey?: boolean }, earlier: CardData[]): CardData | string {
  const idIssue = idProblem(card.key);
  if (idIssue) return `card ${idIssue}`;
  if (earlier.some((c) => c.key === card.key)) return `card id '${card.key}' appears twice in the deck`;
  if (card.kind === 'mcq' || card.kind === 'multi') {
    if (card.correct?.length === 0) card.needsAnswerKey = true;
    if ((card.correct ?? []).some((i) => i >= (card.options?.length ?? 0))) return `'correct' points past the last option`;
  }
  const parsed = parseDeckFile(serializeDeck({ id: 'check', title: 'check', description: '', cards: [card] }));
  if (!parsed.ok || parsed.deck.cards.length !== 1) return parsed.errors.map((e) => e.message).join('; ') || 'the card could not be read';
  return parsed.deck.cards[0];
}
