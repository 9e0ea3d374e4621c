/**
 * Taking an assignment, self-paced: one question at a time, in the order fixed at creation.
 * Answers are checked here on the server; the client only ever holds the question being asked
 * (publicQuestion) and, once answered, its feedback. Progress is in the DB, so leaving and coming
 * back resumes at the first unanswered question.
 */
import { z } from 'zod';
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { badRequest, conflict, forbidden } from '../api';
import { grade, isValidChoice, MAX_TYPED_ANSWER_LENGTH } from '@/core/game/grading';
import type { Question } from '@/core/game';
import { recordQuizAnswer } from '../bridge';
import { checkInput } from '../classes/check-input';
import { loadAssignmentAccess, loadAssignmentForStudent } from './assignment-access';
import { assignmentStatus, type AssignmentStatus } from '@/core/assignments/assignment-status';
import { feedbackFor, publicQuestion, type AnswerFeedback, type PublicQuestion } from './public-question';

export const AnswerSchema = z
  .object({
    questionIndex: z.number().int().min(0).max(1000),
    choice: z.union([z.array(z.number().int().min(0).max(50)).max(50), z.string().max(MAX_TYPED_ANSWER_LENGTH)]),
  })
  .strict();

/** Longest time counted for one answer; a student who left half-way should not skew timings. */
const MAX_RESPONSE_MS = 10 * 60 * 1000;

export interface AttemptSummary {
  id: string;
  number: number;
  startedAt: Date;
  submittedAt: Date | null;
  late: boolean;
  correctCount: number;
  total: number;
}

export interface ReviewItem {
  index: number;
  prompt: string;
  kind: Question['kind'];
  options?: string[];
  yourChoice: number[] | string | null;
  feedback: AnswerFeedback;
}

/** Everything the take page needs for one student. */
export interface TakeState {
  assignment: { id: string; title: string; dueAt: Date; attemptsAllowed: number; questionCount: number; classId: string; className: string };
  status: AssignmentStatus;
  attempts: AttemptSummary[];
  canStart: boolean;
  archived: boolean;
  /** The open attempt, if any. */
  current: null | { attemptId: string; number: number; answeredCount: number; correctCount: number; question: PublicQuestion | null };
  /** Per-question review of the latest submitted attempt. */
  lastReview: ReviewItem[] | null;
}

function summarize(a: { id: string; number: number; startedAt: Date; submittedAt: Date | null; late: boolean; correctCount: number; total: number }): AttemptSummary {
  return { id: a.id, number: a.number, startedAt: a.startedAt, submittedAt: a.submittedAt, late: a.late, correctCount: a.correctCount, total: a.total };
}

/** The take-page state for a student in the class (instructors use assignmentOverview instead). */
export async function getTakeState(prisma: Db, user: SessionUser, assignmentId: string): Promise<TakeState> {
  const { assignment, questions, cls } = await loadAssignmentForStudentRead(prisma, user, assignmentId);
  const attempts = await prisma.assignmentAttempt.findMany({
    where: { assignmentId, userId: user.id },
    include: { answers: { orderBy: { questionIndex: 'asc' } } },
    orderBy: { number: 'asc' },
  });
  const open = attempts.find((a) => a.submittedAt === null) ?? null;
  const submitted = attempts.filter((a) => a.submittedAt !== null);
  const lastSubmitted = submitted[submitted.length - 1] ?? null;
  let current: TakeState['current'] = null;
  if (open) {
    const next = nextIndex(open.answers, questions.length);
    current = {
      attemptId: open.id,
      number: open.number,
      answeredCount: open.answers.length,
      correctCount: open.answers.filter((x) => x.correct).length,
      question: next === null ? null : publicQuestion(questions[next]!),
    };
  }
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      dueAt: assignment.dueAt,
      attemptsAllowed: assignment.attemptsAllowed,
      questionCount: questions.length,
      classId: cls.id,
      className: cls.name,
    },
    status: assignmentStatus(attempts),
    attempts: submitted.map(summarize),
    canStart: !cls.archived && !open && submitted.length < assignment.attemptsAllowed,
    archived: cls.archived,
    current,
    lastReview: lastSubmitted
      ? questions.map((q) => {
          const ans = lastSubmitted.answers.find((x) => x.questionIndex === q.index);
          return {
            index: q.index,
            prompt: q.prompt,
            kind: q.kind,
            ...(q.options ? { options: q.options } : {}),
            yourChoice: ans ? (ans.choice as number[] | string) : null,
            feedback: feedbackFor(q, ans?.correct ?? false),
          };
        })
      : null,
  };
}

/** Students read their own state even in an archived class; instructors get a 403 here. */
async function loadAssignmentForStudentRead(prisma: Db, user: SessionUser, assignmentId: string) {
  const access = await loadAssignmentAccess(prisma, user, assignmentId);
  if (access.role !== 'member') throw forbidden('Only students in the class take assignments.');
  return access;
}

/** First question index without an answer, or null when all are answered. */
function nextIndex(answers: readonly { questionIndex: number }[], total: number): number | null {
  const done = new Set(answers.map((a) => a.questionIndex));
  for (let i = 0; i < total; i++) if (!done.has(i)) return i;
  return null;
}

/**
 * Starts an attempt, or returns the open one (resume). 409 when every allowed attempt is used.
 * Starting after the due date is allowed: the submission is then marked late.
 */
