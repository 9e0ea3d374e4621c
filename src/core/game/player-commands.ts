import { answerOf, withAnswer } from './answer-table';
import type { PlayerCommand } from './commands';
import { fail } from './errors';
import { grade, isValidChoice } from './grading';
import type { Outcome } from './host-commands';
import { checkNickname } from './nickname';
import { kickedIds, playerReplaced, takenNicknames } from './player-index';
import { basePoints, latencyAllowance, responseTime, streakBonus } from './scoring';
import { closeIfAllAnswered, timeLimitMs } from './transitions';
import type { AnswerRecord, GameState, PlayerState } from './types';

/** `state` with one player replaced (keeps the per-table lookups in player-index.ts current). */
export function withPlayer(state: GameState, player: PlayerState): GameState {
  const players = { ...state.players, [player.id]: player };
  playerReplaced(state.players, players, player, state.players[player.id]);
  return { ...state, players };
}

export function handlePlayer(state: GameState, cmd: PlayerCommand, now: number): Outcome {
  switch (cmd.type) {
    case 'join':
      return join(state, cmd, now);
    case 'answer':
      return answer(state, cmd, now);
    case 'connection': {
      const p = state.players[cmd.playerId];
      if (!p) return fail('unknown_player');
      if (p.kicked) return fail('kicked');
      const { droppedAt: _was, ...rest } = p;
      const next = withPlayer(state, cmd.connected ? { ...rest, connected: true } : { ...rest, connected: false, droppedAt: now });
      // why: a disconnect can leave every remaining connected player already answered.
      return cmd.connected ? { state: next, effects: [] } : closeIfAllAnswered(next, now);
    }
  }
}

function join(state: GameState, cmd: Extract<PlayerCommand, { type: 'join' }>, now: number): Outcome {
  const existing = state.players[cmd.playerId];
  const kickedMatch = kickedIds(state.players).some((id) => {
    const p = state.players[id]!;
    return p.id === cmd.playerId || p.token === cmd.token || (!!cmd.userId && p.userId === cmd.userId);
  });
  if (kickedMatch) return fail('kicked');
  if (existing) {
    // Reconnect of the same player: keep their nickname and score.
    if (existing.token !== cmd.token) return fail('token_mismatch');
    const { droppedAt: _was, ...rest } = existing;
    return { state: withPlayer(state, { ...rest, connected: true }), effects: [] };
  }
  if (state.phase === 'podium') return fail('game_over');
  if (state.locked) return fail('room_locked');
  const nick = checkNickname(cmd.nickname);
  if (!nick.ok) return fail('nickname_invalid');
  if (takenNicknames(state.players).has(nick.key)) return fail('nickname_taken');
  const player: PlayerState = {
    id: cmd.playerId,
    token: cmd.token,
    nickname: nick.nickname,
    seq: state.nextSeq,
    joinedAt: now,
    connected: true,
    score: 0,
    streak: 0,
    kicked: false,
  };
  if (cmd.userId) player.userId = cmd.userId;
  if (state.phase !== 'lobby') player.joinedDuring = state.current;
  return { state: { ...withPlayer(state, player), nextSeq: state.nextSeq + 1 }, effects: [] };
}

function answer(state: GameState, cmd: Extract<PlayerCommand, { type: 'answer' }>, now: number): Outcome {
  const p = state.players[cmd.playerId];
  if (!p) return fail('unknown_player');
  if (p.kicked) return fail('kicked');
  if (state.phase === 'podium') return fail('game_over');
  const idx = cmd.questionIndex;
  if (!Number.isInteger(idx) || idx < 0 || idx > state.current || state.phase === 'lobby') return fail('not_in_question');
  if (answerOf(state.answers[idx], p.id)) return fail('already_answered');
  // Closed already (earlier question, or this one closed early / by timeout).
  if (idx < state.current || state.phase !== 'question') return fail('too_late');
  const question = state.questions[idx]!;
  const openedAt = state.questionOpenedAt!;
  const latencyMs = cmd.latencyMs ?? 0;
  if (now > state.deadline! + latencyAllowance(latencyMs)) return fail('too_late');
  if (!isValidChoice(question, cmd.choice)) return fail('invalid_choice');

  const { correct, share } = grade(question, cmd.choice);
  const responseMs = responseTime(now, openedAt, latencyMs);
  const base = basePoints(state.settings.pointsMode, share, responseMs, timeLimitMs(state));
  const streakAfter = correct ? p.streak + 1 : 0;
  const bonus = correct ? streakBonus(streakAfter, state.settings.streakBonus, state.settings.pointsMode) : 0;
  const choice = Array.isArray(cmd.choice) ? [...cmd.choice] : cmd.choice;
  const record: AnswerRecord = {
    playerId: p.id,
    choice,
    receivedAt: now,
    responseMs,
    correct,
    basePoints: base,
    streakBonus: bonus,
    points: base + bonus,
    streakAfter,
  };
  const answers = state.answers.slice();
  answers[idx] = withAnswer(answers[idx], record);
  const after = closeIfAllAnswered({ ...state, answers }, now);
  return {
    state: after.state,
    effects: [
      ...after.effects,
      {
        type: 'answerRecorded',
        playerId: p.id,
        questionIndex: idx,
        cardId: question.cardId,
        choice,
        correct,
        responseMs,
        points: record.points,
        streakBonus: bonus,
      },
    ],
  };
}
