import { buildQueue, nextCard, queueCounts, type QueueCounts } from '@/core/review';
import { db, queries } from '../db';
import { loadQueue, type QueueDeck } from './candidates';
import { dayContext } from './day';
import { readCardWithState } from './rows';
import { toStudyCard, type StudyCard } from './study-card';
import { studyDecks } from './study-decks';

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
 * The decks each user's last queue request studied. why: the queue statement needs only the deck
 * list, so it can run side by side with the statement that reads the decks (and today's counts)
 * when the list is the one used last time, which it almost always is; it is checked against the
 * fresh list on every request and the queue is read again when they differ.
 */
const globalDecks = globalThis as unknown as { __reviewQueueDecks?: Map<string, QueueDeck[]> };
const lastDecks = (globalDecks.__reviewQueueDecks ??= new Map());

const sameDecks = (a: readonly QueueDeck[], b: readonly QueueDeck[]) =>
  a.length === b.length &&
  a.every((d, i) => d.deckId === b[i]!.deckId && d.deckUpdatedAt.getTime() === b[i]!.deckUpdatedAt.getTime() && d.hasArchived === b[i]!.hasArchived);

/**
 * The next card to study. The queue is rebuilt from the database on every request (it is stateless:
 * new/review interleaving follows today's done counts), using bounded queries only: the decks with
 * today's done counts and the queue's rows with their counts (side by side), then the card.
 */
export async function nextCardForUser(userId: string, now: Date, opts: NextCardOptions = {}): Promise<NextCardResult> {
  const ctx = await dayContext(userId, now);
  const excluded = opts.exclude?.length ?? 0;
  const queueOpts = { newRows: 20 + excluded, newWant: ctx.settings.newPerDay + excluded };
  const key = `${userId}\u0000${opts.deckId ?? ''}`;
  const guess = lastDecks.get(key);
  const [{ decks, done }, early] = await Promise.all([
    studyDecks(ctx, opts.deckId ? [opts.deckId] : undefined),
    guess ? loadQueue(queries(), ctx, guess, queueOpts) : undefined,
  ]);
  if (lastDecks.size >= 10_000) lastDecks.clear();
  lastDecks.set(key, decks);
  const { due, fresh } = early && sameDecks(guess!, decks) ? early : await loadQueue(queries(), ctx, decks, queueOpts);
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
  const found = await readCardWithState(queries(), userId, pick.item.cardId);
  if (!found) throw new Error(`queue picked a missing card ${pick.item.cardId}`);
  const title = decks.find((d) => d.deckId === found.card.deckId)?.title ?? '';
  return { ...base, card: toStudyCard({ ...found.card, deck: { title } }, found.state, pick.item.source, ctx.settings, now), waitUntil: null };
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