export async function startAttempt(prisma: Db, user: SessionUser, assignmentId: string, now: Date) {
  const { assignment } = await loadAssignmentForStudent(prisma, user, assignmentId);
  const attempts = await prisma.assignmentAttempt.findMany({ where: { assignmentId, userId: user.id }, orderBy: { number: 'asc' } });
  const open = attempts.find((a) => a.submittedAt === null);
  if (open) return { attemptId: open.id, number: open.number, resumed: true };
  if (attempts.length >= assignment.attemptsAllowed) {
    throw conflict(
      `You have used all ${assignment.attemptsAllowed} attempt${assignment.attemptsAllowed === 1 ? '' : 's'} for this assignment.`,
      'no_attempts_left',
    );
  }
  try {
    const created = await prisma.assignmentAttempt.create({
      data: { assignmentId, userId: user.id, number: attempts.length + 1, startedAt: now },
    });
    return { attemptId: created.id, number: created.number, resumed: false };
  } catch (err) {
    // why: two tabs pressing Start at once race on the (assignment, user, number) unique index.
    if ((err as { code?: string }).code === 'P2002') throw conflict('An attempt was just started in another tab. Reload.', 'attempt_race');
    throw err;
  }
}

export interface AnswerResult {
  questionIndex: number;
  feedback: AnswerFeedback;
  answeredCount: number;
  correctCount: number;
  total: number;
  next: PublicQuestion | null;
  /** Whether the answer updated the student's review schedule (see docs/bridge.md). */
  scheduleUpdated: boolean;
}

/**
 * Checks one answer of the open attempt. The question must be the next unanswered one; re-sending
 * an already answered question returns the stored result (safe retry) and changes nothing.
 */
export async function answerQuestion(prisma: Db, user: SessionUser, assignmentId: string, rawInput: unknown, now: Date): Promise<AnswerResult> {
  const { questions } = await loadAssignmentForStudent(prisma, user, assignmentId);
  const input = checkInput(AnswerSchema, rawInput);
  const open = await prisma.assignmentAttempt.findFirst({
    where: { assignmentId, userId: user.id, submittedAt: null },
    include: { answers: true },
  });
  if (!open) throw conflict('Start the assignment first.', 'no_open_attempt');
  const q = questions[input.questionIndex];
  if (!q) throw badRequest('questionIndex: no such question.');
  const progress = (answers: { questionIndex: number; correct: boolean }[]) => {
    const next = nextIndex(answers, questions.length);
    return {
      answeredCount: answers.length,
      correctCount: answers.filter((a) => a.correct).length,
      total: questions.length,
      next: next === null ? null : publicQuestion(questions[next]!),
    };
  };
  const existing = open.answers.find((a) => a.questionIndex === input.questionIndex);
  if (existing) {
    return { questionIndex: q.index, feedback: feedbackFor(q, existing.correct), ...progress(open.answers), scheduleUpdated: false };
  }
  const expected = nextIndex(open.answers, questions.length);
  if (expected !== input.questionIndex) throw conflict(`Answer question ${(expected ?? 0) + 1} first.`, 'out_of_order');
  if (!isValidChoice(q, input.choice)) throw badRequest(q.kind === 'type' ? 'Type an answer.' : 'choice: pick one of the options.');
  const { correct } = grade(q, input.choice);
  const last = open.answers.reduce<Date>((t, a) => (a.createdAt > t ? a.createdAt : t), open.startedAt);
  const responseMs = Math.max(0, Math.min(MAX_RESPONSE_MS, now.getTime() - last.getTime()));
  try {
    await prisma.$transaction([
      prisma.attemptAnswer.create({
        data: { attemptId: open.id, questionIndex: q.index, cardId: q.cardId, choice: input.choice, correct, responseMs, createdAt: now },
      }),
      prisma.assignmentAttempt.update({ where: { id: open.id }, data: { correctCount: { increment: correct ? 1 : 0 } } }),
    ]);
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') {
      const stored = await prisma.attemptAnswer.findUnique({ where: { attemptId_questionIndex: { attemptId: open.id, questionIndex: q.index } } });
      const answers = await prisma.attemptAnswer.findMany({ where: { attemptId: open.id } });
      return { questionIndex: q.index, feedback: feedbackFor(q, stored?.correct ?? false), ...progress(answers), scheduleUpdated: false };
    }
    throw err;
  }
  let scheduleUpdated = false;
  try {
    const outcome = await recordQuizAnswer(prisma, { userId: user.id, cardId: q.cardId, correct, source: 'assignment', sourceRef: open.id, now });
    scheduleUpdated = outcome.applied;
  } catch (err) {
    // why: the answer is saved; a failed schedule update must not lose it or block the quiz.
    console.error('bridge: recording an assignment answer failed', err);
  }
  const answers = [...open.answers, { questionIndex: q.index, correct }];
  return { questionIndex: q.index, feedback: feedbackFor(q, correct), ...progress(answers), scheduleUpdated };
}

/**
 * Submits the open attempt. Unanswered questions count as wrong. After the due date the
 * submission is accepted and marked late.
 */
export async function submitAttempt(prisma: Db, user: SessionUser, assignmentId: string, now: Date): Promise<AttemptSummary> {
  const { assignment, questions } = await loadAssignmentForStudent(prisma, user, assignmentId);
  const open = await prisma.assignmentAttempt.findFirst({
    where: { assignmentId, userId: user.id, submittedAt: null },
    include: { answers: true },
  });
  if (!open) throw conflict('There is no attempt in progress to submit.', 'no_open_attempt');
  // why: the guard on submittedAt makes a double submit (two tabs) update once.
  const res = await prisma.assignmentAttempt.updateMany({
    where: { id: open.id, submittedAt: null },
    data: {
      submittedAt: now,
      late: now.getTime() > assignment.dueAt.getTime(),
      correctCount: open.answers.filter((a) => a.correct).length,
      total: questions.length,
    },
  });
  if (res.count === 0) throw conflict('This attempt was already submitted.', 'already_submitted');
  return summarize((await prisma.assignmentAttempt.findUnique({ where: { id: open.id } }))!);
}
