import { describe, expect, it } from 'vitest';
import {
  countDoneToday,
  reviewHeatmap,
  studyStreak,
  trueRetention,
  type StatsClock,
  type StatsLog,
} from '@/core/review/stats-activity';
import { cardCounts, deckBreakdown, dueForecast, type StatsCardState } from '@/core/review/stats-cards';

// 12:00 in Kolkata (+5:30) on 2026-01-10; study days start at 04:00 local = 22:30Z the day before.
const clock: StatsClock = { now: new Date('2026-01-10T06:30:00Z'), timeZone: 'Asia/Kolkata', rolloverHour: 4 };

/** An instant at `hh:mm` local (Kolkata) time on calendar day `day`. */
function local(day: string, hhmm: string): Date {
  return new Date(`${day}T${hhmm}:00+05:30`);
}

let seq = 0;
function log(review: Date, rating: number, state: number, extra: Partial<StatsLog> = {}): StatsLog {
  return { cardId: `c${seq++}`, rating, state, review, ...extra };
}

describe('reviewHeatmap', () => {
  it('counts reviews per study day over the last 365 days, zeros included', () => {
    const logs = [
      log(local('2026-01-10', '09:00'), 3, 2),
      log(local('2026-01-10', '11:59'), 1, 2),
      log(local('2026-01-11', '03:30'), 3, 2), // before 04:00: still 2026-01-10's study day
      log(local('2026-01-10', '03:59'), 3, 2), // belongs to 2026-01-09
      log(local('2026-01-10', '10:00'), 3, 2, { undone: true }),
      log(local('2025-01-11', '04:00'), 3, 0), // first day of the window
      log(local('2025-01-11', '03:59'), 3, 0), // one minute before it
    ];
    const map = reviewHeatmap(logs, clock);
    expect(map).toHaveLength(365);
    expect(map[0]).toEqual({ day: '2025-01-11', count: 1 });
    expect(map[364]).toEqual({ day: '2026-01-10', count: 3 });
    expect(map[363]).toEqual({ day: '2026-01-09', count: 1 });
    expect(map.reduce((n, d) => n + d.count, 0)).toBe(5);
  });
});

describe('trueRetention', () => {
  const logs = [
    log(local('2026-01-10', '09:00'), 3, 2),
    log(local('2026-01-09', '09:00'), 2, 2),
    log(local('2026-01-06', '09:00'), 4, 2),
    log(local('2026-01-04', '09:00'), 1, 2), // day 7 of the 7-day window
    log(local('2026-01-04', '10:00'), 1, 2, { undone: true }),
    log(local('2026-01-08', '09:00'), 1, 1), // learning step: not counted
    log(local('2026-01-08', '09:05'), 1, 3), // relearning step: not counted
    log(local('2026-01-08', '09:10'), 1, 0), // new card: not counted
    log(local('2026-01-03', '09:00'), 1, 2), // 8 days ago: 30-day window only
    log(local('2025-12-01', '09:00'), 1, 2), // outside both
  ];

  it('is the share of Review-state reviews not rated Again, undone excluded', () => {
    expect(trueRetention(logs, clock, 7)).toEqual({ passed: 3, total: 4, rate: 0.75 });
    expect(trueRetention(logs, clock, 30)).toEqual({ passed: 3, total: 5, rate: 0.6 });
  });

  it('is null without reviews', () => {
    expect(trueRetention([], clock, 7)).toEqual({ passed: 0, total: 0, rate: null });
  });
});

describe('studyStreak', () => {
  const on = (...days: string[]) => days.map((d) => log(local(d, '12:00'), 3, 2));

  it('counts consecutive study days ending today', () => {
    expect(studyStreak(on('2026-01-10', '2026-01-09', '2026-01-08', '2026-01-06'), clock)).toBe(3);
  });

  it('keeps a streak ending yesterday while today is not over', () => {
    expect(studyStreak(on('2026-01-09', '2026-01-08'), clock)).toBe(2);
  });

  it('is broken by a missed day', () => {
    expect(studyStreak(on('2026-01-08', '2026-01-07'), clock)).toBe(0);
    expect(studyStreak([], clock)).toBe(0);
  });

  it('uses study days (03:30 counts for the day before) and ignores undone reviews', () => {
    const logs = [
      log(local('2026-01-10', '03:30'), 3, 2), // study day 2026-01-09
      log(local('2026-01-10', '09:00'), 3, 2, { undone: true }),
      ...on('2026-01-08'),
    ];
    expect(studyStreak(logs, clock)).toBe(2);
  });
});

