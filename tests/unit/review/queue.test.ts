import { describe, expect, it } from 'vitest';
import type { CardStateFields } from '@/core/review/card-fields';
import {
  buildQueue,
  dueCounts,
  nextCard,
  planOrder,
  type DoneToday,
  type NewCard,
  type QueueInput,
  type ScheduledCard,
} from '@/core/review/queue';
import { createScheduler } from '@/core/review/scheduler';
import { parseReviewSettings } from '@/core/review/settings';

// 10:00 in New York (EST); the study day 2026-01-05 runs until 2026-01-06T09:00Z (04:00 local).
const NOW = new Date('2026-01-05T15:00:00Z');
const MIN = 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const settings = parseReviewSettings({
  timeZone: 'America/New_York',
  dayRolloverHour: 4,
  newPerDay: 20,
  maxReviewsPerDay: 200,
});
const none: DoneToday = { newDone: 0, reviewsDone: 0 };

const review = (id: string, due: Date, extra: Partial<ScheduledCard> = {}): ScheduledCard => ({
  cardId: id,
  due,
  state: 2,
  ...extra,
});
const reviews = (n: number) => Array.from({ length: n }, (_, i) => review(`r${i}`, at(-(n - i) * MIN)));
const news = (n: number): NewCard[] => Array.from({ length: n }, (_, i) => ({ cardId: `n${i}` }));

function input(over: Partial<QueueInput>): QueueInput {
  return { now: NOW, settings, dueCards: [], newCards: [], reviewedTodayCounts: none, ...over };
}

