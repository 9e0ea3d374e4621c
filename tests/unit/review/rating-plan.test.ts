import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SETTINGS, planRating, takeNewCards, type RatingRead, type RatingRequest, type StoredCardState } from '@/core/review';

const NOW = new Date('2026-03-10T12:00:00Z');
const settings = { ...DEFAULT_REVIEW_SETTINGS, timeZone: 'UTC', dayRolloverHour: 4 };
const none: RatingRead = { deckId: 'd1', state: null, earlier: null, lastQuizAnswer: null };
const req = (over: Partial<RatingRequest> = {}): RatingRequest => ({
  cardId: 'c1',
  rating: 3,
  source: 'review',
  quiz: false,
  now: NOW,
  newStateId: 'state-1',
  newLogId: 'log-1',
  ...over,
});
const studied: StoredCardState = {
  id: 'row-1',
  due: new Date('2026-03-09T12:00:00Z'),
  stability: 3,
  difficulty: 5,
  elapsedDays: 2,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 4,
  lapses: 0,
  state: 2,
  lastReview: new Date('2026-03-06T12:00:00Z'),
  suspended: false,
  buriedUntil: new Date('2026-03-11T04:00:00Z'),
  leech: false,
  version: 7,
};

describe('planRating', () => {
  it('writes a first rating as version 1 with the ids passed in and no previous snapshot', () => {
    const plan = planRating(none, req(), settings);
    expect(plan).toMatchObject({ kind: 'write', state: { id: 'state-1', version: 1, reps: 1 }, log: { id: 'log-1', previous: null } });
  });

  it('builds on the row read: version + 1, the row id kept, a bury cleared, the old state in previous', () => {
    const plan = planRating({ ...none, state: studied }, req({ expectedVersion: 7 }), settings);
    if (plan.kind !== 'write') throw new Error(plan.kind);
    expect(plan.state).toMatchObject({ id: 'row-1', version: 8, reps: 5, buriedUntil: null });
    expect(plan.log.previous).toMatchObject({ reps: 4, due: studied.due.toISOString() });
  });

  it('replays an applied clientId, and refuses one reused for another card', () => {
    const earlier = { logId: 'l0', cardId: 'c1', rating: 3 as const, review: NOW };
    expect(planRating({ ...none, earlier }, req(), settings)).toMatchObject({ kind: 'replayed', logId: 'l0' });
    expect(planRating({ ...none, earlier: { ...earlier, cardId: 'other' } }, req(), settings)).toMatchObject({ kind: 'refused', code: 'client_id_reused' });
  });

  it('refuses a stale version, a suspended card on the review screen and a card the user may not study', () => {
    expect(planRating({ ...none, state: studied }, req({ expectedVersion: 6 }), settings)).toEqual({ kind: 'refused', code: 'stale_version', current: 7 });
    expect(planRating({ ...none, state: { ...studied, suspended: true } }, req(), settings)).toMatchObject({ kind: 'refused', code: 'card_suspended' });
    expect(planRating({ ...none, deckId: null }, req(), settings)).toMatchObject({ kind: 'refused', code: 'card_not_found' });
  });

  it('quiz answers: a missing card is skipped, a suspended one rated, and only the first answer of a study day counts', () => {
    const quiz = req({ quiz: true, source: 'live', rating: 1 });
    expect(planRating({ ...none, deckId: null }, quiz, settings)).toEqual({ kind: 'skipped', reason: 'card-missing' });
    expect(planRating({ ...none, state: { ...studied, suspended: true } }, quiz, settings).kind).toBe('write');
    // 05:00Z is after the 04:00 rollover: the same study day as NOW.
    expect(planRating({ ...none, lastQuizAnswer: new Date('2026-03-10T05:00:00Z') }, quiz, settings)).toEqual({ kind: 'skipped', reason: 'already-today' });
    // 03:00Z belongs to the day before.
    expect(planRating({ ...none, lastQuizAnswer: new Date('2026-03-10T03:00:00Z') }, quiz, settings).kind).toBe('write');
  });
});

describe('takeNewCards', () => {
  it('takes decks in order up to the rows loaded and counts up to the limit', () => {
    const decks = [
      { ids: ['a1', 'a2'], count: 2 },
      { ids: ['b1', 'b2', 'b3'], count: 40 },
    ];
    expect(takeNewCards(decks, 3, 20)).toEqual({ cards: [{ cardId: 'a1' }, { cardId: 'a2' }, { cardId: 'b1' }], count: 20 });
    expect(takeNewCards(decks, 10, 1)).toEqual({ cards: [{ cardId: 'a1' }], count: 1 });
    expect(takeNewCards(decks, 10, 0)).toEqual({ cards: [], count: 0 });
  });
});
