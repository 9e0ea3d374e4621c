/** `deck check`: validates a set of built-in deck files (contents passed in) and summarises them. */
import { CARD_KINDS, type CardKind, type DeckData } from './card-types';
import { parseDeckFile } from './deck-file';

export interface DeckFileInput {
  /** File name, e.g. "sqs.deck". */
  name: string;
  text: string;
}

export interface DeckProblem {
  file: string;
  line: number;
  message: string;
}

export interface CheckSummary {
  decks: number;
  cards: number;
  byKind: Record<CardKind, number>;
}

export interface CheckResult {
  problems: DeckProblem[];
  decks: DeckData[];
  summary: CheckSummary;
}

/** Parses every file as a built-in deck (4-option mcq, no drafts, id = file name) (ids are unique since they equal file names). */
export function checkDeckFiles(files: DeckFileInput[]): CheckResult {
  const problems: DeckProblem[] = [];
  const decks: DeckData[] = [];
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const expectedId = file.name.replace(/\.deck$/, '');
    const result = parseDeckFile(file.text, { builtIn: true, expectedId });
    for (const e of result.errors) problems.push({ file: file.name, line: e.line, message: e.message });
    decks.push(result.deck);
  }
  if (files.length === 0) problems.push({ file: '.', line: 0, message: 'no .deck files found' });
  const byKind = Object.fromEntries(CARD_KINDS.map((k) => [k, 0])) as Record<CardKind, number>;
  let cards = 0;
  for (const d of decks) {
    for (const c of d.cards) {
      byKind[c.kind] += 1;
      cards += 1;
    }
  }
  return { problems, decks, summary: { decks: decks.length, cards, byKind } };
}

export function formatProblem(p: DeckProblem): string {
  return p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

export function formatSummary(s: CheckSummary): string {
  const kinds = CARD_KINDS.filter((k) => s.byKind[k] > 0).map((k) => `${k} ${s.byKind[k]}`);
  return `${s.decks} deck(s), ${s.cards} card(s)${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`;
}
