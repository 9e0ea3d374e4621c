import type { CardState } from '@/generated/prisma/client';
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
