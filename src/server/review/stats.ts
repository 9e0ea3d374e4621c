import { addDays, dayStart, type CardCounts, type DayCount, type Retention, type StudyDay } from '@/core/review';
import { sql } from 'kysely';
import { asBool, indexedBy, qb, queries, rowsTable, type Runner } from '../db';
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

/**
 * When a study day starts. why cached: a stats request needs 400-800 day starts and each costs
 * Intl calls (~0.07 ms); a day's start in a given zone and rollover never changes.
 */
const dayStarts = new Map<string, Date>();
function cachedDayStart(day: StudyDay, timeZone: string, rolloverHour: number): Date {
  const key = `${timeZone}|${rolloverHour}|${day}`;
  let t = dayStarts.get(key);
  if (t === undefined) {
    if (dayStarts.size >= 100_000) dayStarts.clear();
    t = dayStart(day, timeZone, rolloverHour);
    dayStarts.set(key, t);
  }
  return t;
}

/** Study days from `first` on and their [start, end) bounds as a table (time-zone and DST exact). */
function dayBounds(ctx: DayContext, first: StudyDay, days: number, opts: { openStart?: boolean } = {}) {
  const tz = ctx.settings.timeZone;
  const h = ctx.settings.dayRolloverHour;
  const list: StudyDay[] = [];
  const bounds: { i: number; lo: Date; hi: Date }[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    list.push(day);
    bounds.push({ i, lo: cachedDayStart(day, tz, h), hi: cachedDayStart(addDays(day, 1), tz, h) });
  }
  // An open start: the first day also takes everything before it (overdue cards count for today).
  if (opts.openStart && bounds[0]) bounds[0].lo = new Date(0);
  return { list, table: rowsTable(bounds, { i: 'int', lo: 'time', hi: 'time' }).as('b') };
}

/**
 * Reviews per study day with one index range count per day. why: grouping a million rows by a
 * computed local-day key sorts them all (~400 ms); counting between precomputed day boundaries
 * walks the covering index only, and needs no engine's date functions.
 */
async function countsPerDay(q: Runner, ctx: DayContext, first: StudyDay, days: number): Promise<DayCount[]> {
  const { list, table } = dayBounds(ctx, first, days);
  const rows = await q.all(
    qb()
      .selectFrom(table)
      .select((eb) => [
        'b.i',
        eb
          .selectFrom('ReviewLog as r')
          .select((c) => c.fn.countAll<number>().as('n'))
          .where('r.userId', '=', ctx.userId)
          .whereRef('r.review', '>=', 'b.lo')
          .whereRef('r.review', '<', 'b.hi')
          .where('r.undone', '=', false)
          .as('n'),
      ]),
  );
  const counts = new Array<number>(days).fill(0);
  for (const r of rows) counts[Number(r.i)] = Number(r.n ?? 0);
  return list.map((day, i) => ({ day, count: counts[i]! }));
}

function streakFrom(heatmap: DayCount[]): { streak: number; wholeYear: boolean } {
  let streak = 0;
  let i = heatmap.length - 1;
  if (heatmap[i]!.count === 0) i--; // today not studied yet: the streak is not lost until the day ends
  for (; i >= 0 && heatmap[i]!.count > 0; i--) streak++;
  return { streak, wholeYear: i < 0 };
}

/** Whether the user reviewed on each study day: one index probe per day (for streaks past the heatmap). */
async function studiedPerDay(q: Runner, ctx: DayContext, first: StudyDay, days: number): Promise<boolean[]> {
  const { table } = dayBounds(ctx, first, days);
  const rows = await q.all(
    qb()
      .selectFrom(table)
      .select((eb) => [
        'b.i',
        eb
          .exists(
            eb
              .selectFrom('ReviewLog as r')
              .select(sql<number>`1`.as('one'))
              .where('r.userId', '=', ctx.userId)
              .whereRef('r.review', '>=', 'b.lo')
              .whereRef('r.review', '<', 'b.hi')
              .where('r.undone', '=', false),
          )
          .as('studied'),
      ]),
  );
  const studied = new Array<boolean>(days).fill(false);
  for (const r of rows) studied[Number(r.i)] = asBool(r.studied);
  return studied;
}

