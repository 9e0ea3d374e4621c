import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  fromFsrsCard,
  snapshotFromJson,
  snapshotToJson,
  toFsrsCard,
  type CardSnapshot,
  type CardStateFields,
  type RatingValue,
} from '@/core/review/card-fields';
import { formatInterval } from '@/core/review/interval-label';
import { createScheduler, fsrsParamsFor } from '@/core/review/scheduler';
import { DEFAULT_REVIEW_SETTINGS, parseReviewSettings } from '@/core/review/settings';

const NOW = new Date('2026-01-05T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const later = (ms: number, from = NOW) => new Date(from.getTime() + ms);

/** A Review card last seen 100 days ago with stability 100. */
const reviewCard: CardStateFields = {
  due: NOW,
  stability: 100,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 100,
  learningSteps: 0,
  reps: 5,
  lapses: 0,
  state: 2,
  lastReview: later(-100 * DAY),
};

describe('createScheduler matches ts-fsrs called directly', () => {
  const settings = parseReviewSettings({
    desiredRetention: 0.85,
    learningSteps: '2m 15m 1h',
    relearningSteps: '5m 20m',
    maxIntervalDays: 365,
  });
  const ours = createScheduler(settings);
  const direct = fsrs(
    generatorParameters({
      request_retention: 0.85,
      maximum_interval: 365,
      enable_fuzz: false,
      learning_steps: ['2m', '15m', '1h'],
      relearning_steps: ['5m', '20m'],
    }),
  );

  it('uses the settings as ts-fsrs parameters', () => {
    expect(ours.params).toMatchObject({
      request_retention: 0.85,
      maximum_interval: 365,
      enable_fuzz: false,
      // "1h" reaches ts-fsrs as the equivalent "60m"; the test above compares against '1h'.
      learning_steps: ['2m', '15m', '60m'],
      relearning_steps: ['5m', '20m'],
    });
  });

  it('gives the same card as fsrs().next for every rating along a review history', () => {
    // Walk one card through a fixed sequence of ratings and times, comparing at every step.
    const ratings: RatingValue[] = [3, 3, 1, 3, 3, 4, 2, 1, 3, 3];
    let mine: CardStateFields | null = null;
    let theirs: Card = createEmptyCard(NOW);
    let t = NOW;
    for (const rating of ratings) {
      for (const g of [1, 2, 3, 4] as RatingValue[]) {
        const expected = fromFsrsCard(direct.next(theirs, t, g).card);
        expect(ours.applyRating(mine, g, t).next).toEqual(expected);
      }
      const previews = ours.previewIntervals(mine, t);
      const directPreview = direct.repeat(theirs, t);
      expect(previews.map((p) => p.due.getTime())).toEqual(
        ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const).map((g) => directPreview[g].card.due.getTime()),
      );
      const result = ours.applyRating(mine, rating, t);
      theirs = direct.next(theirs, t, rating).card;
      mine = result.next;
      // review exactly when due
      t = mine.due;
    }
    expect(mine!.reps).toBe(ratings.length);
    expect(mine!.lapses).toBeGreaterThanOrEqual(1);
  });

  it('returns the ts-fsrs log fields for the state before the review', () => {
    const { log } = ours.applyRating(reviewCard, 3, NOW);
    const expected = direct.next(toFsrsCard(reviewCard), NOW, Rating.Good).log;
    expect(log).toMatchObject({
      rating: 3,
      state: State.Review,
      stability: 100,
      difficulty: 5,
      elapsedDays: expected.elapsed_days,
      lastElapsedDays: expected.last_elapsed_days,
      scheduledDays: 100,
      review: NOW,
      due: reviewCard.lastReview,
    });
    expect(log.elapsedDays).toBe(100);
  });

  it('caps intervals at maxIntervalDays (ts-fsrs keeps Good/Easy one day apart above it)', () => {
    const old = { ...reviewCard, stability: 3000, lastReview: later(-3000 * DAY) };
    const days = ([2, 3, 4] as RatingValue[]).map((g) => ours.applyRating(old, g, NOW).next.scheduledDays);
    expect(days).toEqual([365, 366, 367]);
  });

  it('retrievability equals ts-fsrs get_retrievability and is 0 for new cards', () => {
    const at = later(50 * DAY);
    expect(ours.retrievability(reviewCard, at)).toBe(direct.get_retrievability(toFsrsCard(reviewCard), at, false));
    expect(ours.retrievability(reviewCard, at)).toBeGreaterThan(0.5);
    expect(ours.retrievability(reviewCard, at)).toBeLessThan(1);
    expect(ours.retrievability(null, NOW)).toBe(0);
  });

  it('rejects a rating outside 1-4', () => {
    expect(() => ours.applyRating(null, 0 as RatingValue, NOW)).toThrow(/invalid rating/);
    expect(() => ours.applyRating(null, 5 as RatingValue, NOW)).toThrow(/invalid rating/);
  });
});

