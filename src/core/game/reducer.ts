import { HOST_COMMANDS, SYSTEM_COMMANDS, type Command, type Effect, type HostCommand, type OkReply, type PlayerCommand, type ReduceResult } from './commands';
import { fail, type ErrorReply } from './errors';
import { handleHost, type Outcome } from './host-commands';
import { audienceFor } from './audience';
import { handlePlayer, rejoin } from './player-commands';
import { answerSeatRequest, handleSeatRequest } from './seat-requests';
import { closeIfAllAnswered, closeQuestion } from './transitions';
import type { GameState } from './types';

function authorize(cmd: Command): ErrorReply | null {
  const { actor } = cmd;
  if (HOST_COMMANDS.includes(cmd.type)) {
    return actor.role === 'host' || actor.role === 'system' ? null : fail('not_host');
  }
  if (SYSTEM_COMMANDS.includes(cmd.type)) return actor.role === 'system' ? null : fail('forbidden');
  const body = cmd as PlayerCommand;
  if (actor.role === 'system' && body.type === 'connection') return null;
  if (actor.role === 'player' && actor.playerId === body.playerId) return null;
  return fail('forbidden');
}

/**
 * why: `expectVersion` guards host buttons (a double-clicked "next" must not skip a question).
 * Comparing with the exact current version would also refuse a click made while players were
 * answering, since every answer bumps the version. So a command is stale only when the version
 * it saw predates the last phase/question change, or is from the future.
 */
function isStale(state: GameState, expectVersion: number | undefined): boolean {
  if (expectVersion === undefined) return false;
  return expectVersion < state.phaseVersion || expectVersion > state.version;
}

function dispatch(state: GameState, cmd: Command, now: number): Outcome {
  switch (cmd.type) {
    case 'timeout':
      // The clock fires every scheduled timeout; one for a question already closed is ignored.
      if (state.phase !== 'question' || state.current !== cmd.questionIndex) return fail('stale', 'That question is already closed.');
      return { state: closeQuestion(state), effects: [] };
    case 'graceOver':
      // The players it waited for are still away: close as if they had never been there.
      if (state.phase !== 'question' || state.current !== cmd.questionIndex || !state.graceUntil) return fail('stale', 'Nothing is waiting.');
      return closeIfAllAnswered({ ...state, graceUntil: null }, now, { wait: false });
    case 'requestSeat':
    case 'cancelSeat':
      return handleSeatRequest(state, cmd, now);
    case 'rejoin':
      return rejoin(state, cmd);
    case 'join':
    case 'answer':
    case 'connection':
      return handlePlayer(state, cmd as PlayerCommand, now);
    default:
      return handleHost(state, cmd as HostCommand, now);
  }
}

/**
 * The game engine: applies one command at epoch ms `now` and returns the next state, the
 * effects for the runtime to carry out and the reply for the sender. Pure and deterministic:
 * the input state is never mutated and the same (state, command, now) always gives the same result.
 *
 * A refused command returns the input state unchanged, no effects and `{ ok: false, code, message }`.
 * An accepted one increments `version` (and `phaseVersion` when the phase or question changed).
 * Its effects say everything the runtime does about it, in order: `started` first when the game
 * left the lobby, the command's own effects, `snapshot` when the state is worth one, and
 * `broadcast` last, naming which players get a new view.
 */
export function reduce(state: GameState, command: Command, now: number): ReduceResult {
  const refused = authorize(command) ?? (isStale(state, command.expectVersion) ? fail('stale') : null);
  if (refused) return { state, effects: [], reply: refused };

  const outcome = dispatch(state, command, now);
  if ('ok' in outcome) return { state, effects: [], reply: outcome };

  const version = state.version + 1;
  const phaseChanged = outcome.state.phase !== state.phase || outcome.state.current !== state.current;
  const next: GameState = { ...outcome.state, version, phaseVersion: phaseChanged ? version : state.phaseVersion };
  const effects: Effect[] = [];
  // why first: a game ended from the lobby must be stored as started, then ended, never the other way round.
  if (state.phase === 'lobby' && next.phase !== 'lobby') effects.push({ type: 'started' });
  effects.push(...outcome.effects);
  const seated = outcome.seat && !outcome.seat.rejoined;
  if (phaseChanged || seated || SNAPSHOT_AFTER.has(command.type)) effects.push({ type: 'snapshot', urgent: phaseChanged });
  effects.push({ type: 'broadcast', audience: audienceFor(state, next, command, outcome.seat?.playerId) });

  const reply: OkReply = { ok: true, version };
  if (outcome.seat) {
    reply.playerId = outcome.seat.playerId;
    reply.token = outcome.seat.token;
    reply.rejoined = outcome.seat.rejoined;
  }
  if (command.type === 'answer') reply.questionIndex = command.questionIndex;
  return { state: next, effects, reply };
}

/**
 * Commands after which the room is worth a snapshot even without a phase change (besides a new
 * seat): who may play changed. why not answers or reconnects: the command log restores them, and
 * the next phase change's snapshot covers them; a 1,000-player snapshot costs ~10 ms of CPU, and
 * acks would wait behind it.
 */
const SNAPSHOT_AFTER: ReadonlySet<Command['type']> = new Set(['kick', 'lock', 'unlock']);
