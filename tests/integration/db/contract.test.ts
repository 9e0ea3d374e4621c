/**
 * The data layer's contract (src/server/db), the same file on both engines: the run's TEST_DB
 * picks SQLite or PostgreSQL, on a real database (a fresh copy of the run's migrated template).
 * What the hot paths (review, rooms) rely on: typed SQL through qb() + queries(); transaction()
 * all or nothing, rerunning on WriteConflict; dates exact to the millisecond, compared and ordered
 * in SQL; Json, booleans and COUNT coming back the same from either engine and either writer
 * (typed SQL or Prisma's client); unique violations and missing parents refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insertable } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import type { DB } from '@/server/db';
import { MAPPED_TABLES } from '@/server/db/schema';
import { freshDatabase, testEngine, type TestDatabase } from '../helpers/database';

type DbModule = typeof import('@/server/db');
let database: TestDatabase;
let m: DbModule;

beforeAll(async () => {
  database = await freshDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: process.env.STUDYROOM_TEST_TMP,
    BETTER_AUTH_SECRET: 'contract-test-secret-0123456789abcdef',
  });
  m = await import('@/server/db');
  await m.dbReady();
});
afterAll(async () => {
  await m?.db().$disconnect();
  await database?.drop();
});

const at = (iso: string) => new Date(iso);
const T = at('2026-01-05T09:00:00.123Z');

let serial = 0;
const uid = (p: string) => `${p}-${++serial}`;

function deckRow(id: string, o: Partial<Insertable<DB['Deck']>> = {}): Insertable<DB['Deck']> {
  return { id, title: `Deck ${id}`, description: '', sourceDoc: null, builtIn: false, ownerId: null, contentHash: null, createdAt: T, updatedAt: T, ...o };
}

function cardRow(deckId: string, ord: number, o: Partial<Insertable<DB['Card']>> = {}): Insertable<DB['Card']> {
  return {
    id: `${deckId}-c${ord}`,
    deckId,
    key: `k${ord}`,
    ord,
    kind: 'basic',
    prompt: `Prompt ${ord}`,
    answer: `Answer ${ord}`,
    options: null,
    correct: null,
    accepted: null,
    explanation: null,
    section: '',
    tags: null,
    needsAnswerKey: false,
    archived: false,
    createdAt: T,
    updatedAt: T,
    ...o,
  };
}

describe(`data layer contract on ${testEngine()}`, () => {
  it('runs on the engine TEST_DB names', () => {
    expect(m.engine()).toBe(testEngine());
    expect(m.engineOf(database.url)).toBe(testEngine());
  });

  it('reaches every table by the name the typed queries use (models renamed by @@map included)', async () => {
    // SQLite matches table names case-insensitively; PostgreSQL does not: "User" is not user.
    // (tests/unit/db/schema-tables.test.ts checks MAPPED_TABLES against the schema file.)
    const { qb, queries } = m;
    for (const model of Object.values(Prisma.ModelName)) {
      const table = ((MAPPED_TABLES as Record<string, string>)[model] ?? model) as keyof DB;
      const row = await queries().first(qb().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')));
      expect(row?.n, table).toEqual(expect.any(Number));
    }
  });

  it('inserts, selects and updates typed rows through qb() and queries()', async () => {
    const { qb, queries, db } = m;
    const id = uid('typed');
    expect(await queries().run(qb().insertInto('Deck').values(deckRow(id, { title: 'Typed', sourceDoc: 'notes.md' })))).toBe(1);

    const row = await queries().first(qb().selectFrom('Deck').select(['id', 'title', 'sourceDoc', 'ownerId', 'createdAt']).where('id', '=', id));
    expect(row).toEqual({ id, title: 'Typed', sourceDoc: 'notes.md', ownerId: null, createdAt: T });

    expect(await queries().run(qb().updateTable('Deck').set({ title: 'Renamed', updatedAt: at('2026-01-06T00:00:00.000Z') }).where('id', '=', id))).toBe(1);
    expect(await queries().run(qb().updateTable('Deck').set({ title: 'Nobody' }).where('id', '=', 'no-such-deck'))).toBe(0);
    // Prisma's client reads what the typed layer wrote.
    expect(await db().deck.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: 'Renamed', sourceDoc: 'notes.md', updatedAt: at('2026-01-06T00:00:00.000Z') });
    expect(await queries().first(qb().selectFrom('Deck').select('id').where('id', '=', 'no-such-deck'))).toBeUndefined();

    expect(await queries().run(qb().deleteFrom('Deck').where('id', '=', id))).toBe(1);
    expect(await db().deck.count({ where: { id } })).toBe(0);

    // Compile-time only: a column the schema does not have is a type error (npm run typecheck).
    // @ts-expect-error no such column
    const typo = () => qb().selectFrom('Deck').select('titel');
    expect(typo).toBeTypeOf('function');
  });

  it('inserts several rows in one statement', async () => {
    const { qb, queries } = m;
    const deck = uid('multi');
    await queries().run(qb().insertInto('Deck').values(deckRow(deck)));
    const n = await queries().run(qb().insertInto('Card').values([cardRow(deck, 2), cardRow(deck, 0), cardRow(deck, 1)]));
    expect(n).toBe(3);
    const rows = await queries().all(qb().selectFrom('Card').select(['key', 'ord']).where('deckId', '=', deck).orderBy('ord'));
    expect(rows).toEqual([
      { key: 'k0', ord: 0 },
      { key: 'k1', ord: 1 },
      { key: 'k2', ord: 2 },
    ]);
  });

  it('counts come back as numbers', async () => {
    const { qb, queries, db } = m;
    const row = await queries().first(
      qb()
        .selectFrom('Card')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('deckId').distinct().as('decks')])
        .where('archived', '=', false),
    );
    expect(typeof row!.n).toBe('number');
    expect(row!.n).toBe(await db().card.count({ where: { archived: false } }));
    expect(typeof row!.decks).toBe('number');
    const grouped = await queries().all(
      qb().selectFrom('Card').select(['deckId', (eb) => eb.fn.countAll<number>().as('n')]).where('deckId', '=', 'sqs').groupBy('deckId'),
    );
    expect(grouped).toEqual([{ deckId: 'sqs', n: await db().card.count({ where: { deckId: 'sqs' } }) }]);
  });

  describe('transaction()', () => {
    it('commits every write of a transaction that returns, and returns its value', async () => {
      const { qb, queries, transaction } = m;
      const deck = uid('tx-ok');
      const result = await transaction(async (q) => {
        await q.run(qb().insertInto('Deck').values(deckRow(deck)));
        await q.run(qb().insertInto('Card').values(cardRow(deck, 0)));
        // A transaction reads its own writes.
        return (await q.first(qb().selectFrom('Card').select('id').where('deckId', '=', deck)))!.id;
      });
      expect(result).toBe(`${deck}-c0`);
      expect(await queries().all(qb().selectFrom('Card').select('id').where('deckId', '=', deck))).toEqual([{ id: `${deck}-c0` }]);
    });

    it('rolls every write back when the function throws', async () => {
      const { qb, queries, transaction } = m;
      const deck = uid('tx-throw');
      await expect(
        transaction(async (q) => {
          await q.run(qb().insertInto('Deck').values(deckRow(deck)));
          await q.run(qb().insertInto('Card').values([cardRow(deck, 0), cardRow(deck, 1)]));
          await q.run(qb().updateTable('Deck').set({ title: 'changed in a failed transaction' }).where('id', '=', 'sqs'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await queries().first(qb().selectFrom('Deck').select('id').where('id', '=', deck))).toBeUndefined();
      expect(await queries().all(qb().selectFrom('Card').select('id').where('deckId', '=', deck))).toEqual([]);
      expect((await queries().first(qb().selectFrom('Deck').select('title').where('id', '=', 'sqs')))!.title).toBe('Amazon SQS');
    });

    it('rolls earlier writes back when a later statement fails in the database', async () => {
      const { qb, queries, transaction } = m;
      const deck = uid('tx-fail');
      await expect(
        transaction(async (q) => {
          await q.run(qb().insertInto('Deck').values(deckRow(deck)));
          await q.run(qb().insertInto('Deck').values(deckRow(deck))); // same primary key
        }),
      ).rejects.toThrow();
      expect(await queries().first(qb().selectFrom('Deck').select('id').where('id', '=', deck))).toBeUndefined();
    });

    it('reruns on WriteConflict, keeping nothing of the attempts that conflicted', async () => {
      const { qb, queries, transaction, WriteConflict } = m;
      const base = uid('tx-retry');
      let attempts = 0;
      const result = await transaction(async (q) => {
        attempts++;
        await q.run(qb().insertInto('Deck').values(deckRow(`${base}-${attempts}`)));
        if (attempts < 3) throw new WriteConflict('Deck');
        return attempts;
      });
      expect(result).toBe(3);
      const kept = await queries().all(qb().selectFrom('Deck').select('id').where('id', 'like', `${base}-%`));
      expect(kept).toEqual([{ id: `${base}-3` }]);
    });

    it('gives up with the WriteConflict after its retries', async () => {
      const { transaction, WriteConflict } = m;
      let attempts = 0;
      await expect(
        transaction(
          async () => {
            attempts++;
            throw new WriteConflict('Deck');
          },
          { retries: 2 },
        ),
      ).rejects.toBeInstanceOf(WriteConflict);
      expect(attempts).toBe(3);
    });

    it('lets concurrent optimistic updates all land: the ones that lose rerun on the new version', async () => {
      const { qb, queries, transaction, WriteConflict } = m;
      const deck = uid('tx-race');
      await queries().run(qb().insertInto('Deck').values(deckRow(deck, { description: '' })));
      const writers = 4;
      let attempts = 0;
      await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          transaction(async (q) => {
            attempts++;
            const { description } = (await q.first(qb().selectFrom('Deck').select('description').where('id', '=', deck)))!;
            const changed = await q.run(
              qb()
                .updateTable('Deck')
                .set({ description: `${description}${i}` })
                .where('id', '=', deck)
                .where('description', '=', description),
            );
            if (changed !== 1) throw new WriteConflict('Deck');
          }),
        ),
      );
      const { description } = (await queries().first(qb().selectFrom('Deck').select('description').where('id', '=', deck)))!;
      expect([...description].sort().join('')).toBe('0123');
      expect(attempts).toBeGreaterThanOrEqual(writers);
    });
  });

  describe('values', () => {
    it('dates round-trip to the millisecond and compare and order in SQL, whoever wrote them', async () => {
      const { qb, queries, db, asDate } = m;
      const owner = uid('dates');
      const times = {
        old: at('1999-12-31T23:59:59.999Z'),
        a: at('2026-01-05T09:00:00.999Z'),
        prisma: at('2026-01-05T09:00:01.000Z'), // written through Prisma's client
        b: at('2026-01-05T09:00:01.001Z'),
        c: at('2026-01-05T09:00:01.010Z'),
        d: at('2026-01-05T09:00:10.100Z'),
      };
      for (const [k, t] of Object.entries(times)) {
        if (k === 'prisma') await db().deck.create({ data: { id: `${owner}-${k}`, title: k, ownerId: null, sourceDoc: owner, createdAt: t } });
        else await queries().run(qb().insertInto('Deck').values(deckRow(`${owner}-${k}`, { title: k, sourceDoc: owner, createdAt: t })));
      }
      const mine = () => qb().selectFrom('Deck').where('sourceDoc', '=', owner);

      // Exact, as Dates, from both readers.
      for (const [k, t] of Object.entries(times)) {
        const row = await queries().first(mine().select('createdAt').where('title', '=', k));
        expect(row!.createdAt, k).toBeInstanceOf(Date);
        expect(row!.createdAt.toISOString(), k).toBe(t.toISOString());
        expect((await db().deck.findUniqueOrThrow({ where: { id: `${owner}-${k}` } })).createdAt.toISOString(), k).toBe(t.toISOString());
      }
      // Ordered in SQL.
      const ordered = await queries().all(mine().select('title').orderBy('createdAt', 'asc'));
      expect(ordered.map((r) => r.title)).toEqual(['old', 'a', 'prisma', 'b', 'c', 'd']);
      // Compared in SQL against a parameter, across a second boundary and against Prisma's writes.
      const after = await queries().all(mine().select('title').where('createdAt', '>', times.a).orderBy('createdAt'));
      expect(after.map((r) => r.title)).toEqual(['prisma', 'b', 'c', 'd']);
      const upTo = await queries().all(mine().select('title').where('createdAt', '<=', times.prisma).orderBy('createdAt'));
      expect(upTo.map((r) => r.title)).toEqual(['old', 'a', 'prisma']);
      const equal = await queries().all(mine().select('title').where('createdAt', '=', times.b));
      expect(equal).toEqual([{ title: 'b' }]);
      // And Prisma's client filters the typed layer's writes the same way.
      expect((await db().deck.findMany({ where: { sourceDoc: owner, createdAt: { gt: times.a } }, orderBy: { createdAt: 'asc' } })).map((d) => d.title)).toEqual([
        'prisma',
        'b',
        'c',
        'd',
      ]);
      // An aggregate of dates, made a Date by asDate (SQLite gives text for expressions).
      const newest = await queries().first(mine().select((eb) => eb.fn.max('createdAt').as('newest')));
      expect(asDate(newest!.newest)!.toISOString()).toBe(times.d.toISOString());
      // A nullable date column holds null.
      const sessionId = uid('dates-null');
      await queries().run(
        qb()
          .insertInto('GameSession')
          .values({ id: sessionId, pin: '123456', hostId: null, classId: null, deckId: null, title: 'Dates', settings: m.toJson({}), questions: m.toJson([]), status: 'lobby', snapshot: null, createdAt: T, startedAt: null, endedAt: null, ownerEpoch: 0 }),
      );
      expect(await queries().first(qb().selectFrom('GameSession').select(['startedAt', 'createdAt']).where('id', '=', sessionId))).toEqual({ startedAt: null, createdAt: T });
    });

    it('Json round-trips from either writer to either reader', async () => {
      const { qb, queries, db, toJson, asJson } = m;
      const deck = uid('json');
      await queries().run(qb().insertInto('Deck').values(deckRow(deck)));
      const options = ['plain', 'é ü "quoted" \\ back', '😀 emoji', '', 'line\nbreak'];
      const settings = { a: 1, b: [true, false, null, { c: 'x' }], d: 1.5, e: -0, big: 2 ** 53 - 1, nested: { deeper: { list: [1, 2, 3] } } };

      await queries().run(qb().insertInto('Card').values(cardRow(deck, 0, { options: toJson(options), correct: toJson([1, 3]), tags: null })));
      const raw = await queries().first(qb().selectFrom('Card').select(['options', 'correct', 'tags']).where('id', '=', `${deck}-c0`));
      expect(asJson(raw!.options)).toEqual(options);
      expect(asJson(raw!.correct)).toEqual([1, 3]);
      expect(raw!.tags).toBeNull();
      const viaClient = await db().card.findUniqueOrThrow({ where: { id: `${deck}-c0` } });
      expect(viaClient.options).toEqual(options);
      expect(viaClient.tags).toBeNull();

      await db().card.create({ data: { id: `${deck}-c1`, deckId: deck, key: 'k1', ord: 1, kind: 'mcq', prompt: 'p', options, correct: [0] } });
      const written = await queries().first(qb().selectFrom('Card').select(['options', 'correct']).where('id', '=', `${deck}-c1`));
      expect(asJson(written!.options)).toEqual(options);
      expect(asJson(written!.correct)).toEqual([0]);

      const sessionId = uid('json-session');
      await queries().run(
        qb()
          .insertInto('GameSession')
          .values({ id: sessionId, pin: '654321', hostId: null, classId: null, deckId: deck, title: 'Json', settings: toJson(settings), questions: toJson([]), status: 'lobby', snapshot: toJson({ v: 1 }), createdAt: T, startedAt: null, endedAt: null, ownerEpoch: 0 }),
      );
      const s = await queries().first(qb().selectFrom('GameSession').select(['settings', 'questions', 'snapshot']).where('id', '=', sessionId));
      expect(asJson(s!.settings)).toEqual(JSON.parse(JSON.stringify(settings)));
      expect(asJson(s!.questions)).toEqual([]);
      expect(asJson(s!.snapshot)).toEqual({ v: 1 });
      // An update of a Json column through the typed layer.
      await queries().run(qb().updateTable('GameSession').set({ snapshot: toJson({ v: 2, list: options }) }).where('id', '=', sessionId));
      expect((await db().gameSession.findUniqueOrThrow({ where: { id: sessionId } })).snapshot).toEqual({ v: 2, list: options });
    });

    it('booleans round-trip and filter in SQL, whoever wrote them', async () => {
      const { qb, queries, db, asBool } = m;
      const src = uid('bools');
      await queries().run(qb().insertInto('Deck').values([deckRow(`${src}-t`, { builtIn: true, sourceDoc: src }), deckRow(`${src}-f`, { builtIn: false, sourceDoc: src })]));
      await db().deck.create({ data: { id: `${src}-pt`, title: 'p', builtIn: true, sourceDoc: src } });
      const rows = await queries().all(qb().selectFrom('Deck').select(['id', 'builtIn']).where('sourceDoc', '=', src).orderBy('id'));
      expect(rows.map((r) => [r.id, asBool(r.builtIn)])).toEqual([
        [`${src}-f`, false],
        [`${src}-pt`, true],
        [`${src}-t`, true],
      ]);
      const builtIn = await queries().all(qb().selectFrom('Deck').select('id').where('sourceDoc', '=', src).where('builtIn', '=', true).orderBy('id'));
      expect(builtIn.map((r) => r.id)).toEqual([`${src}-pt`, `${src}-t`]);
      expect((await db().deck.findUniqueOrThrow({ where: { id: `${src}-t` } })).builtIn).toBe(true);
      await queries().run(qb().updateTable('Deck').set({ builtIn: false }).where('id', '=', `${src}-t`));
      expect((await db().deck.findUniqueOrThrow({ where: { id: `${src}-t` } })).builtIn).toBe(false);
    });

    it('floats and large integers keep their value (epoch milliseconds in a Float column)', async () => {
      const { qb, queries } = m;
      const sessionId = uid('floats');
      await queries().run(
        qb()
          .insertInto('GameSession')
          .values({ id: sessionId, pin: '111111', hostId: null, classId: null, deckId: null, title: 'F', settings: m.toJson({}), questions: m.toJson([]), status: 'lobby', snapshot: null, createdAt: T, startedAt: null, endedAt: null, ownerEpoch: 0 }),
      );
      const atMs = Date.UTC(2026, 0, 5, 9, 0, 0, 123) + 0.5;
      await queries().run(
        qb().insertInto('GameBridgeOutbox').values({ sessionId, playerId: 'p1', questionIndex: 7, userId: 'u1', cardId: 'c1', correct: true, at: atMs }),
      );
      const row = await queries().first(qb().selectFrom('GameBridgeOutbox').select(['at', 'questionIndex']).where('sessionId', '=', sessionId));
      expect(row).toEqual({ at: atMs, questionIndex: 7 });
    });
  });

  describe('constraints', () => {
    it('a unique violation is an error naming it, and the existing row stays as it was', async () => {
      const { qb, queries, db } = m;
      const id = uid('user');
      const user = { id, name: 'Ada', email: `${id}@example.com`, emailVerified: false, image: null, role: 'student', createdAt: T, updatedAt: T };
      await queries().run(qb().insertInto('user').values(user));
      await expect(queries().run(qb().insertInto('user').values({ ...user, id: `${id}-2`, name: 'Impostor' }))).rejects.toThrow(/unique/i);
      // A composite unique key too (Card: deckId + key).
      await expect(queries().run(qb().insertInto('Card').values(cardRow('sqs', 9999, { id: uid('dup-card'), key: 'sqs-what-is' })))).rejects.toThrow(
        /unique/i,
      );
      expect(await db().user.findMany({ where: { email: `${id}@example.com` }, select: { id: true, name: true } })).toEqual([{ id, name: 'Ada' }]);
    });

    it('a row pointing at a missing parent is refused', async () => {
      const { qb, queries } = m;
      await expect(queries().run(qb().insertInto('Card').values(cardRow(uid('no-such-deck'), 0)))).rejects.toThrow(/foreign key/i);
    });
  });
});