/** A streak longer than the heatmap: keep going back a year at a time (bounded at 10 years). */
async function olderStreak(q: Runner, ctx: DayContext, heatmap: DayCount[]): Promise<number> {
  let streak = 0;
  let first = heatmap[0]!.day;
  for (let year = 0; year < 10; year++) {
    first = addDays(first, -365);
    const older = await studiedPerDay(q, ctx, first, 365);
    let j = older.length - 1;
    for (; j >= 0 && older[j]; j--) streak++;
    if (j >= 0) break;
  }
  return streak;
}

const retention = (total: number, passed: number): Retention => ({ total, passed, rate: total === 0 ? null : passed / total });

/**
 * Stats for the /stats page, aggregated in SQL (no per-review rows reach JavaScript): six
 * statements, run side by side. Per-deck figures group by the deckId copied onto CardState and
 * ReviewLog, from their covering indexes.
 */
export async function statsForUser(userId: string, now: Date): Promise<ReviewStats> {
  const ctx = await dayContext(userId, now);
  const tz = ctx.settings.timeZone;
  const h = ctx.settings.dayRolloverHour;
  const q = queries();
  const decks = await subscribedDecks(userId);
  const ids = decks.length ? decks.map((d) => d.deckId) : [''];
  // Archived cards (rare) of these decks: their state rows are left out of the card counts.
  const archived = qb().selectFrom('Card as a').select('a.id').where('a.deckId', 'in', ids).where('a.archived', '=', true);
  const start7 = dayStart(addDays(ctx.day, -6), tz, h);
  const start30 = dayStart(addDays(ctx.day, -29), tz, h);
  const forecastDays = dayBounds(ctx, ctx.day, 30, { openStart: true });

  const [heatmap, recent, today, states, totals, deckRetention, dueRows] = await Promise.all([
    countsPerDay(q, ctx, addDays(ctx.day, -364), 365),
    // Only columns of the covering (userId, review, undone, state, rating, deckId) index: no table rows read.
    q.first(
      qb()
        .selectFrom('ReviewLog as r')
        .select((eb) => [
          eb.fn.countAll<number>().filterWhere('r.review', '>=', start7).as('total7'),
          eb.fn.countAll<number>().filterWhere(eb.and([eb('r.review', '>=', start7), eb('r.rating', '<>', 1)])).as('passed7'),
          eb.fn.countAll<number>().as('total30'),
          eb.fn.countAll<number>().filterWhere('r.rating', '<>', 1).as('passed30'),
        ])
        .where('r.userId', '=', userId)
        .where('r.review', '>=', start30)
        .where('r.undone', '=', false)
        .where('r.state', '=', 2),
    ),
    // Today's time needs durationMs (not in the index): only today's rows are read.
    q.first(
      qb()
        .selectFrom('ReviewLog as r')
        .select((eb) => [
          eb.fn.countAll<number>().as('today'),
          eb.fn.countAll<number>().filterWhere('r.rating', '=', 1).as('again'),
          eb.fn.sum<number>('r.durationMs').as('ms'),
        ])
        .where('r.userId', '=', userId)
        .where('r.review', '>=', ctx.start)
        .where('r.undone', '=', false),
    ),
    q.all(
      indexedBy(
        qb()
          .selectFrom('CardState as s')
          .select((eb) => [
            's.deckId',
            's.state',
            's.suspended',
            eb.fn.countAll<number>().as('n'),
            eb.fn.countAll<number>().filterWhere('s.due', '<', ctx.end).as('due'),
          ])
          .where('s.userId', '=', userId)
          .where('s.deckId', 'in', ids)
          .where('s.cardId', 'not in', archived)
          .groupBy(['s.deckId', 's.state', 's.suspended']),
        'CardState',
        's',
        'CardState_userId_deckId_state_suspended_due_cardId_idx',
      ),
    ),
    q.all(
      qb()
        .selectFrom('Card')
        .select((eb) => ['deckId', eb.fn.countAll<number>().as('n')])
        .where('deckId', 'in', ids)
        .where('archived', '=', false)
        .groupBy('deckId'),
    ),
    q.all(
      qb()
        .selectFrom('ReviewLog')
        .select((eb) => ['deckId', eb.fn.countAll<number>().as('total'), eb.fn.countAll<number>().filterWhere('rating', '<>', 1).as('passed')])
        .where('userId', '=', userId)
        .where('review', '>=', start30)
        .where('undone', '=', false)
        .where('state', '=', 2)
        .where('deckId', 'in', ids)
        .groupBy('deckId'),
    ),
    q.all(
      qb()
        .selectFrom(forecastDays.table)
        .select((eb) => [
          'b.i',
          eb
            .selectFrom('CardState as f')
            .select((c) => c.fn.countAll<number>().as('n'))
            .where('f.userId', '=', userId)
            .where('f.state', 'in', [1, 2, 3])
            .where('f.suspended', '=', false)
            .whereRef('f.due', '>=', 'b.lo')
            .whereRef('f.due', '<', 'b.hi')
            .where('f.deckId', 'in', ids)
            .where('f.cardId', 'not in', archived)
            .as('n'),
        ]),
    ),
  ]);

  const forecastCounts = new Array<number>(30).fill(0);
  for (const r of dueRows) forecastCounts[Number(r.i)] = Number(r.n ?? 0);
  const forecast = forecastCounts.map((count, i) => ({ day: addDays(ctx.day, i), count }));

  const blank = (): CardCounts => ({ new: 0, learning: 0, review: 0, suspended: 0, total: 0 });
  const perDeck = new Map(ids.map((id) => [id, { counts: blank(), withRow: 0, dueToday: 0 }]));
  for (const r of states) {
    const d = perDeck.get(r.deckId);
    if (!d) continue;
    const n = Number(r.n);
    const suspended = asBool(r.suspended);
    d.withRow += n;
    if (suspended) d.counts.suspended += n;
    else if (r.state === 0) d.counts.new += n;
    else if (r.state === 2) d.counts.review += n;
    else d.counts.learning += n;
    if (!suspended && r.state !== 0) d.dueToday += Number(r.due ?? 0);
  }
  const cardTotals = new Map(totals.map((c) => [c.deckId, Number(c.n)]));
  const retentionByDeck = new Map(deckRetention.map((r) => [r.deckId, r]));
  const counts = blank();
  const deckRows: DeckStatsRow[] = decks.map((deck) => {
    const d = perDeck.get(deck.deckId)!;
    const cards = cardTotals.get(deck.deckId) ?? 0;
    d.counts.new += Math.max(0, cards - d.withRow);
    d.counts.total = Math.max(cards, d.withRow);
    for (const k of ['new', 'learning', 'review', 'suspended', 'total'] as const) counts[k] += d.counts[k];
    const r = retentionByDeck.get(deck.deckId);
    return {
      deckId: deck.deckId,
      title: deck.title,
      ...d.counts,
      dueToday: d.dueToday,
      retention30: retention(Number(r?.total ?? 0), Number(r?.passed ?? 0)),
    };
  });

  const { streak, wholeYear } = streakFrom(heatmap);
  return {
    day: ctx.day,
    timeZone: tz,
    today: { reviews: Number(today?.today ?? 0), again: Number(today?.again ?? 0), timeMs: Number(today?.ms ?? 0) },
    heatmap,
    forecast,
    retention: {
      last7: retention(Number(recent?.total7 ?? 0), Number(recent?.passed7 ?? 0)),
      last30: retention(Number(recent?.total30 ?? 0), Number(recent?.passed30 ?? 0)),
    },
    counts,
    streak: wholeYear ? streak + (await olderStreak(q, ctx, heatmap)) : streak,
    decks: deckRows,
  };
}
