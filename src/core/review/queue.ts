import type { CardFlags, CardStateValue } from './card-fields';
import { dayEnd, studyDayOf } from './days';
import type { ReviewSettings } from './settings';

/** A card with a state row, as the queue needs it. */
export interface ScheduledCard extends Partial<CardFlags> {
  cardId: string;
  due: Date;
  state: CardStateValue;
}

/** A card the user has not studied yet (no state row, or a row still in state New). */
export interface NewCard extends Partial<CardFlags> {
  cardId: string;
}

export interface DoneToday {
  /** New cards introduced today (logs of this study day with state New, not undone). */
  newDone: number;
  /** Review-state cards reviewed today (logs with state Review, not undone). */
  reviewsDone: number;
}

export type QueueSource = 'learning' | 'review' | 'new';

export interface QueueItem {
  cardId: string;
  source: QueueSource;
  /** Due time; for new cards, undefined. */
  due?: Date;
}

export interface QueueInput {
  now: Date;
  settings: ReviewSettings;
  /** Cards with a state row; callers may pass more than are due. Rows in state New are ignored here (pass them in newCards). */
  dueCards: readonly ScheduledCard[];
  /** New cards in deck order (deck, then Card.ord); the order is kept. */
  newCards: readonly NewCard[];
  reviewedTodayCounts: DoneToday;
  /** Cap on review + new cards in this queue (e.g. a 20-card session); learning cards are never capped. */
  sessionLimit?: number;
  /** Learning cards due within this many minutes may be shown early when nothing else is left. Default 20. */
  learnAheadMinutes?: number;
  /**
   * Cards due today behind the ones passed in (a service may load only the first rows of each kind
   * and count the rest). They count toward the counts and the new/review interleaving like passed
   * cards after the last one; they are never handed out. Ignored with sessionLimit.
   */
  notLoaded?: QueueCounts;
}

export interface ReviewQueue {
  now: Date;
  /** End of the current study day: reviews due before it count as due today. */
  dayEnd: Date;
  /** Learning/relearning cards due before the end of the study day, soonest first. */
  learning: QueueItem[];
  /** Review-state cards due today, soonest first, capped by maxReviewsPerDay − reviewsDone. */
  reviews: QueueItem[];
  /** New cards in deck order, capped by newPerDay − newDone. */
  newCards: QueueItem[];
  done: DoneToday;
  learnAheadMs: number;
  /** Cards counted behind each list (from QueueInput.notLoaded, daily limits applied). */
  beyond: QueueCounts;
}

export type NextPick =
  | { kind: 'card'; item: QueueItem }
  /** Only learning cards remain and none is due within the learn-ahead limit. */
  | { kind: 'wait'; until: Date }
  | { kind: 'done' };

const DEFAULT_LEARN_AHEAD_MIN = 20;

function available(c: Partial<CardFlags>, now: Date): boolean {
  if (c.suspended) return false;
  return !(c.buriedUntil && c.buriedUntil.getTime() > now.getTime());
}

const byDue = (a: ScheduledCard, b: ScheduledCard) => a.due.getTime() - b.due.getTime() || (a.cardId < b.cardId ? -1 : 1);

/**
 * Builds today's queue from candidate cards. Pure: the service loads candidates and today's counts,
 * builds the queue per request and asks {@link nextCard} what to show.
 */
export function buildQueue(input: QueueInput): ReviewQueue {
  const { now, settings } = input;
  const today = studyDayOf(now, settings.timeZone, settings.dayRolloverHour);
  const end = dayEnd(today, settings.timeZone, settings.dayRolloverHour);
  const endMs = end.getTime();

  const dueToday = input.dueCards
    .filter((c) => c.state !== 0 && available(c, now) && c.due.getTime() < endMs)
    .slice()
    .sort(byDue);
  const learning = dueToday.filter((c) => c.state === 1 || c.state === 3);
  const reviewLeft = Math.max(0, settings.maxReviewsPerDay - input.reviewedTodayCounts.reviewsDone);
  let reviews = dueToday.filter((c) => c.state === 2).slice(0, reviewLeft);
  const newLeft = Math.max(0, settings.newPerDay - input.reviewedTodayCounts.newDone);
  // why: a row still in state New (e.g. a buried or unsuspended new card) is a new card, not a
  // scheduled one; only rows that were studied shadow an entry in newCards.
  const seen = new Set(input.dueCards.filter((c) => c.state !== 0).map((c) => c.cardId));
  let newCards = input.newCards.filter((c) => available(c, now) && !seen.has(c.cardId)).slice(0, newLeft);

  const more = input.sessionLimit === undefined ? input.notLoaded : undefined;
  const beyond: QueueCounts = {
    learning: more?.learning ?? 0,
    review: Math.max(0, Math.min(reviews.length + (more?.review ?? 0), reviewLeft) - reviews.length),
    new: Math.max(0, Math.min(newCards.length + (more?.new ?? 0), newLeft) - newCards.length),
  };

  if (input.sessionLimit !== undefined) {
    // why: trim with the same interleaving the session would use, so a short session keeps the
    // day's mix of new and review cards instead of being all reviews.
    const plan = planOrder(reviews.length, newCards.length, input.reviewedTodayCounts).slice(
      0,
      Math.max(0, input.sessionLimit),
    );
    const newInPlan = plan.filter((s) => s === 'new').length;
    reviews = reviews.slice(0, plan.length - newInPlan);
    newCards = newCards.slice(0, newInPlan);
  }

  return {
    now,
    dayEnd: end,
    learning: learning.map((c) => ({ cardId: c.cardId, source: 'learning', due: c.due })),
    reviews: reviews.map((c) => ({ cardId: c.cardId, source: 'review', due: c.due })),
    newCards: newCards.map((c) => ({ cardId: c.cardId, source: 'new' })),
    done: { ...input.reviewedTodayCounts },
    learnAheadMs: (input.learnAheadMinutes ?? DEFAULT_LEARN_AHEAD_MIN) * 60_000,
    beyond,
  };
}

