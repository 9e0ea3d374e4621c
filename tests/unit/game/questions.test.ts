import { describe, expect, it } from 'vitest';
import { buildQuestions, createGame, DEFAULT_SETTINGS, GameSettingsSchema, parseSettings } from '@/core/game';
import { mulberry32 } from '@/core/game/prng';
import { CARDS, NOW, SEED, fixedSettings } from './fixtures';

describe('settings', () => {
  it('fills defaults from deckId alone', () => {
    expect(parseSettings({ deckId: 'd' })).toEqual({ deckId: 'd', ...DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS).toMatchObject({ questionCount: 10, secondsPerQuestion: 20, pointsMode: 'standard' });
    expect(DEFAULT_SETTINGS.kinds).toEqual(['mcq', 'multi', 'tf', 'type']);
  });

  it.each([
    { questionCount: 0 },
    { questionCount: 51 },
    { questionCount: 2.5 },
    { secondsPerQuestion: 4 },
    { secondsPerQuestion: 121 },
    { kinds: [] },
    { kinds: ['basic'] },
    { kinds: ['mcq', 'mcq'] },
    { pointsMode: 'triple' },
    { unknownKey: 1 },
  ])('rejects %j', (bad) => {
    expect(GameSettingsSchema.safeParse({ deckId: 'd', ...bad }).success).toBe(false);
  });
});

describe('mulberry32', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(mulberry32(43)()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('buildQuestions', () => {
  it('keeps allowed quiz kinds in chosen sections, skipping cards without an answer key, in deck order', () => {
    const qs = buildQuestions(CARDS, fixedSettings({ sections: undefined, questionCount: 50 }), SEED);
    expect(qs.map((q) => q.cardId)).toEqual(['card-mcq', 'card-multi', 'card-tf', 'card-type', 'card-sns']);
    expect(qs.map((q) => q.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('filters by section prefix and by kind, and takes questionCount', () => {
    expect(buildQuestions(CARDS, fixedSettings({ sections: ['SNS'] }), SEED).map((q) => q.cardId)).toEqual(['card-sns']);
    expect(buildQuestions(CARDS, fixedSettings({ kinds: ['tf', 'type'] }), SEED).map((q) => q.cardId)).toEqual([
      'card-tf',
      'card-type',
    ]);
    expect(buildQuestions(CARDS, fixedSettings({ questionCount: 2 }), SEED)).toHaveLength(2);
    // "SQS" must not match a section that merely starts with the same letters.
    const lookalike = [{ ...CARDS[0]!, id: 'x', section: 'SQSX' }];
    expect(buildQuestions(lookalike, fixedSettings(), SEED)).toHaveLength(0);
  });

  it('copies the answer key and type-answer alternatives', () => {
    const [, , tf, type] = buildQuestions(CARDS, fixedSettings(), SEED);
    expect(tf).toMatchObject({ kind: 'tf', options: ['True', 'False'], correct: [1], answerText: 'False' });
    expect(type).toMatchObject({ kind: 'type', answerText: 'Zebra visibility timeout', accepted: ['zvt-alias'] });
    expect(type!.options).toBeUndefined();
  });

  it('shuffles options but keeps correct pointing at the same texts; tf stays True/False', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...CARDS[i % 3]!, id: `c${i}` }));
    const qs = buildQuestions(many, fixedSettings({ shuffleOptions: true, questionCount: 30 }), SEED);
    let moved = 0;
    for (const q of qs) {
      const card = many.find((c) => c.id === q.cardId)!;
      const texts = q.correct!.map((i) => q.options![i]).sort();
      expect(texts).toEqual(card.correct!.map((i) => card.options![i]).sort());
      expect([...q.options!].sort()).toEqual([...card.options!].sort());
      if (q.kind === 'tf') expect(q.options).toEqual(['True', 'False']);
      if (q.options!.join() !== card.options!.join()) moved++;
    }
    expect(moved).toBeGreaterThan(5);
  });

  it('is deterministic: same seed, same questions; another seed, another order', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...CARDS[i % 4]!, id: `c${i}` }));
    const s = fixedSettings({ shuffleQuestions: true, shuffleOptions: true, questionCount: 10 });
    const a = buildQuestions(many, s, 7);
    expect(buildQuestions(many, s, 7)).toEqual(a);
    expect(buildQuestions(many, s, 8).map((q) => q.cardId)).not.toEqual(a.map((q) => q.cardId));
    expect(new Set(a.map((q) => q.cardId)).size).toBe(10);
  });

  it('skips malformed cards', () => {
    const bad = [
      { ...CARDS[0]!, id: 'b1', correct: [7] },
      { ...CARDS[0]!, id: 'b2', correct: [0, 1] }, // mcq needs exactly one
      { ...CARDS[1]!, id: 'b3', options: undefined },
      { ...CARDS[3]!, id: 'b4', answer: '  ' },
    ];
    expect(buildQuestions(bad, fixedSettings(), SEED)).toEqual([]);
  });

  it('createGame draws the questions with the stored seed', () => {
    const s = fixedSettings({ shuffleQuestions: true });
    const g = createGame({ gameId: 'g', pin: '000001', settings: s, cards: CARDS, seed: SEED, now: NOW });
    expect(g.questions).toEqual(buildQuestions(CARDS, s, SEED));
    expect(g).toMatchObject({ phase: 'lobby', version: 0, current: -1, seed: SEED, createdAt: NOW });
  });
});
