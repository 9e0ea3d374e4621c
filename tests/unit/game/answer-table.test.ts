import { describe, expect, it } from 'vitest';
import { allAnswers, answerOf, answerTableFrom, emptyAnswers, withAnswer } from '@/core/game/answer-table';
import type { AnswerRecord } from '@/core/game';

const rec = (playerId: string, points = 500): AnswerRecord => ({
  playerId,
  choice: [0],
  receivedAt: 1_000,
  responseMs: 900,
  correct: points > 0,
  basePoints: points,
  streakBonus: 0,
  points,
  streakAfter: points > 0 ? 1 : 0,
});

describe('answer table', () => {
  it('finds each of 1,000 answers by player and leaves earlier tables as they were', () => {
    const tables = [emptyAnswers()];
    for (let i = 0; i < 1000; i++) tables.push(withAnswer(tables.at(-1), rec(`player-${i}`, i)));
    const last = tables.at(-1)!;
    expect(last.count).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(answerOf(last, `player-${i}`)?.points).toBe(i);
    // The table as it was after 10 answers still has exactly those 10.
    expect(tables[10]!.count).toBe(10);
    expect(answerOf(tables[10], 'player-9')?.points).toBe(9);
    expect(answerOf(tables[10], 'player-10')).toBeUndefined();
    expect(allAnswers(tables[10]).map((a) => a.playerId).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `player-${i}`).sort());
  });

  it('does not find inherited object keys as answers', () => {
    const t = withAnswer(emptyAnswers(), rec('p1'));
    expect(answerOf(t, 'constructor')).toBeUndefined();
    expect(answerOf(t, '__proto__')).toBeUndefined();
    expect(answerOf(undefined, 'p1')).toBeUndefined();
  });

  it('replacing an answer keeps the count', () => {
    const t = withAnswer(withAnswer(emptyAnswers(), rec('p1', 100)), rec('p1', 700));
    expect(t.count).toBe(1);
    expect(answerOf(t, 'p1')?.points).toBe(700);
  });

  it('survives a snapshot round trip and reads snapshots written as { playerId: answer }', () => {
    const t = withAnswer(withAnswer(emptyAnswers(), rec('a', 1)), rec('b', 2));
    const back = answerTableFrom(JSON.parse(JSON.stringify(t)));
    expect(answerOf(back, 'a')?.points).toBe(1);
    expect(back.count).toBe(2);
    const legacy = answerTableFrom({ a: rec('a', 3), b: rec('b', 4) });
    expect(legacy.count).toBe(2);
    expect(answerOf(legacy, 'b')?.points).toBe(4);
    expect(answerTableFrom(undefined).count).toBe(0);
  });
});
