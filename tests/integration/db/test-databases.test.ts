/**
 * The test harness's own databases (helpers/database.ts), on the run's engine: every fresh database
 * is a migrated copy of the template with the built-in decks, each is its own, a clone carries the
 * data it was made from and nothing after, and drop() removes it.
 */
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/generated/prisma/client';
import { cloneDatabase, freshDatabase, openPrisma, testEngine, type TestDatabase } from '../helpers/database';

const made: TestDatabase[] = [];
const open: PrismaClient[] = [];
afterAll(async () => {
  for (const p of open) await p.$disconnect();
  for (const d of made) await d.drop();
});

async function fresh() {
  const d = await freshDatabase();
  made.push(d);
  return d;
}
function client(url: string) {
  const p = openPrisma(url);
  open.push(p);
  return p;
}

async function exists(d: TestDatabase): Promise<boolean> {
  if (d.engine === 'sqlite') return fs.existsSync(d.url.replace(/^file:/, ''));
  const c = new pg.Client({ connectionString: process.env.STUDYROOM_TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    const name = new URL(d.url).pathname.slice(1);
    return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

const user = (id: string) => ({ id, name: id, email: `${id}@example.com` });

describe(`test databases on ${testEngine()}`, () => {
  it('hands out databases of the engine TEST_DB names, migrated and with the built-in decks', async () => {
    const d = await fresh();
    expect(d.engine).toBe(testEngine());
    expect(d.url).toMatch(testEngine() === 'postgres' ? /^postgresql:\/\/.*@127\.0\.0\.1:\d+\/t_/ : /^file:\//);
    const p = client(d.url);
    expect(await p.deck.count({ where: { builtIn: true } })).toBe(9);
    expect(await p.card.count({ where: { archived: false } })).toBe(253);
    expect(await p.user.count()).toBe(0);
  });

  it('keeps each fresh database to itself', async () => {
    const [a, b] = [await fresh(), await fresh()];
    expect(a.url).not.toBe(b.url);
    await client(a.url).user.create({ data: user('only-in-a') });
    expect(await client(b.url).user.count()).toBe(0);
    expect(await client((await fresh()).url).user.count()).toBe(0);
  });

  it('clones a database with its data; the clone and the original then go their own ways', async () => {
    const source = await fresh();
    const s = openPrisma(source.url);
    await s.user.create({ data: user('before-clone') });
    await s.$disconnect(); // nothing may be connected to the source while it is copied

    const copy = await cloneDatabase(source.url);
    made.push(copy);
    expect(copy.url).not.toBe(source.url);
    const c = client(copy.url);
    expect((await c.user.findMany()).map((u) => u.id)).toEqual(['before-clone']);
    expect(await c.deck.count({ where: { builtIn: true } })).toBe(9);

    await c.user.create({ data: user('only-in-clone') });
    expect(await client(source.url).user.count()).toBe(1);
  });

  it('drop() removes the database, even with a client still connected', async () => {
    const d = await freshDatabase();
    const p = openPrisma(d.url);
    await p.user.count();
    expect(await exists(d)).toBe(true);
    await d.drop();
    expect(await exists(d)).toBe(false);
    await p.$disconnect().catch(() => {});
  });
});