/**
 * Whether the next non-learning card should be new. New cards are spread evenly through the day's
 * reviews (Anki's "mix new cards with reviews"): with 20 new and 100 reviews, one new about every
 * 6 cards. Stateless — it only uses today's done counts — so it works when called once per request.
 */
export function shouldShowNew(reviewsLeft: number, newLeft: number, done: DoneToday): boolean {
  if (newLeft <= 0) return false;
  if (reviewsLeft <= 0) return true;
  const totalNew = done.newDone + newLeft;
  const total = totalNew + done.reviewsDone + reviewsLeft;
  const spacing = total / totalNew;
  const position = done.newDone + done.reviewsDone;
  // why: the k-th new card belongs at the middle of its 1/spacing share of the day.
  return position >= Math.floor((done.newDone + 0.5) * spacing);
}

/** The order of 'review' and 'new' slots the interleaving would produce (ignoring learning cards). */
export function planOrder(reviewsLeft: number, newLeft: number, done: DoneToday): ('review' | 'new')[] {
  const out: ('review' | 'new')[] = [];
  const d = { ...done };
  let r = reviewsLeft;
  let n = newLeft;
  while (r > 0 || n > 0) {
    if (shouldShowNew(r, n, d)) {
      out.push('new');
      n--;
      d.newDone++;
    } else {
      out.push('review');
      r--;
      d.reviewsDone++;
    }
  }
  return out;
}

/**
 * Picks the card to show at `now`: a learning card that is due first, then reviews with new cards
 * interleaved, then (learn ahead) a learning card due within the learn-ahead limit.
 * Pass `exclude` to skip cards already handed out (e.g. the card currently on screen).
 */
export function nextCard(queue: ReviewQueue, now: Date, exclude: ReadonlySet<string> = new Set()): NextPick {
  const t = now.getTime();
  const learning = queue.learning.filter((c) => !exclude.has(c.cardId));
  const reviews = queue.reviews.filter((c) => !exclude.has(c.cardId));
  const newCards = queue.newCards.filter((c) => !exclude.has(c.cardId));

  const dueLearning = learning.find((c) => c.due!.getTime() <= t);
  if (dueLearning) return { kind: 'card', item: dueLearning };

  const reviewsLeft = reviews.length + queue.beyond.review;
  const newLeft = newCards.length + queue.beyond.new;
  if (reviewsLeft > 0 || newLeft > 0) {
    const item = shouldShowNew(reviewsLeft, newLeft, queue.done) ? newCards[0] : reviews[0];
    // why done: the cards left of that kind were not loaded (the loaded ones are all excluded).
    return item ? { kind: 'card', item } : { kind: 'done' };
  }

  const soonest = learning[0];
  if (!soonest) return { kind: 'done' }; // learning cards not loaded are due after the loaded ones
  if (soonest.due!.getTime() <= t + queue.learnAheadMs) return { kind: 'card', item: soonest };
  return { kind: 'wait', until: soonest.due! };
}

/** Counts shown on the deck screen: cards still to do today. */
export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

/** Counts for a built queue (daily limits already applied). */
export function queueCounts(queue: ReviewQueue): QueueCounts {
  return {
    new: queue.newCards.length + queue.beyond.new,
    learning: queue.learning.length + queue.beyond.learning,
    review: queue.reviews.length + queue.beyond.review,
  };
}

/** Builds the queue and returns its counts: new/learning/review due today within the daily limits. */
export function dueCounts(input: Omit<QueueInput, 'sessionLimit'>): QueueCounts {
  return queueCounts(buildQueue(input));
}
