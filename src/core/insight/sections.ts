/**
 * Class insight per section of the source document: how well the class remembers it now, how
 * much it was reviewed lately, and who is behind. Pure; the DB half is src/server/insight.
 */
import { isStudied, retrievabilityAt, type StudentCardState } from './recall';

export interface InsightCard {
  id: string;
  deckId: string;
  section: string;
  /** Deck order then card order: sections are listed where they first appear, as in the notes. */
  order: number;
}

export interface InsightLog {
  userId: string;
  cardId: string;
  review: Date;
}

export interface SectionInsight {
  deckId: string;
  section: string;
  cards: number;
  /** Mean retrievability over studied (student, card) pairs of this section; null when none. */
  avgRecall: number | null;
  /** Studied (student, card) pairs the average is over. */
  studiedPairs: number;
  /** Reviews (any source, not undone) of this section's cards by class students in the window. */
  reviewsInWindow: number;
  /** Students with at least one overdue card in this section. */
  overdueStudents: number;
}

export interface OverdueStudent {
  userId: string;
  overdueCards: number;
  /** Due date of their most overdue card. */
  oldestDue: Date;
}

export interface ClassInsight {
  sections: SectionInsight[];
  /** Students with overdue reviews, most overdue cards first. */
  overdue: OverdueStudent[];
  totals: { avgRecall: number | null; studiedPairs: number; reviewsInWindow: number };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A card is overdue for a student when it was studied, is not suspended, and its due time passed
 * at least `graceMs` ago (default one day). why: a card that fell due an hour ago is simply "due
 * today"; an instructor wants to see who is falling behind, not who has not opened the app yet today.
 */
export function isOverdue(s: StudentCardState & { suspended?: boolean }, now: Date, graceMs = DAY_MS): boolean {
  return isStudied(s) && !s.suspended && s.due.getTime() <= now.getTime() - graceMs;
}

export function classInsight(input: {
  cards: readonly InsightCard[];
  states: readonly (StudentCardState & { suspended?: boolean })[];
  logs: readonly InsightLog[];
  studentIds: readonly string[];
  now: Date;
  windowDays?: number;
  overdueGraceMs?: number;
}): ClassInsight {
  const students = new Set(input.studentIds);
  const windowStart = input.now.getTime() - (input.windowDays ?? 7) * DAY_MS;
  const cardById = new Map(input.cards.map((c) => [c.id, c]));
  const keyOf = (c: InsightCard) => `${c.deckId}\u0000${c.section}`;

  interface Acc extends SectionInsight {
    order: number;
    recallSum: number;
    overdueSet: Set<string>;
  }
  const acc = new Map<string, Acc>();
  for (const c of input.cards) {
    const k = keyOf(c);
    const a = acc.get(k);
    if (a) {
      a.cards += 1;
      a.order = Math.min(a.order, c.order);
    } else {
      acc.set(k, {
        deckId: c.deckId,
        section: c.section,
        cards: 1,
        avgRecall: null,
        studiedPairs: 0,
        reviewsInWindow: 0,
        overdueStudents: 0,
        order: c.order,
        recallSum: 0,
        overdueSet: new Set(),
      });
    }
  }

  const overdue = new Map<string, OverdueStudent>();
  for (const s of input.states) {
    const card = cardById.get(s.cardId);
    if (!card || !students.has(s.userId) || !isStudied(s)) continue;
    const a = acc.get(keyOf(card))!;
    a.recallSum += retrievabilityAt(s, input.now);
    a.studiedPairs += 1;
    if (isOverdue(s, input.now, input.overdueGraceMs)) {
      a.overdueSet.add(s.userId);
      const o = overdue.get(s.userId) ?? { userId: s.userId, overdueCards: 0, oldestDue: s.due };
      o.overdueCards += 1;
      if (s.due < o.oldestDue) o.oldestDue = s.due;
      overdue.set(s.userId, o);
    }
  }
  for (const l of input.logs) {
    const card = cardById.get(l.cardId);
    const t = l.review.getTime();
    if (!card || !students.has(l.userId) || t < windowStart || t > input.now.getTime()) continue;
    acc.get(keyOf(card))!.reviewsInWindow += 1;
  }

  const sections = [...acc.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ order: _o, recallSum, overdueSet, ...s }) => ({
      ...s,
      avgRecall: s.studiedPairs > 0 ? recallSum / s.studiedPairs : null,
      overdueStudents: overdueSet.size,
    }));
  const studiedPairs = sections.reduce((n, s) => n + s.studiedPairs, 0);
  const recallTotal = sections.reduce((n, s) => n + (s.avgRecall ?? 0) * s.studiedPairs, 0);
  return {
    sections,
    overdue: [...overdue.values()].sort((a, b) => b.overdueCards - a.overdueCards || a.oldestDue.getTime() - b.oldestDue.getTime()),
    totals: {
      avgRecall: studiedPairs > 0 ? recallTotal / studiedPairs : null,
      studiedPairs,
      reviewsInWindow: sections.reduce((n, s) => n + s.reviewsInWindow, 0),
    },
  };
}
