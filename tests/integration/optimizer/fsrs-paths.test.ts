/**
 * Student and class paths of fitted FSRS parameters, through the real route handlers, better-auth
 * sessions, a real SQLite file and fsrs-rs on a worker thread. Histories are simulated students
 * whose memory follows FSRS-6 with non-default parameters, rated through the review service.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRevlogCsv, simulateRevlog } from '@/core/optimizer';
import { startHarness, type Actor, type Harness } from '../classes/harness';
import { makeClass, signUpPeople, type ClassFixture, type People } from '../classes/fixtures';

const TRUE_W = [0.6, 2.0, 4.5, 12.0, 6.8, 0.7, 1.8, 0.02, 1.9, 0.25, 1.1, 1.6, 0.08, 0.35, 1.8, 0.4, 2.5, 0.7, 0.4, 0.15, 0.35];
const START = Date.UTC(2026, 0, 5, 9);

let h: Harness;
let p: People;
let fx: ClassFixture;
const settingsRoute = () => import('@/app/api/settings/fsrs/route');
const classRoute = () => import('@/app/api/classes/[id]/fsrs/route');

/** Rates simulated reviews of the given decks' cards through the review service (card k of the simulation = k-th card). */
async function studyHistory(actor: Actor, deckIds: string[], reviews: number, seed: number): Promise<number> {
  const prisma = await h.db();
  const { applyReview, subscribeDeck } = await import('@/server/review');
  const cards = [];
  for (const deckId of deckIds) {
    await subscribeDeck(actor.id, deckId);
    cards.push(...(await prisma.card.findMany({ where: { deckId, archived: false }, orderBy: { ord: 'asc' }, select: { id: true } })));
  }
  const rows = simulateRevlog({ w: TRUE_W, reviews, seed, startMs: START, reviewsPerCard: [6, 14], spreadDays: 30 }).filter(
    (r) => r.cardId <= cards.length,
  );
  let applied = 0;
  for (const r of rows) {
    try {
      await applyReview({
        userId: actor.id,
        cardId: cards[r.cardId - 1].id,
        rating: r.rating,
        clientId: crypto.randomUUID(),
        durationMs: r.durationMs,
        source: 'live',
        now: new Date(r.time),
      });
      applied++;
    } catch (err) {
      throw new Error(`seeding failed at ${new Date(r.time).toISOString()}: ${String(err)}`);
    }
  }
  return applied;
}

