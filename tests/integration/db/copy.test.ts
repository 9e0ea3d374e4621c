/**
 * `npm run db:copy`: a school's database copied into an empty one, every row and value intact. The
 * source is this pass's engine (SQLite or PostgreSQL); the target is a migrated, empty SQLite file,
 * so the PostgreSQL pass covers PostgreSQL → SQLite and the SQLite pass SQLite → SQLite.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchema } from '@/server/db/schema-file';
import { freshDatabase, openPrisma, type TestDatabase } from '../helpers/database';

const root = path.resolve(import.meta.dirname, '../../..');

function copy(from: string, to: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', '--from', from, '--to', to], { cwd: root, encoding: 'utf8' });
}

describe('db:copy', () => {
  let source: TestDatabase;
  let dir: string;
  let target: string;

  beforeAll(async () => {
    source = await freshDatabase();
    const prisma = openPrisma(source.url);
    const now = new Date('2026-12-01T10:11:12.345Z');
    await prisma.user.create({ data: { id: 'u-copy', name: 'Zoë', email: 'zoe@example.com', emailVerified: true, role: 'student', createdAt: now, updatedAt: now } });
    const card = await prisma.card.findFirstOrThrow({ where: { kind: 'mcq' }, orderBy: { id: 'asc' } });
    await prisma.cardState.create({
      data: { userId: 'u-copy', cardId: card.id, deckId: card.deckId, due: now, stability: 3.25, difficulty: 5.5, elapsedDays: 0, scheduledDays: 3, reps: 1, lapses: 0, state: 2, lastReview: now, updatedAt: now },
    });
    await prisma.$disconnect();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-copy-'));
    target = `file:${path.join(dir, 'target.db')}`;
    const migrate = spawnSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: target }, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(migrate.stderr);
  });

  afterAll(async () => {
    await source?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table with its values, and refuses a target that already has rows', async () => {
    const r = copy(source.url, target);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/copied \d+ rows in \d+ tables/);

    const [from, to] = [openPrisma(source.url), openPrisma(target)];
    try {
      for (const model of readSchema()) {
        const count = async (p: typeof from) => Number((await p.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM "${model.table}"`))[0].n);
        expect(await count(to), model.table).toBe(await count(from));
      }
      const pick = { where: { kind: 'mcq' }, orderBy: { id: 'asc' } } as const;
      expect(await to.card.findFirst(pick)).toEqual(await from.card.findFirst(pick));
      expect(await to.user.findUnique({ where: { id: 'u-copy' } })).toEqual(await from.user.findUnique({ where: { id: 'u-copy' } }));
      const state = await to.cardState.findFirstOrThrow({ where: { userId: 'u-copy' } });
      expect(state.due.toISOString()).toBe('2026-12-01T10:11:12.345Z');
      expect(state.stability).toBe(3.25);
      expect(state.suspended).toBe(false);
    } finally {
      await Promise.all([from.$disconnect(), to.$disconnect()]);
    }

    const again = copy(source.url, target);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/db:copy failed, nothing was written: .*already has rows; the target must be empty/);
  });

  it('names the migration command when the target has no tables', () => {
    const bare = `file:${path.join(dir, 'bare.db')}`;
    const r = copy(source.url, bare);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/table \w+ is missing; migrate the target first/);
  });
});
