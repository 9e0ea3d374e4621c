import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import { takeNewCards, type CardStateValue } from '@/core/review';
import { asDate, indexedBy, qb, type DB, type Runner } from '../db';
import type { DayContext } from './day';
import { newCursor, setNewCursor } from './new-cursor';

/** Learning rows loaded per request (the soonest); the rest are counted in SQL. */
const LEARNING_ROWS = 20;
/**
 * Counting stops here: the screen shows "1000" for a bigger backlog and the new-card spacing treats
 * it as 1000 cards. why: counting walks every due row (one index entry each), the one per-request
 * cost that grows with the backlog.
 */
export const COUNT_CAP = 1000;
/** Review rows loaded per request; only the first is shown, the rest are counted in SQL. */
const REVIEW_ROWS = 20;

/** why pinned on SQLite: for two states its planner otherwise walks the (userId, due) index and reads rows. */
const QUEUE_INDEX = 'CardState_userId_state_due_suspended_buriedUntil_deckId_cardId_idx';
export const withQueueIndex = <O>(q: Parameters<typeof indexedBy<O>>[0]) => indexedBy(q, 'CardState', 's', QUEUE_INDEX);

/** The columns the queue needs; the picked card's full row is read afterwards. */
export interface DueRow {
  cardId: string;
  due: Date;
  state: CardStateValue;
}

export interface DueRows {
  /** Learning/relearning rows due today (soonest first) and the first review rows due. */
  rows: DueRow[];
  /** Review cards due today within the review limit (may exceed the review rows loaded). */
  reviewCount: number;
  /** Learning cards due today (may exceed the learning rows loaded). */
  learningCount: number;
}

/** A subscribed deck as the new-card queries need it. */
export interface QueueDeck {
  deckId: string;
  /** Deck.updatedAt: an edit or reload invalidates the cached new-card cursor. */
  deckUpdatedAt: Date;
  /** The deck has archived cards (rare): only then do the queries leave their state rows out. */
  hasArchived: boolean;
}

/**
 * The user's scheduled cards (CardState `s`) of `decks` in `states`, due before the end of today.
 * Everything it tests is in the queue index (userId, state, due, suspended, buriedUntil, deckId,
 * cardId), so no table row is read; archived cards (rare) are left out through the small list of
 * archived card ids of the decks that have any. why only those: the condition costs planning time
 * on PostgreSQL in each of the queue statement's arms, and almost no deck has archived cards.
 */
export function dueWhere(ctx: DayContext, decks: readonly QueueDeck[], states: readonly number[]): Expression<SqlBool> {
  const eb = expressionBuilder<DB & { s: DB['CardState'] }, 's'>();
  const deckIds = decks.map((d) => d.deckId);
  const withArchived = decks.filter((d) => d.hasArchived).map((d) => d.deckId);
  return eb.and([
    eb('s.userId', '=', ctx.userId),
    eb('s.state', 'in', [...states]),
    eb('s.due', '<', ctx.end),
    eb('s.suspended', '=', false),
    eb.or([eb('s.buriedUntil', 'is', null), eb('s.buriedUntil', '<=', ctx.now)]),
    eb('s.deckId', 'in', deckIds),
    ...(withArchived.length
      ? [eb('s.cardId', 'not in', eb.selectFrom('Card as a').select('a.id').where('a.deckId', 'in', withArchived).where('a.archived', '=', true))]
      : []),
  ]);
}

/** Due cards in `states`, soonest first, at most `limit`. */
const dueList = (ctx: DayContext, decks: readonly QueueDeck[], states: readonly number[], limit: number) =>
  qb()
    .selectFrom('CardState as s')
    .select(['s.cardId as cardId', 's.due as due', 's.state as state'])
    .where(dueWhere(ctx, decks, states))
    .orderBy('s.due')
    .limit(limit);

/** How many cards are due in `states`, counted up to `limit`. */
export const dueCount = (ctx: DayContext, decks: readonly QueueDeck[], states: readonly number[], limit: number) =>
  qb()
    .selectFrom(
      qb()
        .selectFrom('CardState as s')
        .select(sql<number>`1`.as('one'))
        .where(dueWhere(ctx, decks, states))
        .limit(limit)
        .as('x'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'));

/** Cards of a deck from `fromOrd` on that are new to the user: not archived, no studied, suspended or buried state row. */
function newCards(ctx: DayContext, deckId: string, fromOrd: number) {
  return qb()
    .selectFrom('Card as c')
    .where('c.deckId', '=', deckId)
    .where('c.archived', '=', false)
    .where('c.ord', '>=', fromOrd)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('CardState as ns')
            .select(sql<number>`1`.as('one'))
            .where('ns.userId', '=', ctx.userId)
            .whereRef('ns.cardId', '=', 'c.id')
            .where((w) =>
              w.or([
                w('ns.state', '<>', 0),
                w('ns.suspended', '=', true),
                w.and([w('ns.buriedUntil', 'is not', null), w('ns.buriedUntil', '>', ctx.now)]),
              ]),
            ),
        ),
      ),
    );
}

