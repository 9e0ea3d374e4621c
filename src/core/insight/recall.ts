/**
 * Predicted recall of a class, card by card, at one moment (FSRS retrievability via
 * src/core/review). Pure: the caller passes the rows and `now`.
 */
import { DEFAULT_REVIEW_SETTINGS, createScheduler, type CardStateFields } from '../review';

/** One student's FSRS state for one card (a CardState row, flat). */
export type StudentCardState = CardStateFields & { userId: string; cardId: string };

export interface RecallCard {
  id: string;
  /** Position used to break ties: deck order, then card order. */
  order: number;
  section: string;
}

export interface CardRecall {
  cardId: string;
  section: string;
  order: number;
  /**
   * Mean retrievability (0–1) over the students who have studied the card; null when none has.
   * why: a student who never saw a card has no memory of it to lose, so they add nothing to the
   * average (counting them as 0 would make every unseen card look "most forgotten").
   */
  avgRecall: number | null;
  /** Students of the class with a studied (not New) state for this card. */
  studiedBy: number;
  /** Of those, how many are below 0.9 predicted recall right now. */
  slipping: number;
}

/** A studied state: FSRS gives New cards no memory, so they are treated like "no row". */
export const isStudied = (s: Pick<CardStateFields, 'state'>) => s.state !== 0;

/**
 * Retrievability of every studied state at `now`. why: retrievability depends only on stability
 * and elapsed time (the FSRS forgetting curve), not on a user's desired retention, so one
 * scheduler with default settings serves every student.
 */
export function retrievabilityAt(state: CardStateFields, now: Date): number {
  return scheduler().retrievability(state, now);
}

let cached: ReturnType<typeof createScheduler> | null = null;
function scheduler() {
  cached ??= createScheduler(DEFAULT_REVIEW_SETTINGS);
  return cached;
}

/** Per-card class recall; states of users outside `studentIds` or cards outside `cards` are ignored. */
export function cardRecalls(input: {
  cards: readonly RecallCard[];
  states: readonly StudentCardState[];
  studentIds: readonly string[];
  now: Date;
}): CardRecall[] {
  const students = new Set(input.studentIds);
  const sums = new Map<string, { total: number; n: number; slipping: number }>();
  for (const s of input.states) {
    if (!students.has(s.userId) || !isStudied(s)) continue;
    const r = retrievabilityAt(s, input.now);
    const acc = sums.get(s.cardId) ?? { total: 0, n: 0, slipping: 0 };
    acc.total += r;
    acc.n += 1;
    if (r < 0.9) acc.slipping += 1;
    sums.set(s.cardId, acc);
  }
  return input.cards.map((c) => {
    const acc = sums.get(c.id);
    return {
      cardId: c.id,
      section: c.section,
      order: c.order,
      avgRecall: acc ? acc.total / acc.n : null,
      studiedBy: acc?.n ?? 0,
      slipping: acc?.slipping ?? 0,
    };
  });
}
