/**
 * Creating an assignment: the questions are drawn once, at creation, with buildQuestions and a
 * seed, and stored on the row, so every student gets the same quiz and deck edits made later do not
 * change it. Taking it (assignment-take.ts) reads only the stored questions.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { badRequest, notFound } from '../api';
import { buildQuestions, parseSettings, QUIZ_KIND_VALUES, type Question, type QuizCard } from '@/core/game';
import type { CardData, CardKind } from '@/core/decks/card-types';
import { loadOwnedClass } from '../classes/access';
import { loadUsableDeck } from '../classes/class-decks';
import { checkInput } from '../classes/check-input';
import { loadAssignmentForOwner } from './assignment-access';

export const AssignmentCreateSchema = z
  .object({
    title: z.string().trim().min(1, 'Title is required.').max(120),
    deckId: z.string().min(1).max(100).optional(),
    sections: z.array(z.string().min(1).max(200)).min(1).max(200).optional(),
    questionSetId: z.string().min(1).max(100).optional(),
    questionCount: z.number().int().min(1).max(50),
    kinds: z.array(z.enum(QUIZ_KIND_VALUES)).min(1).max(4).optional(),
    dueAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
    attemptsAllowed: z.number().int().min(1).max(10).default(1),
  })
  .strict()
  .refine((v) => (v.deckId ? 1 : 0) + (v.questionSetId ? 1 : 0) === 1, {
    message: 'Choose either a deck or a question set.',
    path: ['deckId'],
  });

export type AssignmentCreateInput = z.input<typeof AssignmentCreateSchema>;

type CardRow = {
  id: string;
  key: string;
  kind: string;
  prompt: string;
  answer: string;
  options: unknown;
  correct: unknown;
  accepted: unknown;
  explanation: string | null;
  section: string;
  needsAnswerKey: boolean;
};

const asStrings = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);
const asNumbers = (v: unknown) => (Array.isArray(v) ? v.map(Number) : undefined);

/** A Card row as the pure game core reads it. */
export function toQuizCard(c: CardRow): QuizCard {
  const card: CardData & { id: string } = {
    id: c.id,
    key: c.key,
    kind: c.kind as CardKind,
    prompt: c.prompt,
    answer: c.answer,
    section: c.section,
    needsAnswerKey: c.needsAnswerKey,
  };
  const options = asStrings(c.options);
  const correct = asNumbers(c.correct);
  const accepted = asStrings(c.accepted);
  if (options) card.options = options;
  if (correct) card.correct = correct;
  if (accepted) card.accepted = accepted;
  if (c.explanation) card.explanation = c.explanation;
  return card;
}

/**
 * Creates an assignment for a class (owner only, class not archived). `seed` fixes the draw;
 * omitted, a random one is used. Throws 400 when the deck/sections hold no quiz questions.
 */
export async function createAssignment(
  prisma: Db,
  user: SessionUser,
  classId: string,
  rawInput: AssignmentCreateInput | unknown,
  opts: { seed?: number } = {},
) {
  await loadOwnedClass(prisma, user, classId);
  const input = checkInput(AssignmentCreateSchema, rawInput);
  let cards: QuizCard[];
  let deckId: string | null = null;
  if (input.deckId) {
    const deck = await loadUsableDeck(prisma, user, input.deckId);
    deckId = deck.id;
    const rows = await prisma.card.findMany({ where: { deckId: deck.id, archived: false }, orderBy: { ord: 'asc' } });
    cards = rows.map(toQuizCard);
  } else {
    const set = await prisma.questionSet.findUnique({ where: { id: input.questionSetId! } });
    if (!set || set.ownerId !== user.id) throw notFound('Question set not found.');
    const ids = asStrings(set.cardIds) ?? [];
    const rows = await prisma.card.findMany({ where: { id: { in: ids }, archived: false } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    // why: keep the set's own order; cards deleted since it was saved are skipped.
    cards = ids.flatMap((id) => (byId.has(id) ? [toQuizCard(byId.get(id)!)] : []));
  }
  const settings = parseSettings({
    deckId: deckId ?? `set:${input.questionSetId}`,
    ...(input.sections ? { sections: input.sections } : {}),
    questionCount: input.questionCount,
    ...(input.kinds ? { kinds: input.kinds } : {}),
    shuffleQuestions: true,
    shuffleOptions: true,
  });
  const seed = opts.seed ?? crypto.randomInt(0, 2 ** 31);
  const questions: Question[] = buildQuestions(cards, settings, seed);
  if (questions.length === 0) {
    throw badRequest('No quiz questions (multiple choice, true/false, type-answer) in that selection.', 'no_questions');
  }
  return prisma.assignment.create({
    data: {
      classId,
      title: input.title,
      deckId,
      sections: input.sections ?? undefined,
      questions: questions as unknown as object,
      dueAt: input.dueAt,
      attemptsAllowed: input.attemptsAllowed,
      createdById: user.id,
    },
  });
}

/** Deletes an assignment with its attempts (owner only, class not archived). */
export async function deleteAssignment(prisma: Db, user: SessionUser, assignmentId: string) {
  await loadAssignmentForOwner(prisma, user, assignmentId, { write: true });
  await prisma.assignment.delete({ where: { id: assignmentId } });
}
