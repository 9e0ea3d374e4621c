/**
 * Projections of the game state per audience. These are the only objects that leave the server,
 * so they must never carry tokens, other players' user ids, or a question's answer key before
 * that question is closed (the host screen is a public projector).
 */
import { allAnswers, answerOf, type AnswerTable } from './answer-table';
import { wasAsked } from './asked';
import { activePlayers, connectedCount, kickedIds } from './player-index';
import { rankPlayers, type RankedPlayer } from './ranking';
import { timeLimitMs } from './transitions';
import type { AnswerRecord, GameState, PlayerState, Question } from './types';
import type {
  HostLeaderboardEntry,
  HostView,
  PlayerView,
  PublicQuestion,
  QuestionSummary,
  RevealInfo,
} from './view-types';

const PLAYER_TOP = 5;
const PODIUM_TOP = 3;

function publicQuestion(state: GameState, now: number): PublicQuestion | null {
  if (state.phase === 'lobby' || state.phase === 'podium') return null;
  const q = state.questions[state.current];
  if (!q || state.deadline === null) return null;
  const view: PublicQuestion = {
    index: q.index,
    total: state.questions.length,
    kind: q.kind,
    prompt: q.prompt,
    timeLimitMs: timeLimitMs(state),
    deadline: state.deadline,
    remainingMs: state.phase === 'question' ? Math.max(0, state.deadline - now) : 0,
  };
  if (q.options) view.options = [...q.options];
  return view;
}

/** The current question's answer key, only once it is closed (reveal/leaderboard). */
function revealInfo(state: GameState): RevealInfo | null {
  if (state.phase !== 'reveal' && state.phase !== 'leaderboard') return null;
  const q = state.questions[state.current];
  // why: belt and braces — the key is only copied for a question that has been closed.
  if (!q || q.index >= state.closedCount) return null;
  const counted = countedAnswers(state, q.index);
  const info: RevealInfo = {
    questionIndex: q.index,
    answerText: q.answerText,
    answeredCount: counted.answers.length,
    correctCount: counted.correctCount,
  };
  if (q.correct) info.correct = [...q.correct];
  if (q.accepted) info.accepted = [...q.accepted];
  if (q.explanation !== undefined) info.explanation = q.explanation;
  if (q.options) {
    if (!counted.optionCounts) {
      const counts = q.options.map(() => 0);
      for (const a of counted.answers) if (Array.isArray(a.choice)) for (const i of a.choice) counts[i] = (counts[i] ?? 0) + 1;
      counted.optionCounts = counts;
    }
    info.optionCounts = [...counted.optionCounts];
  }
  return info;
}

function hostEntry(r: RankedPlayer): HostLeaderboardEntry {
  return { rank: r.rank, playerId: r.player.id, nickname: r.player.nickname, score: r.player.score, streak: r.player.streak, late: r.player.joinedDuring !== undefined };
}

interface Counted {
  /** Answers from players still in the game. */
  answers: AnswerRecord[];
  correctCount: number;
  totalResponseMs: number;
  optionCounts?: number[];
}

// why: the host screen is redrawn every 100 ms while answers arrive and at every phase, and its
// per-question summaries and reveal counts used to recount every answer each time. An answers
// table never changes (a new one replaces it), and kicks are final and players are never
// removed, so the counts are kept per table and number of kicked players.
const countedCache = new WeakMap<AnswerTable, { kicked: number; counted: Counted }>();

/** Answers to question `index` from players still in the game, and their counts. */
function countedAnswers(state: GameState, index: number): Counted {
  const table = state.answers[index];
  const kicked = kickedIds(state.players).length;
  const hit = table && countedCache.get(table);
  if (hit && hit.kicked === kicked) return hit.counted;
  const answers = allAnswers(table).filter((a) => !state.players[a.playerId]?.kicked);
  let correctCount = 0;
  let totalResponseMs = 0;
  for (const a of answers) {
    if (a.correct) correctCount++;
    totalResponseMs += a.responseMs;
  }
  const counted: Counted = { answers, correctCount, totalResponseMs };
  if (table) countedCache.set(table, { kicked, counted });
  return counted;
}

/** How many players still in the game have answered the open question. */
function answeredNow(state: GameState): number {
  const table = state.current >= 0 ? state.answers[state.current] : undefined;
  if (!table) return 0;
  let fromKicked = 0;
  for (const id of kickedIds(state.players)) if (answerOf(table, id)) fromKicked++;
  return table.count - fromKicked;
}

/**
 * Closed questions' statistics, each over the players it was asked to. why the late list: most
 * players join in the lobby, so only the few late joiners are looked at per question.
 */
