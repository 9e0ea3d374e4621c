import type { Question } from '@/core/game';

/** A question as a student sees it before answering: no answer key fields. */
export interface PublicQuestion {
  index: number;
  kind: Question['kind'];
  prompt: string;
  options?: string[];
  section: string;
}

/** why: built field by field (not by deleting keys) so a key field added to Question later cannot leak. */
export function publicQuestion(q: Question): PublicQuestion {
  return { index: q.index, kind: q.kind, prompt: q.prompt, section: q.section, ...(q.options ? { options: [...q.options] } : {}) };
}

/** What a student learns after answering a question. */
export interface AnswerFeedback {
  correct: boolean;
  /** The correct answer as text ("Simple Queue Service", or the correct option(s)). */
  answerText: string;
  /** Choice kinds: indexes of the correct options. */
  correctIndexes?: number[];
  explanation?: string;
}

export function feedbackFor(q: Question, correct: boolean): AnswerFeedback {
  return {
    correct,
    answerText: q.answerText,
    ...(q.correct ? { correctIndexes: [...q.correct] } : {}),
    ...(q.explanation ? { explanation: q.explanation } : {}),
  };
}
