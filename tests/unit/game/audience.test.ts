import { describe, expect, it } from 'vitest';
import { audienceFor, reduce, type Command, type GameState } from '@/core/game';
import { NOW, answerCmd, asHost, asSystem, joinCmd, newGame, ok } from './fixtures';

/** Who the room sends new views to after `cmd`, as the runtime computes it. */
function audience(state: GameState, cmd: Command, now = NOW + 100) {
  const next = reduce(state, cmd, now);
  expect(next.reply.ok).toBe(true);
  return audienceFor(state, next.state, cmd);
}

function started(): GameState {
  let s = newGame();
  s = ok(s, joinCmd('a', 'Ann'), NOW).state;
  s = ok(s, joinCmd('b', 'Ben'), NOW).state;
  return ok(s, { type: 'start', actor: asHost }, NOW).state;
}

describe('who gets a new view', () => {
  it('everyone at a phase change; one player for their own answer or connection', () => {
    const s = started();
    expect(audience(s, answerCmd('a', 0, [0]))).toEqual({ players: 'one', playerId: 'a' });
    expect(audience(s, { type: 'connection', playerId: 'b', connected: false, actor: asSystem })).toEqual({ players: 'one', playerId: 'b' });
    expect(audience(s, { type: 'endQuestion', actor: asHost })).toEqual({ players: 'all' });
  });

  it('no player for what only the host sees: locks and seat requests', () => {
    const s = started();
    expect(audience(s, { type: 'lock', actor: asHost })).toEqual({ players: 'none' });
    const asked: Command = { type: 'requestSeat', requestId: 'r1', nickname: 'Ann', token: 't'.repeat(32), actor: asSystem };
    expect(audience(s, asked)).toEqual({ players: 'none' });
    const withRequest = ok(s, asked, NOW).state;
    expect(audience(withRequest, { type: 'declineSeat', requestId: 'r1', actor: asHost })).toEqual({ players: 'none' });
  });

  it('everyone when a late join shows on a leaderboard', () => {
    let s = started();
    s = ok(s, { type: 'endQuestion', actor: asHost }, NOW + 10).state;
    s = ok(s, { type: 'next', actor: asHost }, NOW + 20).state;
    expect(audience(s, joinCmd('c', 'Cy'))).toEqual({ players: 'all' });
  });
});
