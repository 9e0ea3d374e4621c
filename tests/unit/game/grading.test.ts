import { describe, expect, it } from 'vitest';
import { checkNickname, normalizeTypedAnswer, type Question } from '@/core/game';
import { grade, isValidChoice } from '@/core/game/grading';

const base = { index: 0, cardId: 'c', prompt: 'p', section: 's', answerText: 'x' };
const mcq: Question = { ...base, kind: 'mcq', options: ['a', 'b', 'c'], correct: [1] };
const multi: Question = { ...base, kind: 'multi', options: ['a', 'b', 'c'], correct: [0, 2] };
const tf: Question = { ...base, kind: 'tf', options: ['True', 'False'], correct: [0] };
const type: Question = { ...base, kind: 'type', answerText: 'Dead-letter queue', accepted: ['DLQ'] };

describe('choice validation', () => {
  it.each([
    [mcq, [1], true],
    [mcq, [3], false],
    [mcq, [-1], false],
    [mcq, [0, 1], false],
    [mcq, [], false],
    [mcq, [0.5], false],
    [mcq, 'a', false],
    [tf, [1], true],
    [tf, [2], false],
    [multi, [0, 2], true],
    [multi, [2], true],
    [multi, [0, 0], false],
    [multi, [], false],
    [type, 'dlq', true],
    [type, '   ', false],
    [type, '', false],
    [type, 'x'.repeat(201), false],
    [type, 'x'.repeat(200), true],
    [type, [0], false],
  ] as const)('%#: %j', (q, choice, valid) => {
    expect(isValidChoice(q, choice)).toBe(valid);
  });
});

describe('type-answer matching', () => {
  it('ignores case, punctuation and surrounding/inner whitespace', () => {
    expect(normalizeTypedAnswer('  Dead   letter QUEUE!  ')).toBe('dead letter queue');
    for (const given of ['dead-letter queue', 'dead letter queue', 'deadletter queue', 'DEAD-LETTER   QUEUE.', '  dead‐letter queue ', 'dlq', 'D.L.Q.']) {
      expect(grade(type, given)).toEqual({ correct: true, share: 1 });
    }
    for (const given of ['dead queue', 'dlqs', 'letter dead queue']) {
      expect(grade(type, given)).toEqual({ correct: false, share: 0 });
    }
  });

  it('keeps symbols significant and handles punctuation-only answers', () => {
    expect(normalizeTypedAnswer('C++')).not.toBe(normalizeTypedAnswer('C'));
    expect(normalizeTypedAnswer('?')).toBe('?');
  });
});

describe('nicknames', () => {
  it('trims, collapses whitespace and allows 1–20 characters', () => {
    expect(checkNickname('  Ada   Lovelace ')).toMatchObject({ ok: true, nickname: 'Ada Lovelace', key: 'ada lovelace' });
    expect(checkNickname('x'.repeat(20)).ok).toBe(true);
    expect(checkNickname('🦊'.repeat(20)).ok).toBe(true); // code points, not UTF-16 units
  });

  it.each(['', '   ', 'x'.repeat(21), 'bad\u0000name', 'tab\tname', 'new\nline', 'bidi\u202Eevil', 42, null])(
    'rejects %j',
    (raw) => {
      expect(checkNickname(raw).ok).toBe(false);
    },
  );
});
