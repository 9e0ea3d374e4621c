import { FSRSAlgorithm, forgetting_curve, type FSRSState } from 'ts-fsrs';
import { DEFAULT_DAY_START_MINUTES, elapsedDaysExact, studyDay } from './history';
import { seededRandom } from './prng';
import type { RevlogRow } from './revlog';

const DAY_MS = 86_400_000;

export interface SimulationOptions {
  /** The true model: FSRS-6 parameters the simulated student's memory follows. */
  w: readonly number[];
  /** Total reviews to produce. */
  reviews: number;
  seed: number;
  /** Time of the first possible review (ms). */
  startMs: number;
  /** Reviews per card, drawn uniformly from this range. */
  reviewsPerCard?: [number, number];
  /** New cards start over this many days. */
  spreadDays?: number;
  /** Longest interval the simulated scheduler gives (days). */
  maxIntervalDays?: number;
}

/**
 * A review history where recall follows FSRS-6 with the given parameters exactly: each review is
 * recalled with the model's retrievability at that moment, and the student reviews at the
 * intervals a 90%-retention scheduler would give (with some lateness), relearning the same day
 * after a lapse. Deterministic for a seed; used to check that fitting recovers a known model.
 */
export function simulateRevlog(opts: SimulationOptions): RevlogRow[] {
  const random = seededRandom(opts.seed);
  const [minPer, maxPer] = opts.reviewsPerCard ?? [3, 12];
  const spread = opts.spreadDays ?? 60;
  const algo = new FSRSAlgorithm({ w: [...opts.w], enable_short_term: true, request_retention: 0.9, maximum_interval: opts.maxIntervalDays ?? 365 });
  const rows: RevlogRow[] = [];
  for (let cardId = 1; rows.length < opts.reviews; cardId++) {
    const count = Math.min(opts.reviews - rows.length, minPer + Math.floor(random() * (maxPer - minPer + 1)));
    let time = opts.startMs + Math.floor(random() * spread) * DAY_MS + Math.floor(random() * 12 * 3_600_000);
    let state: FSRSState | null = null;
    let lastRating = 0;
    let prevTime = time;
    for (let k = 0; k < count; k++) {
      if (k > 0) {
        if (lastRating === 1) {
          time = prevTime + (10 + Math.floor(random() * 20)) * 60_000;
        } else {
          const interval = Math.max(1, algo.next_interval(state!.stability, 0));
          const late = 0.9 + random() * 0.5;
          time = prevTime + Math.max(1, Math.round(interval * late)) * DAY_MS + Math.floor((random() - 0.5) * 4 * 3_600_000);
        }
      }
      let rating: RevlogRow['rating'];
      if (state === null) {
        const u = random();
        rating = u < 0.25 ? 1 : u < 0.35 ? 2 : u < 0.9 ? 3 : 4;
      } else {
        const r = forgetting_curve(opts.w, elapsedDaysExact(prevTime, time), state.stability);
        if (random() >= r) rating = 1;
        else {
          const u = random();
          rating = u < 0.15 ? 2 : u < 0.9 ? 3 : 4;
        }
      }
      const deltaDays = state === null ? 0 : studyDay(time, DEFAULT_DAY_START_MINUTES) - studyDay(prevTime, DEFAULT_DAY_START_MINUTES);
      state = algo.next_state(state, Math.max(0, deltaDays), rating);
      rows.push({ cardId, time, rating, state: k === 0 ? 0 : lastRating === 1 ? 3 : 2, durationMs: 3000 + Math.floor(random() * 9000) });
      lastRating = rating;
      prevTime = time;
    }
  }
  return rows;
}