describe('countDoneToday', () => {
  it('counts today’s new introductions and Review-state reviews', () => {
    const logs = [
      log(local('2026-01-10', '05:00'), 3, 0),
      log(local('2026-01-10', '05:01'), 1, 0),
      log(local('2026-01-10', '06:00'), 3, 2),
      log(local('2026-01-10', '06:01'), 1, 2),
      log(local('2026-01-10', '06:02'), 2, 2),
      log(local('2026-01-10', '06:03'), 3, 1), // learning step
      log(local('2026-01-10', '06:04'), 3, 2, { undone: true }),
      log(local('2026-01-10', '03:00'), 3, 2), // yesterday's study day
    ];
    expect(countDoneToday(logs, clock)).toEqual({ newDone: 2, reviewsDone: 3 });
  });
});

describe('card stats', () => {
  const st = (cardId: string, state: number, due: Date, suspended = false): StatsCardState => ({
    cardId,
    state,
    due,
    suspended,
  });
  const states = [
    st('a', 2, local('2025-12-25', '09:00')), // overdue: today
    st('b', 2, local('2026-01-11', '03:00')), // later tonight: today
    st('c', 1, local('2026-01-11', '04:00')), // tomorrow
    st('d', 2, local('2026-02-08', '12:00')), // day 29 (last in the window)
    st('e', 2, local('2026-02-09', '12:00')), // day 30: outside
    st('f', 2, local('2026-01-12', '12:00'), true), // suspended
    st('g', 0, local('2026-01-10', '12:00')), // new row (e.g. buried new card)
    st('h', 3, local('2026-01-10', '11:00')), // relearning, today
  ];

  it('forecasts cards due per day for 30 days, overdue counted today', () => {
    const f = dueForecast(states, clock);
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ day: '2026-01-10', count: 3 });
    expect(f[1]).toEqual({ day: '2026-01-11', count: 1 });
    expect(f[29]).toEqual({ day: '2026-02-08', count: 1 });
    expect(f.reduce((n, d) => n + d.count, 0)).toBe(5);
  });

  it('counts cards by state, suspended apart, cards without a row as new', () => {
    expect(cardCounts(states)).toEqual({ new: 1, learning: 2, review: 4, suspended: 1, total: 8 });
    expect(cardCounts(states, 20)).toEqual({ new: 13, learning: 2, review: 4, suspended: 1, total: 20 });
  });

  it('breaks counts, due today and retention down per deck', () => {
    const cardDeck = new Map([
      ['a', 'sqs'],
      ['b', 'sqs'],
      ['c', 'sqs'],
      ['x', 'sqs'], // no state row: new
      ['d', 'sns'],
      ['f', 'sns'],
      ['h', 'sns'],
    ]);
    const logs: StatsLog[] = [
      { cardId: 'a', rating: 3, state: 2, review: local('2026-01-09', '10:00') },
      { cardId: 'b', rating: 1, state: 2, review: local('2026-01-09', '10:00') },
      { cardId: 'd', rating: 4, state: 2, review: local('2026-01-01', '10:00') },
      { cardId: 'zz', rating: 1, state: 2, review: local('2026-01-01', '10:00') }, // not in any deck
    ];
    const rows = deckBreakdown(states, logs, cardDeck, clock);
    expect(rows.map((r) => r.deckId)).toEqual(['sns', 'sqs']);
    expect(rows[0]).toEqual({
      deckId: 'sns',
      new: 0,
      learning: 1,
      review: 1,
      suspended: 1,
      total: 3,
      dueToday: 1,
      retention30: { passed: 1, total: 1, rate: 1 },
    });
    expect(rows[1]).toEqual({
      deckId: 'sqs',
      new: 1,
      learning: 1,
      review: 2,
      suspended: 0,
      total: 4,
      dueToday: 2,
      retention30: { passed: 1, total: 2, rate: 0.5 },
    });
  });
});
