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
    return p.id === cmd.playerId || p.token === cmd.token || (!!cmd.seatToken && p.token === cmd.seatToken) || (!!cmd.userId && p.userId === cmd.userId);
  });
  if (kickedMatch) return fail('kicked');
  if (existing) {
    // Reconnect of the same player: keep their nickname and score.
    if (existing.token !== cmd.token) return fail('token_mismatch');
    return takeBack(state, existing);
  }
  // why here and not in the runtime: the decision must be made on the room's one authoritative
  // state (on several nodes, a node's copy may be a command behind). One seat per account (a
  // second tab is the same player); a guest's kept token brings back that guest's seat.
  const mine = cmd.userId ? activeSeatOf(state, (p) => p.userId === cmd.userId) : undefined;
  const kept = mine ?? (cmd.seatToken ? activeSeatOf(state, (p) => p.token === cmd.seatToken && mayHold(p, cmd.userId)) : undefined);
  if (kept) return takeBack(state, kept);
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
  return {
    state: { ...withPlayer(state, player), nextSeq: state.nextSeq + 1 },
    effects: [{ type: 'playerJoined', playerId: player.id }],
    seat: { playerId: player.id, token: player.token, rejoined: false },
  };
}

/** A device takes back the seat its token names (a guest's, or the signed-in account's own). */
export function rejoin(state: GameState, cmd: { token: string; userId?: string }): Outcome {
  const seat = activeOrKickedByToken(state, cmd.token);
  if (!seat || !mayHold(seat, cmd.userId)) return fail('unknown_player');
  if (seat.kicked) return fail('kicked');
  return takeBack(state, seat);
}

/** why: a leaked guest token must not hand a signed-in player's seat to someone else. */
function mayHold(p: PlayerState, userId: string | undefined): boolean {
  return !p.userId || p.userId === userId;
}

function takeBack(state: GameState, p: PlayerState): Outcome {
  const seat = { playerId: p.id, token: p.token, rejoined: true };
  if (p.connected) return { state, effects: [], seat };
  const { droppedAt: _was, ...rest } = p;
  return { state: withPlayer(state, { ...rest, connected: true }), effects: [], seat };
}

function activeSeatOf(state: GameState, match: (p: PlayerState) => boolean): PlayerState | undefined {
  for (const id in state.players) {
    const p = state.players[id]!;
    if (!p.kicked && match(p)) return p;
  }
  return undefined;
}

function activeOrKickedByToken(state: GameState, token: string): PlayerState | undefined {
  for (const id in state.players) if (state.players[id]!.token === token) return state.players[id];
  return undefined;
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
