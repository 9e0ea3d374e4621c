import { describe, expect, it } from 'vitest';
import { runCrashGames } from './crash-driver';

/**
 * The server is SIGKILLed at random moments of live games (joins, answers, a question closing,
 * the next question opening) and started again on the same database. bench/crash/run.ts runs
 * the same with many more kills.
 */
describe('crash safety', () => {
  it('keeps every acknowledged join, answer and host step through SIGKILLs, and applies none twice', async () => {
    const lines: string[] = [];
    const report = await runCrashGames({ kills: 8, seed: 20261206, questionCount: 3, log: (l) => lines.push(l) });
    expect(report.problems, lines.join('\n')).toEqual([]);
    // The run must have had something to lose: joins, answers and host steps acknowledged before kills.
    expect(report.kills).toBe(8);
    expect(report.ackedJoins).toBeGreaterThan(3);
    expect(report.ackedAnswers).toBeGreaterThan(3);
    expect(report.ackedHostSteps).toBeGreaterThan(1);
    expect(report.games).toBeGreaterThan(0);
  }, 240_000);
});
