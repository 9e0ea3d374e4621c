import { studyDayRange, type DoneToday, type ReviewSettings, type StudyDay } from '@/core/review';
import { getReviewSettings } from './settings';
import { sqlite, sqlTime, type Sql } from './sql';

/** A user's settings and "today" (their study day in their time zone, with the rollover hour). */
export interface DayContext {
  userId: string;
  settings: ReviewSettings;
  now: Date;
  day: StudyDay;
  /** Start of today's study day. */
  start: Date;
  /** Start of tomorrow's study day. */
  end: Date;
}

export async function dayContext(userId: string, now: Date, settings?: ReviewSettings): Promise<DayContext> {
  const s = settings ?? (await getReviewSettings(userId));
  const { day, start, end } = studyDayRange(now, s.timeZone, s.dayRolloverHour);
  return { userId, settings: s, now, day, start, end };
}

/**
 * Today's done counts for the daily limits, aggregated in SQL (the same rule as the core's
 * countDoneToday: logs of this study day that are not undone, by state before the review).
 */
export function doneTodaySql(sql: Sql, ctx: DayContext): DoneToday {
  const rows = sql.all<{ state: number; n: number }>(
    `SELECT state, COUNT(*) AS n FROM "ReviewLog"
     WHERE userId = ? AND review >= ? AND review < ? AND undone = 0 AND state IN (0, 2)
     GROUP BY state`,
    ctx.userId,
    sqlTime(ctx.start),
    sqlTime(ctx.end),
  );
  let newDone = 0;
  let reviewsDone = 0;
  for (const r of rows) {
    if (r.state === 0) newDone = r.n;
    else reviewsDone = r.n;
  }
  return { newDone, reviewsDone };
}

export async function doneToday(ctx: DayContext): Promise<DoneToday> {
  return doneTodaySql(await sqlite(), ctx);
}
