/**
 * The card model shared by decks, review and games. Pure data, no I/O.
 *
 * Kinds:
 * - basic: prompt -> answer (flashcard)
 * - cloze: prompt holds the text with {{c1::hidden}} deletions; answer is the full sentence
 * - mcq:   single-choice; options + exactly one index in correct
 * - multi: multi-select; options + one or more indexes in correct
 * - tf:    true/false; options are ["True","False"], correct is [0] or [1]
 * - type:  type-answer; answer plus accepted alternatives
 */
export const CARD_KINDS = ['basic', 'cloze', 'mcq', 'multi', 'tf', 'type'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export interface CardData {
  /** Stable id, unique within its deck (from the deck file). */
  key: string;
  kind: CardKind;
  prompt: string;
  /** Text answer shown on the back (for choice kinds, the correct option text). */
  answer: string;
  options?: string[];
  /** Indexes into options. */
  correct?: number[];
  /** Accepted answers for type-answer cards (the answer itself is always accepted). */
  accepted?: string[];
  explanation?: string;
  /** e.g. "SQS › Message Visibility Timeout" */
  section: string;
  tags?: string[];
  /** Exam questions without an answer key yet. */
  needsAnswerKey?: boolean;
}

export interface DeckData {
  id: string;
  title: string;
  description: string;
  /** Source document file name, e.g. "aws-study-notes.txt". */
  source?: string;
  cards: CardData[];
}

/** Kinds that can be asked as a timed question in a live room. */
export const QUIZ_KINDS: readonly CardKind[] = ['mcq', 'multi', 'tf', 'type'];
