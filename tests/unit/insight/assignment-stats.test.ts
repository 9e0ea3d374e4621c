import { describe, expect, it } from 'vitest';
import { assignmentStats, csvCell, csvFileName, toCsv } from '@/core/insight';

const T = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
const questions = [0, 1, 2].map((i) => ({ index: i, prompt: `Q${i}`, kind: 'mcq', section: 'S', cardId: `c${i}` }));
const ans = (questionIndex: number, correct: boolean, responseMs = 1000) => ({ questionIndex, correct, responseMs, choice: [0] });

describe('assignmentStats', () => {
  it('counts the latest submitted attempt per student and flags late ones', () => {
    const out = assignmentStats({
      questions,
      students: [
        { userId: 'u1', name: 'Ann' },
        { userId: 'u2', name: 'Bob' },
        { userId: 'u3', name: 'Cy' },
      ],
      attempts: [
        { userId: 'u1', number: 1, startedAt: T(1), submittedAt: T(2), late: false, correctCount: 1, total: 3, answers: [ans(0, true), ans(1, false), ans(2, false)] },
        { userId: 'u1', number: 2, startedAt: T(3), submittedAt: T(4), late: true, correctCount: 2, total: 3, answers: [ans(0, true, 3000), ans(1, true), ans(2, false)] },
        // Open third attempt does not replace the submitted one.
        { userId: 'u1', number: 3, startedAt: T(5), submittedAt: null, late: false, correctCount: 0, total: 3, answers: [ans(0, false)] },
        { userId: 'u2', number: 1, startedAt: T(1), submittedAt: null, late: false, correctCount: 0, total: 3, answers: [ans(0, true, 5000)] },
        { userId: 'gone', number: 1, startedAt: T(1), submittedAt: T(2), late: false, correctCount: 0, total: 3, answers: [ans(0, false), ans(1, false), ans(2, false)] },
      ],
      names: new Map([['gone', 'Dee']]),
    });
    expect(out.participants.map((p) => [p.name, p.status, p.correctCount, p.countedAttempt, p.late])).toEqual([
      ['Ann', 'late', 2, 2, true],
      ['Bob', 'in_progress', 1, 1, false],
      ['Cy', 'not_started', 0, null, false],
      ['Dee', 'submitted', 0, 1, false],
    ]);
    expect(out.questions[0]).toMatchObject({ answeredCount: 3, correctCount: 2, avgResponseMs: 3000 });
    expect(out.questions[2]).toMatchObject({ answeredCount: 2, correctCount: 0, accuracy: 0 });
    // Three questions: only the hardest is named, not every question.
    expect(out.hardest.map((q) => q.index)).toEqual([2]);
    expect(out.submittedCount).toBe(2);
    expect(out.lateCount).toBe(1);
    expect(out.avgScore).toBeCloseTo((2 / 3 + 0) / 2, 10);
  });
});

describe('csv', () => {
  it('quotes every field and defuses formulas', () => {
    expect(csvCell('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(null)).toBe('""');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('"a","b"\r\n"1","x"\r\n');
  });
  it('makes safe file names', () => {
    expect(csvFileName('Cloud 101 / Week #3', 'insight')).toBe('cloud-101-week-3-insight.csv');
    expect(csvFileName('!!!', 'x')).toBe('report-x.csv');
  });
});
