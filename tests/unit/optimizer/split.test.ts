import { describe, expect, it } from 'vitest';
import { splitByCard } from '@/core/optimizer';

const ids = Array.from({ length: 100 }, (_, i) => i + 1);

describe('splitByCard', () => {
  it('holds out the requested share of cards, each card on exactly one side', () => {
    const { train, holdout } = splitByCard(ids, 0.2, 42);
    expect(holdout).toHaveLength(20);
    expect(train).toHaveLength(80);
    expect(new Set([...train, ...holdout])).toEqual(new Set(ids));
  });

  it('is the same for the same seed whatever the input order or repeats', () => {
    const a = splitByCard(ids, 0.25, 7);
    const shuffled = [...ids].reverse().concat([3, 3, 50]);
    expect(splitByCard(shuffled, 0.25, 7)).toEqual(a);
  });

  it('differs between seeds', () => {
    expect(splitByCard(ids, 0.2, 1).holdout).not.toEqual(splitByCard(ids, 0.2, 2).holdout);
  });

  it('returns held-out ids in ascending order', () => {
    const { holdout } = splitByCard(ids, 0.3, 9);
    expect(holdout).toEqual([...holdout].sort((x, y) => x - y));
  });

  it('keeps at least one card on each side', () => {
    expect(splitByCard([1, 2], 0.01, 1).holdout).toHaveLength(1);
    expect(splitByCard([1, 2], 0.99, 1).train).toHaveLength(1);
  });

  it('refuses a fraction outside (0, 1) and a single card', () => {
    expect(() => splitByCard(ids, 0, 1)).toThrow(/between 0 and 1/);
    expect(() => splitByCard(ids, 1, 1)).toThrow(/between 0 and 1/);
    expect(() => splitByCard([5], 0.5, 1)).toThrow(/at least 2 cards/);
  });
});
