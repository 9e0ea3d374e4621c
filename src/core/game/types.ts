import type { AnswerTable } from './answer-table';
import type { GameSettings, QuizKind } from './settings';

/** One question as asked in a room, built from a card (see buildQuestions). */
export interface Question {
  /** Position in the game, 0-based. */
  index: number;
  cardId: string;
  kind: QuizKind;
  prompt: string;
  /** Choice kinds only, in the (possibly shuffled) order shown to players. */
  options?: string[];
  /** Answer key: indexes into `options` (choice kinds). */
  correct?: number[];
  /** Answer key: alternatives accepted for type-answer, besides answerText. */
  accepted?: string[];
  /** Answer key: the text answer (for choice kinds, the correct option text). */
  answerText: string;
  explanation?: string;
  section: string;
}

/** The answer key fields of a Question; never sent to anyone before that question's reveal. */
export const ANSWER_KEY_FIELDS = ['correct', 'accepted', 'answerText', 'explanation'] as const;

export type Phase = 'lobby' | 'question' | 'reveal' | 'leaderboard' | 'podium';

/** Choice as submitted: option indexes for mcq/multi/tf, text for type. */
export type Choice = number[] | string;

export interface PlayerState {
  id: string;
  /** Secret the client keeps to rejoin; stays in server state only. */
  token: string;
  nickname: string;
  /** Signed-in account, if any; never shown to other players. */
  userId?: string;
  /** Join order, for stable listings. */
  seq: number;
  joinedAt: number;
  connected: boolean;
  /** When the player's last socket went away (absent while connected); see RECONNECT_GRACE_MS. */
  droppedAt?: number;
  /** Index of the question being asked (or last asked) when the player joined; absent for lobby joins. */
  joinedDuring?: number;
  /** Score as of the last reveal (answers in the open question are applied on close). */
  score: number;
  /** Consecutive fully correct answers as of the last reveal. */
  streak: number;
  kicked: boolean;
}

/** One player's answer to one question, scored when received and applied to the score on close. */
export interface AnswerRecord {
  playerId: string;
  choice: Choice;
  receivedAt: number;
  /** Scored response time in ms (latency allowance subtracted, clamped ≥ 0). */
  responseMs: number;
  /** Fully correct (multi: all correct options and no wrong one). */
  correct: boolean;
  /** Points before the streak bonus. */
  basePoints: number;
  streakBonus: number;
  /** basePoints + streakBonus. */
  points: number;
  /** The player's streak after this answer. */
  streakAfter: number;
}

export interface GameState {
  gameId: string;
  pin: string;
  settings: GameSettings;
  /** Seed the questions were shuffled with; kept so the game can be rebuilt and audited. */
  seed: number;
  createdAt: number;
  /** +1 on every accepted command. */
  version: number;
  /** The version at which the phase or current question last changed (see expectVersion in reduce). */
  phaseVersion: number;
  phase: Phase;
  locked: boolean;
  questions: Question[];
  /** Index of the question being asked/revealed; -1 in the lobby. */
  current: number;
  questionOpenedAt: number | null;
  /** Absolute epoch ms after which answers are too late (plus the capped latency allowance). */
  deadline: number | null;
  /**
   * Set while the open question, answered by every connected player, waits for players who
   * dropped during it (epoch ms the wait ends). Absent in snapshots from before it existed.
   */
  graceUntil?: number | null;
  /** Keyed by player id. List them through `activePlayers` for a stable order. */
  players: Record<string, PlayerState>;
  nextSeq: number;
  /** answers[questionIndex]: read with answerOf / allAnswers (answer-table.ts). */
  answers: AnswerTable[];
  /** How many questions have been closed (revealed); questions [0, closedCount) are public. */
  closedCount: number;
  endedAt: number | null;
  /** Devices asking for a guest's seat back, oldest first (absent in older snapshots). */
  seatRequests?: SeatRequest[];
}

/** A pending "let me back in": the token is the one the seat moves to if the host agrees. */
export interface SeatRequest {
  id: string;
  playerId: string;
  token: string;
  at: number;
}
