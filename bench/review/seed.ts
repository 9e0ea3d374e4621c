/**
 * Bulk seeding for the review benchmark: one deck of `cards` cards, state rows for most of them and
 * `logs` review logs over the past ~18 months. Deterministic (seeded PRNG): both engines get the
 * same rows. Written in bulk past the app (Prisma would take minutes for a million rows): on SQLite
 * with better-sqlite3 prepared statements in one transaction, on PostgreSQL with `pg` and
 * multi-row inserts of column arrays.
 */
import { mulberry32 as prng } from '../../src/core/game/prng';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface SeedOptions {
  userId: string;
  cards: number;
  logs: number;
  now: Date;
  deckId?: string;
}

const DAY = 86_400_000;

type Row = Record<string, string | number | boolean | Date | null>;

/** Where generated rows go; `table` names a Prisma model. */
interface Sink {
  add(table: 'Deck' | 'DeckSubscription' | 'UserSettings' | 'Card' | 'CardState' | 'ReviewLog', row: Row): void | Promise<void>;
}

/** The benchmark's rows, in insertion order (parents first). */
async function generate(o: SeedOptions, sink: Sink): Promise<{ studied: number; dueNow: number }> {
  const deckId = o.deckId ?? 'bench';
  const rand = prng(42);
  const now = o.now.getTime();
  const stamp = new Date(now);
  const studied = Math.floor(o.cards * 0.9);
  let dueNow = 0;
  await sink.add('Deck', { id: deckId, title: 'Benchmark deck', description: '', builtIn: true, createdAt: stamp, updatedAt: stamp });
  await sink.add('DeckSubscription', { userId: o.userId, deckId, createdAt: stamp });
  await sink.add('UserSettings', {
    userId: o.userId, desiredRetention: 0.9, newPerDay: 20, maxReviewsPerDay: 9999, learningSteps: '1m 10m',
    relearningSteps: '10m', maxIntervalDays: 36500, timeZone: 'Europe/Berlin', dayRolloverHour: 4, fsrsChoice: 'class',
  });
  for (let i = 0; i < o.cards; i++) {
    const id = `bc${i.toString(36).padStart(8, '0')}`;
    await sink.add('Card', {
      id, deckId, key: `k${i}`, ord: i, kind: 'basic', prompt: `Question ${i}`, answer: `Answer ${i}`, section: `Bench › Part ${i % 50}`,
      tags: '[]', needsAnswerKey: false, archived: false, createdAt: stamp, updatedAt: stamp,
    });
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
    const suspended = rand() < 0.02;
    const stability = 10 + rand() * 100;
    const difficulty = 1 + rand() * 9;
    const reps = 5 + Math.floor(rand() * 20);
    const lapses = Math.floor(rand() * 3);
    await sink.add('CardState', {
      id: `bs${i}`, userId: o.userId, cardId: id, deckId, due: new Date(due), stability, difficulty, elapsedDays: 3, scheduledDays: 10,
      learningSteps: 0, reps, lapses, state, lastReview: new Date(now - 3 * DAY), suspended, buriedUntil: null, leech: false,
      version: 3, updatedAt: stamp,
    });
  }
  const span = 540 * DAY;
  for (let j = 0; j < o.logs; j++) {
    const cardIdx = Math.floor(rand() * Math.max(1, studied));
    const review = now - Math.floor(rand() * span) - 60_000;
    const x = rand();
    const rating = x < 0.1 ? 1 : x < 0.2 ? 2 : x < 0.9 ? 3 : 4;
    const state = rand() < 0.15 ? 0 : rand() < 0.2 ? 1 : 2;
    await sink.add('ReviewLog', {
      id: `bl${j}`, userId: o.userId, cardId: `bc${cardIdx.toString(36).padStart(8, '0')}`, deckId, clientId: `seed-${j}`, rating, state,
      due: new Date(review - 5 * DAY), stability: 5, difficulty: 5, elapsedDays: 3, lastElapsedDays: 2, scheduledDays: 4, learningSteps: 0,
      review: new Date(review), durationMs: 4000 + Math.floor(rand() * 8000), source: 'review', sourceRef: null, previous: null,
      undone: false, createdAt: new Date(review),
    });
  }
  return { studied, dueNow };
}