function summaries(state: GameState, players: PlayerState[]): QuestionSummary[] {
  const late = players.filter((p) => p.joinedDuring !== undefined);
  return state.questions.slice(0, state.closedCount).map((q) => {
    let missed = 0;
    for (const p of late) if (!wasAsked(p.joinedDuring, q.index, !!answerOf(state.answers[q.index], p.id))) missed++;
    return summarize(state, q, players.length - missed);
  });
}

function summarize(state: GameState, q: Question, askedCount: number): QuestionSummary {
  const { answers, correctCount, totalResponseMs } = countedAnswers(state, q.index);
  return {
    index: q.index,
    cardId: q.cardId,
    kind: q.kind,
    prompt: q.prompt,
    answeredCount: answers.length,
    correctCount,
    askedCount,
    correctRate: askedCount > 0 ? correctCount / askedCount : 0,
    avgResponseMs: answers.length > 0 ? Math.round(totalResponseMs / answers.length) : null,
  };
}

/** The player with this rejoin token (kicked ones included, so the runtime can refuse them). */
export function findPlayerByToken(state: GameState, token: string): PlayerState | undefined {
  return Object.values(state.players).find((p) => p.token === token);
}

/** What one player's device shows. Unknown or kicked ids get a view with `me: null`. */
export function viewForPlayer(state: GameState, playerId: string, now: number): PlayerView {
  const player = state.players[playerId];
  const kicked = !!player?.kicked;
  const self = player && !kicked ? player : undefined;
  const ranked = rankPlayers(state);
  const myRank = ranked.find((r) => r.player.id === playerId)?.rank ?? 0;
  const entry = (r: RankedPlayer) => ({
    rank: r.rank,
    nickname: r.player.nickname,
    score: r.player.score,
    ...(r.player.id === playerId ? { isMe: true } : {}),
  });

  const mine = self && state.current >= 0 ? answerOf(state.answers[state.current], self.id) : undefined;
  const question = publicQuestion(state, now);
  const reveal = revealInfo(state);

  return {
    audience: 'player',
    gameId: state.gameId,
    pin: state.pin,
    phase: state.phase,
    version: state.version,
    me: self ? { playerId: self.id, nickname: self.nickname, score: self.score, streak: self.streak, rank: myRank } : null,
    kicked,
    question,
    answered: !!(question && mine),
    myChoice: question && mine ? (Array.isArray(mine.choice) ? [...mine.choice] : mine.choice) : null,
    reveal:
      reveal && self
        ? {
            ...reveal,
            me: {
              answered: !!mine,
              correct: mine?.correct ?? false,
              points: mine?.points ?? 0,
              streakBonus: mine?.streakBonus ?? 0,
              streak: self.streak,
            },
          }
        : null,
    leaderboard: state.phase === 'leaderboard' || state.phase === 'podium' ? ranked.slice(0, PLAYER_TOP).map(entry) : null,
    podium:
      state.phase === 'podium'
        ? { top: ranked.slice(0, PODIUM_TOP).map(entry), me: self ? { rank: myRank, score: self.score } : null }
        : null,
  };
}

/** What the host's (public) screen shows. */
export function viewForHost(state: GameState, now: number): HostView {
  const players = activePlayers(state);
  const ranked = rankPlayers(state);
  const question = publicQuestion(state, now);
  const { secondsPerQuestion, pointsMode, streakBonus } = state.settings;
  return {
    audience: 'host',
    gameId: state.gameId,
    pin: state.pin,
    phase: state.phase,
    version: state.version,
    locked: state.locked,
    settings: {
      questionCount: state.questions.length,
      secondsPerQuestion,
      pointsMode,
      streakBonus,
    },
    players: players.map((p) => ({ id: p.id, nickname: p.nickname, connected: p.connected, score: p.score, late: p.joinedDuring !== undefined })),
    playerCount: players.length,
    connectedCount: connectedCount(state.players),
    question: question
      ? {
          ...question,
          answeredCount: answeredNow(state),
          playerCount: players.length,
        }
      : null,
    reveal: revealInfo(state),
    leaderboard: state.phase === 'leaderboard' || state.phase === 'podium' ? ranked.map(hostEntry) : null,
    podium: state.phase === 'podium' ? ranked.slice(0, PODIUM_TOP).map(hostEntry) : null,
    summary: summaries(state, players),
    graceUntil: state.phase === 'question' ? (state.graceUntil ?? null) : null,
    seatRequests: (state.seatRequests ?? []).map((r) => ({ requestId: r.id, nickname: state.players[r.playerId]?.nickname ?? '', at: r.at })),
  };
}
