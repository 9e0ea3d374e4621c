/**
 * Read models for game history and reports (pages import these). They do not check who is
 * asking: callers check `report.hostId === user.id` (see canViewReport) or pass the user's own id.
 */
import { db } from '../db';
import { wasAsked, type Choice, type Question } from '@/core/game';
import { pickHardest } from '@/core/insight/hardest';

export interface HostGameSummary {
  id: string;
  title: string;
  pin: string;
  status: string;
  deckId: string | null;
  deckTitle: string | null;
  classId: string | null;
  className: string | null;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  playerCount: number;
  questionCount: number;
}

/** Games hosted by `hostId`, newest first. */
export async function listHostGames(hostId: string, limit = 100): Promise<HostGameSummary[]> {
  const rows = await db().gameSession.findMany({
    where: { hostId },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: {
      id: true,
      title: true,
      pin: true,
      status: true,
      deckId: true,
      classId: true,
      createdAt: true,
      startedAt: true,
      endedAt: true,
      questions: true,
      deck: { select: { title: true } },
      class: { select: { name: true } },
      _count: { select: { players: { where: { kicked: false } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    pin: r.pin,
    status: r.status,
    deckId: r.deckId,
    deckTitle: r.deck?.title ?? null,
    classId: r.classId,
    className: r.class?.name ?? null,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    playerCount: r._count.players,
    questionCount: Array.isArray(r.questions) ? r.questions.length : 0,
  }));
}

export interface ReportAnswer {
  choice: Choice;
  correct: boolean;
  responseMs: number;
  points: number;
}

export interface ReportPlayer {
  id: string;
  nickname: string;
  /** Signed-in account, if any (for linking to a student; never shown to other players). */
  userId: string | null;
  score: number;
  finalRank: number | null;
  kicked: boolean;
  /** The question being asked (or last asked) when they joined; null for a lobby join. */
  joinedDuring: number | null;
  correctCount: number;
  /** answers[questionIndex], null when the player did not answer that question. */
  answers: Array<ReportAnswer | null>;
}

export interface ReportQuestion {
  index: number;
  cardId: string;
  kind: Question['kind'];
  prompt: string;
  options?: string[];
  correct?: number[];
  answerText: string;
  section: string;
  answeredCount: number;
  correctCount: number;
  /** Players the question was asked to (in the game when it was asked, or answered it; not kicked). */
  askedCount: number;
  /** correctCount / askedCount, 0–1; null when it was asked to nobody. */
  accuracy: number | null;
  /** Mean scored response time of the answers, ms; null without answers. */
  avgResponseMs: number | null;
  /** Choice kinds: how many players picked each option. */
  optionCounts?: number[];
}

export interface GameReport {
  id: string;
  title: string;
  pin: string;
  status: string;
  hostId: string | null;
  classId: string | null;
  deckId: string | null;
  deckTitle: string | null;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Questions as played (options in the order shown). */
  questions: ReportQuestion[];
  /** Players (kicked ones last), ranked by final rank then score. */
  players: ReportPlayer[];
  /** The few questions the class found hardest (see pickHardest), hardest first. */
  hardest: ReportQuestion[];
}

/** The players × questions grid with per-question accuracy and time; null for an unknown game. */
export async function getGameReport(gameId: string): Promise<GameReport | null> {
  const s = await db().gameSession.findUnique({
    where: { id: gameId },
    include: {
      deck: { select: { title: true } },
      players: { orderBy: { joinedAt: 'asc' } },
      answers: { select: { playerId: true, questionIndex: true, choice: true, correct: true, responseMs: true, points: true } },
    },
  });
  if (!s) return null;
  const played = (Array.isArray(s.questions) ? s.questions : []) as unknown as Question[];
  const n = played.length;
  const players: ReportPlayer[] = s.players.map((p) => ({
    id: p.id,
    nickname: p.nickname,
    userId: p.userId,
    score: p.score,
    finalRank: p.finalRank,
    kicked: p.kicked,
    joinedDuring: p.joinedDuring,
    correctCount: 0,
    answers: Array.from({ length: n }, () => null),
  }));
  const byId = new Map(players.map((p) => [p.id, p]));
  for (const a of s.answers) {
    const p = byId.get(a.playerId);
    if (!p || a.questionIndex < 0 || a.questionIndex >= n) continue;
    p.answers[a.questionIndex] = { choice: a.choice as Choice, correct: a.correct, responseMs: a.responseMs, points: a.points };
    if (a.correct) p.correctCount++;
  }
  const inGame = players.filter((p) => !p.kicked);
  const questions = played.map((q, i) => summarizeQuestion(q, i, inGame));
  players.sort(
    (a, b) =>
      Number(a.kicked) - Number(b.kicked) ||
      (a.finalRank ?? Number.MAX_SAFE_INTEGER) - (b.finalRank ?? Number.MAX_SAFE_INTEGER) ||
      b.score - a.score,
  );
  const hardest = pickHardest(questions);
  return {
    id: s.id,
    title: s.title,
    pin: s.pin,
    status: s.status,
    hostId: s.hostId,
    classId: s.classId,
    deckId: s.deckId,
    deckTitle: s.deck?.title ?? null,
    createdAt: s.createdAt,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    questions,
    players,
    hardest,
  };
}

function summarizeQuestion(q: Question, i: number, players: ReportPlayer[]): ReportQuestion {
  const answers = players.map((p) => p.answers[i]).filter((a): a is ReportAnswer => !!a);
  const correctCount = answers.filter((a) => a.correct).length;
  const askedCount = players.filter((p) => wasAsked(p.joinedDuring, i, !!p.answers[i])).length;
  const out: ReportQuestion = {
    index: i,
    cardId: q.cardId,
    kind: q.kind,
    prompt: q.prompt,
    answerText: q.answerText,
    section: q.section,
    answeredCount: answers.length,
    correctCount,
    askedCount,
    accuracy: askedCount > 0 ? correctCount / askedCount : null,
    avgResponseMs: answers.length ? Math.round(answers.reduce((t, a) => t + a.responseMs, 0) / answers.length) : null,
  };
  if (q.options) {
    out.options = [...q.options];
    const counts = q.options.map(() => 0);
    for (const a of answers) if (Array.isArray(a.choice)) for (const c of a.choice) if (c < counts.length) counts[c]!++;
    out.optionCounts = counts;
  }
  if (q.correct) out.correct = [...q.correct];
  return out;
}

/** Only the host sees a game's report. */
export function canViewReport(report: Pick<GameReport, 'hostId'>, userId: string): boolean {
  return report.hostId === userId;
}

export interface PlayerGameSummary {
  gameId: string;
  title: string;
  hostName: string | null;
  status: string;
  createdAt: Date;
  endedAt: Date | null;
  nickname: string;
  score: number;
  finalRank: number | null;
  playerCount: number;
  questionCount: number;
  correctCount: number;
  answeredCount: number;
}

/** Games a signed-in user played (not kicked from), newest first. */
export async function listPlayerGames(userId: string, limit = 100): Promise<PlayerGameSummary[]> {
  const rows = await db().gamePlayer.findMany({
    where: { userId, kicked: false },
    orderBy: { joinedAt: 'desc' },
    take: limit,
    select: {
      nickname: true,
      score: true,
      finalRank: true,
      answers: { select: { correct: true } },
      session: {
        select: {
          id: true,
          title: true,
          status: true,
          createdAt: true,
          endedAt: true,
          questions: true,
          host: { select: { name: true } },
          _count: { select: { players: { where: { kicked: false } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    gameId: r.session.id,
    title: r.session.title,
    hostName: r.session.host?.name ?? null,
    status: r.session.status,
    createdAt: r.session.createdAt,
    endedAt: r.session.endedAt,
    nickname: r.nickname,
    score: r.score,
    finalRank: r.finalRank,
    playerCount: r.session._count.players,
    questionCount: Array.isArray(r.session.questions) ? r.session.questions.length : 0,
    correctCount: r.answers.filter((a) => a.correct).length,
    answeredCount: r.answers.length,
  }));
}
