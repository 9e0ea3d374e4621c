/**
 * Assignments end to end through the route handlers: fixed questions, one at a time with the key
 * checked on the server, resume after leaving, late submission, attempt limit, and the bridge
 * updating the student's review schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Actor, type Harness } from './harness';
import { asUser, signUpPeople, type People } from './fixtures';

let h: Harness;
let p: People;
let classId: string;
beforeAll(async () => {
  h = await startHarness();
  p = await signUpPeople(h, 'assign');
  const classes = await import('@/app/api/classes/route');
  const join = await import('@/app/api/classes/join/route');
  const created = (await h.call(classes, 'POST', {}, p.owner, { name: 'Quiz class' })).json.class;
  classId = created.id;
  await h.call(join, 'POST', {}, p.member, { code: created.joinCode });
  await h.call(join, 'POST', {}, p.member2, { code: created.joinCode });
});
afterAll(async () => h?.close());

const create = () => import('@/app/api/classes/[id]/assignments/route');
const one = () => import('@/app/api/assignments/[id]/route');
const start = () => import('@/app/api/assignments/[id]/start/route');
const answer = () => import('@/app/api/assignments/[id]/answer/route');
const submit = () => import('@/app/api/assignments/[id]/submit/route');

const KEY_FIELDS = ['correct', 'accepted', 'answerText', 'explanation', 'cardId'];
/** Asserts that no answer key field appears anywhere in a payload. */
function expectNoKey(payload: unknown) {
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        expect(KEY_FIELDS, `payload leaks ${k}`).not.toContain(k);
        walk(x);
      }
    }
  };
  walk(payload);
}

async function storedQuestions(id: string) {
  const prisma = await h.db();
  const a = await prisma.assignment.findUniqueOrThrow({ where: { id } });
  return a.questions as { index: number; kind: string; prompt: string; cardId: string; correct?: number[]; answerText: string; options?: string[] }[];
}

function rightChoice(q: { kind: string; correct?: number[]; answerText: string }) {
  return q.kind === 'type' ? q.answerText : q.correct!;
}
function wrongChoice(q: { kind: string; correct?: number[]; options?: string[] }) {
  if (q.kind === 'type') return 'definitely not it';
  const wrong = q.options!.findIndex((_, i) => !q.correct!.includes(i));
  return [wrong];
}

async function newAssignment(body: Record<string, unknown>) {
  const res = await h.call(await create(), 'POST', { id: classId }, p.owner, {
    title: 'SQS quiz',
    deckId: 'sqs',
    questionCount: 4,
    dueAt: '2030-01-01T00:00:00Z',
    ...body,
  });
  expect(res.status).toBe(201);
  return res.json.assignment.id as string;
}

