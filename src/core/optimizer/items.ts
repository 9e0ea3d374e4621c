import { DEFAULT_DAY_START_MINUTES, studyDay, type CardHistory } from './history';

/** Training data in the shape fsrs-rs's `computeParameters` takes: items flattened, with their lengths. */
export interface TrainingItems {
  ratings: Uint32Array;
  deltaDays: Uint32Array;
  lengths: Uint32Array;
  items: number;
}

/**
 * One fsrs-rs item per review that comes a day or more after the previous one: the card's history up
 * to and including that review, delta_t in whole study days (0 for the first). why: fsrs-rs predicts
 * the last review of an item from the ones before it and rejects items whose last delta_t is 0;
 * same-day reviews still shape the memory state through the items that follow them.
 */
export function trainingItems(histories: readonly CardHistory[], dayStartMinutes = DEFAULT_DAY_START_MINUTES): TrainingItems {
  const ratings: number[] = [];
  const deltas: number[] = [];
  const lengths: number[] = [];
  for (const { reviews } of histories) {
    const days = reviews.map((r) => studyDay(r.time, dayStartMinutes));
    for (let k = 1; k < reviews.length; k++) {
      if (days[k] - days[k - 1] <= 0) continue;
      for (let j = 0; j <= k; j++) {
        ratings.push(reviews[j].rating);
        deltas.push(j === 0 ? 0 : Math.max(0, days[j] - days[j - 1]));
      }
      lengths.push(k + 1);
    }
  }
  return {
    ratings: Uint32Array.from(ratings),
    deltaDays: Uint32Array.from(deltas),
    lengths: Uint32Array.from(lengths),
    items: lengths.length,
  };
}
