import { describe, expect, it } from 'vitest';
import { pickHardest } from '@/core/insight/hardest';

const q = (index: number, accuracy: number | null, answeredCount = 3) => ({ index, accuracy, answeredCount });

describe('hardest questions of a game report', () => {
  it('lists only the hardest of a short game, not every question', () => {
    const picked = pickHardest([q(0, 1), q(1, 0.34), q(2, 0.67)]);
    expect(picked.map((x) => x.index)).toEqual([1]);
  });

  it('never lists a question everybody got right, and nothing when all were right', () => {
    expect(pickHardest([q(0, 1), q(1, 1), q(2, 1), q(3, 1)])).toEqual([]);
    expect(pickHardest([q(0, 1), q(1, 0.5)]).map((x) => x.index)).toEqual([1]);
  });

  it('takes at most a third of the game (five at most), hardest first, ties by question order', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => q(i, [0.2, 0.9, 0.4, 0.2, 0.8, 0.6, 0.1, 1, 0.3, 0.7, 0.5, 0.95][i]!));
    expect(pickHardest(twelve).map((x) => x.index)).toEqual([6, 0, 3, 8]);
    const thirty = Array.from({ length: 30 }, (_, i) => q(i, i / 30));
    expect(pickHardest(thirty).map((x) => x.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stays at or below the median: in a uniformly hard game only the worst are named', () => {
    const picked = pickHardest([q(0, 0.5), q(1, 0.5), q(2, 0.5), q(3, 0.4), q(4, 0.5), q(5, 0.5)]);
    expect(picked.map((x) => x.index)).toEqual([3, 0]);
  });

  it('skips questions nobody could answer', () => {
    expect(pickHardest([q(0, null, 0), q(1, 0, 0), q(2, 0.5)]).map((x) => x.index)).toEqual([2]);
  });
});
