/** Deck exports: JSON for programs, CSV for spreadsheets (and for Anki, via the tags column). */
import type { CardData, DeckData } from './card-types';
import { formatCsv } from './csv';

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
}

export interface ExportedDeck {
  id: string;
  title: string;
  description?: string;
  source?: string;
  cards: ExportedCard[];
}

export function toExportJson(decks: DeckData[]): { decks: ExportedDeck[] } {
  return {
    decks: decks.map((d) => {
      const out: ExportedDeck = {
        id: d.id,
        title: d.title,
        ...(d.description ? { description: d.description } : {}),
        ...(d.source ? { source: d.source } : {}),
        cards: d.cards.map(exportCard),
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

export const CSV_COLUMNS = ['id', 'deck', 'kind', 'section', 'prompt', 'answer', 'options', 'correct', 'explanation', 'tags'] as const;
/** Joins options inside one CSV cell. */
export const CSV_OPTION_SEPARATOR = ' | ';

/**
 * One row per card. `options` are joined with " | ", `correct` holds 0-based indexes joined with
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
        (c.options ?? []).join(CSV_OPTION_SEPARATOR),
        (c.correct ?? []).join(' '),
        c.explanation ?? '',
        (c.tags ?? []).map((t) => t.trim().replace(/\s+/g, '_')).join(' '),
      ]);
    }
  }
  return formatCsv(rows);
}
