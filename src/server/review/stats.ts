import { addDays, dayStart, type CardCounts, type DayCount, type Retention, type StudyDay } from '@/core/review';
import { dayContext, type DayContext } from './day';
import { placeholders, sqlite, sqlTime, type Sql } from './sql';
import { subscribedDecksSql } from './subscriptions';

export interface DeckStatsRow extends CardCounts {
  deckId: string;
  title: string;
  /** Learning + review cards due by the end of today (limits not applied). */
  dueToday: number;
  retention30: Retention;
}

export interface ReviewStats {
  day: StudyDay;
  timeZone: string;
  today: { reviews: number; again: number; timeMs: number };
  /** Reviews per study day, last 365 days, oldest first. */
  heatmap: DayCount[];
  /** Cards due per day for the next 30 days (overdue counts for today). */
  forecast: DayCount[];
  retention: { last7: Retention; last30: Retention };
  counts: CardCounts;
  streak: number;
  decks: DeckStatsRow[];
}

/**
 * When a study day starts, as a stored time. why cached: a stats request needs 400-800 day starts
 * and each costs Intl calls (~0.07 ms); a day's start in a given zone and rollover never changes.
 */
const dayStarts = new Map<string, string>();
function storedDayStart(day: StudyDay, timeZone: string, rolloverHour: number): string {
  const key = `${timeZone}|${rolloverHour}|${day}`;
  let t = dayStarts.get(key);
  if (t === undefined) {
    if (dayStarts.size >= 100_000) dayStarts.clear();
    t = sqlTime(dayStart(day, timeZone, rolloverHour));
    dayStarts.set(key, t);
  }
  return t;
}

/** Study days from `first` on and their [start, end) bounds as stored times (time-zone and DST exact). */
function dayBounds(ctx: DayContext, first: StudyDay, days: number): { list: StudyDay[]; bounds: string } {
  const tz = ctx.settings.timeZone;
  const h = ctx.settings.dayRolloverHour;
  const list: StudyDay[] = [];
  const bounds: [string, string][] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    list.push(day);
    bounds.push([storedDayStart(day, tz, h), storedDayStart(addDays(day, 1), tz, h)]);
  }
  return { list, bounds: JSON.stringify(bounds) };
}

/**
 * Reviews per study day with one index range count per day. why: grouping a million rows by a
 * computed local-day key sorts them all (~400 ms); counting between precomputed day boundaries
 * walks the covering index only.
 */
function countsPerDay(sql: Sql, ctx: DayContext, first: StudyDay, days: number): DayCount[] {
  const { list, bounds } = dayBounds(ctx, first, days);
  const rows = sql.all<{ i: number; n: number }>(
    `SELECT CAST(b.key AS INTEGER) AS i,
       (SELECT COUNT(*) FROM "ReviewLog" r
         WHERE r.userId = ? AND r.review >= b.value ->> '$[0]' AND r.review < b.value ->> '$[1]' AND r.undone = 0) AS n
     FROM json_each(?) b`,
    ctx.userId,
    bounds,
  );
  const counts = new Array<number>(days).fill(0);
  for (const r of rows) counts[r.i] = r.n;
  return list.map((day, i) => ({ day, count: counts[i]! }));
}

/** Whether the user reviewed on each study day: one index probe per day (for streaks past the heatmap). */
function studiedPerDay(sql: Sql, ctx: DayContext, first: StudyDay, days: number): boolean[] {
  const { bounds } = dayBounds(ctx, first, days);
  const rows = sql.all<{ i: number; n: number }>(
    `SELECT CAST(b.key AS INTEGER) AS i,
       EXISTS (SELECT 1 FROM "ReviewLog" r
         WHERE r.userId = ? AND r.review >= b.value ->> '$[0]' AND r.review < b.value ->> '$[1]' AND r.undone = 0) AS n
     FROM json_each(?) b`,
    ctx.userId,
    bounds,
  );
  const studied = new Array<boolean>(days).fill(false);
  for (const r of rows) studied[r.i] = r.n === 1;
  return studied;
}

function retentionSince(sql: Sql, userId: string, since: Date): Retention {
  const row = sql.get<{ total: number; passed: number | null }>(
    `SELECT COUNT(*) AS total, SUM(rating <> 1) AS passed FROM "ReviewLog"
     WHERE userId = ? AND review >= ? AND undone = 0 AND state = 2`,
    userId,
    sqlTime(since),
  );
  const total = row?.total ?? 0;
  const passed = row?.passed ?? 0;
  return { total, passed, rate: total === 0 ? null : passed / total };
}

function streakFrom(sql: Sql, ctx: DayContext, heatmap: DayCount[]): number {
  let streak = 0;
  let i = heatmap.length - 1;
  if (heatmap[i]!.count === 0) i--; // today not studied yet: the streak is not lost until the day ends
  for (; i >= 0 && heatmap[i]!.count > 0; i--) streak++;
  if (i >= 0) return streak;
  // The whole year was studied: keep going back a year at a time (bounded at 10 years).
  let first = heatmap[0]!.day;
  for (let year = 0; year < 10; year++) {
    first = addDays(first, -365);
    const older = studiedPerDay(sql, ctx, first, 365);
    let j = older.length - 1;
    for (; j >= 0 && older[j]; j--) streak++;
    if (j >= 0) break;
  }
  return streak;
}

/**
 * Stats for the /stats page, aggregated in SQL (no per-review rows reach JavaScript). Per-deck
 * figures group by the deckId copied onto CardState and ReviewLog, from their covering indexes.
 */
