import { describe, expect, it } from 'vitest';
import { bridgeClientId, planBridgeUpdate, ratingForAnswer } from '@/core/bridge/plan';
import { Rating, createScheduler, parseReviewSettings } from '@/core/review';

const NOW = new Date('2026-01-05T09:00:00Z');
const UTC = parseReviewSettings({});
const NEW_YORK = parseReviewSettings({ timeZone: 'America/New_York', dayRolloverHour: 4 });

describe('ratingForAnswer', () => {
  it('rates a wrong answer Again and a right one Good', () => {
    expect(ratingForAnswer(false)).toBe(Rating.Again);
    expect(ratingForAnswer(true)).toBe(Rating.Good);
  });
});

describe('bridgeClientId', () => {
  it('is the same for a retried answer and differs per source, ref and card', () => {
    expect(bridgeClientId('live', 'game1', 'card1')).toBe('live:game1:card1');
    expect(bridgeClientId('live', 'game1', 'card1')).toBe(bridgeClientId('live', 'game1', 'card1'));
    expect(bridgeClientId('assignment', 'game1', 'card1')).not.toBe(bridgeClientId('live', 'game1', 'card1'));
  });
});

describe('planBridgeUpdate', () => {
  it('schedules a new card answered wrong into learning with an Again log', () => {
    const plan = planBridgeUpdate({ correct: false, now: NOW, settings: UTC, state: null, bridgeReviewTimes: [] });
    expect(plan.apply).toBe(true);
    if (!plan.apply) return;
    expect(plan.rating).toBe(Rating.Again);
    expect(plan.result.log.rating).toBe(Rating.Again);
    expect(plan.result.log.state).toBe(0);
    expect(plan.result.next.state).toBe(1);
    // First learning step is 1 minute.
    expect(plan.result.next.due.toISOString()).toBe('2026-01-05T09:01:00.000Z');
    expect(plan.studyDay).toBe('2026-01-05');
  });

  it('moves a review card further out on a right answer, exactly as a Good review would', () => {
    const s = createScheduler(UTC);
    const first = s.applyRating(null, Rating.Good, new Date('2025-12-01T09:00:00Z')).next;
    const second = s.applyRating(first, Rating.Good, new Date('2025-12-01T09:10:00Z')).next;
    const plan = planBridgeUpdate({ correct: true, now: NOW, settings: UTC, state: second, bridgeReviewTimes: [] });
    expect(plan.apply && plan.result.next).toEqual(s.applyRating(second, Rating.Good, NOW).next);
    expect(plan.apply && plan.result.next.due.getTime()).toBeGreaterThan(NOW.getTime() + 86_400_000);
  });

  it('skips a card the bridge already updated earlier the same study day', () => {
    const earlier = new Date('2026-01-05T05:00:00Z');
    const plan = planBridgeUpdate({ correct: true, now: NOW, settings: UTC, state: null, bridgeReviewTimes: [earlier] });
    expect(plan).toEqual({ apply: false, reason: 'already-today', studyDay: '2026-01-05' });
  });

  it("applies again once the user's study day has rolled over", () => {
    // 03:59 UTC is still 2026-01-04's study day with rollover 4; 04:00 starts 2026-01-05.
    const before = new Date('2026-01-05T03:59:00Z');
    const plan = planBridgeUpdate({ correct: false, now: new Date('2026-01-05T04:00:00Z'), settings: UTC, state: null, bridgeReviewTimes: [before] });
    expect(plan.apply).toBe(true);
    expect(plan.studyDay).toBe('2026-01-05');
  });

  it("uses the user's time zone: 02:00 in New York still belongs to the previous study day", () => {
    // 2026-01-05T07:00Z = 02:00 New York (before the 04:00 rollover) → study day 2026-01-04,
    // which started 2026-01-04T09:00Z; a log at 2026-01-04T20:00Z is in the same day.
    const plan = planBridgeUpdate({
      correct: true,
      now: new Date('2026-01-05T07:00:00Z'),
      settings: NEW_YORK,
      state: null,
      bridgeReviewTimes: [new Date('2026-01-04T20:00:00Z')],
    });
    expect(plan).toEqual({ apply: false, reason: 'already-today', studyDay: '2026-01-04' });
    // In UTC the same two instants are on different study days.
    const utc = planBridgeUpdate({
      correct: true,
      now: new Date('2026-01-05T07:00:00Z'),
      settings: UTC,
      state: null,
      bridgeReviewTimes: [new Date('2026-01-04T20:00:00Z')],
    });
    expect(utc.apply).toBe(true);
  });
});
