import { describe, expect, it } from 'vitest';
import { rankPlayers, reduce, RECONNECT_GRACE_MS, viewForHost, viewForPlayer, type Command, type GameState } from '@/core/game';
import { NOW, answerCmd, asHost, asPlayer, asSystem, joinCmd, newGame, ok, refusedCode } from './fixtures';

function lobby(...ids: string[]): GameState {
  let s = newGame();
  for (const id of ids) s = ok(s, joinCmd(id), NOW).state;
  return s;
}
function started(...ids: string[]): GameState {
  return ok(lobby(...ids), { type: 'start', actor: asHost }, NOW).state;
}

describe('answers', () => {
  it('refuses duplicates, wrong question numbers, late and malformed answers', () => {
    let s = started('a', 'b', 'c');
    expect(refusedCode(s, answerCmd('a', 0, [9]), NOW + 1)).toBe('invalid_choice');
    expect(refusedCode(s, answerCmd('a', 0, 'text'), NOW + 1)).toBe('invalid_choice');
    expect(refusedCode(s, answerCmd('a', 1, [0]), NOW + 1)).toBe('not_in_question');
    expect(refusedCode(s, answerCmd('a', -1, [0]), NOW + 1)).toBe('not_in_question');
    expect(refusedCode(s, answerCmd('ghost', 0, [0]), NOW + 1)).toBe('unknown_player');
    s = ok(s, answerCmd('a', 0, [1]), NOW + 1).state;
    expect(refusedCode(s, answerCmd('a', 0, [0]), NOW + 2)).toBe('already_answered');
    // Deadline is NOW + 20 000; b has no measured latency so no allowance.
    expect(refusedCode(s, answerCmd('b', 0, [0]), NOW + 20_001)).toBe('too_late');
    s = ok(s, answerCmd('b', 0, [0]), NOW + 20_000).state;
    // After the close, an answer to that question is too late.
    s = ok(s, { type: 'endQuestion', actor: asHost }, NOW + 20_100).state;
    expect(refusedCode(s, answerCmd('c', 0, [0]), NOW + 20_200)).toBe('too_late');
  });

  it('refuses answers in the lobby and a player answering for someone else', () => {
    const s = lobby('a', 'b');
    expect(refusedCode(s, answerCmd('a', 0, [0]), NOW)).toBe('not_in_question');
    const s2 = started('a', 'b');
    expect(refusedCode(s2, { ...answerCmd('b', 0, [0]), actor: asPlayer('a') }, NOW)).toBe('forbidden');
    expect(refusedCode(s2, { type: 'timeout', questionIndex: 0, actor: asPlayer('a') }, NOW)).toBe('forbidden');
  });

  it('a wrong answer breaks the streak; not answering breaks it too', () => {
    let s = started('a', 'b');
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    s = ok(s, answerCmd('b', 0, [0]), NOW + 100).state;
    expect([s.players.a!.streak, s.players.b!.streak]).toEqual([1, 1]);
    s = ok(s, { type: 'next', actor: asHost }, NOW + 1_000).state;
    s = ok(s, { type: 'next', actor: asHost }, NOW + 2_000).state;
    s = ok(s, answerCmd('a', 1, [0]), NOW + 2_100).state; // partial multi: points but no streak
    s = ok(s, { type: 'timeout', questionIndex: 1, actor: asSystem }, NOW + 22_250).state;
    expect([s.players.a!.streak, s.players.b!.streak]).toEqual([0, 0]);
    expect(s.players.a!.score).toBe(1500);
  });
});

describe('host authority', () => {
  const hostOnly: Command['type'][] = ['start', 'next', 'endQuestion', 'endGame', 'lock', 'unlock'];
  it.each(hostOnly)('%s from a player is refused with not_host', (type) => {
    const s = lobby('a');
    expect(refusedCode(s, { type, actor: asPlayer('a') } as Command, NOW)).toBe('not_host');
  });

  it('kick from a player is refused', () => {
    expect(refusedCode(lobby('a', 'b'), { type: 'kick', playerId: 'b', actor: asPlayer('a') }, NOW)).toBe('not_host');
  });

  it('checks the phase of host commands', () => {
    const s = lobby('a');
    expect(refusedCode(s, { type: 'next', actor: asHost }, NOW)).toBe('bad_phase');
    expect(refusedCode(s, { type: 'endQuestion', actor: asHost }, NOW)).toBe('bad_phase');
    expect(refusedCode(newGame(), { type: 'start', actor: asHost }, NOW)).toBe('no_players');
    const empty = ok(newGame({ sections: ['Nope'] }), joinCmd('a'), NOW).state;
    expect(refusedCode(empty, { type: 'start', actor: asHost }, NOW)).toBe('no_questions');
    const q = started('a');
    expect(refusedCode(q, { type: 'start', actor: asHost }, NOW)).toBe('bad_phase');
    expect(refusedCode(q, { type: 'next', actor: asHost }, NOW)).toBe('bad_phase');
  });
});

