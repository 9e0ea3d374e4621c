/**
 * Instructor reports, class insight and warm-up against a real database (in-process route handlers
 * and services; see tests/integration/classes/harness.ts). Fixed `NOW` for every number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Actor, type Harness } from '../classes/harness';
import { asUser, makeClass, signUpPeople, type ClassFixture, type People } from '../classes/fixtures';
import { Rating, createScheduler, DEFAULT_REVIEW_SETTINGS, type CardStateFields } from '@/core/review';
import { retrievabilityAt } from '@/core/insight';

const NOW = new Date('2026-01-05T09:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const ORIGIN = 'http://localhost:3000';

let h: Harness;
let p: People;
let fx: ClassFixture;
/** Quiz cards of the sqs deck, in deck order. */
let quiz: Array<{ id: string; section: string }>;
let gameId: string;

/** Rates a card for a user at `at` the way a review would: CardState upsert + ReviewLog row. */
async function review(userId: string, cardId: string, rating: 1 | 2 | 3 | 4, at: Date) {
  const prisma = await h.db();
  const row = await prisma.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  const prev: CardStateFields | null = row ? { ...row, state: row.state as 0 | 1 | 2 | 3 } : null;
  const { next, log } = createScheduler(DEFAULT_REVIEW_SETTINGS).applyRating(prev, rating, at);
  const { deckId } = await prisma.card.findUniqueOrThrow({ where: { id: cardId }, select: { deckId: true } });
  await prisma.cardState.upsert({
    where: { userId_cardId: { userId, cardId } },
    create: { userId, cardId, deckId, ...next },
    update: { ...next },
  });
  const { previous: _p, ...fields } = log;
  await prisma.reviewLog.create({ data: { ...fields, userId, cardId, deckId, clientId: `${cardId}-${at.toISOString()}` } });
  return next;
}

