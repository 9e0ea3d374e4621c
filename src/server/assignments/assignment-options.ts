/** Choices for the "new assignment" form: usable decks with their quiz sections, and saved question sets. */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { QUIZ_KIND_VALUES } from '@/core/game';
import { listUsableDecks } from '../classes/class-decks';

export interface AssignmentSourceOptions {
  decks: { id: string; title: string; builtIn: boolean; quizCount: number; sections: string[] }[];
  questionSets: { id: string; title: string; cardCount: number }[];
}

export async function assignmentSourceOptions(prisma: Db, user: SessionUser): Promise<AssignmentSourceOptions> {
  const decks = await listUsableDecks(prisma, user);
  const rows = await prisma.card.findMany({
    where: { deckId: { in: decks.map((d) => d.id) }, archived: false, needsAnswerKey: false, kind: { in: [...QUIZ_KIND_VALUES] } },
    select: { deckId: true, section: true },
    orderBy: { ord: 'asc' },
  });
  const byDeck = new Map<string, { count: number; sections: string[] }>();
  for (const r of rows) {
    const entry = byDeck.get(r.deckId) ?? { count: 0, sections: [] };
    entry.count++;
    if (!entry.sections.includes(r.section)) entry.sections.push(r.section);
    byDeck.set(r.deckId, entry);
  }
  const sets = await prisma.questionSet.findMany({ where: { ownerId: user.id }, orderBy: { createdAt: 'desc' } });
  return {
    decks: decks
      .map((d) => ({ id: d.id, title: d.title, builtIn: d.builtIn, quizCount: byDeck.get(d.id)?.count ?? 0, sections: byDeck.get(d.id)?.sections ?? [] }))
      .filter((d) => d.quizCount > 0),
    questionSets: sets.map((s) => ({ id: s.id, title: s.title, cardCount: Array.isArray(s.cardIds) ? s.cardIds.length : 0 })),
  };
}