/**
 * The first card of the deck (from the cached lower bound) the user has not studied: where the new
 * cursor moves (new-cursor.ts).
 */
function firstUnstudiedOrd(ctx: DayContext, deckId: string, fromOrd: number) {
  return qb()
    .selectFrom('Card as c')
    .select('c.ord')
    .where('c.deckId', '=', deckId)
    .where('c.archived', '=', false)
    .where('c.ord', '>=', fromOrd)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('CardState as ns')
            .select(sql<number>`1`.as('one'))
            .where('ns.userId', '=', ctx.userId)
            .whereRef('ns.cardId', '=', 'c.id')
            .where('ns.state', '<>', 0),
        ),
      ),
    )
    .orderBy('c.ord')
    .limit(1);
}

const maxOrd = (deckId: string) =>
  qb()
    .selectFrom('Card as m')
    .select((eb) => eb.fn.max('m.ord').as('o'))
    .where('m.deckId', '=', deckId);

/** New cards of a deck counted up to `limit`, from the cursor on. */
const newCount = (ctx: DayContext, deckId: string, fromOrd: number, limit: number) =>
  qb()
    .selectFrom(newCards(ctx, deckId, fromOrd).select(sql<number>`1`.as('one')).orderBy('c.ord').limit(limit).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'));

/**
 * Scalar counts in ONE statement: due learning and review cards (capped) and, per deck, new cards
 * (capped) plus where the deck's new cursor moves. Updates the cursors.
 */
export async function queueCounts(
  q: Runner,
  ctx: DayContext,
  decks: readonly QueueDeck[],
  limits: { learning: number; review: number; newPerDeck: number },
): Promise<{ learning: number; review: number; newPerDeck: number[] }> {
  if (decks.length === 0) return { learning: 0, review: 0, newPerDeck: [] };
  const cursors = decks.map((d) => newCursor(ctx.userId, d.deckId, d.deckUpdatedAt.getTime()));
  const cols = [
    dueCount(ctx, decks, [1, 3], Math.max(0, limits.learning)).as('learning'),
    dueCount(ctx, decks, [2], Math.max(0, limits.review)).as('review'),
    ...decks.flatMap((d, i) => [
      newCount(ctx, d.deckId, cursors[i]!, Math.max(0, limits.newPerDeck)).as(`new${i}`),
      firstUnstudiedOrd(ctx, d.deckId, cursors[i]!).as(`first${i}`),
      maxOrd(d.deckId).as(`last${i}`),
    ]),
  ];
  const row = (await q.first(withQueueIndex(qb().selectNoFrom(cols)))) as Record<string, unknown> | undefined;
  const num = (k: string) => (row?.[k] === null || row?.[k] === undefined ? null : Number(row[k]));
  decks.forEach((d, i) => {
    const first = num(`first${i}`);
    setNewCursor(ctx.userId, d.deckId, d.deckUpdatedAt.getTime(), first ?? (num(`last${i}`) ?? -1) + 1);
  });
  return {
    learning: num('learning') ?? 0,
    review: num('review') ?? 0,
    newPerDeck: decks.map((_, i) => num(`new${i}`) ?? 0),
  };
}

/** Per-deck column names of the queue statement's counts row. */
const col = { fresh: (i: number) => `new${i}`, first: (i: number) => `first${i}`, last: (i: number) => `last${i}` };

/**
 * Everything the queue needs in ONE statement: a counts row (due learning and review cards, capped;
 * per deck new cards, capped, and where its new cursor moves), then learning/relearning cards due
 * today (soonest first), the first review cards due, and each deck's first new cards in deck order.
 * Counts stop at COUNT_CAP and the daily limits (not what is left of them today: the core's
 * buildQueue applies today's done counts), so a big backlog costs no more than the cap, and the
 * statement needs nothing but the decks. Updates the new cursors.
 */
export async function loadQueue(
  q: Runner,
  ctx: DayContext,
  decks: readonly QueueDeck[],
  opts: { newRows: number; newWant: number },
): Promise<{ due: DueRows; fresh: { cards: { cardId: string }[]; count: number } }> {
  if (decks.length === 0) return { due: { rows: [], reviewCount: 0, learningCount: 0 }, fresh: { cards: [], count: 0 } };
  const reviewLeft = ctx.settings.maxReviewsPerDay;
  const newWant = Math.min(opts.newWant, COUNT_CAP);
  const reviewRows = Math.min(reviewLeft, REVIEW_ROWS);
  const newRows = newWant > 0 ? opts.newRows : 0;
  const cursors = decks.map((d) => newCursor(ctx.userId, d.deckId, d.deckUpdatedAt.getTime()));

  // The counts are columns of the first row only (NULL elsewhere). why first: PostgreSQL types a
  // UNION's columns from its first arms, and the counts row is the one with every column typed.
  const countCols = [
    dueCount(ctx, decks, [1, 3], COUNT_CAP).as('learning'),
    dueCount(ctx, decks, [2], Math.min(reviewLeft, COUNT_CAP)).as('review'),
    ...decks.flatMap((d, i) => [
      newCount(ctx, d.deckId, cursors[i]!, newWant).as(col.fresh(i)),
      firstUnstudiedOrd(ctx, d.deckId, cursors[i]!).as(col.first(i)),
      maxOrd(d.deckId).as(col.last(i)),
    ]),
  ];
  const nulls = ['learning', 'review', ...decks.flatMap((_, i) => [col.fresh(i), col.first(i), col.last(i)])].map((name) =>
    sql<number | null>`NULL`.as(name),
  );
  const listed = (kind: string, i: number, list: ReturnType<typeof dueList>) =>
    qb()
      .selectFrom(list.as('l'))
      .select([sql.lit(kind).as('kind'), sql.lit(i).as('i'), 'l.cardId', 'l.due', 'l.state', ...nulls]);

  let all = qb().selectNoFrom([
    sql.lit('C').as('kind'),
    sql.lit(-1).as('i'),
    sql<string>`NULL`.as('cardId'),
    sql<Date>`NULL`.as('due'),
    sql<number>`NULL`.as('state'),
    ...countCols,
  ]);
  // why the casts: the arms' column lists match by construction; Kysely cannot see through the
  // per-deck column names built at run time.
  type Arm = typeof all;
  // why one list per learning state: each walks the queue index in due order and stops after a
  // few rows, where one list for both states sorts every learning card due today.
  all = all.unionAll(listed('L', -1, dueList(ctx, decks, [1], LEARNING_ROWS)) as unknown as Arm);
  all = all.unionAll(listed('L', -1, dueList(ctx, decks, [3], LEARNING_ROWS)) as unknown as Arm);
  if (reviewRows > 0) all = all.unionAll(listed('R', -1, dueList(ctx, decks, [2], reviewRows)) as unknown as Arm);
  if (newRows > 0) {
    decks.forEach((d, i) => {
      const ids = newCards(ctx, d.deckId, cursors[i]!).select('c.id as cardId').orderBy('c.ord').limit(newRows);
      all = all.unionAll(
        qb()
          .selectFrom(ids.as('n'))
          .select([sql.lit('N').as('kind'), sql.lit(i).as('i'), 'n.cardId', sql<Date>`NULL`.as('due'), sql<number>`NULL`.as('state'), ...nulls]) as unknown as Arm,
      );
    });
  }
  const rows = (await q.all(withQueueIndex(all))) as Record<string, unknown>[];

  const counts = rows.find((r) => r.kind === 'C') ?? {};
  const num = (k: string) => (counts[k] === null || counts[k] === undefined ? null : Number(counts[k]));
  decks.forEach((d, i) => {
    const first = num(col.first(i));
    setNewCursor(ctx.userId, d.deckId, d.deckUpdatedAt.getTime(), first ?? (num(col.last(i)) ?? -1) + 1);
  });
  const due: DueRow[] = [];
  const newIds: string[][] = decks.map(() => []);
  for (const r of rows) {
    if (r.kind === 'N') newIds[Number(r.i)]!.push(String(r.cardId));
    else if (r.kind !== 'C') due.push({ cardId: String(r.cardId), due: asDate(r.due)!, state: Number(r.state) as CardStateValue });
  }
  const fresh = takeNewCards(
    newIds.map((ids, i) => ({ ids, count: num(col.fresh(i)) ?? 0 })),
    opts.newRows,
    newWant,
  );
  return { due: { rows: due, reviewCount: num('review') ?? 0, learningCount: num('learning') ?? 0 }, fresh };
}
