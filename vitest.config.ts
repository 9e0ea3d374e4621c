import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname, 'src') };

/**
 * Integration test files that run on SQLite only. The integration suite runs twice, on SQLite
 * and on PostgreSQL (TEST_DB=postgres, npm run test:integration:pg); every file that stores or
 * reads the app's data runs on both. These do not reach the app's database, or test SQLite itself,
 * so a second pass would only repeat them:
 */
const sqliteOnly = [
  // SQLite's WAL checkpointer worker (server/db-checkpointer.ts): SQLite by nature.
  'tests/integration/db/checkpointer.test.ts',
  // The HTTP request guard and a fuzz of every route: the guard answers (400/403/413) before any
  // route reaches the database; what the routes store is covered by their own tests on both engines.
  'tests/integration/http/http-guard.test.ts',
  'tests/integration/http/http-fuzz.test.ts',
  // Reading and writing Anki packages (their own SQLite files, not our database), in memory.
  'tests/integration/decks/anki-package.test.ts',
  // PDF text extraction and drafting a deck from it (the builder route drafts, it stores nothing).
  'tests/integration/decks/pdf.test.ts',
  // The FSRS optimizer and its CLI on CSV files: no database.
  'tests/integration/optimizer/fit-simulated.test.ts',
  // The rooms' view cache against the pure game engine: no server, no database.
  'tests/integration/rooms/view-cache.test.ts',
  // npm test's browser check and the PostgreSQL pass's own skip rule: no database.
  'tests/integration/scripts/ensure-chromium.test.ts',
  'tests/integration/scripts/test-integration-pg.test.ts',
  // A server that stops at start because REDIS_URL does not answer: it never serves anything.
  'tests/integration/redis-unreachable.test.ts',
];
/** Files about PostgreSQL itself, run in the PostgreSQL pass only. */
const postgresOnly = [
  // Stops and restarts its own cluster mid-test: 503s while it is away, recovery after.
  'tests/integration/db/postgres-outage.test.ts',
  // A live room while its database goes away and comes back: the ack waits for the commit.
  'tests/integration/rooms/postgres-outage.test.ts',
  // Several nodes (helpers/cluster.ts) share one PostgreSQL database and a redis-server: the
  // harness itself, rate limits and cache invalidation across nodes, and anything else under nodes/.
  'tests/integration/nodes/**',
];
const postgres = /^(postgres|postgresql|pg)$/i.test(process.env.TEST_DB ?? '');

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...(postgres ? sqliteOnly : postgresOnly)],
          environment: 'node',
          globalSetup: ['tests/integration/helpers/temp-root.ts'],
          // why: each file starts its own server and database; running them side by side on
          // 2 cores makes timings noisy and ports/databases are per-file anyway.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
