/**
 * Class insight for the instructor: per section of the source document, the class's average
 * predicted recall now, reviews in the last 7 days, and the students with overdue reviews.
 */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { DAY_MS, cardRecalls, classInsight, rankByForgetting, type SectionInsight } from '@/core/insight';
import { loadClassDecks, loadClassForInsight, loadRoster } from './access';
import { loadClassCards, loadRecentLogs, loadStudentStates } from './class-cards';

export const INSIGHT_WINDOW_DAYS = 7;

export interface ClassInsightView {
  classId: string;
  className: string;
  now: Date;
  studentCount: number;
  decks: Array<{ id: string; title: string; sourceDoc: string | null }>;
  sections: Array<SectionInsight & { deckTitle: string }>;
  overdue: Array<{ userId: string; name: string; overdueCards: number; oldestDue: Date }>;
  totals: { avgRecall: number | null; studiedPairs: number; reviewsInWindow: number };
  /** The 10 cards the class is closest to forgetting (studied ones only). */
  mostForgotten: Array<{ cardId: string; prompt: string; section: string; deckTitle: string; avgRecall: number; studiedBy: number }>;
}

export async function getClassInsight(prisma: Db, user: SessionUser, classId: string, now: Date): Promise<ClassInsightView> {
  const cls = await loadClassForInsight(prisma, user, classId);
  const [roster, decks] = await Promise.all([loadRoster(prisma, cls.id), loadClassDecks(prisma, cls.id)]);
  const studentIds = roster.map((s) => s.userId);
  const deckIds = decks.map((d) => d.id);
  const [cards, states, logs] = await Promise.all([
    loadClassCards(prisma, decks),
    loadStudentStates(prisma, studentIds, deckIds),
    loadRecentLogs(prisma, studentIds, deckIds, new Date(now.getTime() - INSIGHT_WINDOW_DAYS * DAY_MS)),
  ]);
  const insight = classInsight({ cards, states, logs, studentIds, now, windowDays: INSIGHT_WINDOW_DAYS });
  const deckTitle = new Map(decks.map((d) => [d.id, d.title]));
  const names = new Map(roster.map((s) => [s.userId, s.name]));
  const cardById = new Map(cards.map((c) => [c.id, c]));
  const mostForgotten = rankByForgetting(cardRecalls({ cards, states, studentIds, now }))
    .filter((r) => r.avgRecall !== null)
    .slice(0, 10)
    .map((r) => {
      const c = cardById.get(r.cardId)!;
      return { cardId: r.cardId, prompt: c.prompt, section: c.section, deckTitle: c.deckTitle, avgRecall: r.avgRecall!, studiedBy: r.studiedBy };
    });
  return {
    classId: cls.id,
    className: cls.name,
    now,
    studentCount: roster.length,
    decks,
    sections: insight.sections.map((s) => ({ ...s, deckTitle: deckTitle.get(s.deckId) ?? '' })),
    overdue: insight.overdue.map((o) => ({ ...o, name: names.get(o.userId) ?? 'Student' })),
    totals: insight.totals,
    mostForgotten,
  };
}
