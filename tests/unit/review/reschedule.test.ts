import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REVIEW_SETTINGS,
  createScheduler,
  rescheduleCard,
  type CardStateFields,
  type LoggedRating,
  type RatingValue,
} from '@/core/review';

const NOW = new Date('2026-03-01T09:00:00Z');
const DAY = 86_400_000;
const OTHER_W = [0.6, 2.0, 4.5, 12.0, 6.8, 0.7, 1.8, 0.02, 1.9, 0.25, 1.1, 1.6, 0.08, 0.35, 1.8, 0.4, 2.5, 0.7, 0.4, 0.15, 0.35];

/** Rates a card through the scheduler with default parameters, as the review screen does. */
function study(ratings: [number, RatingValue][]): { state: CardStateFields; logs: LoggedRating[] } {
  const s = createScheduler(DEFAULT_REVIEW_SETTINGS);
  let state: CardStateFields | null = null;
  const logs: LoggedRating[] = [];
  const start = Date.parse('2026-01-05T09:00:00Z');
  for (const [day, rating] of ratings) {
    const at = new Date(start + day * DAY);
    state = s.applyRating(state, rating, at).next;
    logs.push({ rating, review: at });
  }
  return { state: state!, logs };
}

describe('rescheduleCard', () => {
  it('changes nothing when replayed with the parameters that scheduled the card', () => {
    const { state, logs } = study([[0, 3], [0.01, 3], [3, 3], [12, 1], [12.01, 3], [15, 4]]);
    expect(rescheduleCard(DEFAULT_REVIEW_SETTINGS, state, logs, NOW)).toBeNull();
  });

  it('recomputes the memory state with new parameters and moves a review card’s due date from its last review', () => {
    const { state, logs } = study([[0, 3], [0.01, 3], [4, 3], [15, 3]]);
    expect(state.state).toBe(2);
    const next = rescheduleCard({ ...DEFAULT_REVIEW_SETTINGS, w: OTHER_W }, state, logs, NOW)!;
    expect(next.stability).not.toBeCloseTo(state.stability, 3);
    expect(next.due.getTime()).not.toBe(state.due.getTime());
    // due = last review + the new interval, whole days
    expect((next.due.getTime() - logs[3].review.getTime()) / DAY).toBe(next.scheduledDays);
  });

  it('keeps a card in (re)learning on its step’s due date', () => {
    const { state, logs } = study([[0, 3], [0.01, 3], [3, 1]]);
    expect(state.state).toBe(3);
    const next = rescheduleCard({ ...DEFAULT_REVIEW_SETTINGS, w: OTHER_W }, state, logs, NOW)!;
    expect(next.due.getTime()).toBe(state.due.getTime());
    expect(next.stability).not.toBe(state.stability);
  });

  it('leaves cards without history alone', () => {
    const { state } = study([[0, 3]]);
    expect(rescheduleCard({ ...DEFAULT_REVIEW_SETTINGS, w: OTHER_W }, state, [], NOW)).toBeNull();
  });
});
