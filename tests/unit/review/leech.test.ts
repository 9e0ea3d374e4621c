import { describe, expect, it } from 'vitest';
import { isLeech, leechFlagsAfterRating, LEECH_THRESHOLD } from '@/core/review/leech';
import { createScheduler } from '@/core/review/scheduler';
import { DEFAULT_REVIEW_SETTINGS } from '@/core/review/settings';

const NOW = new Date('2026-01-05T09:00:00Z');

describe('leech', () => {
  it('is a leech from 8 lapses', () => {
    expect(LEECH_THRESHOLD).toBe(8);
    expect(isLeech(7)).toBe(false);
    expect(isLeech(8)).toBe(true);
    expect(isLeech(20)).toBe(true);
  });

  it('returns flags only when a new lapse reaches 8, then every 4 more', () => {
    const flags = { leech: true, suspended: true };
    expect(leechFlagsAfterRating(6, 7)).toBeNull();
    expect(leechFlagsAfterRating(7, 8)).toEqual(flags);
    expect(leechFlagsAfterRating(8, 8)).toBeNull(); // passed review: no new lapse
    expect(leechFlagsAfterRating(8, 9)).toBeNull();
    expect(leechFlagsAfterRating(11, 12)).toEqual(flags);
    expect(leechFlagsAfterRating(15, 16)).toEqual(flags);
    expect(leechFlagsAfterRating(4, 5, 5)).toEqual(flags);
  });

  it('applyRating reports the 8th lapse of a Review card', () => {
    const s = createScheduler(DEFAULT_REVIEW_SETTINGS);
    const card = {
      due: NOW,
      stability: 3,
      difficulty: 9,
      elapsedDays: 3,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 30,
      lapses: 7,
      state: 2 as const,
      lastReview: new Date('2026-01-02T09:00:00Z'),
    };
    const again = s.applyRating(card, 1, NOW);
    expect(again.next.lapses).toBe(8);
    expect(again.leech).toEqual({ leech: true, suspended: true });
    expect(s.applyRating(card, 3, NOW).leech).toBeNull();
  });
});
