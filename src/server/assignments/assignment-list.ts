/**
 * Assignment lists for /classes/[id]: students see their status per assignment, the instructor a
 * count of submissions; plus the instructor's per-student overview of one assignment (the fuller
 * reports are built on top of these rows).
 */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { loadClassAccess } from '../classes/access';
import { loadAssignmentForOwner } from './assignment-access';
import { assignmentStatus, type AssignmentStatus } from '@/core/assignments/assignment-status';
import type { Question } from '@/core/game';

export interface AssignmentListItem {
  id: string;
  title: string;
  dueAt: Date;
  attemptsAllowed: number;
  questionCount: number;
  deckTitle: string | null;
  /** Student view only. */
  status?: AssignmentStatus;
  /** Student view: best submitted score, e.g. { correct: 7, total: 10 }. */
  best?: { correct: number; total: number } | null;
  /** Instructor view: students who submitted at least once. */
  submittedCount?: number;
}

/** Assignments of a class, soonest due first, shaped for the viewer's role. */
export async function listClassAssignments(prisma: Db, user: SessionUser, classId: string): Promise<AssignmentListItem[]> {
  const { role } = await loadClassAccess(prisma, user, classId);
  const rows = await prisma.assignment.findMany({
    where: { classId },
    include: {
      deck: { select: { title: true } },
      attempts: role === 'owner' ? { where: { submittedAt: { not: null } }, select: { userId: true } } : { where: { userId: user.id } },
    },
    orderBy: { dueAt: 'asc' },
  });
  return rows.map((a) => {
    const base = {
      id: a.id,
      title: a.title,
      dueAt: a.dueAt,
      attemptsAllowed: a.attemptsAllowed,
      questionCount: (a.questions as unknown as Question[]).length,
      deckTitle: a.deck?.title ?? null,
    };
    if (role === 'owner') return { ...base, submittedCount: new Set(a.attempts.map((t) => t.userId)).size };
    const attempts = a.attempts as unknown as { number: number; submittedAt: Date | null; late: boolean; correctCount: number; total: number }[];
    const submitted = attempts.filter((t) => t.submittedAt !== null);
    const best = submitted.reduce<{ correct: number; total: number } | null>(
      (b, t) => (!b || t.correctCount > b.correct ? { correct: t.correctCount, total: t.total } : b),
      null,
    );
    return { ...base, status: assignmentStatus(attempts), best };
  });
}

export interface OverviewRow {
  userId: string;
  name: string;
  status: AssignmentStatus;
  attemptsUsed: number;
  best: { correct: number; total: number } | null;
  lastSubmittedAt: Date | null;
}

/** The instructor's per-student table for one assignment (every current member, plus anyone who left but submitted). */
export async function assignmentOverview(prisma: Db, user: SessionUser, assignmentId: string) {
  const { assignment, questions, cls } = await loadAssignmentForOwner(prisma, user, assignmentId);
  const [members, attempts] = await Promise.all([
    prisma.enrollment.findMany({ where: { classId: cls.id }, include: { user: { select: { id: true, name: true } } } }),
    prisma.assignmentAttempt.findMany({ where: { assignmentId }, include: { user: { select: { id: true, name: true } } }, orderBy: { number: 'asc' } }),
  ]);
  const people = new Map<string, string>();
  for (const m of members) people.set(m.user.id, m.user.name);
  for (const t of attempts) people.set(t.user.id, t.user.name);
  const rows: OverviewRow[] = [...people].map(([userId, name]) => {
    const mine = attempts.filter((t) => t.userId === userId);
    const submitted = mine.filter((t) => t.submittedAt !== null);
    const best = submitted.reduce<{ correct: number; total: number } | null>(
      (b, t) => (!b || t.correctCount > b.correct ? { correct: t.correctCount, total: t.total } : b),
      null,
    );
    const lastSubmittedAt = submitted.length ? submitted[submitted.length - 1]!.submittedAt : null;
    return { userId, name, status: assignmentStatus(mine), attemptsUsed: mine.length, best, lastSubmittedAt };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name));
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      dueAt: assignment.dueAt,
      attemptsAllowed: assignment.attemptsAllowed,
      questionCount: questions.length,
      classId: cls.id,
      className: cls.name,
      archived: cls.archived,
    },
    // why: the instructor sees the questions with their keys; this never goes to a student.
    questions: questions.map((q) => ({ index: q.index, kind: q.kind, prompt: q.prompt, options: q.options ?? null, answerText: q.answerText, section: q.section })),
    rows,
  };
}
