import { describe, expect, it } from 'vitest';
import { forgetting_curve } from 'ts-fsrs';
import {
  DEFAULT_PARAMS,
  benchmarkBin,
  calibration,
  invalidParamsReason,
  logLoss,
  predictReviews,
  rmseBins,
  trainingItems,
  type ReviewPrediction,
} from '@/core/optimizer';

const T = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;
const pred = (p: number, y: 0 | 1, deltaDays = 1, priorReviews = 1, priorLapses = 0): ReviewPrediction => ({
  p, y, deltaDays, priorReviews, priorLapses,
});

describe('logLoss', () => {
  it('is the plain mean of -log of the probability given to what happened', () => {
    expect(logLoss([pred(0.9, 1), pred(0.9, 0)])).toBeCloseTo((-Math.log(0.9) - Math.log(0.1)) / 2, 12);
  });

  it('clips certain predictions so one surprise cannot make it infinite', () => {
    expect(logLoss([pred(1, 0)])).toBeCloseTo(-Math.log(0.0001), 9);
  });
});

describe('rmseBins', () => {
  it('is zero when every bin is predicted at its observed rate', () => {
    expect(rmseBins([pred(0.5, 1), pred(0.5, 0)])).toBe(0);
  });

  it('compares bin means, not single reviews, and weights bins by size', () => {
    // bin A (delta 1): predicted 0.9, actual 0.5 over 2 reviews; bin B (delta 30): exact
    const preds = [pred(0.9, 1, 1), pred(0.9, 0, 1), pred(1, 1, 30)];
    expect(rmseBins(preds)).toBeCloseTo(Math.sqrt((2 * 0.4 ** 2 + 1 * 0.0001 ** 2) / 3), 9);
  });

  it('puts reviews with a similar history in one bin (srs-benchmark grid)', () => {
    expect(benchmarkBin(pred(0.9, 1, 4))).toBe(benchmarkBin(pred(0.9, 1, 5)));
    expect(benchmarkBin(pred(0.9, 1, 1))).not.toBe(benchmarkBin(pred(0.9, 1, 5)));
  });
});

describe('predictReviews', () => {
  it('predicts each review after the first with the forgetting curve at the exact elapsed time', () => {
    const reviews = [
      { cardId: 1, time: T, rating: 3 as const, state: 0, durationMs: 0 },
      { cardId: 1, time: T + 3 * DAY + DAY / 2, rating: 1 as const, state: 2, durationMs: 0 },
    ];
    const [only, ...rest] = predictReviews(DEFAULT_PARAMS, [{ cardId: 1, reviews }]);
    expect(rest).toHaveLength(0);
    // a first Good gives stability w2
    expect(only.p).toBeCloseTo(forgetting_curve(DEFAULT_PARAMS, 3.5, DEFAULT_PARAMS[2]), 12);
    // 09:00 UTC to 21:00 UTC three days later: three study days (they start at 04:00 UTC)
    expect(only).toMatchObject({ y: 0, deltaDays: 3, priorReviews: 1, priorLapses: 0 });
  });
});

describe('calibration', () => {
  it('groups predictions in tenths and reports mean predicted and actual recall', () => {
    const bins = calibration([pred(0.82, 1), pred(0.88, 0), pred(0.95, 1)]);
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ from: 0.8, reviews: 2, actual: 0.5 });
    expect(bins[0].predicted).toBeCloseTo(0.85, 12);
    expect(bins[1]).toMatchObject({ from: 0.9, reviews: 1, actual: 1 });
  });
});

describe('trainingItems', () => {
  it('makes one item per review a day or more after the previous, holding the history up to it', () => {
    const r = (time: number, rating: 1 | 2 | 3 | 4) => ({ cardId: 1, time, rating, state: 0, durationMs: 0 });
    const reviews = [r(T, 1), r(T + 600_000, 3), r(T + 2 * DAY, 3), r(T + 9 * DAY, 4)];
    const items = trainingItems([{ cardId: 1, reviews }]);
    expect(items.items).toBe(2);
    expect(Array.from(items.lengths)).toEqual([3, 4]);
    expect(Array.from(items.ratings)).toEqual([1, 3, 3, 1, 3, 3, 4]);
    expect(Array.from(items.deltaDays)).toEqual([0, 0, 2, 0, 0, 2, 7]);
  });
});

describe('invalidParamsReason', () => {
  it('accepts the defaults and refuses wrong length, NaN and out-of-range values', () => {
    expect(invalidParamsReason(DEFAULT_PARAMS)).toBeNull();
    expect(invalidParamsReason(DEFAULT_PARAMS.slice(0, 19))).toMatch(/expected 21/);
    const nan = [...DEFAULT_PARAMS];
    nan[3] = Number.NaN;
    expect(invalidParamsReason(nan)).toMatch(/w3 is not a finite number/);
    const far = [...DEFAULT_PARAMS];
    far[20] = 2;
    expect(invalidParamsReason(far)).toMatch(/w20 = 2 is outside/);
  });
});
