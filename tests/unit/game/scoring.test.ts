import { describe, expect, it } from 'vitest';
import { basePoints, responseTime, speedFactor, streakBonus } from '@/core/game/scoring';
import { grade } from '@/core/game/grading';
import type { Question } from '@/core/game';

const T = 20_000;

describe('base points: round(P × share × (1 − (t/T)/2))', () => {
  it.each([
    // mode, share, t (ms), expected
    ['standard', 1, 0, 1000],
    ['standard', 1, 400, 1000], // under 500 ms: full points
    ['standard', 1, 499, 1000],
    ['standard', 1, 500, 988], // 1000 × (1 − 0.0125)
    ['standard', 1, 10_000, 750], // half the time
    ['standard', 1, 20_000, 500], // at the deadline: P/2
    ['standard', 1, 7_000, 825],
    ['double', 1, 400, 2000],
    ['double', 1, 10_000, 1500],
    ['double', 1, 20_000, 1000],
    ['none', 1, 0, 0],
    ['none', 1, 10_000, 0],
    ['standard', 0.5, 400, 500], // multi: 1 of 2 correct options
    ['standard', 0.5, 10_000, 375],
    ['standard', 2 / 3, 10_000, 500],
    ['double', 1 / 3, 20_000, 333],
    ['standard', 0, 0, 0],
  ] as const)('%s share=%d t=%d -> %d', (mode, share, t, expected) => {
    expect(basePoints(mode, share, t, T)).toBe(expected);
  });

  it('never drops below half the share even if t exceeds T', () => {
    expect(speedFactor(25_000, T)).toBe(0.5);
  });
});

describe('response time', () => {
  it('subtracts the latency allowance, capped at 250 ms, and clamps at 0', () => {
    expect(responseTime(10_000, 0, 100)).toBe(9_900);
    expect(responseTime(10_000, 0, 900)).toBe(9_750);
    expect(responseTime(100, 0, 200)).toBe(0);
    expect(responseTime(10_000, 0, -50)).toBe(10_000);
  });
});

describe('streak bonus', () => {
  it.each([
    [1, 0],
    [2, 100],
    [3, 200],
    [5, 400],
    [6, 500],
    [7, 500], // capped
    [20, 500],
  ])('streak %d -> +%d', (streak, bonus) => {
    expect(streakBonus(streak, true, 'standard')).toBe(bonus);
  });

  it('is zero when disabled or in no-points mode', () => {
    expect(streakBonus(4, false, 'standard')).toBe(0);
    expect(streakBonus(4, true, 'none')).toBe(0);
    expect(streakBonus(4, true, 'double')).toBe(300);
  });
});

describe('multi-select grading', () => {
  const q: Question = {
    index: 0,
    cardId: 'c',
    kind: 'multi',
    prompt: 'p',
    options: ['a', 'b', 'c', 'd'],
    correct: [0, 1, 3],
    answerText: 'a, b, d',
    section: 's',
  };
  it.each([
    [[0, 1, 3], true, 1],
    [[3, 0], false, 2 / 3],
    [[1], false, 1 / 3],
    [[0, 2], false, 0], // any wrong option -> nothing
    [[2], false, 0],
  ])('%j -> correct=%s share=%d', (choice, correct, share) => {
    expect(grade(q, choice)).toEqual({ correct, share });
  });
});
