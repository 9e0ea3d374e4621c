/** The live sessions a class has had (GameSession.classId), newest first, with headline numbers. */
import { wasAsked } from '@/core/game';
import type { Db } from '../db';

export interface ClassSessionSummary {
  id: string;
  title: string;
  status: string;
  deckTitle: string | null;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  playerCount: number;
  /** Players who are signed-in class members. */
  memberCount: number;
  questionCount: number;
  /** Correct answers / (players × questions), 0–1; null without players or questions. */
  accuracy: number | null;
}

export async function listClassSessions(prisma: Db, classId: string, memberIds: ReadonlySet<string>, limit = 200): Promise<ClassSessionSummary[]> {
  const rows = await prisma.gameSession.findMany({
    where: { classId },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: {
      id: true,
      title: true,
      status: true,
      createdAt: true,
      startedAt: true,
      endedAt: true,
      questions: true,
      deck: { select: { title: true } },
      players: { where: { kicked: false }, select: { id: true, userId: true, joinedDuring: true } },
      answers: { where: { player: { kicked: false } }, select: { playerId: true, questionIndex: true, correct: true } },
    },
  });
  return rows.map((r) => {
    const questionCount = Array.isArray(r.questions) ? r.questions.length : 0;
    const slots = askedSlots(r.players, r.answers, questionCount);
    const correct = r.answers.filter((a) => a.correct).length;
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      deckTitle: r.deck?.title ?? null,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      playerCount: r.players.length,
      memberCount: r.players.filter((p) => p.userId && memberIds.has(p.userId)).length,
      questionCount,
      accuracy: slots > 0 ? correct / slots : null,
    };
  });
}

export interface ClassHostDeck {
  id: string;
  title: string;
  /** Cards a live room can ask (quiz kinds, with an answer key, not archived). */
  playable: number;
}

/** The class's published decks that hold quiz questions, for the "host a session" form. */
export async function listClassHostDecks(prisma: Db, classId: string): Promise<ClassHostDeck[]> {
  const decks = await prisma.classDeck.findMany({
    where: { classId },
    orderBy: [{ publishedAt: 'asc' }, { deckId: 'asc' }],
    select: { deck: { select: { id: true, title: true } } },
  });
  const counts = await prisma.card.groupBy({
    by: ['deckId'],
    where: { deckId: { in: decks.map((d) => d.deck.id) }, archived: false, needsAnswerKey: false, kind: { in: ['mcq', 'multi', 'tf', 'type'] } },
    _count: { _all: true },
  });
  const n = new Map(counts.map((c) => [c.deckId, c._count._all]));
  return decks.map((d) => ({ id: d.deck.id, title: d.deck.title, playable: n.get(d.deck.id) ?? 0 })).filter((d) => d.playable > 0);
}

/** Player × question pairs the session asked (late joiners count from when they joined; see wasAsked). */
function askedSlots(
  players: Array<{ id: string; joinedDuring: number | null }>,
  answers: Array<{ playerId: string; questionIndex: number }>,
  questionCount: number,
): number {
  const answered = new Set(answers.map((a) => `${a.playerId}:${a.questionIndex}`));
  let n = 0;
  for (const p of players) for (let i = 0; i < questionCount; i++) if (wasAsked(p.joinedDuring, i, answered.has(`${p.id}:${i}`))) n++;
  return n;
}
