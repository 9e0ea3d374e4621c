/** Deck exports: JSON for programs, CSV for spreadsheets (and for Anki, via the tags column). */
import type { CardData, DeckData } from './card-types';
import { formatCsv } from './csv';

/** One review from a card's history: when, and the rating (1 again, 2 hard, 3 good, 4 easy). */
export interface CardReview {
  at: string;
  rating: 1 | 2 | 3 | 4;
}

export interface ExportedCard {
  id: string;
  kind: CardData['kind'];
  prompt: string;
  answer: string;
  options?: string[];
  /** Indexes into options. */
  correct?: number[];
  accepted?: string[];
  explanation?: string;
  tags?: string[];
  needsAnswerKey?: boolean;
  source: { section: string };
  /** Only on cards that carry review history (an imported Anki package). */
  reviews?: CardReview[];
}

export interface ExportedDeck {
  id: string;
  title: string;
  description?: string;
  source?: string;
  cards: ExportedCard[];
}

/** Decks with optional review history per card key (`reviews[cardKey]`). */
export function toExportJson(decks: (DeckData & { reviews?: Record<string, CardReview[]> })[]): { decks: ExportedDeck[] } {
  return {
    decks: decks.map((d) => {
      const out: ExportedDeck = {
        id: d.id,
        title: d.title,
        ...(d.description ? { description: d.description } : {}),
        ...(d.source ? { source: d.source } : {}),
        cards: d.cards.map((c) => {
          const card = exportCard(c);
          const reviews = d.reviews?.[c.key];
          return reviews && reviews.length > 0 ? { ...card, reviews } : card;
        }),
      };
      return out;
    }),
  };
}

function exportCard(c: CardData): ExportedCard {
  return {
    id: c.key,
    kind: c.kind,
    prompt: c.prompt,
    answer: c.answer,
    ...(c.options ? { options: [...c.options] } : {}),
    ...(c.correct ? { correct: [...c.correct] } : {}),
    ...(c.accepted && c.accepted.length > 0 ? { accepted: [...c.accepted] } : {}),
    ...(c.explanation ? { explanation: c.explanation } : {}),
    ...(c.tags && c.tags.length > 0 ? { tags: [...c.tags] } : {}),
    ...(c.needsAnswerKey ? { needsAnswerKey: true } : {}),
    source: { section: c.section },
  };
}

export const CSV_COLUMNS = ['id', 'deck', 'kind', 'section', 'prompt', 'answer', 'options', 'correct', 'explanation', 'tags', 'accepted'] as const;
/** Joins options inside one CSV cell. */
export const CSV_OPTION_SEPARATOR = ' | ';

/** Options (or accepted answers) in one cell: joined with " | ", a `|` or `\` inside one escaped with `\`. */
export function joinList(items: readonly string[]): string {
  return items.map((o) => o.replace(/[\\|]/g, (ch) => `\\${ch}`)).join(CSV_OPTION_SEPARATOR);
}

/** The inverse of {@link joinList}. */
export function splitList(cell: string): string[] {
  const items: string[] = [];
  let cur = '';
  for (let i = 0; i < cell.length; i += 1) {
    const ch = cell[i];
    if (ch === '\\' && i + 1 < cell.length) {
      cur += cell[i + 1];
      i += 1;
    } else if (cell.startsWith(CSV_OPTION_SEPARATOR, i)) {
      items.push(cur);
      cur = '';
      i += CSV_OPTION_SEPARATOR.length - 1;
    } else cur += ch;
  }
  items.push(cur);
  return items;
}

/**
 * One row per card. `options` and `accepted` are joined with " | " (see joinList), `correct` holds 0-based indexes joined with
 * spaces, `tags` are space-separated with spaces inside a tag turned into '_' (Anki's convention).
 */
export function toExportCsv(decks: DeckData[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const d of decks) {
    for (const c of d.cards) {
      rows.push([
        c.key,
        d.id,
        c.kind,
        c.section,
        c.prompt,
        c.answer,
        joinList(c.options ?? []),
        (c.correct ?? []).join(' '),
        c.explanation ?? '',
        (c.tags ?? []).map((t) => t.trim().replace(/\s+/g, '_')).join(' '),
        joinList(c.accepted ?? []),
      ]);
    }
  }
  return formatCsv(rows);
}
