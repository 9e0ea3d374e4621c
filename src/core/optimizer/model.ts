import { FSRSAlgorithm, forgetting_curve, type FSRSState } from 'ts-fsrs';
import { DEFAULT_DAY_START_MINUTES, elapsedDaysExact, studyDay, type CardHistory } from './history';

/** What the model predicted for one review after a card's first, and what happened. */
export interface ReviewPrediction {
  /** Predicted probability of recall at the moment of the review. */
  p: number;
  /** 1 when recalled (rating > 1). */
  y: 0 | 1;
  /** Whole study days since the previous review (the FSRS delta_t). */
  deltaDays: number;
  /** Reviews of this card before this one. */
  priorReviews: number;
  /** Again ratings of this card before this one. */
  priorLapses: number;
}

/**
 * Runs FSRS-6 (ts-fsrs's formulas, the ones the scheduler uses) over each card's history with the
 * given 21 parameters. Memory state updates with whole-day delta_t like the scheduler and fsrs-rs;
 * the predicted recall uses the exact elapsed time. why: with whole days a same-day review would be
 * predicted at exactly 100%, and one failed learning step would make log loss infinite.
 */
export function predictReviews(
  w: readonly number[],
  histories: readonly CardHistory[],
  dayStartMinutes = DEFAULT_DAY_START_MINUTES,
): ReviewPrediction[] {
  const algo = new FSRSAlgorithm({ w: [...w], enable_short_term: true, relearning_steps: [] });
  const out: ReviewPrediction[] = [];
  for (const { reviews } of histories) {
    if (reviews.length === 0) continue;
    let state: FSRSState = algo.next_state(null, 0, reviews[0].rating);
    let lapses = reviews[0].rating === 1 ? 1 : 0;
    for (let k = 1; k < reviews.length; k++) {
      const prev = reviews[k - 1];
      const cur = reviews[k];
      const deltaDays = studyDay(cur.time, dayStartMinutes) - studyDay(prev.time, dayStartMinutes);
      const p = forgetting_curve(w, elapsedDaysExact(prev.time, cur.time), state.stability);
      out.push({ p, y: cur.rating > 1 ? 1 : 0, deltaDays, priorReviews: k, priorLapses: lapses });
      state = algo.next_state(state, Math.max(0, deltaDays), cur.rating);
      if (cur.rating === 1) lapses++;
    }
  }
  return out;
}
