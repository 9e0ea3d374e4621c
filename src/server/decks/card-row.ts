import { CARD_KINDS, type CardData, type CardKind, type DeckData } from '@/core/decks/card-types';

/** The Card columns needed to rebuild a CardData (JSON columns arrive as unknown). */
export interface CardRow {
  id: string;
  key: string;
  kind: string;
  prompt: string;
  answer: string;
  options: unknown;
  correct: unknown;
  accepted: unknown;
  explanation: string | null;
  section: string;
  tags: unknown;
  needsAnswerKey: boolean;
}

export const CARD_ROW_SELECT = {
  id: true,
  key: true,
  kind: true,
  prompt: true,
  answer: true,
  options: true,
  correct: true,
  accepted: true,
  explanation: true,
  section: true,
  tags: true,
  needsAnswerKey: true,
} as const;

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
const numbers = (v: unknown): number[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : undefined;

/** A stored card as the deck engine's CardData, plus its database id. */
export type StoredCard = CardData & { id: string };

export function rowToCard(row: CardRow): StoredCard {
  // why: the kind column is a plain string in SQLite; anything unknown is shown as a basic card.
  const kind: CardKind = (CARD_KINDS as readonly string[]).includes(row.kind) ? (row.kind as CardKind) : 'basic';
  const card: StoredCard = { id: row.id, key: row.key, kind, prompt: row.prompt, answer: row.answer, section: row.section };
  const options = strings(row.options);
  if (options && options.length > 0) card.options = options;
  const correct = numbers(row.correct);
  if (options && correct) card.correct = correct;
  const accepted = strings(row.accepted);
  if (accepted && accepted.length > 0) card.accepted = accepted;
  if (row.explanation) card.explanation = row.explanation;
  const tags = strings(row.tags);
  if (tags && tags.length > 0) card.tags = tags;
  if (row.needsAnswerKey) card.needsAnswerKey = true;
  return card;
}

/** Drops the database id so the card can go through the core exporters unchanged. */
export function toCardData({ id: _id, ...card }: StoredCard): CardData {
  return card;
}

export function toDeckData(deck: { id: string; title: string; description: string; sourceDoc: string | null }, cards: StoredCard[]): DeckData {
  const out: DeckData = { id: deck.id, title: deck.title, description: deck.description, cards: cards.map(toCardData) };
  if (deck.sourceDoc) out.source = deck.sourceDoc;
  return out;
}
