/** Public API of the live-quiz engine. The runtime should import from here only. */
export { reduce } from './reducer';
export { replay, type ReplayEntry, type ReplayResult } from './replay';
export { audienceFor, type Audience } from './audience';
export { createGame, type CreateGameInput } from './create-game';
export { buildQuestions, type QuizCard } from './questions';
export {
  GameSettingsSchema,
  DEFAULT_SETTINGS,
  parseSettings,
  QUIZ_KIND_VALUES,
  POINTS_MODES,
  type GameSettings,
  type GameSettingsInput,
  type QuizKind,
  type PointsMode,
} from './settings';
export type { Actor, Command, CommandBody, Effect, OkReply, Reply, ReduceResult } from './commands';
export { GAME_ERROR_CODES, type GameErrorCode, type ErrorReply } from './errors';
export type { AnswerRecord, Choice, GameState, Phase, PlayerState, Question } from './types';
export { viewForHost, viewForPlayer, findPlayerByToken } from './views';
export type * from './view-types';
export { rankPlayers } from './ranking';
export { activePlayers, playerList } from './player-index';
export { checkNickname, nicknameLength, NICKNAME_MAX_LENGTH } from './nickname';
export { MAX_TYPED_ANSWER_LENGTH, normalizeTypedAnswer } from './grading';
export { MAX_LATENCY_ALLOWANCE_MS } from './scoring';
export { RECONNECT_GRACE_MS } from './transitions';
export { wasAsked } from './asked';
export { answerOf, allAnswers, answerTableFrom, type AnswerTable } from './answer-table';
