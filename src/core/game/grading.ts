import type { Choice, Question } from './types';

export const MAX_TYPED_ANSWER_LENGTH = 200;

/** Checks a submitted choice against the question's shape (not its answer key). */
export function isValidChoice(question: Question, choice: unknown): choice is Choice {
  if (question.kind === 'type') {
    return typeof choice === 'string' && choice.trim().length > 0 && choice.length <= MAX_TYPED_ANSWER_LENGTH;
  }
  if (!Array.isArray(choice)) return false;
  const n = question.options?.length ?? 0;
  const inRange = choice.every((i) => Number.isInteger(i) && i >= 0 && i < n);
  if (!inRange || new Set(choice).size !== choice.length) return false;
  return question.kind === 'multi' ? choice.length >= 1 : choice.length === 1;
}

/**
 * Normalises a typed answer for comparison: Unicode NFKC, lower case, punctuation removed,
 * whitespace trimmed and collapsed. why: "S3 Glacier." and "s3  glacier" are the same answer,
 * while symbols such as + stay significant ("C++" is not "C").
 */
export function normalizeTypedAnswer(text: string): string {
  const base = text.normalize('NFKC').toLowerCase();
  const stripped = base.replace(/\p{P}/gu, '').replace(/\s+/gu, ' ').trim();
  // why: an answer made only of punctuation ("?") would otherwise match every empty-looking input.
  return stripped.length > 0 ? stripped : base.replace(/\s+/gu, ' ').trim();
}

export interface Grade {
  /** Fully correct. */
  correct: boolean;
  /** Fraction of the base points earned before the speed factor (multi partial credit). */
  share: number;
}

/**
 * why: punctuation is removed, not turned into a space, so "dead-letter" becomes "deadletter";
 * comparing without spaces makes "dead letter", "dead-letter" and "deadletter" all match.
 */
function typedKey(text: string): string {
  return normalizeTypedAnswer(text).replace(/ /g, '');
}

/** Grades a valid choice against the answer key. */
export function grade(question: Question, choice: Choice): Grade {
  if (question.kind === 'type') {
    const given = typedKey(choice as string);
    const ok = [question.answerText, ...(question.accepted ?? [])].some((a) => typedKey(a) === given);
    return { correct: ok, share: ok ? 1 : 0 };
  }
  const key = new Set(question.correct ?? []);
  const chosen = choice as number[];
  if (chosen.some((i) => !key.has(i))) return { correct: false, share: 0 };
  const hits = chosen.length;
  return { correct: hits === key.size, share: key.size === 0 ? 0 : hits / key.size };
}
