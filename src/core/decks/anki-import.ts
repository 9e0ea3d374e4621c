/**
 * Import of Anki-style text exports (CSV/TSV: front, back, optional tags) into a deck of basic cards.
 * Understands Anki's file headers: `#separator:`, `#html:`, `#columns:`, `#tags column:`, `#tags:`;
 * other `#key:value` headers (deck, notetype, guid column, ...) are ignored with a warning.
 */
import type { CardData, DeckData } from './card-types';
import { clozeAnswer, hasCloze } from './cloze';
import { parseCsv, type CsvRow } from './csv';
import type { DeckError } from './deck-lex';
import { idProblem } from './deck-validate';
import { shortHash, slugify, uniqueKey } from './slug';

export interface AnkiImportOptions {
  deckId: string;
  title: string;
  description?: string;
  /** Separator when the file has no `#separator:` header (e.g. tab for .tsv); sniffed when absent. */
  separator?: string;
  /** Section given to every card without a section column; defaults to the title. */
  section?: string;
}

export type AnkiImportResult =
  /** `rowErrors`: rows left out, each with its line and reason; the other rows are in the deck. */
  | { ok: true; deck: DeckData; rowErrors: DeckError[]; warnings: string[] }
  /** Errors that stop the whole file; line 0 concerns the options, not a line of the file. */
  | { ok: false; errors: DeckError[]; warnings: string[] };

const SEPARATOR_NAMES: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':' };
const FRONT_NAMES = ['front', 'question', 'prompt', 'text'];
const BACK_NAMES = ['back', 'answer', 'back extra'];
const IGNORED_HEADERS = ['deck', 'notetype', 'guid column', 'notetype column', 'deck column', 'if matches'];

interface Header {
  separator?: string;
  html?: boolean;
  columns?: string;
  tagsColumn?: number;
  tags: string[];
}

export function importAnki(input: string, options: AnkiImportOptions): AnkiImportResult {
  const errors: DeckError[] = [];
  const warnings: string[] = [];
  const idIssue = idProblem(options.deckId);
  if (idIssue) errors.push({ line: 0, message: `deck ${idIssue}` });
  if (options.title.trim() === '') errors.push({ line: 0, message: 'deck title is empty' });

  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header: Header = { tags: [] };
  let bodyStart = 0;
  while (bodyStart < lines.length && lines[bodyStart].startsWith('#')) {
    readHeader(lines[bodyStart], bodyStart + 1, header, errors, warnings);
    bodyStart += 1;
  }
  const body = lines.slice(bodyStart).join('\n');
  const separator = header.separator ?? options.separator ?? sniffSeparator(body);
  const parsed = parseCsv(body, separator, bodyStart + 1);
  // why: an unclosed quote swallows every later row into one cell, so no row after it can be trusted.
  for (const e of parsed.errors) errors.push({ line: e.line, message: `${e.message} (unbalanced quotes): nothing was imported` });

  let rows = parsed.rows;
  let names = header.columns?.split(separator).map((n) => n.trim().toLowerCase());
  if (!names && rows.length > 0 && looksLikeHeaderRow(rows[0].fields)) {
    names = rows[0].fields.map((n) => n.trim().toLowerCase());
    rows = rows.slice(1);
  }
  const cols = columnIndexes(names, header.tagsColumn);
  if (cols.front < 0 || cols.back < 0) {
    errors.push({ line: 0, message: 'the columns name no front/back (expected e.g. "#columns:Front<sep>Back<sep>Tags")' });
  }

  if (rows.length === 0) errors.push({ line: 0, message: 'the file holds no rows' });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line), warnings };
  const section = options.section ?? options.title.trim();
  const taken = new Set<string>();
  const cards: CardData[] = [];
  const rowErrors: DeckError[] = [];
  for (const row of rows) {
    const card = rowToCard(row, cols, header, section, taken, rowErrors);
    if (card) cards.push(card);
  }
  if (cards.length === 0) return { ok: false, errors: [...rowErrors, { line: 0, message: 'no row could be imported' }], warnings };
  const deck: DeckData = { id: options.deckId, title: options.title.trim(), description: options.description ?? '', cards };
  return { ok: true, deck, rowErrors, warnings };
}

