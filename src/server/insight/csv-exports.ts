/** CSV downloads of the instructor reports (long format: one row per student per question or item). */
import { toCsv } from '@/core/insight';
import type { Question } from '@/core/game';
import type { AssignmentReport } from './assignment-report';
import type { ClassInsightView } from './class-insight';
import type { StudentReport } from './student-report';

const pct = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
const iso = (d: Date | null) => (d ? d.toISOString() : '');

function describeChoice(q: Question | undefined, choice: unknown): string {
  if (typeof choice === 'string') return choice;
  if (!Array.isArray(choice)) return '';
  return choice.map((i) => (typeof i === 'number' ? (q?.options?.[i] ?? `#${i + 1}`) : '')).join(' | ');
}

function correctAnswer(q: Question | undefined): string {
  if (!q) return '';
  if (q.options && q.correct) return q.correct.map((i) => q.options![i] ?? '').join(' | ');
  return q.answerText;
}

export function assignmentReportCsv(r: AssignmentReport): string {
  const header = ['student', 'status', 'attempt', 'late', 'submitted_at', 'score_pct', 'question', 'prompt', 'correct_answer', 'answer', 'correct', 'response_ms'];
  const rows = r.participants.flatMap((p) =>
    r.questions.map((q) => {
      const a = p.answers[q.index];
      const played = r.played[q.index];
      return [
        p.name,
        p.status,
        p.countedAttempt,
        p.late,
        iso(p.submittedAt),
        pct(p.score),
        q.index + 1,
        q.prompt,
        correctAnswer(played),
        a ? describeChoice(played, a.choice) : '',
        a ? a.correct : '',
        a ? a.responseMs : '',
      ];
    }),
  );
  return toCsv(header, rows);
}

export function studentReportCsv(r: StudentReport): string {
  const header = ['type', 'title', 'date', 'status', 'correct', 'total', 'score', 'rank', 'late'];
  const rows = [
    ...r.sessions.map((s) => ['live session', s.title, iso(s.date), s.status, s.correct, s.questionCount, s.score, s.finalRank, '']),
    ...r.assignments.map((a) => ['assignment', a.title, iso(a.submittedAt ?? a.dueAt), a.status, a.correct, a.total, '', '', a.late]),
  ];
  return toCsv(header, rows);
}

export function insightCsv(r: ClassInsightView): string {
  const header = ['deck', 'section', 'cards', 'avg_recall_pct', 'studied_pairs', 'reviews_last_7_days', 'students_overdue'];
  return toCsv(
    header,
    r.sections.map((s) => [s.deckTitle, s.section, s.cards, pct(s.avgRecall), s.studiedPairs, s.reviewsInWindow, s.overdueStudents]),
  );
}
