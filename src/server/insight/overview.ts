/** The class reports landing data: sessions, assignments and a line per student. */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { loadClassForInsight, loadRoster } from './access';
import { listAssignmentSummaries, type ClassAssignmentSummary } from './assignment-report';
import { listClassSessions, type ClassSessionSummary } from './class-sessions';

export interface StudentSummary {
  userId: string;
  name: string;
  email: string;
  sessionsPlayed: number;
  /** Correct / asked over the class sessions they played, 0–1. */
  sessionAccuracy: number | null;
  assignmentsSubmitted: number;
  lateCount: number;
}

export interface ClassReportsOverview {
  classId: string;
  className: string;
  term: string | null;
  archived: boolean;
  allowGuests: boolean;
  sessions: ClassSessionSummary[];
  assignments: ClassAssignmentSummary[];
  students: StudentSummary[];
}

export async function getClassReportsOverview(prisma: Db, user: SessionUser, classId: string): Promise<ClassReportsOverview> {
  const cls = await loadClassForInsight(prisma, user, classId);
  const roster = await loadRoster(prisma, cls.id);
  const ids = roster.map((s) => s.userId);
  const [sessions, assignments, played, attempts] = await Promise.all([
    listClassSessions(prisma, cls.id, new Set(ids)),
    listAssignmentSummaries(prisma, cls.id),
    prisma.gamePlayer.findMany({
      where: { userId: { in: ids }, kicked: false, session: { classId: cls.id } },
      select: { userId: true, session: { select: { questions: true } }, answers: { where: { correct: true }, select: { id: true } } },
    }),
    prisma.assignmentAttempt.findMany({
      where: { userId: { in: ids }, submittedAt: { not: null }, assignment: { classId: cls.id } },
      select: { userId: true, assignmentId: true, number: true, late: true },
    }),
  ]);
  const students = roster.map((s) => {
    const mine = played.filter((p) => p.userId === s.userId);
    const asked = mine.reduce((n, p) => n + (Array.isArray(p.session.questions) ? p.session.questions.length : 0), 0);
    const right = mine.reduce((n, p) => n + p.answers.length, 0);
    const latest = new Map<string, { number: number; late: boolean }>();
    for (const a of attempts) {
      if (a.userId !== s.userId) continue;
      if ((latest.get(a.assignmentId)?.number ?? 0) < a.number) latest.set(a.assignmentId, a);
    }
    return {
      userId: s.userId,
      name: s.name,
      email: s.email,
      sessionsPlayed: mine.length,
      sessionAccuracy: asked > 0 ? right / asked : null,
      assignmentsSubmitted: latest.size,
      lateCount: [...latest.values()].filter((a) => a.late).length,
    };
  });
  return { classId: cls.id, className: cls.name, term: cls.term, archived: cls.archived, allowGuests: cls.allowGuests, sessions, assignments, students };
}
