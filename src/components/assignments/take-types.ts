/** JSON shapes the take page receives (the server types with dates as ISO strings). */
import type { AssignmentStatus } from '@/core/assignments/assignment-status';
import type { AnswerFeedback, PublicQuestion } from '@/server/assignments/public-question';

export type { AnswerFeedback, PublicQuestion, AssignmentStatus };

export interface TakeStateJson {
  assignment: { id: string; title: string; dueAt: string; attemptsAllowed: number; questionCount: number; classId: string; className: string };
  status: AssignmentStatus;
  attempts: { id: string; number: number; submittedAt: string | null; late: boolean; correctCount: number; total: number }[];
  canStart: boolean;
  archived: boolean;
  current: null | { attemptId: string; number: number; answeredCount: number; correctCount: number; question: PublicQuestion | null };
  lastReview: { index: number; prompt: string; kind: PublicQuestion['kind']; options?: string[]; yourChoice: number[] | string | null; feedback: AnswerFeedback }[] | null;
}

export interface AnswerResultJson {
  questionIndex: number;
  feedback: AnswerFeedback;
  answeredCount: number;
  correctCount: number;
  total: number;
  next: PublicQuestion | null;
  scheduleUpdated: boolean;
}
