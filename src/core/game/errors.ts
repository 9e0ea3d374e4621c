/**
 * Stable error codes returned by the reducer. Clients switch on `code`; `message` is for humans
 * and may change. Add codes, never rename them (they are part of the public protocol).
 */
export const GAME_ERROR_CODES = [
  'not_host',
  'forbidden',
  'stale',
  'bad_phase',
  'game_over',
  'no_questions',
  'no_players',
  'nickname_taken',
  'nickname_invalid',
  'room_locked',
  'kicked',
  'unknown_player',
  'token_mismatch',
  'not_in_question',
  'already_answered',
  'too_late',
  'invalid_choice',
] as const;
export type GameErrorCode = (typeof GAME_ERROR_CODES)[number];

const DEFAULT_MESSAGES: Record<GameErrorCode, string> = {
  not_host: 'Only the host can do that.',
  forbidden: 'You cannot act for that player.',
  stale: 'The game has moved on since you clicked; refresh and try again.',
  bad_phase: 'That is not possible at this point of the game.',
  game_over: 'The game has ended.',
  no_questions: 'The game has no questions.',
  no_players: 'Nobody has joined yet.',
  nickname_taken: 'That nickname is taken.',
  nickname_invalid: 'Nicknames are 1–20 characters without control characters.',
  room_locked: 'The host has locked the room.',
  kicked: 'You were removed from this game.',
  unknown_player: 'Unknown player.',
  token_mismatch: 'That player id belongs to someone else.',
  not_in_question: 'There is no open question with that number.',
  already_answered: 'You already answered this question.',
  too_late: 'Time is up for this question.',
  invalid_choice: 'That answer is not valid for this question.',
};

export interface ErrorReply {
  ok: false;
  code: GameErrorCode;
  message: string;
}

export function fail(code: GameErrorCode, message?: string): ErrorReply {
  return { ok: false, code, message: message ?? DEFAULT_MESSAGES[code] };
}
