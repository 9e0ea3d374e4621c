import { describe, expect, it } from 'vitest';
import { Rating, createScheduler, DEFAULT_REVIEW_SETTINGS, type CardStateFields } from '@/core/review';
import { cardRecalls, pickWarmup, rankByForgetting, retrievabilityAt, type CardRecall, type StudentCardState } from '@/core/insight';

const NOW = new Date('2026-01-05T09:00:00Z');
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const sched = createScheduler(DEFAULT_REVIEW_SETTINGS);

/** A card's state after the given ratings at the given times (first = new card). */
function stateAfter(steps: Array<[number, Date]>): CardStateFields {
  let s: CardStateFields | null = null;
  for (const [rating, at] of steps) s = sched.applyRating(s, rating as 1 | 2 | 3 | 4, at).next;
  return s!;
}
const st = (userId: string, cardId: string, s: CardStateFields): StudentCardState => ({ ...s, userId, cardId });

const cards = [
  { id: 'a', order: 0, section: 'SQS › Basics' },
  { id: 'b', order: 1, section: 'SQS › Basics' },
  { id: 'c', order: 2, section: 'SQS › FIFO' },
  { id: 'd', order: 3, section: 'SQS › FIFO' },
];

describe('retrievability of a studied card', () => {
  it('falls as time passes since the last review', () => {
    const s = stateAfter([[Rating.Good, days(30)]]);
    const soon = retrievabilityAt(s, days(29));
    const later = retrievabilityAt(s, NOW);
    expect(soon).toBeGreaterThan(later);
    expect(later).toBeGreaterThan(0);
    expect(soon).toBeLessThanOrEqual(1);
  });
});

describe('cardRecalls', () => {
  it('averages only students who studied the card and ignores outsiders and New rows', () => {
    const wellKnown = stateAfter([[Rating.Easy, days(2)]]);
    const forgotten = stateAfter([[Rating.Again, days(20)]]);
    const states = [
      st('s1', 'a', wellKnown),
      st('s2', 'a', forgotten),
      st('s1', 'b', wellKnown),
      st('outsider', 'c', forgotten),
      st('s2', 'd', { ...forgotten, state: 0 }),
    ];
    const r = cardRecalls({ cards, states, studentIds: ['s1', 's2', 's3'], now: NOW });
    const a = r.find((x) => x.cardId === 'a')!;
    expect(a.studiedBy).toBe(2);
    expect(a.avgRecall).toBeCloseTo((retrievabilityAt(wellKnown, NOW) + retrievabilityAt(forgotten, NOW)) / 2, 10);
    expect(a.slipping).toBe(1);
    expect(r.find((x) => x.cardId === 'b')!.studiedBy).toBe(1);
    // c: only an outsider studied it; d: a New row is not studied.
    expect(r.find((x) => x.cardId === 'c')).toMatchObject({ avgRecall: null, studiedBy: 0 });
    expect(r.find((x) => x.cardId === 'd')).toMatchObject({ avgRecall: null, studiedBy: 0 });
  });
});

describe('rankByForgetting / pickWarmup', () => {
  const rec = (cardId: string, order: number, avgRecall: number | null, studiedBy: number): CardRecall => ({
    cardId,
    order,
    section: '',
    avgRecall,
    studiedBy,
    slipping: 0,
  });

  it('puts the lowest average recall first, unstudied cards last in deck order', () => {
    const ranked = rankByForgetting([rec('u2', 5, null, 0), rec('hi', 1, 0.95, 3), rec('u1', 2, null, 0), rec('lo', 3, 0.4, 2)]);
    expect(ranked.map((r) => r.cardId)).toEqual(['lo', 'hi', 'u1', 'u2']);
  });

  it('breaks ties by how many students studied the card, then deck order', () => {
    const ranked = rankByForgetting([rec('x', 0, 0.5, 1), rec('y', 2, 0.5, 4), rec('z', 1, 0.5, 4)]);
    expect(ranked.map((r) => r.cardId)).toEqual(['z', 'y', 'x']);
  });

  it('takes N cards, filling with unstudied ones only when allowed', () => {
    const input = [rec('a', 0, 0.9, 1), rec('b', 1, null, 0), rec('c', 2, 0.3, 1)];
    expect(pickWarmup(input, { count: 2 }).map((r) => r.cardId)).toEqual(['c', 'a']);
    expect(pickWarmup(input, { count: 5 }).map((r) => r.cardId)).toEqual(['c', 'a', 'b']);
    expect(pickWarmup(input, { count: 5, fillWithUnstudied: false }).map((r) => r.cardId)).toEqual(['c', 'a']);
  });

  it('ranks a class that forgot a card above one that keeps it, from real FSRS states', () => {
    const lapsed = stateAfter([
      [Rating.Good, days(40)],
      [Rating.Again, days(30)],
    ]);
    const fresh = stateAfter([
      [Rating.Good, days(40)],
      [Rating.Good, days(1)],
    ]);
    const states = [st('s1', 'a', fresh), st('s2', 'a', fresh), st('s1', 'c', lapsed), st('s2', 'c', lapsed), st('s1', 'b', fresh)];
    const picked = pickWarmup(cardRecalls({ cards, states, studentIds: ['s1', 's2'], now: NOW }), { count: 3 });
    expect(picked.map((r) => r.cardId)).toEqual(['c', 'a', 'b']);
  });
});
