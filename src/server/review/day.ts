import { studyDayRange, type DoneToday, type ReviewSettings, type StudyDay } from '@/core/review';
import { db } from '../db';
import { getReviewSettings } from './settings';

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
export async function doneToday(ctx: DayContext): Promise<DoneToday> {
  const rows = await db().$queryRaw<{ state: number; n: number | bigint }[]>`
    SELECT state, COUNT(*) AS n FROM "ReviewLog"
    WHERE userId = ${ctx.userId} AND review >= ${ctx.start} AND review < ${ctx.end} AND undone = 0 AND state IN (0, 2)
    GROUP BY state`;
  let newDone = 0;
  let reviewsDone = 0;
  for (const r of rows) {
    if (Number(r.state) === 0) newDone = Number(r.n);
    else reviewsDone = Number(r.n);
  }
  return { newDone, reviewsDone };
}
