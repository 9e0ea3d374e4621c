/** Per-assignment report for the class's instructor: participants, scores, per-question stats, late flags. */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { notFound } from '../api';
import type { Question } from '@/core/game';
import { assignmentStats, type AssignmentStats } from '@/core/insight';
import { loadClassForInsight, loadRoster } from './access';

export interface AssignmentReport extends AssignmentStats {
  classId: string;
  className: string;
  assignment: { id: string; title: string; dueAt: Date; attemptsAllowed: number; createdAt: Date; deckTitle: string | null };
  /** Questions as stored at creation (with the answer key: the instructor's view). */
  played: Question[];
}

export async function getAssignmentReport(prisma: Db, user: SessionUser, classId: string, assignmentId: string): Promise<AssignmentReport> {
  const cls = await loadClassForInsight(prisma, user, classId);
  const a =
    assignmentId.length <= 64
      ? await prisma.assignment.findFirst({
          where: { id: assignmentId, classId: cls.id },
          include: {
            deck: { select: { title: true } },
            attempts: {
              include: {
                answers: { select: { questionIndex: true, correct: true, responseMs: true, choice: true } },
                user: { select: { name: true } },
              },
            },
          },
        })
      : null;
  if (!a) throw notFound('No such assignment in this class.');
  const played = (Array.isArray(a.questions) ? a.questions : []) as unknown as Question[];
  const roster = await loadRoster(prisma, cls.id);
  const stats = assignmentStats({
    questions: played.map((q, i) => ({ index: i, prompt: q.prompt, kind: q.kind, section: q.section, cardId: q.cardId })),
    students: roster.map((s) => ({ userId: s.userId, name: s.name })),
    attempts: a.attempts.map((t) => ({
      userId: t.userId,
      number: t.number,
      startedAt: t.startedAt,
      submittedAt: t.submittedAt,
      late: t.late,
      correctCount: t.correctCount,
      total: t.total,
      answers: t.answers,
    })),
    names: new Map(a.attempts.map((t) => [t.userId, t.user.name])),
  });
  return {
    ...stats,
    classId: cls.id,
    className: cls.name,
    assignment: {
      id: a.id,
      title: a.title,
      dueAt: a.dueAt,
      attemptsAllowed: a.attemptsAllowed,
      createdAt: a.createdAt,
      deckTitle: a.deck?.title ?? null,
    },
    played,
  };
}

export interface ClassAssignmentSummary {
  id: string;
  title: string;
  dueAt: Date;
  questionCount: number;
  submitted: number;
  late: number;
  /** Mean score of students' latest submitted attempts, 0–1. */
  avgScore: number | null;
}

/** Every assignment of the class with submission counts, by due date. */
export async function listAssignmentSummaries(prisma: Db, classId: string): Promise<ClassAssignmentSummary[]> {
  const rows = await prisma.assignment.findMany({
    where: { classId },
    orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      title: true,
      dueAt: true,
      questions: true,
      attempts: { where: { submittedAt: { not: null } }, select: { userId: true, number: true, late: true, correctCount: true, total: true } },
    },
  });
  return rows.map((r) => {
    const latest = new Map<string, (typeof r.attempts)[number]>();
    for (const t of r.attempts) if ((latest.get(t.userId)?.number ?? 0) < t.number) latest.set(t.userId, t);
    const counted = [...latest.values()];
    return {
      id: r.id,
      title: r.title,
      dueAt: r.dueAt,
      questionCount: Array.isArray(r.questions) ? r.questions.length : 0,
      submitted: counted.length,
      late: counted.filter((t) => t.late).length,
      avgScore: counted.length ? counted.reduce((s, t) => s + (t.total ? t.correctCount / t.total : 0), 0) / counted.length : null,
    };
  });
}
