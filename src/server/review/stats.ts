import { Prisma } from '@/generated/prisma/client';
import { addDays, dayStart, type CardCounts, type DayCount, type Retention, type StudyDay } from '@/core/review';
import { db } from '../db';
import { dayContext, type DayContext } from './day';
import { subscribedDecks } from './subscriptions';

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

/** Prisma's SQLite adapter stores DateTime as ISO text ending "+00:00"; comparisons must use that form. */
const sqlTime = (d: Date) => d.toISOString().replace('Z', '+00:00');

/**
 * Counts per study day with one index range count per day. why: grouping a million rows by a
 * computed local-day key sorts them all (~400 ms); counting between precomputed day boundaries
 * (time-zone and DST exact, from the core's dayStart) walks the covering index only (~60 ms).
 */
async function countsPerDay(userId: string, ctx: DayContext, first: StudyDay, days: number): Promise<DayCount[]> {
  const tz = ctx.settings.timeZone;
  const h = ctx.settings.dayRolloverHour;
  const list: StudyDay[] = [];
  const bounds: [string, string][] = [];
  let lo = dayStart(first, tz, h);
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    const hi = dayStart(addDays(day, 1), tz, h);
    list.push(day);
    bounds.push([sqlTime(lo), sqlTime(hi)]);
    lo = hi;
  }
  const rows = await db().$queryRaw<{ i: number | bigint; n: number | bigint }[]>`
    SELECT CAST(b.key AS INTEGER) AS i,
      (SELECT COUNT(*) FROM "ReviewLog" r
        WHERE r.userId = ${userId} AND r.review >= b.value ->> '$[0]'
          AND r.review < b.value ->> '$[1]' AND r.undone = 0) AS n
    FROM json_each(${JSON.stringify(bounds)}) b`;
  const counts = new Array<number>(days).fill(0);
  for (const r of rows) counts[Number(r.i)] = Number(r.n);
  return list.map((day, i) => ({ day, count: counts[i]! }));
}

async function retentionSince(userId: string, since: Date): Promise<Retention> {
  const [row] = await db().$queryRaw<{ total: number | bigint; passed: number | bigint | null }[]>`
    SELECT COUNT(*) AS total, SUM(rating <> 1) AS passed FROM "ReviewLog"
    WHERE userId = ${userId} AND review >= ${since} AND undone = 0 AND state = 2`;
  const total = Number(row?.total ?? 0);
  const passed = Number(row?.passed ?? 0);
  return { total, passed, rate: total === 0 ? null : passed / total };
}

async function streakFrom(userId: string, ctx: DayContext, heatmap: DayCount[]): Promise<number> {
  let streak = 0;
  let i = heatmap.length - 1;
  if (heatmap[i]!.count === 0) i--; // today not studied yet: the streak is not lost until the day ends
  for (; i >= 0 && heatmap[i]!.count > 0; i--) streak++;
  if (i >= 0) return streak;
  // The whole year was studied: keep counting back a year at a time (rare; bounded at 10 years).
  let first = heatmap[0]!.day;
  for (let year = 0; year < 10; year++) {
    first = addDays(first, -365);
    const older = await countsPerDay(userId, ctx, first, 365);
    let j = older.length - 1;
    for (; j >= 0 && older[j]!.count > 0; j--) streak++;
    if (j >= 0) break;
  }
  return streak;
}