describe('buildQueue', () => {
  it('takes Review cards due before the end of the study day, ordered by due', () => {
    const q = buildQueue(
      input({
        dueCards: [
          review('late-tonight', new Date('2026-01-06T08:59:00Z')), // 03:59 local: still today
          review('tomorrow', new Date('2026-01-06T09:00:00Z')), // 04:00 local: next study day
          review('overdue', new Date('2025-12-20T12:00:00Z')),
          review('this-morning', at(-3 * 60 * MIN)),
        ],
      }),
    );
    expect(q.reviews.map((c) => c.cardId)).toEqual(['overdue', 'this-morning', 'late-tonight']);
    expect(q.dayEnd.toISOString()).toBe('2026-01-06T09:00:00.000Z');
  });

  it('leaves out suspended cards and cards buried until later', () => {
    const q = buildQueue(
      input({
        dueCards: [
          review('ok', at(-MIN)),
          review('suspended', at(-MIN), { suspended: true }),
          review('buried', at(-MIN), { buriedUntil: at(60 * MIN) }),
          review('unburied', at(-MIN), { buriedUntil: at(-MIN) }),
        ],
        newCards: [{ cardId: 'n-buried', buriedUntil: at(MIN) }, { cardId: 'n-ok' }, { cardId: 'n-susp', suspended: true }],
      }),
    );
    expect(q.reviews.map((c) => c.cardId).sort()).toEqual(['ok', 'unburied']);
    expect(q.newCards.map((c) => c.cardId)).toEqual(['n-ok']);
  });

  it('respects the daily new and review limits minus what was done today', () => {
    const s = parseReviewSettings({ ...settings, newPerDay: 5, maxReviewsPerDay: 10 });
    const q = buildQueue(
      input({ settings: s, dueCards: reviews(20), newCards: news(20), reviewedTodayCounts: { newDone: 3, reviewsDone: 7 } }),
    );
    expect(q.newCards.map((c) => c.cardId)).toEqual(['n0', 'n1']);
    expect(q.reviews.map((c) => c.cardId)).toEqual(['r0', 'r1', 'r2']);
    const over = buildQueue(
      input({ settings: s, dueCards: reviews(5), newCards: news(5), reviewedTodayCounts: { newDone: 9, reviewsDone: 12 } }),
    );
    expect(over.newCards).toEqual([]);
    expect(over.reviews).toEqual([]);
  });

  it('does not limit learning and relearning cards by the review limit', () => {
    const s = parseReviewSettings({ ...settings, maxReviewsPerDay: 0 });
    const q = buildQueue(
      input({
        settings: s,
        dueCards: [review('r', at(-MIN)), review('l', at(-MIN), { state: 1 }), review('rl', at(-2 * MIN), { state: 3 })],
      }),
    );
    expect(q.reviews).toEqual([]);
    expect(q.learning.map((c) => c.cardId)).toEqual(['rl', 'l']);
  });

  it('keeps new cards in the given deck order and skips ones that already have a state', () => {
    const q = buildQueue(
      input({ dueCards: [review('b', at(MIN * 600), { state: 2 })], newCards: [{ cardId: 'c' }, { cardId: 'a' }, { cardId: 'b' }] }),
    );
    expect(q.newCards.map((c) => c.cardId)).toEqual(['c', 'a']);
    // a row still in state New (e.g. an unburied new card) stays a new card
    const withNewRow = buildQueue(input({ dueCards: [review('a', at(-MIN), { state: 0 })], newCards: [{ cardId: 'a' }] }));
    expect(withNewRow.newCards.map((c) => c.cardId)).toEqual(['a']);
    expect(withNewRow.reviews).toEqual([]);
  });

  it('a session limit keeps the mix of new and review cards', () => {
    const q = buildQueue(input({ dueCards: reviews(10), newCards: news(5), sessionLimit: 6 }));
    expect(q.reviews.map((c) => c.cardId)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(q.newCards.map((c) => c.cardId)).toEqual(['n0', 'n1']);
  });

  it('counts new, learning and review cards left today', () => {
    const s = parseReviewSettings({ ...settings, newPerDay: 4 });
    const counts = dueCounts(
      input({
        settings: s,
        dueCards: [...reviews(3), review('l1', at(5 * MIN), { state: 1 }), review('l2', at(24 * 60 * MIN), { state: 3 })],
        newCards: news(10),
        reviewedTodayCounts: { newDone: 1, reviewsDone: 0 },
      }),
    );
    expect(counts).toEqual({ new: 3, learning: 1, review: 3 });
  });

  it('counts cards that were not loaded like cards after the loaded ones, within the limits', () => {
    const s = parseReviewSettings({ ...settings, newPerDay: 20, maxReviewsPerDay: 50 });
    const loaded = input({
      settings: s,
      dueCards: [...reviews(2), review('l1', at(-MIN), { state: 1 })],
      newCards: news(2),
      notLoaded: { learning: 5, review: 98, new: 30 },
    });
    expect(dueCounts(loaded)).toEqual({ new: 20, learning: 6, review: 50 });
    // The same day with every card passed in gives the same counts and the same next card.
    const all = input({
      settings: s,
      dueCards: [...reviews(100), review('l1', at(-MIN), { state: 1 }), ...Array.from({ length: 5 }, (_, i) => review(`lx${i}`, at(0), { state: 1 }))],
      newCards: news(32),
    });
    expect(dueCounts(all)).toEqual(dueCounts(loaded));
    const done = { newDone: 0, reviewsDone: 10 };
    const later = (i: QueueInput) => nextCard(buildQueue({ ...i, dueCards: i.dueCards.filter((c) => c.state === 2), reviewedTodayCounts: done }), NOW);
    expect(later(loaded)).toEqual(later(all));
  });

  it('never hands out a card that was only counted', () => {
    const q = buildQueue(input({ dueCards: reviews(1), notLoaded: { learning: 0, review: 5, new: 0 } }));
    expect(nextCard(q, NOW, new Set(['r0']))).toEqual({ kind: 'done' });
  });
});

describe('interleaving new cards among reviews', () => {
  it('spreads new cards evenly through the reviews', () => {
    const order = planOrder(10, 5, none).map((s) => (s === 'new' ? 'N' : 'R')).join('');
    expect(order).toBe('RNRRNRRNRRNRRNR');
    expect(planOrder(0, 3, none)).toEqual(['new', 'new', 'new']);
    expect(planOrder(2, 0, none)).toEqual(['review', 'review']);
  });

  it('nextCard follows the same order when the queue is rebuilt per request', () => {
    const dueCards = reviews(12);
    let newCards = news(4);
    let remaining = dueCards;
    const done = { ...none };
    const shown: string[] = [];
    for (;;) {
      const q = buildQueue(input({ dueCards: remaining, newCards, reviewedTodayCounts: done }));
      const pick = nextCard(q, NOW);
      if (pick.kind !== 'card') {
        expect(pick.kind).toBe('done');
        break;
      }
      shown.push(pick.item.cardId);
      // The card is answered and leaves today's queue (due tomorrow or later).
      if (pick.item.source === 'new') {
        newCards = newCards.filter((c) => c.cardId !== pick.item.cardId);
        done.newDone++;
      } else {
        remaining = remaining.filter((c) => c.cardId !== pick.item.cardId);
        done.reviewsDone++;
      }
    }
    expect(shown.map((id) => id[0]).join('')).toBe('rrnrrrnrrrnrrrnr');
    expect(shown.filter((id) => id.startsWith('n'))).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(shown.filter((id) => id.startsWith('r'))).toEqual(dueCards.map((c) => c.cardId));
  });

  it('continues the day’s spacing from the done counts', () => {
    // On schedule: 2 of 4 new and 4 of 8 reviews done; the 3rd new card belongs at position 7.
    expect(planOrder(4, 2, { newDone: 2, reviewsDone: 4 }).join(' ')).toBe('review new review review new review');
    // Behind on new cards (6 reviews, no new yet): a new card comes next.
    expect(planOrder(6, 4, { newDone: 0, reviewsDone: 6 })[0]).toBe('new');
    // Ahead on new cards (3 of 4 new already): reviews until the last new card's slot.
    expect(planOrder(10, 1, { newDone: 3, reviewsDone: 1 }).indexOf('new')).toBe(9);
  });
});

describe('learning cards in a session', () => {
  const base = { dueCards: [review('l', at(MIN), { state: 1 }), review('r', at(-MIN))] };

  it('shows a learning card as soon as it is due, before reviews and new cards', () => {
    const q = buildQueue(input({ ...base, newCards: news(1) }));
    expect(nextCard(q, NOW)).toMatchObject({ kind: 'card', item: { cardId: 'r', source: 'review' } });
    expect(nextCard(q, at(MIN))).toMatchObject({ kind: 'card', item: { cardId: 'l', source: 'learning' } });
  });

  it('learns ahead within 20 minutes when nothing else is left, otherwise waits', () => {
    const soon = buildQueue(input({ dueCards: [review('l', at(15 * MIN), { state: 3 })] }));
    expect(nextCard(soon, NOW)).toMatchObject({ kind: 'card', item: { cardId: 'l' } });
    const later = buildQueue(input({ dueCards: [review('l', at(25 * MIN), { state: 1 })] }));
    expect(nextCard(later, NOW)).toEqual({ kind: 'wait', until: at(25 * MIN) });
    const custom = buildQueue(input({ dueCards: [review('l', at(25 * MIN), { state: 1 })], learnAheadMinutes: 30 }));
    expect(nextCard(custom, NOW)).toMatchObject({ kind: 'card', item: { cardId: 'l' } });
  });

  it('skips excluded cards (the one on screen)', () => {
    const q = buildQueue(input({ dueCards: reviews(2) }));
    expect(nextCard(q, NOW, new Set(['r0']))).toMatchObject({ item: { cardId: 'r1' } });
    expect(nextCard(q, NOW, new Set(['r0', 'r1']))).toEqual({ kind: 'done' });
  });

  it('new cards rated Good come back after their 10m step and graduate in the same session', () => {
    const scheduler = createScheduler(settings);
    const states = new Map<string, CardStateFields>();
    let newCards = news(3);
    const done = { ...none };
    let t = NOW;
    const log: string[] = [];
    for (let guard = 0; guard < 50; guard++) {
      const dueCards = [...states.entries()].map(([cardId, s]) => ({ cardId, due: s.due, state: s.state }));
      const q = buildQueue(input({ now: t, dueCards, newCards, reviewedTodayCounts: done }));
      const pick = nextCard(q, t);
      if (pick.kind === 'done') break;
      if (pick.kind === 'wait') {
        t = pick.until;
        continue;
      }
      const id = pick.item.cardId;
      const before = states.get(id) ?? null;
      const { next } = scheduler.applyRating(before, 3, t);
      if (!before) {
        newCards = newCards.filter((c) => c.cardId !== id);
        done.newDone++;
      }
      states.set(id, next);
      log.push(`${id}:${pick.item.source}`);
      t = new Date(t.getTime() + 30_000); // 30 s per answer
    }
    expect(log).toEqual(['n0:new', 'n1:new', 'n2:new', 'n0:learning', 'n1:learning', 'n2:learning']);
    expect([...states.values()].every((s) => s.state === 2)).toBe(true);
    // the second round started by learning ahead: at most 20 minutes before the 10m step was due
    expect(t.getTime() - NOW.getTime()).toBeLessThan(15 * MIN);
  });
});
