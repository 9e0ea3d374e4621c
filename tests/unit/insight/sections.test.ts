import { describe, expect, it } from 'vitest';
import { Rating, createScheduler, DEFAULT_REVIEW_SETTINGS, type CardStateFields } from '@/core/review';
import { classInsight, isOverdue, retrievabilityAt, type StudentCardState } from '@/core/insight';

const NOW = new Date('2026-01-05T09:00:00Z');
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const sched = createScheduler(DEFAULT_REVIEW_SETTINGS);
const good = (at: Date): CardStateFields => sched.applyRating(null, Rating.Good, at).next;
const st = (userId: string, cardId: string, s: CardStateFields, extra: Partial<StudentCardState & { suspended: boolean }> = {}) => ({
  ...s,
  userId,
  cardId,
  ...extra,
});

const cards = [
  { id: 'a', deckId: 'sqs', section: 'SQS › Basics', order: 0 },
  { id: 'b', deckId: 'sqs', section: 'SQS › Basics', order: 1 },
  { id: 'c', deckId: 'sqs', section: 'SQS › FIFO', order: 2 },
  { id: 'x', deckId: 'sns', section: 'SNS › Topics', order: 100 },
];

describe('isOverdue', () => {
  const s = { ...good(days(10)), userId: 'u', cardId: 'a' };
  it('needs the due time to have passed by the grace period', () => {
    expect(isOverdue({ ...s, due: days(2) }, NOW)).toBe(true);
    expect(isOverdue({ ...s, due: new Date(NOW.getTime() - 3_600_000) }, NOW)).toBe(false);
    expect(isOverdue({ ...s, due: new Date(NOW.getTime() - 3_600_000) }, NOW, 0)).toBe(true);
  });
  it('never counts suspended or new cards', () => {
    expect(isOverdue({ ...s, due: days(5), suspended: true }, NOW)).toBe(false);
    expect(isOverdue({ ...s, due: days(5), state: 0 }, NOW)).toBe(false);
  });
});

describe('classInsight', () => {
  it('gives each section its average recall, reviews in the last 7 days and overdue students', () => {
    const s1a = { ...good(days(3)), due: new Date(NOW.getTime() + 5 * 86_400_000) };
    const s2a = good(days(20));
    const states = [
      st('s1', 'a', s1a),
      st('s2', 'a', s2a, { due: days(4) }),
      st('s2', 'b', good(days(20)), { due: days(2) }),
      st('s1', 'c', good(days(1)), { due: days(3), suspended: true }),
      st('gone', 'x', good(days(1)), { due: days(9) }),
    ];
    const logs = [
      { userId: 's1', cardId: 'a', review: days(3) },
      { userId: 's2', cardId: 'a', review: days(8) },
      { userId: 's2', cardId: 'b', review: days(6.9) },
      { userId: 's1', cardId: 'c', review: days(1) },
      { userId: 'gone', cardId: 'x', review: days(1) },
    ];
    const out = classInsight({ cards, states, logs, studentIds: ['s1', 's2'], now: NOW });
    expect(out.sections.map((s) => s.section)).toEqual(['SQS › Basics', 'SQS › FIFO', 'SNS › Topics']);
    const basics = out.sections[0]!;
    expect(basics).toMatchObject({ cards: 2, studiedPairs: 3, reviewsInWindow: 2, overdueStudents: 1 });
    expect(basics.avgRecall).toBeCloseTo(
      (retrievabilityAt(s1a, NOW) + retrievabilityAt({ ...s2a, due: days(4) }, NOW) + retrievabilityAt(good(days(20)), NOW)) / 3,
      10,
    );
    expect(out.sections[1]).toMatchObject({ studiedPairs: 1, reviewsInWindow: 1, overdueStudents: 0 });
    // A student who is not in the class does not count anywhere.
    expect(out.sections[2]).toMatchObject({ avgRecall: null, studiedPairs: 0, reviewsInWindow: 0, overdueStudents: 0 });
    expect(out.overdue).toEqual([{ userId: 's2', overdueCards: 2, oldestDue: days(4) }]);
    expect(out.totals).toMatchObject({ studiedPairs: 4, reviewsInWindow: 3 });
  });

  it('reports nothing studied as unknown rather than zero', () => {
    const out = classInsight({ cards, states: [], logs: [], studentIds: ['s1'], now: NOW });
    expect(out.totals.avgRecall).toBeNull();
    expect(out.sections.every((s) => s.avgRecall === null)).toBe(true);
  });
});
