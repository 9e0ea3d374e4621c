import { describe, expect, it } from 'vitest';
import type { Command } from '@/core/game';
import { asHost, asSystem, joinCmd, newGame, NOW, ok, refusedCode } from './fixtures';

/** What a device sends to get into a room: a fresh id and token, plus what it may already hold. */
const join = (fresh: string, nickname: string, has: { userId?: string; seatToken?: string } = {}): Command => ({
  ...(joinCmd(fresh, nickname) as Extract<Command, { type: 'join' }>),
  ...has,
});
const rejoin = (token: string, userId?: string): Command => ({ type: 'rejoin', token, userId, actor: asSystem });
const drop = (playerId: string): Command => ({ type: 'connection', playerId, connected: false, actor: asSystem });

describe('taking a seat back', () => {
  it('a signed-in account gets its own seat back from a second tab, not a second seat', () => {
    let s = newGame();
    s = ok(s, join('p1', 'Ada', { userId: 'u1' }), NOW).state;
    const again = ok(s, join('p2', 'Ada again', { userId: 'u1' }), NOW + 10);
    expect(again.reply).toMatchObject({ ok: true, playerId: 'p1', token: 'tok-p1', rejoined: true });
    expect(Object.keys(again.state.players)).toEqual(['p1']);
    expect(again.effects).not.toContainEqual(expect.objectContaining({ type: 'playerJoined' }));
    expect(again.effects.at(-1)).toEqual({ type: 'broadcast', audience: { players: 'one', playerId: 'p1' } });
  });

  it("a guest's kept token brings back the guest's seat, connected again, with the score kept", () => {
    let s = newGame();
    s = ok(s, join('g1', 'Grace'), NOW).state;
    s = ok(s, drop('g1'), NOW + 5).state;
    expect(s.players.g1!.connected).toBe(false);
    const back = ok(s, join('g9', 'Someone', { seatToken: 'tok-g1' }), NOW + 10);
    expect(back.reply).toMatchObject({ playerId: 'g1', token: 'tok-g1', rejoined: true });
    expect(back.state.players.g1).toMatchObject({ nickname: 'Grace', connected: true });
    expect(back.state.players.g9).toBeUndefined();
  });

  it("a guest token never hands a signed-in player's seat to someone else", () => {
    let s = newGame();
    s = ok(s, join('p1', 'Ada', { userId: 'u1' }), NOW).state;
    // The token is ignored for someone else: they get a seat of their own.
    const other = ok(s, join('p2', 'Bob', { seatToken: 'tok-p1' }), NOW + 10);
    expect(other.reply).toMatchObject({ playerId: 'p2', rejoined: false });
    expect(refusedCode(s, rejoin('tok-p1'), NOW + 10)).toBe('unknown_player');
    expect(refusedCode(s, rejoin('tok-p1', 'u2'), NOW + 10)).toBe('unknown_player');
    expect(ok(s, rejoin('tok-p1', 'u1'), NOW + 10).reply).toMatchObject({ playerId: 'p1', rejoined: true });
  });

  it('rejoin refuses unknown tokens and kicked seats; join refuses a kicked seat too', () => {
    let s = newGame();
    s = ok(s, join('g1', 'Grace'), NOW).state;
    expect(refusedCode(s, rejoin('nope'), NOW)).toBe('unknown_player');
    s = ok(s, { type: 'kick', playerId: 'g1', actor: asHost }, NOW + 1).state;
    expect(refusedCode(s, rejoin('tok-g1'), NOW + 2)).toBe('kicked');
    expect(refusedCode(s, join('g2', 'Grace 2', { seatToken: 'tok-g1' }), NOW + 2)).toBe('kicked');
  });

  it('a locked room still lets a seat be taken back', () => {
    let s = newGame();
    s = ok(s, join('g1', 'Grace'), NOW).state;
    s = ok(s, { type: 'lock', actor: asHost }, NOW + 1).state;
    expect(refusedCode(s, join('g2', 'Newcomer'), NOW + 2)).toBe('room_locked');
    expect(ok(s, join('g3', 'x', { seatToken: 'tok-g1' }), NOW + 2).reply).toMatchObject({ playerId: 'g1', rejoined: true });
  });
});