describe('previewIntervals', () => {
  const s = createScheduler(DEFAULT_REVIEW_SETTINGS);

  it('shows the learning steps for a new card (1m 10m)', () => {
    const p = s.previewIntervals(null, NOW);
    expect(p.map((x) => x.rating)).toEqual([1, 2, 3, 4]);
    expect(p.map((x) => x.label)).toEqual(['1m', '6m', '10m', '8d']);
    expect(p[0]!.due).toEqual(later(MIN));
    expect(p[2]!.due).toEqual(later(10 * MIN));
  });

  it('shows the relearning step for Again and growing intervals for a Review card', () => {
    const p = s.previewIntervals(reviewCard, NOW);
    expect(p[0]!.label).toBe('10m');
    const days = p.slice(1).map((x) => (x.due.getTime() - NOW.getTime()) / DAY);
    expect(days[0]).toBeLessThan(days[1]!);
    expect(days[1]).toBeLessThan(days[2]!);
    expect(p.slice(1).every((x) => x.label.endsWith('mo') || x.label.endsWith('y'))).toBe(true);
  });

  it('uses second-unit steps rounded up to whole minutes', () => {
    const secs = createScheduler(parseReviewSettings({ learningSteps: '30s 5m' }));
    expect(secs.previewIntervals(null, NOW).map((x) => x.label).slice(0, 3)).toEqual(['1m', '3m', '5m']);
  });
});

describe('formatInterval', () => {
  it.each([
    [45_000, '45s'],
    [MIN, '1m'],
    [10 * MIN, '10m'],
    [90 * MIN, '1.5h'],
    [2 * 60 * MIN, '2h'],
    [DAY, '1d'],
    [4 * DAY, '4d'],
    [90 * DAY, '3mo'],
    [100 * DAY, '3.3mo'],
    [438 * DAY, '1.2y'],
    [-5, '0s'],
    [59.7 * MIN, '1h'],
    [29.6 * DAY, '1mo'],
  ])('%i ms -> %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});

describe('undoRating', () => {
  const s = createScheduler(DEFAULT_REVIEW_SETTINGS);

  it('returns null (new again) when undoing the first rating of a new card', () => {
    for (const g of [1, 2, 3, 4] as RatingValue[]) {
      const { next, log } = s.applyRating(null, g, NOW);
      expect(log.previous).toBeNull();
      expect(s.undoRating(next, log)).toBeNull();
    }
  });

  it('restores exactly the previous fields at every step of a history', () => {
    const ratings: RatingValue[] = [3, 1, 3, 3, 2, 4, 1, 1, 3, 3, 3];
    let state: CardSnapshot | null = null;
    let t = NOW;
    for (const rating of ratings) {
      const { next, log } = s.applyRating(state, rating, t);
      const undone = s.undoRating({ ...next, suspended: false, buriedUntil: null, leech: false }, log);
      expect(undone).toEqual(state);
      state = { ...next, suspended: false, buriedUntil: null, leech: false };
      t = later(Math.max(MIN, next.due.getTime() - t.getTime()) + 3 * 60 * MIN, t);
    }
  });

  it('restores flags from the snapshot (a leech suspension is lifted)', () => {
    const card: CardSnapshot = { ...reviewCard, lapses: 7, suspended: false, buriedUntil: later(-DAY), leech: false };
    const r = s.applyRating(card, 1, NOW);
    expect(r.leech).toEqual({ leech: true, suspended: true });
    const current = { ...r.next, ...r.leech!, buriedUntil: null };
    expect(s.undoRating(current, r.log)).toEqual(card);
  });

  it('reads the snapshot back from its JSON column form', () => {
    const r = s.applyRating(reviewCard, 2, NOW);
    const fromDb = { ...r.log, previous: JSON.parse(JSON.stringify(r.log.previous)) as unknown };
    expect(s.undoRating(r.next, fromDb)).toEqual({ ...reviewCard, suspended: false, buriedUntil: null, leech: false });
  });

  it('without a snapshot falls back to ts-fsrs rollback (due becomes the review time)', () => {
    const r = s.applyRating(reviewCard, 3, NOW);
    const rolled = s.undoRating({ ...r.next, suspended: true }, { ...r.log, previous: undefined });
    expect(rolled).toEqual({ ...reviewCard, due: NOW, suspended: true, buriedUntil: null, leech: false });
  });

  it('snapshot JSON survives a round trip and rejects junk', () => {
    const snap: CardSnapshot = { ...reviewCard, suspended: true, buriedUntil: later(DAY), leech: true };
    expect(snapshotFromJson(JSON.parse(JSON.stringify(snapshotToJson(snap))))).toEqual(snap);
    expect(snapshotFromJson({ due: 'yesterday' })).toBeNull();
    expect(snapshotFromJson(null)).toBeNull();
  });
});

describe('fuzz', () => {
  it('is off by default and reproducible when on', () => {
    expect(fsrsParamsFor(DEFAULT_REVIEW_SETTINGS).enable_fuzz).toBe(false);
    const a = createScheduler(DEFAULT_REVIEW_SETTINGS, { fuzz: true }).applyRating(reviewCard, 3, NOW).next;
    const b = createScheduler(DEFAULT_REVIEW_SETTINGS, { fuzz: true }).applyRating(reviewCard, 3, NOW).next;
    const plain = createScheduler(DEFAULT_REVIEW_SETTINGS).applyRating(reviewCard, 3, NOW).next;
    expect(a).toEqual(b);
    // ts-fsrs fuzz stays within about ±5% for long intervals
    expect(Math.abs(a.scheduledDays - plain.scheduledDays)).toBeLessThanOrEqual(Math.ceil(plain.scheduledDays * 0.06));
  });
});
