/**
 * Bulk seeding for the review benchmark: one deck of `cards` cards, state rows for most of them and
 * `logs` review logs over the past ~18 months, written with raw better-sqlite3 prepared statements
 * in one transaction (Prisma would take minutes for a million rows). Deterministic (seeded PRNG).
 */
import { mulberry32 as prng } from '../../src/core/game/prng';
import Database from 'better-sqlite3';

export interface SeedOptions {
  userId: string;
  cards: number;
  logs: number;
  now: Date;
  deckId?: string;
}

const DAY = 86_400_000;


/** Prisma's SQLite adapter stores DateTime as ISO text with a "+00:00" suffix. */
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

export function seedReviewData(file: string, o: SeedOptions): { studied: number; dueNow: number } {
  const deckId = o.deckId ?? 'bench';
  const rand = prng(42);
  const now = o.now.getTime();
  const sql = new Database(file);
  sql.pragma('journal_mode = WAL');
  const insertDeck = sql.prepare(
    `INSERT INTO "Deck" (id, title, description, builtIn, createdAt, updatedAt) VALUES (?, ?, '', 1, ?, ?)`,
  );
  const insertCard = sql.prepare(
    `INSERT INTO "Card" (id, deckId, key, ord, kind, prompt, answer, section, tags, needsAnswerKey, archived, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, 'basic', ?, ?, ?, '[]', 0, 0, ?, ?)`,
  );
  const insertState = sql.prepare(
    `INSERT INTO "CardState" (id, userId, cardId, deckId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps,
       reps, lapses, state, lastReview, suspended, buriedUntil, leech, version, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, NULL, 0, ?, ?)`,
  );
  const insertLog = sql.prepare(
    `INSERT INTO "ReviewLog" (id, userId, cardId, deckId, clientId, rating, state, due, stability, difficulty, elapsedDays,
       lastElapsedDays, scheduledDays, learningSteps, review, durationMs, source, previous, undone, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 5, 5, 3, 2, 4, 0, ?, ?, 'review', NULL, 0, ?)`,
  );
  // why: building the ReviewLog indexes once after the bulk insert is several times faster than
  // updating five b-trees per row; the definitions are read back so they match the migrations.
  const logIndexes = sql
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ReviewLog' AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  for (const ix of logIndexes) sql.exec(`DROP INDEX "${ix.name}"`);
  const studied = Math.floor(o.cards * 0.9);
  let dueNow = 0;
  const stamp = iso(now);
  sql.transaction(() => {
    insertDeck.run(deckId, 'Benchmark deck', stamp, stamp);
    sql.prepare(`INSERT INTO "DeckSubscription" (userId, deckId, createdAt) VALUES (?, ?, ?)`).run(o.userId, deckId, stamp);
    sql
      .prepare(
        `INSERT INTO "UserSettings" (userId, desiredRetention, newPerDay, maxReviewsPerDay, learningSteps, relearningSteps,
           maxIntervalDays, timeZone, dayRolloverHour) VALUES (?, 0.9, 20, 9999, '1m 10m', '10m', 36500, 'Europe/Berlin', 4)`,
      )
      .run(o.userId);
    for (let i = 0; i < o.cards; i++) {
      const id = `bc${i.toString(36).padStart(8, '0')}`;
      insertCard.run(id, deckId, `k${i}`, i, `Question ${i}`, `Answer ${i}`, `Bench › Part ${i % 50}`, stamp, stamp);
      if (i >= studied) continue;
      const r = rand();
      // ~5% overdue reviews, 3% in (re)learning, the rest spread over the next year; 2% suspended.
      const state = r < 0.02 ? 1 : r < 0.03 ? 3 : 2;
      // Learning cards are due within hours (half already due); reviews overdue up to 30 days.
      const due =
        state !== 2
          ? now + Math.floor((rand() - 0.5) * 4 * 3_600_000)
          : r < 0.08
            ? now - Math.floor(rand() * 30 * DAY)
            : now + Math.floor(rand() * 365 * DAY);
      if (due <= now) dueNow++;
      const suspended = rand() < 0.02 ? 1 : 0;
      insertState.run(
        `bs${i}`, o.userId, id, deckId, iso(due), 10 + rand() * 100, 1 + rand() * 9, 3, 10,
        5 + Math.floor(rand() * 20), Math.floor(rand() * 3), state, iso(now - 3 * DAY), suspended, 3, stamp,
      );
    }
    const span = 540 * DAY;
    for (let j = 0; j < o.logs; j++) {
      const cardIdx = Math.floor(rand() * Math.max(1, studied));
      const review = now - Math.floor(rand() * span) - 60_000;
      const x = rand();
      const rating = x < 0.1 ? 1 : x < 0.2 ? 2 : x < 0.9 ? 3 : 4;
      const state = rand() < 0.15 ? 0 : rand() < 0.2 ? 1 : 2;
      insertLog.run(
        `bl${j}`, o.userId, `bc${cardIdx.toString(36).padStart(8, '0')}`, deckId, `seed-${j}`, rating, state,
        iso(review - 5 * DAY), iso(review), 4000 + Math.floor(rand() * 8000), iso(review),
      );
    }
  })();
  for (const ix of logIndexes) sql.exec(ix.sql);
  // The server keeps the file open in WAL mode (src/server/db.ts), so the journal mode stays WAL.
  sql.pragma('wal_checkpoint(TRUNCATE)');
  sql.close();
  return { studied, dueNow };
}
