import type { CardData } from '../decks/card-types';
import { mulberry32, shuffled } from './prng';
import type { GameSettings, QuizKind } from './settings';
import type { Question } from './types';

export type QuizCard = CardData & { id: string };

const TF_OPTIONS = ['True', 'False'];

/** A card lies in a chosen section when it equals it or sits beneath it ("A" covers "A › B"). */
function inSections(section: string, chosen: readonly string[] | undefined): boolean {
  if (!chosen) return true;
  return chosen.some((s) => section === s || section.startsWith(`${s} › `));
}

function validIndexes(correct: readonly number[] | undefined, optionCount: number): correct is number[] {
  return (
    !!correct &&
    correct.length > 0 &&
    new Set(correct).size === correct.length &&
    correct.every((i) => Number.isInteger(i) && i >= 0 && i < optionCount)
  );
}

/** why: a malformed card would make a question nobody can answer correctly; skip it rather than ask it. */
function isAskable(card: QuizCard): boolean {
  switch (card.kind) {
    case 'mcq':
      return (card.options?.length ?? 0) >= 2 && validIndexes(card.correct, card.options!.length) && card.correct.length === 1;
    case 'multi':
      return (card.options?.length ?? 0) >= 2 && validIndexes(card.correct, card.options!.length);
    case 'tf': {
      const n = (card.options ?? TF_OPTIONS).length;
      return n === 2 && validIndexes(card.correct, 2) && card.correct.length === 1;
    }
    case 'type':
      return card.answer.trim().length > 0;
    default:
      return false;
  }
}

/**
 * Picks and prepares the questions for one game.
 *
 * Keeps only quiz kinds allowed by `settings.kinds`, skips cards that need an answer key, cards
 * outside `settings.sections` and malformed cards; takes `questionCount` of them (seeded shuffle
 * when `shuffleQuestions`, else deck order) and shuffles each question's options when
 * `shuffleOptions` (remapping `correct`), except true/false which stays [True, False].
 * Deterministic: the same cards, settings and seed give the same questions.
 */
export function buildQuestions(cards: readonly QuizCard[], settings: GameSettings, seed: number): Question[] {
  const random = mulberry32(seed);
  const allowed = new Set<string>(settings.kinds);
  const eligible = cards.filter(
    (c) => allowed.has(c.kind) && !c.needsAnswerKey && inSections(c.section, settings.sections) && isAskable(c),
  );
  const ordered = settings.shuffleQuestions ? shuffled(eligible, random) : eligible;
  return ordered.slice(0, settings.questionCount).map((card, index) => toQuestion(card, index, settings, random));
}

function toQuestion(card: QuizCard, index: number, settings: GameSettings, random: () => number): Question {
  const kind = card.kind as QuizKind;
  const q: Question = { index, cardId: card.id, kind, prompt: card.prompt, answerText: card.answer, section: card.section };
  if (card.explanation) q.explanation = card.explanation;
  if (kind === 'type') {
    if (card.accepted?.length) q.accepted = [...card.accepted];
    return q;
  }
  const options = kind === 'tf' ? [...(card.options ?? TF_OPTIONS)] : [...card.options!];
  const correct = [...card.correct!];
  if (settings.shuffleOptions && kind !== 'tf') {
    // order[newIndex] = oldIndex
    const order = shuffled(
      options.map((_, i) => i),
      random,
    );
    q.options = order.map((old) => options[old] as string);
    q.correct = correct.map((old) => order.indexOf(old)).sort((a, b) => a - b);
  } else {
    q.options = options;
    q.correct = correct.sort((a, b) => a - b);
  }
  return q;
}
