/** The cards and study state a class's insight is computed from: published decks × enrolled students. */
import type { Db } from '../db';
import type { Prisma } from '@/generated/prisma/client';
import { QUIZ_KIND_VALUES } from '@/core/game';
import type { CardStateValue } from '@/core/review';
import type { StudentCardState } from '@/core/insight';

export interface ClassCard {
  id: string;
  deckId: string;
  deckTitle: string;
  section: string;
  kind: string;
  prompt: string;
  /** Deck position (publication order) then card order. */
  order: number;
}

/** why: keeps deck order dominant without knowing deck sizes (a deck holds far fewer than 1e6 cards). */
const DECK_STRIDE = 1_000_000;

/** A card lies in a chosen section when it equals it or sits beneath it ("A" covers "A › B"), as in games. */
export function inSections(section: string, chosen: readonly string[] | undefined): boolean {
  if (!chosen || chosen.length === 0) return true;
  return chosen.some((s) => section === s || section.startsWith(`${s} › `));
}

export async function loadClassCards(
  prisma: Db,
  decks: ReadonlyArray<{ id: string; title: string }>,
  opts: { quizOnly?: boolean; sections?: readonly string[] } = {},
): Promise<ClassCard[]> {
  const where: Prisma.CardWhereInput = { deckId: { in: decks.map((d) => d.id) }, archived: false };
  if (opts.quizOnly) Object.assign(where, { needsAnswerKey: false, kind: { in: [...QUIZ_KIND_VALUES] } });
  const rows = await prisma.card.findMany({
    where,
    select: { id: true, deckId: true, section: true, kind: true, prompt: true, ord: true },
  });
  const deckIndex = new Map(decks.map((d, i) => [d.id, i]));
  const titles = new Map(decks.map((d) => [d.id, d.title]));
  return rows
    .filter((r) => inSections(r.section, opts.sections))
    .map((r) => ({
      id: r.id,
      deckId: r.deckId,
      deckTitle: titles.get(r.deckId) ?? '',
      section: r.section,
      kind: r.kind,
      prompt: r.prompt,
      order: (deckIndex.get(r.deckId) ?? 0) * DECK_STRIDE + r.ord,
    }))
    .sort((a, b) => a.order - b.order);
}

/** The students' CardState rows on the given decks' cards. */
export async function loadStudentStates(
  prisma: Db,
  userIds: readonly string[],
  deckIds: readonly string[],
): Promise<Array<StudentCardState & { suspended: boolean }>> {
  if (userIds.length === 0 || deckIds.length === 0) return [];
  const rows = await prisma.cardState.findMany({
    where: { userId: { in: [...userIds] }, card: { deckId: { in: [...deckIds] }, archived: false } },
    select: {
      userId: true,
      cardId: true,
      due: true,
      stability: true,
      difficulty: true,
      elapsedDays: true,
      scheduledDays: true,
      learningSteps: true,
      reps: true,
      lapses: true,
      state: true,
      lastReview: true,
      suspended: true,
    },
  });
  return rows.map((r) => ({ ...r, state: r.state as CardStateValue }));
}

/** Not-undone review logs (any source) of the students on the decks' cards since `since`. */
export async function loadRecentLogs(prisma: Db, userIds: readonly string[], deckIds: readonly string[], since: Date) {
  if (userIds.length === 0 || deckIds.length === 0) return [];
  return prisma.reviewLog.findMany({
    where: { userId: { in: [...userIds] }, undone: false, review: { gte: since }, card: { deckId: { in: [...deckIds] } } },
    select: { userId: true, cardId: true, review: true, source: true },
  });
}