async function get(modulePath: () => Promise<any>, params: Record<string, string>, actor: Actor | null, query = '') {
  const mod = await modulePath();
  const headers: Record<string, string> = { origin: ORIGIN };
  if (actor) headers.cookie = actor.cookie;
  const res: Response = await mod.GET(new Request(`${ORIGIN}/api/x${query}`, { headers }), { params: Promise.resolve(params) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

beforeAll(async () => {
  h = await startHarness();
  p = await signUpPeople(h, 'insight');
  fx = await makeClass(h, p, 'Cloud 201');
  const prisma = await h.db();
  quiz = await prisma.card.findMany({
    where: { deckId: 'sqs', archived: false, needsAnswerKey: false, kind: { in: ['mcq', 'multi', 'tf', 'type'] } },
    orderBy: { ord: 'asc' },
    select: { id: true, section: true },
  });
  // A finished live session of the class (the row the room server writes).
  gameId = (await prisma.gameSession.create({ data: { pin: '123456', hostId: p.owner.id, classId: fx.classId, deckId: 'sqs', title: 'Live', settings: {}, questions: [], status: 'ended' } })).id;
  // member: card 0 learned long ago (forgetting), card 1 reviewed yesterday.
  await review(p.member.id, quiz[0]!.id, Rating.Good, daysAgo(40));
  await review(p.member.id, quiz[0]!.id, Rating.Good, daysAgo(38));
  await review(p.member.id, quiz[1]!.id, Rating.Good, daysAgo(3));
  await review(p.member.id, quiz[1]!.id, Rating.Good, daysAgo(1));
  // member2: card 0 forgotten too, card 2 lapsed.
  await review(p.member2.id, quiz[0]!.id, Rating.Good, daysAgo(30));
  await review(p.member2.id, quiz[2]!.id, Rating.Good, daysAgo(20));
  await review(p.member2.id, quiz[2]!.id, Rating.Again, daysAgo(19));
  // The outsider forgot card 3 badly, but is not in the class.
  await review(p.outsider.id, quiz[3]!.id, Rating.Again, daysAgo(50));
}, 120_000);
afterAll(async () => h?.close());

describe('who may see reports, insight and warm-ups', () => {
  const routes = {
    overview: () => import('@/app/api/classes/[id]/reports/route'),
    session: () => import('@/app/api/classes/[id]/reports/sessions/[gameId]/route'),
    assignment: () => import('@/app/api/classes/[id]/reports/assignments/[assignmentId]/route'),
    student: () => import('@/app/api/classes/[id]/reports/students/[userId]/route'),
    insight: () => import('@/app/api/classes/[id]/insight/route'),
    warmup: () => import('@/app/api/classes/[id]/warmup/route'),
  };

  it('answers 401 to guests and 404 to everyone but the class owner, for every endpoint', async () => {
    const cases: Array<[string, () => Promise<any>, Record<string, string>]> = [
      ['overview', routes.overview, { id: fx.classId }],
      ['session', routes.session, { id: fx.classId, gameId }],
      ['assignment', routes.assignment, { id: fx.classId, assignmentId: fx.assignmentId }],
      ['student', routes.student, { id: fx.classId, userId: p.member.id }],
      ['insight', routes.insight, { id: fx.classId }],
      ['warmup', routes.warmup, { id: fx.classId }],
    ];
    for (const [name, mod, params] of cases) {
      const seen: Record<string, number> = {};
      for (const [who, actor] of [
        ['guest', null],
        ['outsider', p.outsider],
        ['other', p.other],
        ['member', p.member],
        ['owner', p.owner],
      ] as const) {
        const r = await get(mod, params, actor);
        seen[who] = r.status;
        if (r.status !== 200) expect(JSON.parse(r.text).error.message, `${name} ${who}`).toBeTruthy();
      }
      expect(seen, name).toEqual({ guest: 401, outsider: 404, other: 404, member: 404, owner: 200 });
    }
    const save = await import('@/app/api/classes/[id]/warmup/route');
    const post = (actor: Actor | null) =>
      save.POST(
        new Request(`${ORIGIN}/api/x`, {
          method: 'POST',
          headers: { origin: ORIGIN, ...(actor ? { cookie: actor.cookie } : {}), 'content-type': 'application/json' },
          body: '{"as":"live","count":3}',
        }),
        { params: Promise.resolve({ id: fx.classId }) },
      );
    expect((await post(null)).status).toBe(401);
    for (const actor of [p.outsider, p.other, p.member]) expect((await post(actor)).status).toBe(404);
    expect(await (await h.db()).questionSet.count()).toBe(0);
    const ok = await post(p.owner);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ questionCount: 3, questionSetId: expect.any(String) });
    await (await h.db()).questionSet.deleteMany();
  });

  it('does not show a student of another class or an assignment of another class', async () => {
    const outsider = await get(routes.student, { id: fx.classId, userId: p.outsider.id }, p.owner);
    expect(outsider.status).toBe(404);
    const otherClass = await makeClass(h, { ...p, owner: p.other }, 'Other class');
    const wrongPair = await get(routes.assignment, { id: fx.classId, assignmentId: otherClass.assignmentId }, p.owner);
    expect(wrongPair.status).toBe(404);
    // A session of another class is not this class's report, even for its own host.
    const elsewhere = await (await h.db()).gameSession.create({
      data: { pin: '654321', hostId: p.owner.id, deckId: 'sqs', title: 'Unclassed', settings: {}, questions: [], status: 'ended' },
    });
    expect((await get(routes.session, { id: fx.classId, gameId: elsewhere.id }, p.owner)).status).toBe(404);
  });

  it('exports CSV with one row per student per question and defused formulas', async () => {
    const r = await get(routes.assignment, { id: fx.classId, assignmentId: fx.assignmentId }, p.owner, '?format=csv');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/csv');
    const lines = r.text.trim().split('\r\n');
    expect(lines[0]).toContain('"student","status"');
    // 2 students × 3 questions.
    expect(lines).toHaveLength(1 + 2 * 3);
  });
});

describe('warm-up from forgetting', () => {
  it('picks the quiz cards the class is losing, lowest average recall first, outsiders ignored', async () => {
    const { previewWarmup } = await import('@/server/insight');
    const prisma = await h.db();
    const w = await previewWarmup(prisma, asUser(p.owner), fx.classId, { count: 5, deckId: 'sqs' }, NOW);
    expect(w.studentCount).toBe(2);
    const studied = w.cards.filter((c) => c.avgRecall !== null);
    expect(studied.map((c) => c.cardId).sort()).toEqual([quiz[0]!.id, quiz[1]!.id, quiz[2]!.id].sort());
    const recalls = studied.map((c) => c.avgRecall!);
    expect(recalls).toEqual([...recalls].sort((a, b) => a - b));
    // Card 1 was reviewed yesterday: the class remembers it best of the three.
    expect(studied[2]!.cardId).toBe(quiz[1]!.id);
    // Card 0's average is over both students' real states.
    const states = await prisma.cardState.findMany({ where: { cardId: quiz[0]!.id, userId: { in: [p.member.id, p.member2.id] } } });
    const expected = states.reduce((t, s) => t + retrievabilityAt({ ...s, state: s.state as 0 | 1 | 2 | 3 }, NOW), 0) / 2;
    expect(w.cards.find((c) => c.cardId === quiz[0]!.id)!.avgRecall).toBeCloseTo(expected, 10);
    // The rest are never-studied cards in deck order (card 3 only the outsider studied).
    expect(w.cards.slice(3).map((c) => c.cardId)).toEqual([quiz[3]!.id, quiz[4]!.id]);
    expect(w.cards[3]!.avgRecall).toBeNull();
  });

  it('keeps to the chosen sections', async () => {
    const { previewWarmup } = await import('@/server/insight');
    const section = quiz[quiz.length - 1]!.section;
    const w = await previewWarmup(await h.db(), asUser(p.owner), fx.classId, { count: 50, deckId: 'sqs', sections: [section] }, NOW);
    expect(w.cards.length).toBeGreaterThan(0);
    expect(w.cards.every((c) => c.section === section)).toBe(true);
  });

  it('refuses a deck that is not published to the class', async () => {
    const { previewWarmup } = await import('@/server/insight');
    await expect(previewWarmup(await h.db(), asUser(p.owner), fx.classId, { count: 5, deckId: 'sns' }, NOW)).rejects.toMatchObject({ status: 404 });
  });

  it('saves a warm-up as an assignment with exactly the picked cards', async () => {
    const { previewWarmup, saveWarmup } = await import('@/server/insight');
    const prisma = await h.db();
    const preview = await previewWarmup(prisma, asUser(p.owner), fx.classId, { count: 3, deckId: 'sqs' }, NOW);
    const saved = await saveWarmup(prisma, asUser(p.owner), fx.classId, { count: 3, deckId: 'sqs', as: 'assignment', dueAt: '2030-01-01T00:00:00Z' }, NOW);
    expect(saved).toMatchObject({ deckId: 'sqs', questionCount: 3, assignmentId: expect.any(String) });
    const set = await prisma.questionSet.findUniqueOrThrow({ where: { id: saved.questionSetId } });
    expect(set.ownerId).toBe(p.owner.id);
    expect(set.cardIds).toEqual(preview.cards.map((c) => c.cardId));
    const a = await prisma.assignment.findUniqueOrThrow({ where: { id: saved.assignmentId! } });
    expect(a.classId).toBe(fx.classId);
    expect((a.questions as Array<{ cardId: string }>).map((q) => q.cardId).sort()).toEqual(preview.cards.map((c) => c.cardId).sort());
  });

  it('needs a due date for an assignment', async () => {
    const { saveWarmup } = await import('@/server/insight');
    await expect(saveWarmup(await h.db(), asUser(p.owner), fx.classId, { as: 'assignment' }, NOW)).rejects.toMatchObject({ status: 400 });
  });
});

describe('class insight', () => {
  it('gives per-section recall, reviews in the last 7 days and students with overdue reviews', async () => {
    const { getClassInsight } = await import('@/server/insight');
    const v = await getClassInsight(await h.db(), asUser(p.owner), fx.classId, NOW);
    expect(v.studentCount).toBe(2);
    expect(v.totals.studiedPairs).toBe(4);
    // In the last 7 days: member's two reviews of card 1 (3 and 1 days ago); the rest are older.
    expect(v.totals.reviewsInWindow).toBe(2);
    const s0 = v.sections.find((s) => s.deckId === 'sqs' && s.section === quiz[0]!.section)!;
    expect(s0.avgRecall).not.toBeNull();
    expect(s0.avgRecall!).toBeGreaterThan(0);
    expect(s0.avgRecall!).toBeLessThan(1);
    // Both students let something fall overdue; the outsider is not listed.
    expect(v.overdue.map((o) => o.name).sort()).toEqual(['Sam Member', 'Stu Member']);
    expect(v.mostForgotten[0]!.avgRecall).toBeLessThanOrEqual(v.mostForgotten.at(-1)!.avgRecall);
  });
});

describe('assignment and student reports', () => {
  it('shows scores, per-question accuracy and time, and late flags', async () => {
    const { startAttempt, answerQuestion, submitAttempt } = await import('@/server/assignments/assignment-take');
    const { getAssignmentReport, getStudentReport } = await import('@/server/insight');
    const prisma = await h.db();
    const a = await prisma.assignment.findUniqueOrThrow({ where: { id: fx.assignmentId } });
    const qs = a.questions as Array<{ kind: string; correct?: number[]; options?: string[]; answerText: string }>;
    const t0 = new Date('2026-01-05T10:00:00Z');
    await startAttempt(prisma, asUser(p.member), fx.assignmentId, t0);
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i]!;
      const right = i !== 1; // misses question 2
      const choice =
        q.kind === 'type' ? (right ? q.answerText : 'nope') : right ? q.correct! : [q.options!.findIndex((_, k) => !q.correct!.includes(k))];
      await answerQuestion(prisma, asUser(p.member), fx.assignmentId, { questionIndex: i, choice }, new Date(t0.getTime() + (i + 1) * 4000));
    }
    await submitAttempt(prisma, asUser(p.member), fx.assignmentId, new Date(t0.getTime() + 20_000));
    // Submitted after the due date: flagged late.
    await prisma.assignmentAttempt.updateMany({ where: { assignmentId: fx.assignmentId, userId: p.member.id }, data: { late: true } });

    const r = await getAssignmentReport(prisma, asUser(p.owner), fx.classId, fx.assignmentId);
    const stu = r.participants.find((x) => x.userId === p.member.id)!;
    expect(stu).toMatchObject({ status: 'late', correctCount: qs.length - 1, late: true });
    expect(r.participants.find((x) => x.userId === p.member2.id)).toMatchObject({ status: 'not_started', score: null });
    expect(r.questions[1]).toMatchObject({ answeredCount: 1, correctCount: 0, accuracy: 0 });
    expect(r.questions[0]!.avgResponseMs).toBeGreaterThan(0);
    expect(r.hardest[0]!.index).toBe(1);
    expect(r.lateCount).toBe(1);

    const s = await getStudentReport(prisma, asUser(p.owner), fx.classId, p.member.id, NOW);
    const row = s.assignments.find((x) => x.assignmentId === fx.assignmentId)!;
    expect(row).toMatchObject({ status: 'late', correct: qs.length - 1, late: true });
    // The assignment's answers went through the bridge into the student's review too.
    const studied = await prisma.cardState.count({ where: { userId: p.member.id, state: { not: 0 }, card: { deckId: { in: ['sqs', fx.ownDeckId] } } } });
    expect(studied).toBeGreaterThan(2);
    expect(s.review.studiedCards).toBe(studied);
    expect(await prisma.reviewLog.count({ where: { userId: p.member.id, source: 'assignment' } })).toBeGreaterThan(0);
  });
});
