/**
 * What each audience sees. Plain JSON. Answer-key fields (correct, accepted, answerText,
 * explanation) appear only inside `reveal`, which is null until the question is closed.
 */
import type { PointsMode, QuizKind } from './settings';
import type { Choice, Phase } from './types';

/** The question as shown while it is open: no answer key. */
export interface PublicQuestion {
  index: number;
  /** Number of questions in the game. */
  total: number;
  kind: QuizKind;
  prompt: string;
  options?: string[];
  timeLimitMs: number;
  /** Epoch ms; answers after it (plus ≤ 250 ms latency allowance) are refused. */
  deadline: number;
  /** ms left at the time the view was made, ≥ 0. Clients count down from here. */
  remainingMs: number;
}

/** Answer key and statistics of a closed question. */
export interface RevealInfo {
  questionIndex: number;
  correct?: number[];
  answerText: string;
  accepted?: string[];
  explanation?: string;
  /** Choice kinds: how many players picked each option (multi counts each picked option). */
  optionCounts?: number[];
  answeredCount: number;
  correctCount: number;
}

export interface LeaderboardEntry {
  rank: number;
  nickname: string;
  score: number;
  /** Marks the viewing player's own row (player views only). */
  isMe?: boolean;
}

export interface HostLeaderboardEntry extends LeaderboardEntry {
  playerId: string;
  streak: number;
  /** Joined after the game started (missed at least the start of a question). */
  late: boolean;
}

export interface PlayerSelf {
  playerId: string;
  nickname: string;
  score: number;
  streak: number;
  rank: number;
}

export interface PlayerResult {
  answered: boolean;
  correct: boolean;
  points: number;
  streakBonus: number;
  /** Streak after this question. */
  streak: number;
}

export interface PlayerView {
  audience: 'player';
  gameId: string;
  pin: string;
  phase: Phase;
  version: number;
  /** Null when the id is unknown or the player was kicked (see `kicked`). */
  me: PlayerSelf | null;
  kicked: boolean;
  /** The current question (question, reveal and leaderboard phases). */
  question: PublicQuestion | null;
  /** Whether I answered the current question, and what. */
  answered: boolean;
  myChoice: Choice | null;
  /** Reveal and leaderboard phases only. */
  reveal: (RevealInfo & { me: PlayerResult }) | null;
  /** Top 5 (leaderboard and podium phases). */
  leaderboard: LeaderboardEntry[] | null;
  /** Podium phase only. */
  podium: { top: LeaderboardEntry[]; me: { rank: number; score: number } | null } | null;
}

export interface HostPlayerEntry {
  id: string;
  nickname: string;
  connected: boolean;
  score: number;
  /** Joined after the game started. */
  late: boolean;
}

/** Statistics of a closed question, without its answer key. */
export interface QuestionSummary {
  index: number;
  cardId: string;
  kind: QuizKind;
  prompt: string;
  answeredCount: number;
  correctCount: number;
  /**
   * Players the question counts over: those in the game when it was asked, plus late joiners
   * who answered it anyway (kicked players never count).
   */
  askedCount: number;
  /** correctCount / askedCount, 0–1. */
  correctRate: number;
  /** Mean scored response time of the answers, ms; null without answers. */
  avgResponseMs: number | null;
}

export interface HostView {
  audience: 'host';
  gameId: string;
  pin: string;
  phase: Phase;
  version: number;
  locked: boolean;
  settings: { questionCount: number; secondsPerQuestion: number; pointsMode: PointsMode; streakBonus: boolean };
  /** Players in the game (not kicked), in join order. */
  players: HostPlayerEntry[];
  playerCount: number;
  connectedCount: number;
  question: (PublicQuestion & { answeredCount: number; playerCount: number }) | null;
  /** Reveal and leaderboard phases only. */
  reveal: RevealInfo | null;
  /** Everyone, ranked (leaderboard and podium phases). */
  leaderboard: HostLeaderboardEntry[] | null;
  /** Top 3 (podium phase). */
  podium: HostLeaderboardEntry[] | null;
  /** One entry per closed question. */
  summary: QuestionSummary[];
  /**
   * While every connected player has answered but players who dropped during the question may
   * still come back: epoch ms when the question closes anyway. Null otherwise.
   */
  graceUntil: number | null;
  /** Devices asking to take over a guest's seat ("let me back in"), oldest first. */
  seatRequests: Array<{ requestId: string; nickname: string; at: number }>;
}
