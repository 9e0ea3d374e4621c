import { buildQueue, nextCard, queueCounts, type QueueCounts } from '@/core/review';
import { db } from '../db';
import { requireStudyableDeck } from './access';
import { loadDueRows, loadNewCards, type DueRow } from './candidates';
import { dayContext, doneTodaySql } from './day';
import { readCard, readCardState } from './rows';
import { sqlite } from './sql';
import { toStudyCard, type StudyCard } from './study-card';
import { subscribedDecksSql } from './subscriptions';

export interface NextCardResult {
  /** Cards left today (daily limits applied) in the decks asked for. */
  counts: QueueCounts & { total: number };
  /** The card to show, or null when nothing is due now. */
  card: StudyCard | null;
  /** Only learning cards are left and the soonest is due at this time (ISO). */
  waitUntil: string | null;
  /** The current study day ('YYYY-MM-DD') in the user's time zone. */
  day: string;
}

export interface NextCardOptions {
  /** Study one deck (it must be subscribed); all subscribed decks otherwise. */
  deckId?: string;
  /** Cards not to hand out (e.g. the one on screen while prefetching). */
  exclude?: readonly string[];
}

/**
 * The next card to study. The queue is rebuilt from the database on every request (it is stateless:
 * new/review interleaving follows today's done counts), using bounded queries only.
 */
export async function nextCardForUser(userId: string, now: Date, opts: NextCardOptions = {}): Promise<NextCardResult> {
  const ctx = await dayContext(userId, now);
  if (opts.deckId) await requireStudyableDeck(userId, opts.deckId);
  // From here on, synchronous prepared statements (sql.ts): one consistent read, no Prisma round trips.
  const sql = await sqlite();
  const decks = subscribedDecksSql(sql, userId, opts.deckId ? [opts.deckId] : undefined);
  const deckIds = decks.map((d) => d.deckId);
  const done = doneTodaySql(sql, ctx);
  const newLeft = Math.max(0, ctx.settings.newPerDay - done.newDone);
  const due = loadDueRows(sql, ctx, deckIds, done);
  const fresh = loadNewCards(sql, ctx, deckIds, newLeft + (opts.exclude?.length ?? 0), 20 + (opts.exclude?.length ?? 0));
  const dueRows = due.rows;
  // why: only the first learning and review rows are loaded (the rest are counted in SQL). Stand-ins
  // sorted after them let the core queue see the true numbers left, so its counts and new/review
  // interleaving are exact; nextCard only hands out the front of each list, which holds real rows.
  const standIns = (state: 1 | 2, loaded: DueRow[], total: number) => {
    const last = loaded.at(-1)?.due ?? now;
    return Array.from({ length: Math.max(0, total - loaded.length) }, (_, i) => ({
      cardId: `\uffff${state}-${i}`,
      due: last,
      state,
    }));
  };
  const learningRows = dueRows.filter((r) => r.state === 1 || r.state === 3);
  const reviewRows = dueRows.filter((r) => r.state === 2);
  const extra = [...standIns(1, learningRows, due.learningCount), ...standIns(2, reviewRows, due.reviewCount)];
  const newCards = [
    ...fresh.cards,
    ...Array.from({ length: Math.max(0, fresh.count - fresh.cards.length) }, (_, i) => ({ cardId: `\uffff0-${i}` })),
  ];
  const queue = buildQueue({
    now,
    settings: ctx.settings,
    dueCards: [...dueRows.map((r) => ({ ...r, state: r.state as 0 | 1 | 2 | 3 })), ...extra],
    newCards,
    reviewedTodayCounts: done,
  });
  const counts = queueCounts(queue);
  const pick = nextCard(queue, now, new Set(opts.exclude ?? []));
  const total = counts.new + counts.learning + counts.review;
  const base = { counts: { ...counts, total }, day: ctx.day };
  if (pick.kind !== 'card' || pick.item.cardId.startsWith('\uffff')) {
    return { ...base, card: null, waitUntil: pick.kind === 'wait' ? pick.until.toISOString() : null };
  }
  const deckTitle = new Map(decks.map((d) => [d.deckId, d.title]));
  const card = readCard(sql, pick.item.cardId);
  if (!card) throw new Error(`queue picked a missing card ${pick.item.cardId}`);
  const state = readCardState(sql, userId, pick.item.cardId);
  const withDeck = { ...card, deck: { title: deckTitle.get(card.deckId) ?? '' } };
  return { ...base, card: toStudyCard(withDeck, state, pick.item.source, ctx.settings, now), waitUntil: null };
}

/** One card's study view (e.g. to show the card an undo brought back). */
export async function studyCardForUser(userId: string, cardId: string, now: Date): Promise<StudyCard | null> {
  const ctx = await dayContext(userId, now);
  const card = await db().card.findFirst({
    where: { id: cardId, archived: false },
    include: { deck: { select: { title: true } } },
  });
  if (!card) return null;
  const state = await db().cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  const queue = !state || state.state === 0 ? 'new' : state.state === 2 ? 'review' : 'learning';
  return toStudyCard(card, state, queue, ctx.settings, now);
}
