/**
 * Ratings of ONE card fired at once from several processes (each its own connection or pool) on
 * the same database, through the one rating writer. Engine-neutral: give it any DATABASE_URL the
 * app accepts (migrated, built-in decks loaded). Used by concurrent-ratings.test.ts; run directly it is the worker:
 *   node --import tsx tests/integration/review/concurrent-ratings.ts <setup|rate|check> ...
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const self = path.join(import.meta.dirname, 'concurrent-ratings.ts');

function run(databaseUrl: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', BETTER_AUTH_SECRET: 'concurrency-test-secret-0123456789abcdef' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').pop() ?? '') : reject(new Error(`worker ${args[0]} exited ${code}:\n${out}\n${err}`))));
  });
}

export interface ConcurrencyOutcome {
  fired: number;
  /** Ratings each worker saw applied (not replayed, not refused). */
  applied: number;
  reps: number;
  version: number;
  logs: number;
  /** `previous.reps` of each log, sorted: 0..n-1 when every rating built on the one before. */
  previousReps: number[];
}

/**
 * `workers` processes each fire `perWorker` Good ratings of the same new card at the same moment
 * (no expectedVersion: each must apply on top of whatever is current), then the card is read back.
 */
export async function concurrentRatings(databaseUrl: string, workers = 2, perWorker = 10): Promise<ConcurrencyOutcome> {
  const { userId, cardId } = JSON.parse(await run(databaseUrl, ['setup'])) as { userId: string; cardId: string };
  // why a start time: process start-up (tsx, Prisma) varies by hundreds of ms; firing at one agreed
  // moment makes the transactions of the processes overlap.
  const at = Date.now() + 4_000;
  const results = await Promise.all(
    Array.from({ length: workers }, () => run(databaseUrl, ['rate', userId, cardId, String(perWorker), String(at)])),
  );
  const applied = results.reduce((n, r) => n + (JSON.parse(r) as { applied: number }).applied, 0);
  const state = JSON.parse(await run(databaseUrl, ['check', userId, cardId])) as Omit<ConcurrencyOutcome, 'fired' | 'applied'>;
  return { fired: workers * perWorker, applied, ...state };
}

async function worker(mode: string, args: string[]) {
  const { db, dbReady } = await import('../../../src/server/db');
  await dbReady();
  try {
    if (mode === 'setup') {
      const user = await db().user.create({ data: { id: randomUUID(), email: `rater-${randomUUID()}@example.com`, name: 'Rater' } });
      const card = await db().card.findFirstOrThrow({ where: { deckId: 'sqs', archived: false }, orderBy: { ord: 'asc' } });
      return { userId: user.id, cardId: card.id };
    }
    if (mode === 'rate') {
      const [userId, cardId, n, at] = args as [string, string, string, string];
      const { applyReview } = await import('../../../src/server/review');
      await db().$queryRawUnsafe('SELECT 1'); // connect before the agreed moment
      await new Promise((r) => setTimeout(r, Math.max(0, Number(at) - Date.now())));
      const results = await Promise.all(
        Array.from({ length: Number(n) }, () =>
          applyReview({ userId, cardId, rating: 3, clientId: randomUUID(), durationMs: 1000, source: 'review', now: new Date() }),
        ),
      );
      return { applied: results.filter((r) => !r.replayed).length };
    }
    if (mode === 'check') {
      const [userId, cardId] = args as [string, string];
      const state = await db().cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
      const logs = await db().reviewLog.findMany({ where: { userId, cardId }, select: { previous: true } });
      const previousReps = logs.map((l) => (l.previous as { reps?: number } | null)?.reps ?? 0).sort((a, b) => a - b);
      return { reps: state.reps, version: state.version, logs: logs.length, previousReps };
    }
    throw new Error(`unknown mode ${mode}`);
  } finally {
    await db().$disconnect();
  }
}

if (process.argv[1] === self) {
  worker(process.argv[2] ?? '', process.argv.slice(3)).then(
    (out) => console.log(JSON.stringify(out)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