describe('expectVersion', () => {
  it('refuses a double-clicked next but not a click made while answers arrived', () => {
    let s = started('a', 'b', 'c');
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    const seen = s.version; // the host's screen shows this version
    s = ok(s, answerCmd('b', 0, [0]), NOW + 200).state; // bumps the version
    s = ok(s, { type: 'endQuestion', actor: asHost, expectVersion: seen }, NOW + 300).state;
    expect(s.phase).toBe('reveal');
    const v = s.version;
    s = ok(s, { type: 'next', actor: asHost, expectVersion: v }, NOW + 400).state;
    expect(s.phase).toBe('leaderboard');
    expect(refusedCode(s, { type: 'next', actor: asHost, expectVersion: v }, NOW + 401)).toBe('stale');
    expect(refusedCode(s, { type: 'next', actor: asHost, expectVersion: s.version + 1 }, NOW + 401)).toBe('stale');
    expect(s.phase).toBe('leaderboard');
  });

  it('increments the version only on accepted commands', () => {
    const s = started('a');
    const r = reduce(s, answerCmd('a', 0, [42]), NOW);
    expect(r.state.version).toBe(s.version);
    expect(ok(s, answerCmd('a', 0, [0]), NOW).state.version).toBe(s.version + 1);
  });
});

describe('joining', () => {
  it('enforces nickname rules, case-insensitive uniqueness and locking', () => {
    let s = lobby('a');
    s = ok(s, joinCmd('p1', '  Ada  '), NOW).state;
    expect(s.players.p1!.nickname).toBe('Ada');
    expect(refusedCode(s, joinCmd('p2', 'ADA'), NOW)).toBe('nickname_taken');
    expect(refusedCode(s, joinCmd('p2', ''), NOW)).toBe('nickname_invalid');
    expect(refusedCode(s, joinCmd('p2', 'x'.repeat(21)), NOW)).toBe('nickname_invalid');
    expect(refusedCode(s, joinCmd('p2', 'a\u0007b'), NOW)).toBe('nickname_invalid');
    s = ok(s, { type: 'lock', actor: asHost }, NOW).state;
    expect(viewForHost(s, NOW).locked).toBe(true);
    expect(refusedCode(s, joinCmd('p2', 'Grace'), NOW)).toBe('room_locked');
    // A known player reconnecting is not blocked by the lock.
    const back = ok(s, joinCmd('p1', 'whatever'), NOW);
    expect(back.reply).toMatchObject({ ok: true, playerId: 'p1', rejoined: true });
    expect(back.state.players.p1!.nickname).toBe('Ada');
    expect(refusedCode(s, joinCmd('p1', 'Ada', { token: 'other' }), NOW)).toBe('token_mismatch');
    s = ok(s, { type: 'unlock', actor: asHost }, NOW).state;
    expect(ok(s, joinCmd('p2', 'Grace'), NOW).reply).toMatchObject({ ok: true, rejoined: false });
  });

  it('a kicked player is removed from lists and cannot come back', () => {
    let s = lobby('a', 'b');
    const r = ok(s, { type: 'kick', playerId: 'b', actor: asHost }, NOW);
    s = r.state;
    expect(r.effects).toEqual([
      { type: 'playerKicked', playerId: 'b' },
      { type: 'snapshot', urgent: false },
      { type: 'broadcast', audience: { players: 'all' } },
    ]);
    expect(viewForHost(s, NOW).players.map((p) => p.id)).toEqual(['a']);
    expect(viewForPlayer(s, 'b', NOW)).toMatchObject({ me: null, kicked: true });
    expect(refusedCode(s, joinCmd('b'), NOW)).toBe('kicked'); // same id + token
    expect(refusedCode(s, joinCmd('b2', 'New Name', { token: 'tok-b' }), NOW)).toBe('kicked'); // same token
    expect(refusedCode(s, { type: 'connection', playerId: 'b', connected: true, actor: asSystem }, NOW)).toBe('kicked');
    expect(refusedCode(s, { type: 'kick', playerId: 'b', actor: asHost }, NOW)).toBe('unknown_player');
    expect(refusedCode(s, joinCmd('b3', 'B'), NOW)).toBe('nickname_taken');
  });

  it('keeps nicknames taken and kicked players out through reconnects, scoring and later joins', () => {
    let s = started('a', 'b');
    const connection = (playerId: string, connected: boolean): Command => ({ type: 'connection', playerId, connected, actor: asSystem });
    expect(refusedCode(s, joinCmd('x', 'B'), NOW)).toBe('nickname_taken');
    s = ok(s, connection('b', false), NOW + 1).state;
    s = ok(s, joinCmd('b'), NOW + 2).state; // reconnect
    s = ok(s, answerCmd('a', 0, [0]), NOW + 3).state;
    s = ok(s, answerCmd('b', 0, [0]), NOW + 4).state;
    expect(s.phase).toBe('reveal');
    expect(refusedCode(s, joinCmd('x', 'A'), NOW + 5)).toBe('nickname_taken');
    s = ok(s, joinCmd('c', 'Cleo'), NOW + 6).state;
    expect(refusedCode(s, joinCmd('y', 'CLEO'), NOW + 7)).toBe('nickname_taken');
    s = ok(s, { type: 'kick', playerId: 'c', actor: asHost }, NOW + 8).state;
    expect(refusedCode(s, joinCmd('y', 'Other', { token: 'tok-c' }), NOW + 9)).toBe('kicked');
    expect(refusedCode(s, joinCmd('y', 'cleo'), NOW + 9)).toBe('nickname_taken');
    expect(ok(s, joinCmd('d', 'Dee'), NOW + 10).reply).toMatchObject({ ok: true, rejoined: false });
  });

  it('a kicked signed-in user cannot rejoin under a new id', () => {
    let s = ok(newGame(), joinCmd('u', 'User', { userId: 'user-1' }), NOW).state;
    s = ok(s, { type: 'kick', playerId: 'u', actor: asHost }, NOW).state;
    expect(refusedCode(s, joinCmd('u2', 'Other', { userId: 'user-1', token: 'fresh' }), NOW)).toBe('kicked');
  });
});