/** Stats for the /stats page, aggregated in SQL (no per-review rows reach JavaScript). */
export async function statsForUser(userId: string, now: Date): Promise<ReviewStats> {
  const ctx = await dayContext(userId, now);
  const tz = ctx.settings.timeZone;
  const h = ctx.settings.dayRolloverHour;
  const decks = await subscribedDecks(userId);
  const ids = decks.map((d) => d.deckId);
  const inDecks = ids.length ? Prisma.join(ids) : Prisma.sql`NULL`;
  const start7 = dayStart(addDays(ctx.day, -6), tz, h);
  const start30 = dayStart(addDays(ctx.day, -29), tz, h);
  const forecastBounds = Array.from({ length: 30 }, (_, i) => dayStart(addDays(ctx.day, i + 1), tz, h));

  const [heatmap, last7, last30, today, states, totals, deckRetention, dueRows] = await Promise.all([
    countsPerDay(userId, ctx, addDays(ctx.day, -364), 365),
    retentionSince(userId, start7),
    retentionSince(userId, start30),
    db().$queryRaw<{ n: number | bigint; again: number | bigint | null; ms: number | bigint | null }[]>`
      SELECT COUNT(*) AS n, SUM(rating = 1) AS again, SUM(durationMs) AS ms FROM "ReviewLog"
      WHERE userId = ${userId} AND review >= ${ctx.start} AND undone = 0`,
    db().$queryRaw<{ deckId: string; state: number; suspended: number | boolean; n: number | bigint; due: number | bigint | null }[]>`
      SELECT c.deckId AS deckId, s.state AS state, s.suspended AS suspended, COUNT(*) AS n,
        SUM(s.due < ${ctx.end}) AS due
      FROM "CardState" s CROSS JOIN "Card" c ON c.id = s.cardId
      WHERE s.userId = ${userId} AND c.archived = 0 AND c.deckId IN (${inDecks})
      GROUP BY c.deckId, s.state, s.suspended`,
    db().card.groupBy({ by: ['deckId'], where: { deckId: { in: ids }, archived: false }, _count: { _all: true } }),
    db().$queryRaw<{ deckId: string; total: number | bigint; passed: number | bigint | null }[]>`
      SELECT c.deckId AS deckId, COUNT(*) AS total, SUM(r.rating <> 1) AS passed
      FROM "ReviewLog" r CROSS JOIN "Card" c INDEXED BY "Card_id_deckId_archived_idx" ON c.id = r.cardId
      WHERE r.userId = ${userId} AND r.review >= ${start30} AND r.undone = 0 AND r.state = 2
        AND c.deckId IN (${inDecks})
      GROUP BY c.deckId`,
    db().$queryRaw<{ i: number | bigint; n: number | bigint }[]>`
      SELECT CAST(b.key AS INTEGER) AS i,
        (SELECT COUNT(*) FROM "CardState" s CROSS JOIN "Card" c ON c.id = s.cardId
          WHERE s.userId = ${userId} AND s.state IN (1, 2, 3) AND s.suspended = 0
            AND s.due >= b.value ->> '$[0]' AND s.due < b.value ->> '$[1]'
            AND c.deckId IN (${inDecks}) AND c.archived = 0) AS n
      FROM json_each(${JSON.stringify(forecastBounds.map((hi, i) => [i === 0 ? '' : sqlTime(forecastBounds[i - 1]!), sqlTime(hi)]))}) b`,
  ]);

  const forecastCounts = new Array<number>(30).fill(0);
  for (const r of dueRows) forecastCounts[Number(r.i)] = Number(r.n);
  const forecast = forecastCounts.map((count, i) => ({ day: addDays(ctx.day, i), count }));

  const blank = (): CardCounts => ({ new: 0, learning: 0, review: 0, suspended: 0, total: 0 });
  const perDeck = new Map(ids.map((id) => [id, { counts: blank(), withRow: 0, dueToday: 0 }]));
  for (const r of states) {
    const d = perDeck.get(r.deckId);
    if (!d) continue;
    const n = Number(r.n);
    d.withRow += n;
    if (Number(r.suspended)) d.counts.suspended += n;
    else if (r.state === 0) d.counts.new += n;
    else if (r.state === 2) d.counts.review += n;
    else d.counts.learning += n;
    if (!Number(r.suspended) && r.state !== 0) d.dueToday += Number(r.due ?? 0);
  }
  const cardTotals = new Map(totals.map((t) => [t.deckId, t._count._all]));
  const retentionByDeck = new Map(deckRetention.map((r) => [r.deckId, r]));
  const counts = blank();
  const deckRows: DeckStatsRow[] = decks.map((deck) => {
    const d = perDeck.get(deck.deckId)!;
    const cards = cardTotals.get(deck.deckId) ?? 0;
    d.counts.new += Math.max(0, cards - d.withRow);
    d.counts.total = Math.max(cards, d.withRow);
    for (const k of ['new', 'learning', 'review', 'suspended', 'total'] as const) counts[k] += d.counts[k];
    const r = retentionByDeck.get(deck.deckId);
    const total = Number(r?.total ?? 0);
    const passed = Number(r?.passed ?? 0);
    return {
      deckId: deck.deckId,
      title: deck.title,
      ...d.counts,
      dueToday: d.dueToday,
      retention30: { total, passed, rate: total === 0 ? null : passed / total },
    };
  });

  const t = today[0];
  return {
    day: ctx.day,
    timeZone: tz,
    today: { reviews: Number(t?.n ?? 0), again: Number(t?.again ?? 0), timeMs: Number(t?.ms ?? 0) },
    heatmap,
    forecast,
    retention: { last7, last30 },
    counts,
    streak: await streakFrom(userId, ctx, heatmap),
    decks: deckRows,
  };
}
