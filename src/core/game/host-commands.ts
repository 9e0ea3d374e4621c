import type { HostCommand, Effect } from './commands';
import { fail, type ErrorReply } from './errors';
import { activePlayers } from './player-index';
import { answerSeatRequest } from './seat-requests';
import { closeIfAllAnswered, closeQuestion, finishGame, openQuestion, type Step } from './transitions';
import type { GameState } from './types';

/** A handler either refuses (ErrorReply) or returns the next state and its effects. */
export type Outcome = Step | ErrorReply;

const none: Effect[] = [];

export function handleHost(state: GameState, cmd: HostCommand, now: number): Outcome {
  if (state.phase === 'podium') return fail('game_over');
  switch (cmd.type) {
    case 'start':
      if (state.phase !== 'lobby') return fail('bad_phase', 'The game has already started.');
      if (state.questions.length === 0) return fail('no_questions');
      if (activePlayers(state).length === 0) return fail('no_players');
      return openQuestion(state, 0, now);

    case 'next':
      if (state.phase === 'reveal') return { state: { ...state, phase: 'leaderboard' }, effects: none };
      if (state.phase === 'leaderboard') {
        const following = state.current + 1;
        return following < state.questions.length ? openQuestion(state, following, now) : finishGame(state, now);
      }
      return fail('bad_phase', state.phase === 'lobby' ? 'Start the game first.' : 'End the question first.');

    case 'endQuestion':
      if (state.phase !== 'question') return fail('bad_phase', 'No question is open.');
      return { state: closeQuestion(state), effects: none };

    case 'endGame':
      return finishGame(state, now);

    case 'kick': {
      const target = state.players[cmd.playerId];
      if (!target || target.kicked) return fail('unknown_player');
      const kicked = { ...state, players: { ...state.players, [target.id]: { ...target, kicked: true, connected: false } } };
      // why: the kicked player may have been the last one the open question was waiting for.
      const after = closeIfAllAnswered(kicked, now);
      return { state: after.state, effects: [...after.effects, { type: 'playerKicked', playerId: target.id }] };
    }

    case 'grantSeat':
    case 'declineSeat':
      return answerSeatRequest(state, cmd, now);

    case 'lock':
    case 'unlock':
      return { state: { ...state, locked: cmd.type === 'lock' }, effects: none };
  }
}
