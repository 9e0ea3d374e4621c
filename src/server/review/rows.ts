/** Raw SQLite rows (text dates, 0/1 booleans, JSON text) turned into the Prisma-shaped rows the service uses. */
import type { Card, CardState } from '@/generated/prisma/client';
import type { Sql } from './sql';

/** A CardState row as SQLite returns it (dates as text, booleans as 0/1). */
interface RawCardState extends Omit<CardState, 'due' | 'lastReview' | 'buriedUntil' | 'updatedAt' | 'suspended' | 'leech'> {
  due: string;
  lastReview: string | null;
  buriedUntil: string | null;
  updatedAt: string;
  suspended: number;
  leech: number;
}

const date = (v: string | null) => (v === null ? null : new Date(v));

/** The Prisma-shaped row from a raw one. */
export function toCardState(r: RawCardState): CardState {
  return {
    ...r,
    due: new Date(r.due),
    lastReview: date(r.lastReview),
    buriedUntil: date(r.buriedUntil),
    updatedAt: new Date(r.updatedAt),
    suspended: r.suspended === 1,
    leech: r.leech === 1,
  };
}

/** The user's state row for a card, or null when the card was never studied (or set aside). */
export function readCardState(sql: Sql, userId: string, cardId: string): CardState | null {
  const row = sql.get<RawCardState>(`SELECT * FROM "CardState" WHERE userId = ? AND cardId = ?`, userId, cardId);
  return row ? toCardState(row) : null;
}

/** A Card row as SQLite returns it. */
interface RawCard extends Omit<Card, 'options' | 'correct' | 'accepted' | 'tags' | 'needsAnswerKey' | 'archived' | 'createdAt' | 'updatedAt'> {
  options: string | null;
  correct: string | null;
  accepted: string | null;
  tags: string | null;
  needsAnswerKey: number;
  archived: number;
  createdAt: string;
  updatedAt: string;
}

const json = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));

/** A card by id (archived or not), Prisma-shaped, or null. */
export function readCard(sql: Sql, cardId: string): Card | null {
  const r = sql.get<RawCard>(`SELECT * FROM "Card" WHERE id = ?`, cardId);
  if (!r) return null;
  return {
    ...r,
    options: json(r.options) as Card['options'],
    correct: json(r.correct) as Card['correct'],
    accepted: json(r.accepted) as Card['accepted'],
    tags: json(r.tags) as Card['tags'],
    needsAnswerKey: r.needsAnswerKey === 1,
    archived: r.archived === 1,
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}
