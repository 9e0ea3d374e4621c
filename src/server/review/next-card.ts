import { buildQueue, nextCard, queueCounts, type QueueCounts } from '@/core/review';
import { db } from '../db';
import { requireStudyableDeck } from './access';
import { loadDueRows, loadNewCards } from './candidates';
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
  const learningLoaded = due.rows.filter((r) => r.state === 1 || r.state === 3).length;
  const reviewsLoaded = due.rows.length - learningLoaded;
  // why notLoaded: only the first rows of each kind are loaded, the rest are counted in SQL; the
  // core counts those too, so the counts and the new/review interleaving are exact.
  const queue = buildQueue({
    now,
    settings: ctx.settings,
    dueCards: due.rows,
    newCards: fresh.cards,
    reviewedTodayCounts: done,
    notLoaded: {
      learning: Math.max(0, due.learningCount - learningLoaded),
      review: Math.max(0, due.reviewCount - reviewsLoaded),
      new: Math.max(0, fresh.count - fresh.cards.length),
    },
  });
  const counts = queueCounts(queue);
  const pick = nextCard(queue, now, new Set(opts.exclude ?? []));
  const total = counts.new + counts.learning + counts.review;
  const base = { counts: { ...counts, total }, day: ctx.day };
  if (pick.kind !== 'card') {
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
