/**
 * Crash benchmark: `npm run bench:crash -- [--kills 40] [--seed N] [--questions 4]`.
 *
 * Plays live games on the real server (127.0.0.1, its own SQLite file) and SIGKILLs it at a
 * random moment of each burst of joins, answers and host steps, then starts it again on the same
 * database; tests/integration/rooms/crash-driver.ts says what is checked. Prints progress, then
 * one JSON line: kills, games finished, what was acknowledged, and `lost` (acknowledged but not
 * found after a restart, or changed, or applied twice; the floor is 0). Bounded by --kills.
 */
import { runCrashGames } from '../../tests/integration/rooms/crash-driver';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const kills = arg('kills', 40);
const seed = arg('seed', Date.now() % 1_000_000);
const questionCount = arg('questions', 4);
const started = Date.now();
const report = await runCrashGames({ kills, seed, questionCount, log: (l) => console.error(l) });
for (const p of report.problems) console.error(`lost: ${p}`);
console.log(
  JSON.stringify({
    seed,
    kills: report.kills,
    games: report.games,
    ackedJoins: report.ackedJoins,
    ackedAnswers: report.ackedAnswers,
    ackedHostSteps: report.ackedHostSteps,
    lost: report.problems.length,
    seconds: Math.round((Date.now() - started) / 1000),
  }),
);
process.exit(report.problems.length ? 1 : 0);
