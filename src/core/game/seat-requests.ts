/**
 * "Ask the host to let me back in": a guest whose device is gone (closed tab in another browser,
 * flat battery) has no token left, so their nickname is all they can show. The host sees the
 * request on the projector and, with one click, moves the seat (score, streak, answers) to the
 * asking device: the seat gets the asker's new token and the old device loses it. Signed-in
 * players never need this: their account finds their seat.
 */
import type { Effect, HostCommand, SystemCommand } from './commands';
import { fail, type ErrorReply } from './errors';
import { checkNickname, nicknameKey } from './nickname';
import { withPlayer } from './player-commands';
import { closeIfAllAnswered, type Step } from './transitions';
import type { GameState, SeatRequest } from './types';

/** Most requests waiting at once; a new one beyond that drops the oldest. */
export const MAX_SEAT_REQUESTS = 20;

export function handleSeatRequest(
  state: GameState,
  cmd: Extract<SystemCommand, { type: 'requestSeat' | 'cancelSeat' }>,
  now: number,
): Step | ErrorReply {
  const pending = state.seatRequests ?? [];
  if (cmd.type === 'cancelSeat') {
    if (!pending.some((r) => r.id === cmd.requestId)) return fail('stale', 'No such request.');
    return { state: { ...state, seatRequests: pending.filter((r) => r.id !== cmd.requestId) }, effects: [] };
  }
  if (state.phase === 'podium') return fail('game_over');
  const nick = checkNickname(cmd.nickname);
  if (!nick.ok) return fail('nickname_invalid');
  const player = Object.values(state.players).find((p) => !p.kicked && nicknameKey(p.nickname) === nick.key);
  if (!player) return fail('unknown_player', 'Nobody in this game has that nickname.');
  // why: a signed-in seat goes back to its account by itself; a nickname is no proof of owning it.
  if (player.userId) return fail('forbidden', 'That player signed in: sign in with the same account to get the seat back.');
  const effects: Effect[] = [];
  // One request per seat: a newer one (the same person trying again) replaces the older.
  let kept = pending.filter((r) => {
    if (r.playerId !== player.id) return true;
    effects.push({ type: 'seatAnswered', requestId: r.id, granted: false });
    return false;
  });
  while (kept.length >= MAX_SEAT_REQUESTS) {
    effects.push({ type: 'seatAnswered', requestId: kept[0]!.id, granted: false });
    kept = kept.slice(1);
  }
  const request: SeatRequest = { id: cmd.requestId, playerId: player.id, token: cmd.token, at: now };
  return { state: { ...state, seatRequests: [...kept, request] }, effects };
}

export function answerSeatRequest(
  state: GameState,
  cmd: Extract<HostCommand, { type: 'grantSeat' | 'declineSeat' }>,
  now: number,
): Step | ErrorReply {
  const pending = state.seatRequests ?? [];
  const request = pending.find((r) => r.id === cmd.requestId);
  if (!request) return fail('stale', 'That request was withdrawn or already answered.');
  const rest = pending.filter((r) => r.id !== request.id);
  const player = state.players[request.playerId];
  if (cmd.type === 'declineSeat' || !player || player.kicked) {
    return { state: { ...state, seatRequests: rest }, effects: [{ type: 'seatAnswered', requestId: request.id, granted: false }] };
  }
  // The old device is out: like a drop, so an open question waits for the new one to rejoin.
  const moved = withPlayer({ ...state, seatRequests: rest }, { ...player, token: request.token, connected: false, droppedAt: now });
  const after = closeIfAllAnswered(moved, now);
  return {
    state: after.state,
    effects: [
      ...after.effects,
      { type: 'seatMoved', playerId: player.id },
      { type: 'seatAnswered', requestId: request.id, granted: true, token: request.token },
    ],
  };
}