export async function statsForUser(userId: string, now: Date): Promise<ReviewStats> {
  const ctx = await dayContext(userId, now);
  const tz = ctx.settings.timeZone;
  const h = ctx.settings.dayRolloverHour;
  const sql = await sqlite();
  const decks = subscribedDecksSql(sql, userId);
  const ids = decks.map((d) => d.deckId);
  const inDecks = placeholders(ids);
  // Archived cards (rare) of these decks: their state rows are left out of the card counts.
  const notArchived = `s.cardId NOT IN (SELECT id FROM "Card" WHERE deckId IN (${inDecks}) AND archived = 1)`;
  const start7 = dayStart(addDays(ctx.day, -6), tz, h);
  const start30 = dayStart(addDays(ctx.day, -29), tz, h);
  const forecastBounds = Array.from({ length: 30 }, (_, i) => dayStart(addDays(ctx.day, i + 1), tz, h));

  const heatmap = countsPerDay(sql, ctx, addDays(ctx.day, -364), 365);
  const last7 = retentionSince(sql, userId, start7);
  const last30 = retentionSince(sql, userId, start30);
  const t = sql.get<{ n: number; again: number | null; ms: number | null }>(
    `SELECT COUNT(*) AS n, SUM(rating = 1) AS again, SUM(durationMs) AS ms FROM "ReviewLog"
     WHERE userId = ? AND review >= ? AND undone = 0`,
    userId,
    sqlTime(ctx.start),
  );
  const states = sql.all<{ deckId: string; state: number; suspended: number; n: number; due: number | null }>(
    `SELECT s.deckId AS deckId, s.state AS state, s.suspended AS suspended, COUNT(*) AS n, SUM(s.due < ?) AS due
     FROM "CardState" s INDEXED BY "CardState_userId_deckId_state_suspended_due_cardId_idx"
     WHERE s.userId = ? AND s.deckId IN (${inDecks}) AND ${notArchived}
     GROUP BY s.deckId, s.state, s.suspended`,
    sqlTime(ctx.end),
    userId,
    ...ids,
    ...ids,
  );
  const totals = sql.all<{ deckId: string; n: number }>(
    `SELECT deckId, COUNT(*) AS n FROM "Card" WHERE deckId IN (${inDecks}) AND archived = 0 GROUP BY deckId`,
    ...ids,
  );
  const deckRetention = sql.all<{ deckId: string; total: number; passed: number | null }>(
    `SELECT deckId, COUNT(*) AS total, SUM(rating <> 1) AS passed FROM "ReviewLog"
     WHERE userId = ? AND review >= ? AND undone = 0 AND state = 2 AND deckId IN (${inDecks})
     GROUP BY deckId`,
    userId,
    sqlTime(start30),
    ...ids,
  );
  const dueRows = sql.all<{ i: number; n: number }>(
    `SELECT CAST(b.key AS INTEGER) AS i,
       (SELECT COUNT(*) FROM "CardState" s
         WHERE s.userId = ? AND s.state IN (1, 2, 3) AND s.suspended = 0
           AND s.due >= b.value ->> '$[0]' AND s.due < b.value ->> '$[1]'
           AND s.deckId IN (${inDecks}) AND ${notArchived}) AS n
     FROM json_each(?) b`,
    userId,
    ...ids,
    ...ids,
    JSON.stringify(forecastBounds.map((hi, i) => [i === 0 ? '' : sqlTime(forecastBounds[i - 1]!), sqlTime(hi)])),
  );

  const forecastCounts = new Array<number>(30).fill(0);
  for (const r of dueRows) forecastCounts[r.i] = r.n;
  const forecast = forecastCounts.map((count, i) => ({ day: addDays(ctx.day, i), count }));

  const blank = (): CardCounts => ({ new: 0, learning: 0, review: 0, suspended: 0, total: 0 });
  const perDeck = new Map(ids.map((id) => [id, { counts: blank(), withRow: 0, dueToday: 0 }]));
  for (const r of states) {
    const d = perDeck.get(r.deckId);
    if (!d) continue;
    const n = r.n;
    d.withRow += n;
    if (r.suspended) d.counts.suspended += n;
    else if (r.state === 0) d.counts.new += n;
    else if (r.state === 2) d.counts.review += n;
    else d.counts.learning += n;
    if (!r.suspended && r.state !== 0) d.dueToday += r.due ?? 0;
  }
  const cardTotals = new Map(totals.map((c) => [c.deckId, c.n]));
  const retentionByDeck = new Map(deckRetention.map((r) => [r.deckId, r]));
  const counts = blank();
  const deckRows: DeckStatsRow[] = decks.map((deck) => {
    const d = perDeck.get(deck.deckId)!;
    const cards = cardTotals.get(deck.deckId) ?? 0;
    d.counts.new += Math.max(0, cards - d.withRow);
    d.counts.total = Math.max(cards, d.withRow);
    for (const k of ['new', 'learning', 'review', 'suspended', 'total'] as const) counts[k] += d.counts[k];
    const r = retentionByDeck.get(deck.deckId);
    const total = r?.total ?? 0;
    const passed = r?.passed ?? 0;
    return {
      deckId: deck.deckId,
      title: deck.title,
      ...d.counts,
      dueToday: d.dueToday,
      retention30: { total, passed, rate: total === 0 ? null : passed / total },
    };
  });

  return {
    day: ctx.day,
    timeZone: tz,
    today: { reviews: t?.n ?? 0, again: t?.again ?? 0, timeMs: t?.ms ?? 0 },
    heatmap,
    forecast,
    retention: { last7, last30 },
    counts,
    streak: streakFrom(sql, ctx, heatmap),
    decks: deckRows,
  };
}
