/** One student across the class's live sessions and assignments, plus how their review is going. */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { notFound } from '../api';
import { DAY_MS, classInsight, type SectionInsight } from '@/core/insight';
import { assignmentStatus, type AssignmentStatus } from '@/core/assignments/assignment-status';
import { loadClassDecks, loadClassForInsight } from './access';
import { loadClassCards, loadRecentLogs, loadStudentStates } from './class-cards';
import { INSIGHT_WINDOW_DAYS } from './class-insight';

export interface StudentSessionRow {
  gameId: string;
  title: string;
  date: Date;
  status: string;
  score: number;
  finalRank: number | null;
  playerCount: number;
  questionCount: number;
  answered: number;
  correct: number;
}

export interface StudentAssignmentRow {
  assignmentId: string;
  title: string;
  dueAt: Date;
  status: AssignmentStatus;
  attempts: number;
  /** Latest submitted attempt. */
  correct: number | null;
  total: number;
  late: boolean;
  submittedAt: Date | null;
}

export interface StudentReport {
  classId: string;
  className: string;
  student: { userId: string; name: string; email: string; enrolled: boolean; joinedAt: Date | null };
  sessions: StudentSessionRow[];
  assignments: StudentAssignmentRow[];
  review: {
    avgRecall: number | null;
    studiedCards: number;
    totalCards: number;
    reviewsInWindow: number;
    overdueCards: number;
    sections: Array<SectionInsight & { deckTitle: string }>;
  };
}

/** 404 unless the student is enrolled or once played or took work in this class (history stays visible). */
export async function getStudentReport(prisma: Db, user: SessionUser, classId: string, studentId: string, now: Date): Promise<StudentReport> {
  const cls = await loadClassForInsight(prisma, user, classId);
  const person = studentId.length <= 64 ? await prisma.user.findUnique({ where: { id: studentId }, select: { id: true, name: true, email: true } }) : null;
  if (!person) throw notFound('No such student in this class.');
  const [enrollment, players, assignments] = await Promise.all([
    prisma.enrollment.findUnique({ where: { classId_userId: { classId: cls.id, userId: person.id } } }),
    prisma.gamePlayer.findMany({
      where: { userId: person.id, kicked: false, session: { classId: cls.id } },
      select: {
        score: true,
        finalRank: true,
        answers: { select: { correct: true } },
        session: {
          select: {
            id: true,
            title: true,
            status: true,
            createdAt: true,
            startedAt: true,
            questions: true,
            _count: { select: { players: { where: { kicked: false } } } },
          },
        },
      },
    }),
    prisma.assignment.findMany({
      where: { classId: cls.id },
      orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
      select: {
        id: true,
        title: true,
        dueAt: true,
        questions: true,
        attempts: { where: { userId: person.id }, select: { number: true, submittedAt: true, late: true, correctCount: true, total: true } },
      },
    }),
  ]);
  const tookPart = players.length > 0 || assignments.some((a) => a.attempts.length > 0);
  if (!enrollment && !tookPart) throw notFound('No such student in this class.');

  const sessions: StudentSessionRow[] = players
    .map((p) => ({
      gameId: p.session.id,
      title: p.session.title,
      date: p.session.startedAt ?? p.session.createdAt,
      status: p.session.status,
      score: p.score,
      finalRank: p.finalRank,
      playerCount: p.session._count.players,
      questionCount: Array.isArray(p.session.questions) ? p.session.questions.length : 0,
      answered: p.answers.length,
      correct: p.answers.filter((a) => a.correct).length,
    }))
    .sort((a, b) => b.date.getTime() - a.date.getTime());

  const assignmentRows: StudentAssignmentRow[] = assignments.map((a) => {
    const submitted = a.attempts.filter((t) => t.submittedAt).sort((x, y) => y.number - x.number)[0];
    const total = Array.isArray(a.questions) ? a.questions.length : 0;
    return {
      assignmentId: a.id,
      title: a.title,
      dueAt: a.dueAt,
      status: assignmentStatus(a.attempts),
      attempts: a.attempts.length,
      correct: submitted ? submitted.correctCount : null,
      total: submitted?.total || total,
      late: submitted?.late ?? false,
      submittedAt: submitted?.submittedAt ?? null,
    };
  });

  const decks = await loadClassDecks(prisma, cls.id);
  const deckIds = decks.map((d) => d.id);
  const [cards, states, logs] = await Promise.all([
    loadClassCards(prisma, decks),
    loadStudentStates(prisma, [person.id], deckIds),
    loadRecentLogs(prisma, [person.id], deckIds, new Date(now.getTime() - INSIGHT_WINDOW_DAYS * DAY_MS)),
  ]);
  const insight = classInsight({ cards, states, logs, studentIds: [person.id], now, windowDays: INSIGHT_WINDOW_DAYS });
  const deckTitle = new Map(decks.map((d) => [d.id, d.title]));
  return {
    classId: cls.id,
    className: cls.name,
    student: { userId: person.id, name: person.name, email: person.email, enrolled: !!enrollment, joinedAt: enrollment?.joinedAt ?? null },
    sessions,
    assignments: assignmentRows,
    review: {
      avgRecall: insight.totals.avgRecall,
      studiedCards: insight.totals.studiedPairs,
      totalCards: cards.length,
      reviewsInWindow: insight.totals.reviewsInWindow,
      overdueCards: insight.overdue[0]?.overdueCards ?? 0,
      sections: insight.sections.map((s) => ({ ...s, deckTitle: deckTitle.get(s.deckId) ?? '' })),
    },
  };
}
