import type { ReviewPrediction } from './model';

/** srs-benchmark clips predictions to this range before scoring. */
const P_MIN = 0.0001;
const P_MAX = 0.9999;
const clip = (p: number) => Math.min(P_MAX, Math.max(P_MIN, p));

/** Plain, unweighted mean log loss over every scored review. NaN when there is none. */
export function logLoss(preds: readonly ReviewPrediction[]): number {
  if (preds.length === 0) return Number.NaN;
  let sum = 0;
  for (const { p, y } of preds) {
    const q = clip(p);
    sum -= y === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return sum / preds.length;
}

/**
 * srs-benchmark's bin of a review: lapses, delta_t and review number, each rounded down onto a
 * geometric grid, so reviews with a similar history are compared as a group.
 */
export function benchmarkBin(pred: ReviewPrediction): string {
  const geo = (x: number, scale: number, base: number, digits: number) =>
    x <= 0 ? 0 : Number((scale * base ** Math.floor(Math.log(x) / Math.log(base))).toFixed(digits));
  return `${geo(pred.priorLapses, 1.65, 1.73, 0)}|${geo(pred.deltaDays, 2.48, 3.62, 2)}|${geo(pred.priorReviews, 1.99, 1.89, 0)}`;
}

/** RMSE(bins) as in srs-benchmark: per bin, mean predicted vs. mean actual recall, weighted by reviews. */
export function rmseBins(preds: readonly ReviewPrediction[]): number {
  if (preds.length === 0) return Number.NaN;
  const bins = new Map<string, { n: number; p: number; y: number }>();
  for (const pred of preds) {
    const key = benchmarkBin(pred);
    const bin = bins.get(key) ?? { n: 0, p: 0, y: 0 };
    bin.n++;
    bin.p += clip(pred.p);
    bin.y += pred.y;
    bins.set(key, bin);
  }
  let sum = 0;
  for (const { n, p, y } of bins.values()) sum += n * ((p - y) / n) ** 2;
  return Math.sqrt(sum / preds.length);
}

export interface CalibrationBin {
  /** Lower edge of the predicted-recall bucket, e.g. 0.8 for 80–90%. */
  from: number;
  to: number;
  reviews: number;
  predicted: number;
  actual: number;
}

/** Predicted vs. actual recall in ten buckets of predicted recall (empty buckets left out): the calibration chart. */
export function calibration(preds: readonly ReviewPrediction[], buckets = 10): CalibrationBin[] {
  const acc = Array.from({ length: buckets }, () => ({ n: 0, p: 0, y: 0 }));
  for (const { p, y } of preds) {
    const b = acc[Math.min(buckets - 1, Math.floor(clip(p) * buckets))];
    b.n++;
    b.p += p;
    b.y += y;
  }
  return acc.flatMap((b, i) =>
    b.n === 0 ? [] : [{ from: i / buckets, to: (i + 1) / buckets, reviews: b.n, predicted: b.p / b.n, actual: b.y / b.n }],
  );
}

export interface FitFigures {
  logLoss: number;
  rmseBins: number;
}

export const figuresOf = (preds: readonly ReviewPrediction[]): FitFigures => ({
  logLoss: logLoss(preds),
  rmseBins: rmseBins(preds),
});