describe('auto-close', () => {
  const drop = (s: GameState, id: string, at: number) => ok(s, { type: 'connection', playerId: id, connected: false, actor: asSystem }, at);

  it('closes at once when every connected player has answered and the others left before the question', () => {
    let s = lobby('a', 'b', 'c');
    s = drop(s, 'c', NOW - 10).state;
    s = ok(s, { type: 'start', actor: asHost }, NOW).state;
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    expect(s.phase).toBe('question');
    s = ok(s, answerCmd('b', 0, [0]), NOW + 200).state;
    expect(s.phase).toBe('reveal');
  });

  it('waits RECONNECT_GRACE_MS for a player who dropped during the question, then closes', () => {
    let s = started('a', 'b', 'c');
    s = drop(s, 'c', NOW + 10).state;
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    const last = ok(s, answerCmd('b', 0, [0]), NOW + 200);
    expect(last.state.phase).toBe('question');
    expect(last.state.graceUntil).toBe(NOW + 200 + RECONNECT_GRACE_MS);
    expect(last.effects).toContainEqual({
      type: 'schedule',
      at: NOW + 200 + RECONNECT_GRACE_MS,
      command: { type: 'graceOver', questionIndex: 0, actor: asSystem },
    });
    expect(viewForHost(last.state, NOW + 300).graceUntil).toBe(NOW + 200 + RECONNECT_GRACE_MS);
    const over = ok(last.state, { type: 'graceOver', questionIndex: 0, actor: asSystem }, NOW + 200 + RECONNECT_GRACE_MS);
    expect(over.state.phase).toBe('reveal');
    expect(over.state.players.c!.streak).toBe(0);
  });

  it('closes as soon as the dropped player comes back and answers within the grace period', () => {
    let s = started('a', 'b');
    s = drop(s, 'b', NOW + 10).state;
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    expect(s.graceUntil).toBeTruthy();
    s = ok(s, { type: 'connection', playerId: 'b', connected: true, actor: asSystem }, NOW + 2000).state;
    expect(s.phase).toBe('question');
    s = ok(s, answerCmd('b', 0, [0]), NOW + 2100).state;
    expect(s.phase).toBe('reveal');
    // The grace timer fires later and finds nothing to do.
    expect(refusedCode(s, { type: 'graceOver', questionIndex: 0, actor: asSystem }, NOW + 5100)).toBe('stale');
  });

  it('never waits past the deadline, and a kick closes at once', () => {
    let s = started('a', 'b');
    s = drop(s, 'b', NOW + 10).state;
    const late = ok(s, answerCmd('a', 0, [0]), s.deadline! - 1000).state;
    expect(late.graceUntil).toBe(s.deadline);
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    expect(ok(s, { type: 'kick', playerId: 'b', actor: asHost }, NOW + 200).state.phase).toBe('reveal');
  });

  it('refuses graceOver from anyone but the system', () => {
    const s = started('a');
    expect(refusedCode(s, { type: 'graceOver', questionIndex: 0, actor: asHost }, NOW)).toBe('forbidden');
  });

  it('does not close when nobody is connected', () => {
    let s = started('a');
    s = drop(s, 'a', NOW + 10).state;
    expect(s.phase).toBe('question');
  });
});

