/**
 * Warm-up from forgetting: which cards a class is closest to losing. Pure ranking over
 * {@link cardRecalls}; the DB half lives in src/server/insight/warmup.ts.
 */
import type { CardRecall } from './recall';

export interface WarmupPickOptions {
  count: number;
  /**
   * Fill the quiz with never-studied cards when fewer than `count` cards were studied by anyone
   * (default true). They always rank after every studied card: a warm-up revisits what the class
   * learned and is losing; unseen material is new, not forgotten.
   */
  fillWithUnstudied?: boolean;
}

/**
 * Orders cards from most to least forgotten: lowest average predicted recall first; on a tie the
 * card more students studied first (more of the class is losing it), then deck order. Cards
 * nobody studied come last, in deck order. Deterministic for the same input.
 */
export function rankByForgetting(recalls: readonly CardRecall[]): CardRecall[] {
  return [...recalls].sort((a, b) => {
    if (a.avgRecall === null || b.avgRecall === null) {
      if (a.avgRecall !== b.avgRecall) return a.avgRecall === null ? 1 : -1;
      return a.order - b.order;
    }
    return a.avgRecall - b.avgRecall || b.studiedBy - a.studiedBy || a.order - b.order;
  });
}

/** The `count` most forgotten cards (see {@link rankByForgetting}). */
export function pickWarmup(recalls: readonly CardRecall[], opts: WarmupPickOptions): CardRecall[] {
  const count = Math.max(0, Math.floor(opts.count));
  const ranked = rankByForgetting(recalls);
  const pool = opts.fillWithUnstudied === false ? ranked.filter((r) => r.avgRecall !== null) : ranked;
  return pool.slice(0, count);
}