/** Prisma's SQLite adapter stores DateTime as ISO text with a "+00:00" suffix, Boolean as 0/1. */
const sqliteValue = (v: Row[string]) => (v instanceof Date ? v.toISOString().replace('Z', '+00:00') : typeof v === 'boolean' ? (v ? 1 : 0) : v);

export async function seedReviewData(file: string, o: SeedOptions): Promise<{ studied: number; dueNow: number }> {
  const sql = new Database(file);
  sql.pragma('journal_mode = WAL');
  const statements = new Map<string, Database.Statement>();
  // why: building the ReviewLog indexes once after the bulk insert is several times faster than
  // updating five b-trees per row; the definitions are read back so they match the migrations.
  const logIndexes = sql
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ReviewLog' AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  for (const ix of logIndexes) sql.exec(`DROP INDEX "${ix.name}"`);
  sql.exec('BEGIN');
  const result = await generate(o, {
    add(table, row) {
      const cols = Object.keys(row);
      const key = `${table}|${cols.join(',')}`;
      let st = statements.get(key);
      if (!st) {
        st = sql.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        statements.set(key, st);
      }
      st.run(...cols.map((c) => sqliteValue(row[c]!)));
    },
  });
  sql.exec('COMMIT');
  for (const ix of logIndexes) sql.exec(ix.sql);
  // The server keeps the file open in WAL mode (src/server/db), so the journal mode stays WAL.
  sql.pragma('wal_checkpoint(TRUNCATE)');
  sql.close();
  return result;
}

const PG_TYPES: Record<string, Record<string, string>> = {};
const BATCH = 10_000;

/** The same rows into PostgreSQL: column arrays through unnest(), BATCH rows per statement. */
export async function seedReviewDataPostgres(url: string, o: SeedOptions): Promise<{ studied: number; dueNow: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const types = async (table: string) => {
      if (!PG_TYPES[table]) {
        const r = await client.query<{ column_name: string; t: string }>(
          `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS t FROM pg_attribute a
           WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
          [`"${table}"`],
        );
        PG_TYPES[table] = Object.fromEntries(r.rows.map((x) => [x.column_name, x.t]));
      }
      return PG_TYPES[table]!;
    };
    const buffers = new Map<string, Row[]>();
    const flush = async (table: string) => {
      const rows = buffers.get(table);
      if (!rows?.length) return;
      const cols = Object.keys(rows[0]!);
      const t = await types(table);
      const arrays = cols.map((c) => rows.map((r) => (r[c] instanceof Date ? (r[c] as Date).toISOString() : r[c])));
      const casts = cols.map((c, i) => `$${i + 1}::${t[c] === 'jsonb' ? 'text' : t[c]}[]`);
      const select = cols.map((c, i) => (t[c] === 'jsonb' ? `CAST(u.c${i} AS jsonb)` : `u.c${i}`));
      await client.query(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')})
         SELECT ${select.join(', ')} FROM unnest(${casts.join(', ')}) AS u(${cols.map((_, i) => `c${i}`).join(', ')})`,
        arrays,
      );
      buffers.set(table, []);
    };
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ReviewLog' AND indexname NOT LIKE '%_pkey'`,
    );
    for (const ix of indexes.rows) await client.query(`DROP INDEX "${ix.indexname}"`);
    // Parents first: a row's parent was generated before it, so flushing every table in this order
    // always writes the parent first.
    const order = ['Deck', 'DeckSubscription', 'UserSettings', 'Card', 'CardState', 'ReviewLog'];
    const flushAll = async () => {
      for (const t of order) await flush(t);
    };
    await client.query('BEGIN');
    const result = await generate(o, {
      async add(table, row) {
        const list = buffers.get(table) ?? [];
        list.push(row);
        buffers.set(table, list);
        if (list.length >= BATCH) await flushAll();
      },
    });
    await flushAll();
    await client.query('COMMIT');
    for (const ix of indexes.rows) await client.query(ix.indexdef);
    // why: what autovacuum would do soon after a bulk load: planner statistics, and the visibility
    // map that lets counts answer from the covering indexes alone.
    await client.query('VACUUM ANALYZE');
    return result;
  } finally {
    await client.end();
  }
}
