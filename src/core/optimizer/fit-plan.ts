import { groupByCard, scoredReviewCount, type CardHistory } from './history';
import { trainingItems, type TrainingItems } from './items';
import { calibration, figuresOf, type CalibrationBin, type FitFigures } from './metrics';
import { predictReviews } from './model';
import { DEFAULT_PARAMS, invalidParamsReason, roundParams } from './params';
import type { RevlogRow } from './revlog';
import { splitByCard } from './split';

/**
 * The least history worth fitting. why: FSRS-6 has 21 parameters; with fewer reviews the fit
 * follows noise (fsrs-rs itself keeps the defaults below a few hundred reviews), and with fewer
 * cards the held-out set is too small to tell a better fit from luck. Anki's guidance is the same
 * order: a few hundred reviews or more.
 */
export const MINIMUM_HISTORY = { reviews: 400, cards: 50 } as const;

export interface FitOptions {
  /** Fraction of cards held out for evaluation (0–1, exclusive). */
  holdout: number;
  seed: number;
}

export interface FitPlan {
  reviews: number;
  cards: number;
  holdoutCards: number[];
  train: CardHistory[];
  holdout: CardHistory[];
  items: TrainingItems;
}

export type PlanResult = { ok: true; plan: FitPlan } | { ok: false; message: string };

/** Whether `rows` are enough to fit: null when they are, else the plain-language reason. */
export function notEnoughHistory(rows: readonly RevlogRow[]): string | null {
  const cards = new Set(rows.map((r) => r.cardId)).size;
  if (rows.length >= MINIMUM_HISTORY.reviews && cards >= MINIMUM_HISTORY.cards) return null;
  return (
    `Too little history to fit: ${rows.length} reviews of ${cards} cards; at least ` +
    `${MINIMUM_HISTORY.reviews} reviews of ${MINIMUM_HISTORY.cards} cards are needed.`
  );
}

/** Splits the history by card and builds fsrs-rs's training items from the training cards. */
export function planFit(rows: readonly RevlogRow[], options: FitOptions): PlanResult {
  const short = notEnoughHistory(rows);
  if (short) return { ok: false, message: short };
  const histories = groupByCard(rows);
  const split = splitByCard(histories.map((h) => h.cardId), options.holdout, options.seed);
  const held = new Set(split.holdout);
  const train = histories.filter((h) => !held.has(h.cardId));
  const holdout = histories.filter((h) => held.has(h.cardId));
  if (scoredReviewCount(holdout) === 0) {
    return { ok: false, message: 'The held-out cards have no review after their first, so there is nothing to evaluate on: use a larger --holdout.' };
  }
  const items = trainingItems(train);
  if (items.items < MINIMUM_HISTORY.reviews / 4) {
    return {
      ok: false,
      message: `Too little history to fit: only ${items.items} training reviews come a day or more after the previous review of their card.`,
    };
  }
  return { ok: true, plan: { reviews: rows.length, cards: histories.length, holdoutCards: split.holdout, train, holdout, items } };
}

export interface FitReport {
  reviews: number;
  cards: number;
  holdoutCards: number[];
  params: number[];
  default: FitFigures;
  fitted: FitFigures;
  /** Null when the fitted parameters are valid. */
  invalid: string | null;
  /** Valid and lower held-out log loss than the defaults: the only case where they may be applied. */
  better: boolean;
  calibration: { default: CalibrationBin[]; fitted: CalibrationBin[] };
}

/** Scores the baseline and the fitted parameters on the held-out cards. */
export function judgeFit(plan: FitPlan, fitted: readonly number[], baseline: readonly number[] = DEFAULT_PARAMS): FitReport {
  const params = roundParams(fitted);
  const invalid = invalidParamsReason(params);
  const basePreds = predictReviews(baseline, plan.holdout);
  const fitPreds = invalid ? [] : predictReviews(params, plan.holdout);
  const base = figuresOf(basePreds);
  const fit = invalid ? { logLoss: Number.NaN, rmseBins: Number.NaN } : figuresOf(fitPreds);
  return {
    reviews: plan.reviews,
    cards: plan.cards,
    holdoutCards: plan.holdoutCards,
    params,
    default: base,
    fitted: fit,
    invalid,
    better: invalid === null && fit.logLoss < base.logLoss,
    calibration: { default: calibration(basePreds), fitted: calibration(fitPreds) },
  };
}
