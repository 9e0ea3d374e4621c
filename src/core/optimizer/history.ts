import type { RevlogRow } from './revlog';

const DAY_MS = 86_400_000;

/** One card's reviews in time order (a card in the CSV; a user's card when exported from here). */
export interface CardHistory {
  cardId: number;
  reviews: RevlogRow[];
}

/**
 * FSRS counts elapsed time in whole study days, the way the scheduler sees it. why: a revlog
 * carries no time zone, so a study day starts at 04:00 UTC unless the caller knows better
 * (Anki's default "next day starts at 4").
 */
export const DEFAULT_DAY_START_MINUTES = 240;

export function studyDay(timeMs: number, dayStartMinutes = DEFAULT_DAY_START_MINUTES): number {
  return Math.floor((timeMs - dayStartMinutes * 60_000) / DAY_MS);
}

export function elapsedDaysExact(fromMs: number, toMs: number): number {
  return Math.max(0, toMs - fromMs) / DAY_MS;
}

/** Groups rows by card, keeping each card's rows in file order (parseRevlogCsv checked it is time order). */
export function groupByCard(rows: readonly RevlogRow[]): CardHistory[] {
  const byCard = new Map<number, RevlogRow[]>();
  for (const row of rows) {
    const list = byCard.get(row.cardId);
    if (list) list.push(row);
    else byCard.set(row.cardId, [row]);
  }
  return [...byCard.entries()].sort((a, b) => a[0] - b[0]).map(([cardId, reviews]) => ({ cardId, reviews }));
}

/** Reviews that the metrics score: every review after a card's first. */
export function scoredReviewCount(histories: readonly CardHistory[]): number {
  return histories.reduce((n, h) => n + Math.max(0, h.reviews.length - 1), 0);
}
