import { buildQuestions, type QuizCard } from './questions';
import type { GameSettings } from './settings';
import type { GameState } from './types';

export interface CreateGameInput {
  gameId: string;
  /** 6-digit join code, chosen (unique among live rooms) by the runtime. */
  pin: string;
  /** Parsed settings (see parseSettings). */
  settings: GameSettings;
  /** The deck's cards, each with its database id. */
  cards: readonly QuizCard[];
  /** 32-bit seed for question/option shuffles; store it to replay the game. */
  seed: number;
  /** Epoch ms. */
  now: number;
}

/**
 * A new game in the lobby with its questions already drawn. Check `questions.length` before
 * opening the room: `start` is refused with `no_questions` when no card fits the settings.
 */
export function createGame(input: CreateGameInput): GameState {
  const seed = input.seed >>> 0;
  return {
    gameId: input.gameId,
    pin: input.pin,
    settings: input.settings,
    seed,
    createdAt: input.now,
    version: 0,
    phaseVersion: 0,
    phase: 'lobby',
    locked: false,
    questions: buildQuestions(input.cards, input.settings, seed),
    current: -1,
    questionOpenedAt: null,
    deadline: null,
    players: {},
    nextSeq: 0,
    answers: [],
    closedCount: 0,
    endedAt: null,
  };
}
