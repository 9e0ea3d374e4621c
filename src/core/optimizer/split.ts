import { seededRandom } from './prng';

export interface CardSplit {
  train: number[];
  /** Ascending, as printed by the CLI. */
  holdout: number[];
}

/**
 * Splits cards (not reviews) into train and held-out sets. why: reviews of one card are strongly
 * correlated, so splitting a card's reviews across both sets would leak its history into the test.
 * The same ids, fraction and seed always give the same split, whatever order the ids come in.
 */
export function splitByCard(cardIds: readonly number[], holdout: number, seed: number): CardSplit {
  if (!(holdout > 0 && holdout < 1)) throw new Error(`holdout must be between 0 and 1 (exclusive), got ${holdout}`);
  const ids = [...new Set(cardIds)].sort((a, b) => a - b);
  if (ids.length < 2) throw new Error('at least 2 cards are needed to hold some out');
  const random = seededRandom(seed);
  // Fisher–Yates on the sorted ids, so input order cannot change the result.
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const count = Math.min(ids.length - 1, Math.max(1, Math.round(ids.length * holdout)));
  const asc = (a: number, b: number) => a - b;
  return { holdout: ids.slice(0, count).sort(asc), train: ids.slice(count).sort(asc) };
}
