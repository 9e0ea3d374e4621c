/**
 * Assignment report numbers from stored attempts (pure). One "counted" attempt per student: the
 * latest submitted one, or the open one when nothing was submitted yet. why: with several attempts
 * allowed, the latest submission is what the student stands by; mixing attempts would count a
 * question twice for one student.
 */
import { pickHardest } from './hardest';

export interface StatsQuestion {
  index: number;
  prompt: string;
  kind: string;
  section: string;
  cardId: string;
}

export interface StatsAnswer {
  questionIndex: number;
  correct: boolean;
  responseMs: number;
  choice: unknown;
}

export interface StatsAttempt {
  userId: string;
  number: number;
  startedAt: Date;
  submittedAt: Date | null;
  late: boolean;
  correctCount: number;
  total: number;
  answers: readonly StatsAnswer[];
}

export interface StatsStudent {
  userId: string;
  name: string;
}

export type ParticipantStatus = 'not_started' | 'in_progress' | 'submitted' | 'late';

export interface AssignmentParticipant {
  userId: string;
  name: string;
  status: ParticipantStatus;
  attemptsUsed: number;
  /** Number of the counted attempt; null when not started. */
  countedAttempt: number | null;
  correctCount: number;
  total: number;
  /** correct / total of the counted attempt, 0–1; null when not started. */
  score: number | null;
  late: boolean;
  submittedAt: Date | null;
  /** answers[questionIndex] of the counted attempt. */
  answers: Array<StatsAnswer | null>;
}

export interface AssignmentQuestionStat extends StatsQuestion {
  answeredCount: number;
  correctCount: number;
  /** correct / answered over counted attempts, 0–1; null when nobody answered. */
  accuracy: number | null;
  avgResponseMs: number | null;
}

export interface AssignmentStats {
  participants: AssignmentParticipant[];
  questions: AssignmentQuestionStat[];
  /** The few answered questions the class found hardest (see pickHardest), hardest first. */
  hardest: AssignmentQuestionStat[];
  submittedCount: number;
  lateCount: number;
  /** Mean score of submitted counted attempts, 0–1; null when none. */
  avgScore: number | null;
}

function countedAttempt(attempts: readonly StatsAttempt[]): StatsAttempt | null {
  const submitted = attempts.filter((a) => a.submittedAt !== null);
  const pool = submitted.length > 0 ? submitted : attempts;
  return pool.reduce<StatsAttempt | null>((best, a) => (!best || a.number > best.number ? a : best), null);
}

/**
 * Students are the class roster; anyone with attempts who left the class is still listed (their
 * work happened). Participants are ordered by name, then id.
 */
export function assignmentStats(input: {
  questions: readonly StatsQuestion[];
  students: readonly StatsStudent[];
  attempts: readonly StatsAttempt[];
  /** Names for attempt owners who are no longer on the roster. */
  names?: ReadonlyMap<string, string>;
}): AssignmentStats {
  const n = input.questions.length;
  const byUser = new Map<string, StatsAttempt[]>();
  for (const a of input.attempts) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
  const people = new Map(input.students.map((s) => [s.userId, s.name]));
  for (const id of byUser.keys()) if (!people.has(id)) people.set(id, input.names?.get(id) ?? 'Former member');

  const participants: AssignmentParticipant[] = [...people.entries()].map(([userId, name]) => {
    const attempts = byUser.get(userId) ?? [];
    const c = countedAttempt(attempts);
    const answers: Array<StatsAnswer | null> = Array.from({ length: n }, () => null);
    if (c) for (const a of c.answers) if (a.questionIndex >= 0 && a.questionIndex < n) answers[a.questionIndex] = a;
    const status: ParticipantStatus = !c ? 'not_started' : c.submittedAt === null ? 'in_progress' : c.late ? 'late' : 'submitted';
    const total = c ? c.total || n : n;
    const correctCount = c ? (c.submittedAt ? c.correctCount : answers.filter((a) => a?.correct).length) : 0;
    return {
      userId,
      name,
      status,
      attemptsUsed: attempts.length,
      countedAttempt: c?.number ?? null,
      correctCount,
      total,
      score: c && total > 0 ? correctCount / total : null,
      late: c?.late ?? false,
      submittedAt: c?.submittedAt ?? null,
      answers,
    };
  });
  participants.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));

  const questions = input.questions.map((q, i): AssignmentQuestionStat => {
    const given = participants.map((p) => p.answers[i]).filter((a): a is StatsAnswer => !!a);
    const correctCount = given.filter((a) => a.correct).length;
    return {
      ...q,
      answeredCount: given.length,
      correctCount,
      accuracy: given.length ? correctCount / given.length : null,
      avgResponseMs: given.length ? Math.round(given.reduce((t, a) => t + a.responseMs, 0) / given.length) : null,
    };
  });
  const hardest = pickHardest(questions);
  const submitted = participants.filter((p) => p.status === 'submitted' || p.status === 'late');
  return {
    participants,
    questions,
    hardest,
    submittedCount: submitted.length,
    lateCount: participants.filter((p) => p.late).length,
    avgScore: submitted.length ? submitted.reduce((t, p) => t + (p.score ?? 0), 0) / submitted.length : null,
  };
}