describe('late joiners', () => {
  it('are marked late and counted only for the questions asked after they joined, unless they answered', () => {
    let s = started('a', 'b');
    s = ok(s, joinCmd('c', 'Cat'), NOW + 50).state; // joins during question 1
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    s = ok(s, answerCmd('b', 0, [1]), NOW + 100).state;
    s = ok(s, { type: 'endQuestion', actor: asHost }, NOW + 200).state;
    s = ok(s, joinCmd('d', 'Dee'), NOW + 300).state; // joins during the reveal of question 1
    const host = viewForHost(s, NOW + 300);
    expect(host.players.map((p) => [p.nickname, p.late])).toEqual([
      ['a', false],
      ['b', false],
      ['Cat', true],
      ['Dee', true],
    ]);
    expect(host.summary[0]).toMatchObject({ askedCount: 2, answeredCount: 2 });
    expect(host.summary[0]!.correctRate).toBeCloseTo(host.summary[0]!.correctCount / 2);
    s = ok(s, { type: 'next', actor: asHost }, NOW + 400).state;
    s = ok(s, { type: 'next', actor: asHost }, NOW + 500).state;
    s = ok(s, { type: 'endQuestion', actor: asHost }, NOW + 600).state;
    expect(viewForHost(s, NOW + 600).summary[1]).toMatchObject({ askedCount: 4 });
  });
});

describe('ranks', () => {
  it('ties share a rank and the next rank skips; ties list by nickname', () => {
    let s = lobby('z', 'm', 'x', 'q');
    const nick = { z: 'zoe', m: 'Mia', x: 'xavi', q: 'quinn' };
    for (const [id, n] of Object.entries(nick)) s = { ...s, players: { ...s.players, [id]: { ...s.players[id]!, nickname: n } } };
    s = ok(s, { type: 'start', actor: asHost }, NOW).state;
    s = ok(s, answerCmd('z', 0, [0]), NOW + 100).state;
    s = ok(s, answerCmd('m', 0, [0]), NOW + 100).state;
    s = ok(s, answerCmd('x', 0, [1]), NOW + 100).state;
    s = ok(s, answerCmd('q', 0, [0]), NOW + 10_000).state;
    expect(rankPlayers(s).map((r) => [r.rank, r.player.nickname, r.player.score])).toEqual([
      [1, 'Mia', 1000],
      [1, 'zoe', 1000],
      [3, 'quinn', 750],
      [4, 'xavi', 0],
    ]);
    expect(viewForPlayer(s, 'z', NOW).me!.rank).toBe(1);
    expect(viewForPlayer(s, 'q', NOW).me!.rank).toBe(3);
  });
});
