import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/database';
import { runCrashGames } from './crash-driver';

/**
 * why a longer kill window on PostgreSQL: a command is acknowledged after its commit, which there
 * is a few network round trips instead of a local file append; with kills 0-60 ms into a burst a
 * loaded machine often killed the server before any ack, and the run had nothing left to lose
 * (the floors below). The kills still land while commands are in flight.
 */
const killWindowMs = testEngine() === 'postgres' ? 150 : 60;

/**
 * The server is SIGKILLed at random moments of live games (joins, answers, a question closing,
 * the next question opening) and started again on the same database. bench/crash/run.ts runs
 * the same with many more kills.
 */
describe('crash safety', () => {
  it('keeps every acknowledged join, answer and host step through SIGKILLs, and applies none twice', async () => {
    const lines: string[] = [];
    const untilAcked = { joins: 4, answers: 4, hostSteps: 2 };
    const report = await runCrashGames({ kills: 8, maxKills: 20, untilAcked, seed: 20261206, questionCount: 3, killWindowMs, log: (l) => lines.push(l) });
    expect(report.problems, lines.join('\n')).toEqual([]);
    // The run must have had something to lose: joins, answers and host steps acknowledged before kills.
    expect(report.kills).toBeGreaterThanOrEqual(8);
    expect(report.ackedJoins).toBeGreaterThanOrEqual(untilAcked.joins);
    expect(report.ackedAnswers).toBeGreaterThanOrEqual(untilAcked.answers);
    expect(report.ackedHostSteps).toBeGreaterThanOrEqual(untilAcked.hostSteps);
    expect(report.games).toBeGreaterThan(0);
  }, 420_000);
});