function readHeader(line: string, lineNo: number, header: Header, errors: DeckError[], warnings: string[]): void {
  const m = /^#([^:]+):(.*)$/.exec(line);
  if (!m) {
    warnings.push(`line ${lineNo}: ignored header line without 'key:value'`);
    return;
  }
  const key = m[1].trim().toLowerCase();
  const raw = m[2];
  const value = raw.trim();
  if (key === 'separator') {
    const named = SEPARATOR_NAMES[value.toLowerCase()];
    // why: a literal separator may itself be a space or tab, which trim() would lose.
    const literal = value.length === 1 ? value : raw.length === 1 ? raw : undefined;
    const sep = named ?? literal;
    if (sep === undefined || sep === '"' || sep === '\n') {
      errors.push({ line: lineNo, message: `unknown separator '${raw}' (Comma, Semicolon, Tab, Space, Pipe, Colon or one character)` });
    } else header.separator = sep;
  } else if (key === 'html') {
    header.html = value.toLowerCase() === 'true';
  } else if (key === 'columns') {
    header.columns = raw;
  } else if (key === 'tags column') {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) errors.push({ line: lineNo, message: `'#tags column' must be a column number from 1, not '${value}'` });
    else header.tagsColumn = n;
  } else if (key === 'tags') {
    header.tags = splitTags(value);
  } else if (!IGNORED_HEADERS.includes(key)) {
    warnings.push(`line ${lineNo}: ignored unknown header '#${m[1]}'`);
  }
}

function sniffSeparator(body: string): string {
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  for (const sep of ['\t', ',', ';', '|']) if (first.includes(sep)) return sep;
  return '\t';
}

function looksLikeHeaderRow(fields: string[]): boolean {
  const lower = fields.map((f) => f.trim().toLowerCase());
  return lower.some((f) => FRONT_NAMES.includes(f)) && lower.some((f) => BACK_NAMES.includes(f));
}

interface Columns {
  front: number;
  back: number;
  tags: number;
  section: number;
}

function columnIndexes(names: string[] | undefined, tagsColumn: number | undefined): Columns {
  if (!names) {
    // why: like Anki, the note fields fill the columns in order, skipping the tags column.
    const tags = tagsColumn !== undefined ? tagsColumn - 1 : 2;
    const fields = [0, 1, 2].filter((i) => i !== tags);
    return { front: fields[0], back: fields[1], tags, section: -1 };
  }
  const find = (candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  return {
    front: find(FRONT_NAMES),
    back: find(BACK_NAMES),
    tags: tagsColumn !== undefined ? tagsColumn - 1 : find(['tags']),
    section: find(['section']),
  };
}

function rowToCard(
  row: CsvRow,
  cols: Columns,
  header: Header,
  defaultSection: string,
  taken: Set<string>,
  errors: DeckError[],
): CardData | null {
  const cell = (i: number) => (i >= 0 && i < row.fields.length ? clean(row.fields[i], header.html === true) : '');
  const front = cell(cols.front);
  const back = cell(cols.back);
  const cloze = hasCloze(front);
  if (front === '') errors.push({ line: row.line, message: 'row has no front (question) text' });
  if (back === '' && !cloze) errors.push({ line: row.line, message: 'row has no back (answer) text' });
  if (front === '' || (back === '' && !cloze)) return null;

  const slug = slugify(cloze ? clozeAnswer(front) : front, 40) || 'card';
  const key = uniqueKey(`${slug}-${shortHash(front)}`, taken);
  const card: CardData = { key, kind: 'basic', prompt: front, answer: back, section: cell(cols.section) || defaultSection };
  if (cloze) {
    card.kind = 'cloze';
    card.answer = clozeAnswer(front);
    // why: Anki's cloze back field is "Back Extra", an addition rather than the answer.
    if (back !== '' && back !== card.answer) card.explanation = back;
  }
  const tags = [...header.tags, ...splitTags(cell(cols.tags))];
  if (tags.length > 0) card.tags = [...new Set(tags)];
  return card;
}

function splitTags(value: string): string[] {
  return value.split(/\s+/).map((t) => t.replace(/,/g, '_')).filter((t) => t !== '');
}

/** Deck file values cannot hold blank lines or surrounding spaces: normalise like the format does. */
function clean(value: string, html: boolean): string {
  const text = html ? stripHtml(value) : value;
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').join('\n');
}

export function stripHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}
