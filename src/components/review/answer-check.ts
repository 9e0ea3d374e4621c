import { grade } from '@/core/game/grading';
import type { Question } from '@/core/game/types';
import type { StudyCard } from '@/server/review/study-card';

/** Kinds answered by choosing or typing before the back is shown. */
export const isChoiceKind = (kind: string) => kind === 'mcq' || kind === 'tf' || kind === 'multi';

/**
 * Grades the student's answer with the live game's rules (same typed-answer normalisation:
 * case, punctuation and spacing do not matter), so a card is "right" in review exactly when it
 * would be in a game.
 */
export function checkAnswer(card: StudyCard, choice: number[] | string): boolean {
  const question: Question = {
    index: 0,
    cardId: card.id,
    kind: card.kind as Question['kind'],
    prompt: card.prompt,
    options: card.options ?? undefined,
    correct: card.correct ?? undefined,
    accepted: card.accepted ?? undefined,
    answerText: card.back,
    section: card.section,
  };
  return grade(question, choice).correct;
}
