import { describe, expect, it } from 'vitest';
import { viewForHost, type Command, type GameState } from '@/core/game';
import { NOW, answerCmd, asHost, asSystem, joinCmd, newGame, ok, refusedCode } from './fixtures';

const ask = (requestId: string, nickname: string, token = `tok-${requestId}`): Command => ({ type: 'requestSeat', requestId, nickname, token, actor: asSystem });
const grant = (requestId: string): Command => ({ type: 'grantSeat', requestId, actor: asHost });

function started(): GameState {
  let s = newGame();
  s = ok(s, joinCmd('a', 'Ann'), NOW).state;
  s = ok(s, joinCmd('u', 'Una', { userId: 'user-1' }), NOW).state;
  return ok(s, { type: 'start', actor: asHost }, NOW).state;
}

describe('seat requests', () => {
  it('moves a guest seat to the asking device: new token, old device out, score kept', () => {
    let s = started();
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    s = ok(s, ask('r1', 'ＡＮＮ'), NOW + 200).state;
    expect(viewForHost(s, NOW + 200).seatRequests).toEqual([{ requestId: 'r1', nickname: 'Ann', at: NOW + 200 }]);
    const granted = ok(s, grant('r1'), NOW + 300);
    expect(granted.state.players.a).toMatchObject({ token: 'tok-r1', connected: false });
    expect(granted.effects).toEqual(
      expect.arrayContaining([
        { type: 'seatMoved', playerId: 'a' },
        { type: 'seatAnswered', requestId: 'r1', granted: true, token: 'tok-r1' },
      ]),
    );
    expect(granted.state.seatRequests).toEqual([]);
    expect(refusedCode(granted.state, grant('r1'), NOW + 400)).toBe('stale');
  });

  it('refuses unknown nicknames and signed-in seats; one request per seat; only the host answers', () => {
    const s = started();
    expect(refusedCode(s, ask('r1', 'Nobody'), NOW)).toBe('unknown_player');
    expect(refusedCode(s, ask('r1', 'Una'), NOW)).toBe('forbidden');
    let t = ok(s, ask('r1', 'Ann'), NOW).state;
    const again = ok(t, ask('r2', 'ann'), NOW + 10);
    expect(again.state.seatRequests!.map((r) => r.id)).toEqual(['r2']);
    expect(again.effects).toContainEqual({ type: 'seatAnswered', requestId: 'r1', granted: false });
    t = again.state;
    expect(refusedCode(t, { type: 'grantSeat', requestId: 'r2', actor: { role: 'player', playerId: 'a' } }, NOW)).toBe('not_host');
    expect(refusedCode(t, { type: 'requestSeat', requestId: 'r3', nickname: 'Ann', token: 'x', actor: asHost }, NOW)).toBe('forbidden');
    const declined = ok(t, { type: 'declineSeat', requestId: 'r2', actor: asHost }, NOW);
    expect(declined.effects).toContainEqual({ type: 'seatAnswered', requestId: 'r2', granted: false });
    expect(declined.state.players.a!.token).toBe(s.players.a!.token);
  });
});
