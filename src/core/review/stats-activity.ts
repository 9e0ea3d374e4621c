import { addDays, createDayIndexer, studyDayOf, type StudyDay } from './days';
import type { DoneToday } from './queue';

/** The ReviewLog columns the stats read. */
export interface StatsLog {
  cardId: string;
  rating: number;
  /** State before the review (0 New, 1 Learning, 2 Review, 3 Relearning). */
  state: number;
  review: Date;
  undone?: boolean;
}

/** "Today" for stats: an instant and the user's day settings. */
export interface StatsClock {
  now: Date;
  timeZone: string;
  rolloverHour: number;
}

export interface DayCount {
  day: StudyDay;
  count: number;
}

export interface Retention {
  /** Reviews of Review-state cards not rated Again. */
  passed: number;
  total: number;
  /** passed / total, or null with no reviews. */
  rate: number | null;
}

const live = (logs: readonly StatsLog[]) => logs.filter((l) => !l.undone);

export function todayOf(clock: StatsClock): StudyDay {
  return studyDayOf(clock.now, clock.timeZone, clock.rolloverHour);
}

/** Counts logs per study day over the `days` days ending today (oldest first, zeros included). */
export function countPerDay(logs: readonly StatsLog[], clock: StatsClock, days: number): DayCount[] {
  const today = todayOf(clock);
  const idx = createDayIndexer(addDays(today, -(days - 1)), today, clock.timeZone, clock.rolloverHour);
  const counts = new Array<number>(idx.days.length).fill(0);
  for (const l of live(logs)) {
    const i = idx.indexOf(l.review);
    if (i >= 0) counts[i]!++;
  }
  return idx.days.map((day, i) => ({ day, count: counts[i]! }));
}

/** Review counts per study day for the heatmap: the last 365 days including today. */
export function reviewHeatmap(logs: readonly StatsLog[], clock: StatsClock, days = 365): DayCount[] {
  return countPerDay(logs, clock, days);
}

/**
 * True retention over the last `days` study days (including today): the share of reviews of cards
 * that were in Review state (log.state === 2) not rated Again. Undone reviews are ignored; learning
 * steps are excluded because failing them is expected.
 */
export function trueRetention(logs: readonly StatsLog[], clock: StatsClock, days: number): Retention {
  const today = todayOf(clock);
  const idx = createDayIndexer(addDays(today, -(days - 1)), today, clock.timeZone, clock.rolloverHour);
  let passed = 0;
  let total = 0;
  for (const l of live(logs)) {
    if (l.state !== 2 || idx.indexOf(l.review) < 0) continue;
    total++;
    if (l.rating !== 1) passed++;
  }
  return { passed, total, rate: total === 0 ? null : passed / total };
}

/**
 * Consecutive study days with at least one review, ending today, or yesterday when nothing has been
 * studied yet today (the streak is not lost until the day is over).
 */
export function studyStreak(logs: readonly StatsLog[], clock: StatsClock): number {
  const studied = new Set<StudyDay>();
  for (const l of live(logs)) studied.add(studyDayOf(l.review, clock.timeZone, clock.rolloverHour));
  const today = todayOf(clock);
  let day = studied.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (studied.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}

/** Today's counts for the daily limits: new cards introduced and Review-state cards reviewed. */
export function countDoneToday(logs: readonly StatsLog[], clock: StatsClock): DoneToday {
  const today = todayOf(clock);
  const idx = createDayIndexer(today, today, clock.timeZone, clock.rolloverHour);
  let newDone = 0;
  let reviewsDone = 0;
  for (const l of live(logs)) {
    if (idx.indexOf(l.review) !== 0) continue;
    if (l.state === 0) newDone++;
    else if (l.state === 2) reviewsDone++;
  }
  return { newDone, reviewsDone };
}