async function waitForJob(get: () => Promise<{ status: number; json: any }>, pick: (json: any) => any) {
  for (let i = 0; i < 600; i++) {
    const res = await get();
    const job = pick(res.json);
    if (job && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('fit did not finish in 60 s');
}

const states = async (userId: string) =>
  (await h.db()).cardState.findMany({ where: { userId }, orderBy: { cardId: 'asc' }, select: { cardId: true, stability: true, difficulty: true, due: true, state: true } });

beforeAll(async () => {
  h = await startHarness();
  p = await signUpPeople(h, 'fsrs');
  fx = await makeClass(h, p);
}, 120_000);
afterAll(async () => h?.close());

describe('a student fits their own parameters on /settings', () => {
  it('refuses below the minimum history and says what the minimum is', async () => {
    const res = await h.call(await settingsRoute(), 'POST', {}, p.member, { action: 'optimize' });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toBe('You have 0 reviews of 0 cards; fitting needs at least 400 reviews of 50 cards.');
  });

  it('fits in the background, applies only a better fit, reschedules from the logs, and undo restores the schedule', async () => {
    const applied = await studyHistory(p.member, ['sqs', 'kinesis'], 900, 11);
    const status = await h.call(await settingsRoute(), 'GET', {}, p.member);
    expect(status.json.history).toMatchObject({ reviews: applied, enough: true });
    expect(status.json.active).toMatchObject({ choice: 'class', source: 'default', w: null });

    const started = await h.call(await settingsRoute(), 'POST', {}, p.member, { action: 'optimize' });
    expect(started.status).toBe(202);
    expect(started.json.job.status).toBe('running');
    const job = await waitForJob(async () => h.call(await settingsRoute(), 'GET', {}, p.member), (j) => j.job);
    expect(job.status).toBe('done');
    expect(job.result.better).toBe(true);
    expect(job.result.fitted.logLoss).toBeLessThan(job.result.default.logLoss);
    expect(job.result.calibration.fitted.length).toBeGreaterThan(0);
    // The page gets figures, not card ids.
    expect(JSON.stringify(job)).not.toMatch(/holdoutCards/);

    const logsBefore = await (await h.db()).reviewLog.count({ where: { userId: p.member.id } });
    const before = await states(p.member.id);
    expect((await h.call(await settingsRoute(), 'POST', {}, p.member, { action: 'apply', jobId: crypto.randomUUID() })).status).toBe(409);
    const apply = await h.call(await settingsRoute(), 'POST', {}, p.member, { action: 'apply', jobId: job.id });
    expect(apply.status).toBe(200);
    expect(apply.json.change).toMatchObject({ choice: 'own', source: 'own' });
    expect(apply.json.change.cardsRescheduled).toBeGreaterThan(0);

    const { getReviewSettings } = await import('@/server/review');
    expect((await getReviewSettings(p.member.id)).w).toEqual(job.result.params);
    const after = await states(p.member.id);
    expect(after.map((s) => s.cardId)).toEqual(before.map((s) => s.cardId));
    expect(after.filter((s, i) => s.stability !== before[i].stability).length).toBeGreaterThan(before.length / 2);
    expect(after.filter((s, i) => s.state === 2 && s.due.getTime() !== before[i].due.getTime()).length).toBeGreaterThan(0);
    expect(await (await h.db()).reviewLog.count({ where: { userId: p.member.id } })).toBe(logsBefore);

    const undo = await h.call(await settingsRoute(), 'POST', {}, p.member, { action: 'undo' });
    expect(undo.status).toBe(200);
    expect(undo.json.change).toMatchObject({ choice: 'class', source: 'default' });
    expect((await getReviewSettings(p.member.id)).w).toBeUndefined();
    const restored = await states(p.member.id);
    restored.forEach((s, i) => {
      expect(s.stability).toBeCloseTo(before[i].stability, 6);
      expect(s.due.getTime()).toBe(before[i].due.getTime());
    });
    // Nothing further to undo.
    expect((await h.call(await settingsRoute(), 'POST', {}, p.member, { action: 'undo' })).status).toBe(409);
  }, 180_000);

  it('validates the body', async () => {
    const res = await h.call(await settingsRoute(), 'POST', {}, p.member, { action: 'choose', choice: 'mine' });
    expect(res.status).toBe(400);
    expect((await h.call(await settingsRoute(), 'POST', {}, null, { action: 'optimize' })).status).toBe(401);
  });
});

describe('an instructor fits class parameters on the pooled history', () => {
  it('only the class owner can fit or see figures (everyone else gets the 404 of insight)', async () => {
    expect((await h.call(await classRoute(), 'GET', { id: fx.classId }, null)).status).toBe(401);
    expect((await h.call(await classRoute(), 'POST', { id: fx.classId }, p.member, { action: 'optimize' })).status).toBe(404);
    expect((await h.call(await classRoute(), 'GET', { id: fx.classId }, p.member)).status).toBe(404);
    expect((await h.call(await classRoute(), 'GET', { id: fx.classId }, p.other)).status).toBe(404);
    expect((await h.call(await classRoute(), 'GET', { id: fx.classId }, p.outsider)).status).toBe(404);
    expect((await h.call(await classRoute(), 'POST', { id: fx.classId }, p.other, { action: 'optimize' })).status).toBe(404);
  });

  it('pools only the class decks, shows aggregates only, and schedules members without their own parameters', async () => {
    await studyHistory(p.member2, ['sqs'], 500, 12);
    const prisma = await h.db();
    const pooled = await prisma.reviewLog.count({
      where: { userId: { in: [p.member.id, p.member2.id] }, deckId: { in: ['sqs', fx.ownDeckId] }, undone: false },
    });
    const started = await h.call(await classRoute(), 'POST', { id: fx.classId }, p.owner, { action: 'optimize' });
    expect(started.status).toBe(202);
    const job = await waitForJob(async () => h.call(await classRoute(), 'GET', { id: fx.classId }, p.owner), (j) => j.job);
    expect(job.status).toBe('done');
    // kinesis reviews of the member are not the class's: they stay out of the pool
    expect(job.result.reviews).toBe(pooled);

    const view = JSON.stringify((await h.call(await classRoute(), 'GET', { id: fx.classId }, p.owner)).json);
    const cardIds = (await prisma.card.findMany({ where: { deckId: 'sqs' }, select: { id: true } })).map((c) => c.id);
    for (const secret of [p.member.id, p.member2.id, ...cardIds]) expect(view).not.toContain(secret);
    expect(view).not.toMatch(/holdoutCards|rating|review_time/);

    expect(job.result.better).toBe(true);
    const applied = await h.call(await classRoute(), 'POST', { id: fx.classId }, p.owner, { action: 'apply', jobId: job.id });
    expect(applied.status).toBe(200);
    expect(applied.json.change.cardsRescheduled).toBeGreaterThan(0);

    const { getReviewSettings } = await import('@/server/review');
    expect((await getReviewSettings(p.member2.id)).w).toEqual(job.result.params);
    const mine = await h.call(await settingsRoute(), 'GET', {}, p.member2);
    expect(mine.json.active).toMatchObject({ choice: 'class', source: 'class', classOffer: { id: fx.classId, name: 'Cloud 101' } });
    // A student's status never carries another student's history.
    expect(JSON.stringify(mine.json)).not.toContain(p.member.id);
    const status = (await h.call(await classRoute(), 'GET', { id: fx.classId }, p.owner)).json;
    expect(status).toMatchObject({ members: 2, membersUsingClass: 2, report: { reviews: pooled, students: 2 } });

    // A member can still opt out to the defaults.
    const out = await h.call(await settingsRoute(), 'POST', {}, p.member2, { action: 'choose', choice: 'default' });
    expect(out.json.change).toMatchObject({ choice: 'default', source: 'default' });
    expect((await getReviewSettings(p.member2.id)).w).toBeUndefined();
  }, 180_000);

  it('undo brings back the class\'s previous fit (here none) and reschedules members who used it', async () => {
    const { getReviewSettings } = await import('@/server/review');
    const params = (await h.call(await classRoute(), 'GET', { id: fx.classId }, p.owner)).json.params;
    expect((await getReviewSettings(p.member.id)).w).toEqual(params);
    const undo = await h.call(await classRoute(), 'POST', { id: fx.classId }, p.owner, { action: 'undo' });
    expect(undo.status).toBe(200);
    expect(undo.json.change).toMatchObject({ params: null });
    expect(undo.json.change.cardsRescheduled).toBeGreaterThan(0);
    expect((await getReviewSettings(p.member.id)).w).toBeUndefined();
    const status = (await h.call(await classRoute(), 'GET', { id: fx.classId }, p.owner)).json;
    expect(status).toMatchObject({ params: null, report: null, fittedAt: null, membersUsingClass: 0 });
    expect((await h.call(await classRoute(), 'POST', { id: fx.classId }, p.owner, { action: 'undo' })).status).toBe(409);
    expect((await h.call(await classRoute(), 'POST', { id: fx.classId }, p.member, { action: 'undo' })).status).toBe(404);
  }, 120_000);
});

describe('npm run fsrs -- export-revlog', () => {
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/fsrs.ts', 'export-revlog', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: h.databaseUrl },
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("writes a student's history and a class pool in the revlog format the optimizer reads", async () => {
    const prisma = await h.db();
    const mine = await cli('--user', 'member2-fsrs@example.com');
    expect(mine.code).toBe(0);
    const parsed = parseRevlogCsv(mine.stdout);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows).toHaveLength(await prisma.reviewLog.count({ where: { userId: p.member2.id, undone: false } }));

    const pool = await cli('--class', fx.classId);
    const pooled = parseRevlogCsv(pool.stdout);
    if (!pooled.ok) throw new Error(pooled.message);
    // only the class's decks: the member's kinesis reviews stay out
    expect(pooled.rows).toHaveLength(
      await prisma.reviewLog.count({ where: { userId: { in: [p.member.id, p.member2.id] }, deckId: { in: ['sqs', fx.ownDeckId] }, undone: false } }),
    );
    expect(pool.stdout).not.toContain(p.member.id);
  }, 60_000);

  it('names an unknown user or class and exits 1', async () => {
    const r = await cli('--user', 'nobody@example.com');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr.trim()).toBe('export-revlog: no user with email nobody@example.com');
    expect((await cli('--class', 'nope')).stderr.trim()).toBe('export-revlog: no class with id nope');
  }, 60_000);
});