describe('assignments', () => {
  it('fixes the questions at creation: every student gets the same quiz', async () => {
    const id = await newAssignment({ questionCount: 5 });
    const qs = await storedQuestions(id);
    expect(qs).toHaveLength(5);
    const s1 = (await h.call(await start(), 'POST', { id }, p.member)).json.state.current.question;
    const s2 = (await h.call(await start(), 'POST', { id }, p.member2)).json.state.current.question;
    expect(s1).toEqual(s2);
    expect(s1).toMatchObject({ index: 0, prompt: qs[0]!.prompt });
    const { createAssignment } = await import('@/server/assignments/assignment-create');
    const prisma = await h.db();
    const input = { title: 'x', deckId: 'sqs', sections: ['SQS'], questionCount: 6, dueAt: '2030-01-01T00:00:00Z' };
    const a = await createAssignment(prisma, asUser(p.owner), classId, input, { seed: 42 });
    const b = await createAssignment(prisma, asUser(p.owner), classId, input, { seed: 42 });
    expect(b.questions).toEqual(a.questions);
    expect((a.questions as { section: string }[]).every((q) => q.section.startsWith('SQS'))).toBe(true);
  });

  it("builds an assignment from the cards of a saved question set; another instructor's set is not found", async () => {
    const prisma = await h.db();
    const cards = await prisma.card.findMany({ where: { deckId: 'sns', kind: { in: ['mcq', 'tf'] }, archived: false }, take: 3, orderBy: { ord: 'desc' } });
    const ids = cards.map((c) => c.id);
    const set = await prisma.questionSet.create({ data: { ownerId: p.owner.id, title: 'Picked', cardIds: ids } });
    const res = await h.call(await create(), 'POST', { id: classId }, p.owner, {
      title: 'From a set',
      questionSetId: set.id,
      questionCount: 3,
      dueAt: '2030-01-01T00:00:00Z',
    });
    expect(res.status).toBe(201);
    const qs = await storedQuestions(res.json.assignment.id);
    expect(new Set(qs.map((q) => q.cardId))).toEqual(new Set(ids));
    const foreign = await prisma.questionSet.create({ data: { ownerId: p.other.id, title: 'Not yours', cardIds: ids } });
    const refused = await h.call(await create(), 'POST', { id: classId }, p.owner, {
      title: 'x',
      questionSetId: foreign.id,
      questionCount: 3,
      dueAt: '2030-01-01T00:00:00Z',
    });
    expect(refused.status).toBe(404);
    expect(refused.json.error.message).toBe('Question set not found.');
  });

  it('rejects a selection without quiz questions', async () => {
    const res = await h.call(await create(), 'POST', { id: classId }, p.owner, {
      title: 'Empty',
      deckId: 'sqs',
      sections: ['No such section'],
      questionCount: 3,
      dueAt: '2030-01-01T00:00:00Z',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/No quiz questions/);
  });

  it('takes it half-way, resumes where the student left, and never sends a key before the answer', async () => {
    const id = await newAssignment({ attemptsAllowed: 1 });
    const qs = await storedQuestions(id);
    const started = await h.call(await start(), 'POST', { id }, p.member);
    expect(started.json).toMatchObject({ resumed: false, number: 1 });
    expectNoKey(started.json.state.current);

    const r0 = await h.call(await answer(), 'POST', { id }, p.member, { questionIndex: 0, choice: rightChoice(qs[0]!) });
    expect(r0.status).toBe(200);
    expect(r0.json.feedback).toMatchObject({ correct: true, answerText: qs[0]!.answerText });
    expect(r0.json).toMatchObject({ answeredCount: 1, correctCount: 1, total: 4 });
    expectNoKey(r0.json.next);
    const r1 = await h.call(await answer(), 'POST', { id }, p.member, { questionIndex: 1, choice: wrongChoice(qs[1]!) });
    expect(r1.json.feedback.correct).toBe(false);

    // Skipping ahead is refused; re-sending an answered question returns the stored result.
    expect((await h.call(await answer(), 'POST', { id }, p.member, { questionIndex: 3, choice: rightChoice(qs[3]!) })).status).toBe(409);
    const retry = await h.call(await answer(), 'POST', { id }, p.member, { questionIndex: 1, choice: rightChoice(qs[1]!) });
    expect(retry.json.feedback.correct).toBe(false);

    // The student leaves; coming back shows progress and the next question.
    const state = (await h.call(await one(), 'GET', { id }, p.member)).json.state;
    expect(state.status).toBe('in_progress');
    expect(state.current).toMatchObject({ answeredCount: 2, correctCount: 1, question: { index: 2 } });
    expectNoKey(state.current);
    const resumed = await h.call(await start(), 'POST', { id }, p.member);
    expect(resumed.json).toMatchObject({ resumed: true, number: 1 });

    await h.call(await answer(), 'POST', { id }, p.member, { questionIndex: 2, choice: rightChoice(qs[2]!) });
    const last = await h.call(await answer(), 'POST', { id }, p.member, { questionIndex: 3, choice: rightChoice(qs[3]!) });
    expect(last.json.next).toBeNull();
    const done = await h.call(await submit(), 'POST', { id }, p.member);
    expect(done.json.attempt).toMatchObject({ correctCount: 3, total: 4, late: false });
    expect(done.json.state.status).toBe('submitted');
    expect(done.json.state.lastReview).toHaveLength(4);
    expect(done.json.state.lastReview[1].feedback).toMatchObject({ correct: false, answerText: qs[1]!.answerText });

    // Attempts limit: one attempt allowed.
    const again = await h.call(await start(), 'POST', { id }, p.member);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/used all 1 attempt/);
    expect((await h.call(await one(), 'GET', { id }, p.member)).json.state.canStart).toBe(false);

    // The instructor sees each student's status.
    const overview = (await h.call(await one(), 'GET', { id }, p.owner)).json.overview;
    expect(overview.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Stu Member', status: 'submitted', best: { correct: 3, total: 4 }, attemptsUsed: 1 }),
        expect.objectContaining({ name: 'Sam Member', status: 'not_started', best: null }),
      ]),
    );
  });

  it('accepts a submission after the due date and marks it late; a second attempt is allowed when configured', async () => {
    const id = await newAssignment({ dueAt: '2020-01-01T00:00:00Z', attemptsAllowed: 2 });
    const qs = await storedQuestions(id);
    await h.call(await start(), 'POST', { id }, p.member2);
    await h.call(await answer(), 'POST', { id }, p.member2, { questionIndex: 0, choice: wrongChoice(qs[0]!) });
    const sub = await h.call(await submit(), 'POST', { id }, p.member2);
    expect(sub.status).toBe(200);
    expect(sub.json.attempt).toMatchObject({ late: true, correctCount: 0, total: 4 });
    expect(sub.json.state.status).toBe('late');
    expect((await h.call(await submit(), 'POST', { id }, p.member2)).status).toBe(409);
    const second = await h.call(await start(), 'POST', { id }, p.member2);
    expect(second.json).toMatchObject({ resumed: false, number: 2 });
    expect((await h.call(await start(), 'POST', { id }, p.member2)).json).toMatchObject({ resumed: true, number: 2 });

    const list = (await h.call(await create(), 'GET', { id: classId }, p.member2)).json.assignments;
    expect(list.find((a: { id: string }) => a.id === id)).toMatchObject({ status: 'in_progress', best: { correct: 0, total: 4 } });
  });

  it("updates the student's review schedule from assignment answers (the bridge)", async () => {
    const id = await newAssignment({ questionCount: 2, attemptsAllowed: 2 });
    const qs = await storedQuestions(id);
    const prisma = await h.db();
    const student: Actor = p.outsider;
    // The outsider joins this class for this test.
    const cls = await prisma.class.findUniqueOrThrow({ where: { id: classId } });
    await h.call(await import('@/app/api/classes/join/route'), 'POST', {}, student, { code: cls.joinCode });
    expect(await prisma.deckSubscription.findUnique({ where: { userId_deckId: { userId: student.id, deckId: 'sqs' } } })).toBeNull();

    await h.call(await start(), 'POST', { id }, student);
    const r = await h.call(await answer(), 'POST', { id }, student, { questionIndex: 0, choice: wrongChoice(qs[0]!) });
    expect(r.json.scheduleUpdated).toBe(true);
    const state = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: student.id, cardId: qs[0]!.cardId } } });
    expect(state).toMatchObject({ state: 1, lapses: 0, reps: 1, version: 1 });
    const attempt = await prisma.assignmentAttempt.findFirstOrThrow({ where: { assignmentId: id, userId: student.id } });
    const log = await prisma.reviewLog.findFirstOrThrow({ where: { userId: student.id, cardId: qs[0]!.cardId } });
    expect(log).toMatchObject({ rating: 1, source: 'assignment', sourceRef: attempt.id, clientId: `assignment:${attempt.id}:${qs[0]!.cardId}` });
    expect(await prisma.deckSubscription.findUnique({ where: { userId_deckId: { userId: student.id, deckId: 'sqs' } } })).not.toBeNull();

    // Second attempt the same day: the answer is recorded but the schedule is not moved again.
    await h.call(await submit(), 'POST', { id }, student);
    await h.call(await start(), 'POST', { id }, student);
    const again = await h.call(await answer(), 'POST', { id }, student, { questionIndex: 0, choice: rightChoice(qs[0]!) });
    expect(again.json.feedback.correct).toBe(true);
    expect(again.json.scheduleUpdated).toBe(false);
    expect(await prisma.reviewLog.count({ where: { userId: student.id, cardId: qs[0]!.cardId } })).toBe(1);
  });
});
