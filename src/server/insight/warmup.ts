/**
 * Warm-up from forgetting: the N quiz cards the class's students are closest to forgetting right
 * now (ranking in src/core/insight/forgetting.ts), from the class's published decks or chosen
 * sections of one of them. Saved as a QuestionSet owned by the instructor, which an assignment
 * (questionSetId) or a live room (host:create with questionSetId) then uses.
 */
import { z } from 'zod';
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { badRequest, notFound } from '../api';
import { cardRecalls, pickWarmup } from '@/core/insight';
import { createAssignment } from '../assignments/assignment-create';
import { loadClassDecks, loadClassForInsight, loadRoster } from './access';
import { loadClassCards, loadStudentStates } from './class-cards';

export const WarmupScopeSchema = z
  .object({
    count: z.coerce.number().int().min(1).max(50).default(10),
    deckId: z.string().min(1).max(100).optional(),
    sections: z.array(z.string().min(1).max(200)).max(200).optional(),
  })
  .strict()
  .refine((v) => !v.sections?.length || v.deckId, { message: 'Choose a deck to pick its sections.', path: ['sections'] });

export const WarmupSaveSchema = z
  .object({
    count: z.number().int().min(1).max(50).default(10),
    deckId: z.string().min(1).max(100).optional(),
    sections: z.array(z.string().min(1).max(200)).max(200).optional(),
    title: z.string().trim().min(1).max(120).optional(),
    as: z.enum(['live', 'assignment']),
    dueAt: z.iso.datetime({ offset: true }).optional(),
    attemptsAllowed: z.number().int().min(1).max(10).optional(),
  })
  .strict()
  .refine((v) => !v.sections?.length || v.deckId, { message: 'Choose a deck to pick its sections.', path: ['sections'] })
  .refine((v) => v.as !== 'assignment' || v.dueAt, { message: 'An assignment needs a due date.', path: ['dueAt'] });

export type WarmupScope = z.output<typeof WarmupScopeSchema>;

export interface WarmupCard {
  cardId: string;
  deckId: string;
  deckTitle: string;
  section: string;
  kind: string;
  prompt: string;
  /** Class average predicted recall now, 0–1; null = nobody studied it yet (filler). */
  avgRecall: number | null;
  studiedBy: number;
}

export interface WarmupPreview {
  classId: string;
  className: string;
  studentCount: number;
  decks: Array<{ id: string; title: string }>;
  /** Quiz cards in scope (the pool the warm-up is drawn from). */
  poolSize: number;
  cards: WarmupCard[];
}

export async function previewWarmup(prisma: Db, user: SessionUser, classId: string, scope: WarmupScope, now: Date): Promise<WarmupPreview> {
  const cls = await loadClassForInsight(prisma, user, classId);
  const published = await loadClassDecks(prisma, cls.id);
  let decks = published;
  if (scope.deckId) {
    decks = published.filter((d) => d.id === scope.deckId);
    if (decks.length === 0) throw notFound('That deck is not published to this class.');
  }
  const roster = await loadRoster(prisma, cls.id);
  const studentIds = roster.map((s) => s.userId);
  const cards = await loadClassCards(prisma, decks, { quizOnly: true, sections: scope.sections });
  const states = await loadStudentStates(prisma, studentIds, decks.map((d) => d.id));
  const picked = pickWarmup(cardRecalls({ cards, states, studentIds, now }), { count: scope.count });
  const byId = new Map(cards.map((c) => [c.id, c]));
  return {
    classId: cls.id,
    className: cls.name,
    studentCount: roster.length,
    decks: published.map((d) => ({ id: d.id, title: d.title })),
    poolSize: cards.length,
    cards: picked.map((r) => {
      const c = byId.get(r.cardId)!;
      return { cardId: c.id, deckId: c.deckId, deckTitle: c.deckTitle, section: c.section, kind: c.kind, prompt: c.prompt, avgRecall: r.avgRecall, studiedBy: r.studiedBy };
    }),
  };
}

export interface SavedWarmup {
  questionSetId: string;
  title: string;
  /** The deck most of the cards come from: a live room is recorded under it (GameSession.deckId). */
  deckId: string;
  questionCount: number;
  assignmentId?: string;
}

export async function saveWarmup(prisma: Db, user: SessionUser, classId: string, raw: unknown, now: Date): Promise<SavedWarmup> {
  // why: a stranger learns nothing from validation errors: access is checked before the body.
  await loadClassForInsight(prisma, user, classId);
  const parsed = WarmupSaveSchema.safeParse(raw);
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? 'Invalid warm-up.');
  const input = parsed.data;
  const preview = await previewWarmup(prisma, user, classId, { count: input.count, deckId: input.deckId, sections: input.sections }, now);
  if (preview.cards.length === 0) throw badRequest('No quiz questions in that selection.', 'no_questions');
  const title = input.title ?? `Warm-up · ${preview.className} · ${now.toISOString().slice(0, 10)}`;
  const set = await prisma.questionSet.create({
    data: { ownerId: user.id, title, cardIds: preview.cards.map((c) => c.cardId) },
  });
  const out: SavedWarmup = { questionSetId: set.id, title, deckId: primaryDeck(preview.cards), questionCount: preview.cards.length };
  if (input.as === 'assignment') {
    const a = await createAssignment(prisma, user, classId, {
      title,
      questionSetId: set.id,
      questionCount: preview.cards.length,
      dueAt: input.dueAt!,
      attemptsAllowed: input.attemptsAllowed ?? 1,
    });
    out.assignmentId = a.id;
  }
  return out;
}

function primaryDeck(cards: readonly WarmupCard[]): string {
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(c.deckId, (counts.get(c.deckId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

export interface WarmupDeckOption {
  id: string;
  title: string;
  /** Sections holding quiz cards, in deck order, with how many. */
  sections: Array<{ section: string; cards: number }>;
}

/** The scope choices for the warm-up form: published decks and their quiz sections. */
export async function warmupScopeOptions(prisma: Db, classId: string): Promise<WarmupDeckOption[]> {
  const decks = await loadClassDecks(prisma, classId);
  const cards = await loadClassCards(prisma, decks, { quizOnly: true });
  return decks
    .map((d) => {
      const sections: WarmupDeckOption['sections'] = [];
      for (const c of cards) {
        if (c.deckId !== d.id) continue;
        const s = sections.find((x) => x.section === c.section);
        if (s) s.cards++;
        else sections.push({ section: c.section, cards: 1 });
      }
      return { id: d.id, title: d.title, sections };
    })
    .filter((d) => d.sections.length > 0);
}
