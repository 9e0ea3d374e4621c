import { describe, expect, it } from 'vitest';
import { reduce, viewForHost, viewForPlayer, type Command, type GameState } from '@/core/game';
import { NOW, answerCmd, asHost, asSystem, deepFreeze, joinCmd, newGame, ok } from './fixtures';

const host = (type: 'start' | 'next' | 'endQuestion' | 'endGame'): Command => ({ type, actor: asHost });
const score = (s: GameState, id: string) => s.players[id]!.score;
const streak = (s: GameState, id: string) => s.players[id]!.streak;

describe('a full game with fixed clock', () => {
  it('plays lobby -> 4 questions -> podium with the documented scores', () => {
    let s = newGame();
    for (const id of ['alice', 'bob', 'carol']) s = ok(s, joinCmd(id, id[0]!.toUpperCase() + id.slice(1)), NOW).state;
    expect(s.version).toBe(3);

    // Q0 (mcq, correct option 0), opened at T0.
    const T0 = NOW + 1_000;
    let r = ok(s, host('start'), T0);
    s = r.state;
    expect(s.phase).toBe('question');
    expect(s.deadline).toBe(T0 + 20_000);
    expect(r.effects).toEqual([
      { type: 'started' },
      { type: 'schedule', at: T0 + 20_250, command: { type: 'timeout', questionIndex: 0, actor: asSystem } },
      { type: 'snapshot', urgent: true },
      { type: 'broadcast', audience: { players: 'all' } },
    ]);

    r = ok(s, answerCmd('alice', 0, [0]), T0 + 400);
    s = r.state;
    expect(r.reply).toEqual({ ok: true, version: 5, questionIndex: 0 });
    expect(r.effects[0]).toEqual({
      type: 'answerRecorded',
      playerId: 'alice',
      questionIndex: 0,
      cardId: 'card-mcq',
      choice: [0],
      correct: true,
      responseMs: 400,
      points: 1000,
      streakBonus: 0,
    });
    // Scores are applied at the reveal, not when the answer arrives.
    expect(score(s, 'alice')).toBe(0);
    s = ok(s, answerCmd('bob', 0, [0]), T0 + 10_000).state;
    s = ok(s, answerCmd('carol', 0, [1]), T0 + 5_000).state;
    // Everyone connected answered: closed early.
    expect(s.phase).toBe('reveal');
    expect([score(s, 'alice'), score(s, 'bob'), score(s, 'carol')]).toEqual([1000, 750, 0]);
    expect([streak(s, 'alice'), streak(s, 'bob'), streak(s, 'carol')]).toEqual([1, 1, 0]);

    // The late timeout for Q0 is ignored.
    const late = reduce(s, { type: 'timeout', questionIndex: 0, actor: asSystem }, T0 + 20_250);
    expect(late.reply).toMatchObject({ ok: false, code: 'stale' });

    s = ok(s, host('next'), T0 + 30_000).state;
    expect(s.phase).toBe('leaderboard');

    // Q1 (multi, correct 0 and 2), closed by the host.
    const T1 = NOW + 60_000;
    s = ok(s, host('next'), T1).state;
    expect([s.phase, s.current]).toEqual(['question', 1]);
    s = ok(s, answerCmd('alice', 1, [2, 0]), T1 + 400).state; // 1000 + streak 2 bonus 100
    s = ok(s, answerCmd('bob', 1, [0]), T1 + 10_000).state; // half the options: 1000 × 0.5 × 0.75
    s = ok(s, host('endQuestion'), T1 + 15_000).state;
    expect([score(s, 'alice'), score(s, 'bob'), score(s, 'carol')]).toEqual([2100, 1125, 0]);
    expect([streak(s, 'alice'), streak(s, 'bob'), streak(s, 'carol')]).toEqual([2, 0, 0]);

    s = ok(s, host('next'), T1 + 20_000).state;
    // From here Bob's measured latency is 300 ms (he gets 250 ms back) and Carol's 400 ms.

    // Q2 (tf, correct 1), closed by the timeout.
    const T2 = NOW + 120_000;
    r = ok(s, host('next'), T2);
    s = r.state;
    s = ok(s, answerCmd('alice', 2, [1]), T2 + 20_000).state; // at the deadline: 500 + bonus 200
    s = ok(s, answerCmd('bob', 2, [1], 300), T2 + 20_200).state; // within allowance: t = 19 950 -> 501
    const tooLate = reduce(s, answerCmd('carol', 2, [1], 400), T2 + 20_300);
    expect(tooLate.reply).toMatchObject({ ok: false, code: 'too_late' });
    const timeout = r.effects.find((e) => e.type === 'schedule');
    expect(timeout).toMatchObject({ at: T2 + 20_250 });
    s = ok(s, (timeout as { command: Command }).command, T2 + 20_250).state;
    expect(s.phase).toBe('reveal');
    expect([score(s, 'alice'), score(s, 'bob'), score(s, 'carol')]).toEqual([2800, 1626, 0]);

    s = ok(s, host('next'), T2 + 25_000).state;

    // Q3 (type), auto-closes.
    const T3 = NOW + 180_000;
    s = ok(s, host('next'), T3).state;
    s = ok(s, answerCmd('alice', 3, '  zebra   VISIBILITY timeout. '), T3 + 1_000).state; // 975 + 300
    s = ok(s, answerCmd('bob', 3, 'ZVT alias', 300), T3 + 2_000).state; // t = 1 750 -> 956 + 100
    s = ok(s, answerCmd('carol', 3, 'no idea', 400), T3 + 3_000).state;
    expect(s.phase).toBe('reveal');
    expect([score(s, 'alice'), score(s, 'bob'), score(s, 'carol')]).toEqual([4075, 2682, 0]);

    s = ok(s, host('next'), T3 + 10_000).state;
    expect(s.phase).toBe('leaderboard');
    r = ok(s, host('next'), T3 + 20_000);
    s = r.state;
    expect(s.phase).toBe('podium');
    expect(s.endedAt).toBe(T3 + 20_000);
    expect(r.effects).toEqual([{ type: 'gameEnded' }, { type: 'snapshot', urgent: true }, { type: 'broadcast', audience: { players: 'all' } }]);

    const hostView = viewForHost(s, T3 + 20_000);
    expect(hostView.podium!.map((p) => [p.rank, p.nickname, p.score])).toEqual([
      [1, 'Alice', 4075],
      [2, 'Bob', 2682],
      [3, 'Carol', 0],
    ]);
    expect(hostView.summary.map((q) => [q.index, q.answeredCount, q.correctCount])).toEqual([
      [0, 3, 2],
      [1, 2, 1],
      [2, 2, 2],
      [3, 3, 2],
    ]);
    const bobView = viewForPlayer(s, 'bob', T3 + 20_000);
    expect(bobView.podium!.me).toEqual({ rank: 2, score: 2682 });
    expect(bobView.leaderboard!.find((e) => e.isMe)).toMatchObject({ nickname: 'Bob' });

    // Nothing but connection updates after the end.
    expect(reduce(s, host('next'), T3 + 30_000).reply).toMatchObject({ code: 'game_over' });
    expect(reduce(s, joinCmd('dave'), T3 + 30_000).reply).toMatchObject({ code: 'game_over' });
  });

  it('is pure: a frozen state is not mutated and the same inputs give the same outputs', () => {
    let s = newGame();
    s = ok(s, joinCmd('a'), NOW).state;
    s = ok(s, joinCmd('b'), NOW).state;
    const frozen = deepFreeze(ok(s, host('start'), NOW + 1).state);
    const snapshot = JSON.stringify(frozen);
    const one = reduce(frozen, answerCmd('a', 0, [0]), NOW + 2_000);
    const two = reduce(frozen, answerCmd('a', 0, [0]), NOW + 2_000);
    expect(one).toEqual(two);
    expect(JSON.stringify(frozen)).toBe(snapshot);
    // A snapshot round-trips through JSON and plays on identically.
    const restored = JSON.parse(snapshot) as GameState;
    expect(reduce(restored, answerCmd('a', 0, [0]), NOW + 2_000)).toEqual(one);
  });

  it('endGame during a question scores the answers already in', () => {
    let s = newGame();
    s = ok(s, joinCmd('a'), NOW).state;
    s = ok(s, joinCmd('b'), NOW).state;
    s = ok(s, host('start'), NOW).state;
    s = ok(s, answerCmd('a', 0, [0]), NOW + 100).state;
    const r = ok(s, host('endGame'), NOW + 5_000);
    expect(r.state.phase).toBe('podium');
    expect(r.state.players.a!.score).toBe(1000);
    expect(r.effects).toContainEqual({ type: 'gameEnded' });
  });

  it('a late joiner starts at 0 and can answer the open question', () => {
    let s = newGame();
    s = ok(s, joinCmd('a'), NOW).state;
    s = ok(s, host('start'), NOW).state;
    s = ok(s, joinCmd('late', 'Latecomer'), NOW + 3_000).state;
    expect(s.players.late).toMatchObject({ score: 0, streak: 0, joinedAt: NOW + 3_000 });
    s = ok(s, answerCmd('a', 0, [0]), NOW + 4_000).state;
    expect(s.phase).toBe('question'); // still waiting for the late joiner
    s = ok(s, answerCmd('late', 0, [0]), NOW + 10_000).state;
    expect(s.phase).toBe('reveal');
    expect(s.players.late!.score).toBe(750);
  });

  it('the host counts answers only from players still in the game, also after a kick', () => {
    const kick = (playerId: string): Command => ({ type: 'kick', playerId, actor: asHost });
    let s = newGame();
    for (const id of ['a', 'b', 'c']) s = ok(s, joinCmd(id), NOW).state;
    s = ok(s, host('start'), NOW).state;
    s = ok(s, answerCmd('a', 0, [0]), NOW + 1_000).state;
    s = ok(s, answerCmd('b', 0, [1]), NOW + 2_000).state;
    expect(viewForHost(s, NOW + 2_000).question).toMatchObject({ answeredCount: 2, playerCount: 3 });
    s = ok(s, kick('b'), NOW + 2_500).state;
    expect(viewForHost(s, NOW + 2_500).question).toMatchObject({ answeredCount: 1, playerCount: 2 });
    s = ok(s, answerCmd('c', 0, [0]), NOW + 3_000).state;
    expect(s.phase).toBe('reveal');
    const counted = { answeredCount: 2, correctCount: 2 };
    expect(viewForHost(s, NOW + 3_000).reveal).toMatchObject({ ...counted, optionCounts: [2, 0, 0, 0] });
    expect(viewForHost(s, NOW + 3_000).summary[0]).toMatchObject({ ...counted, correctRate: 1 });

    // A kick after the reveal takes that player's answer out of the counts already shown.
    s = ok(s, kick('c'), NOW + 4_000).state;
    const after = { answeredCount: 1, correctCount: 1 };
    expect(viewForHost(s, NOW + 4_000).reveal).toMatchObject({ ...after, optionCounts: [1, 0, 0, 0] });
    expect(viewForHost(s, NOW + 4_000).summary[0]).toMatchObject({ ...after, correctRate: 1 });
    expect(viewForPlayer(s, 'a', NOW + 4_000).reveal).toMatchObject(after);
  });
});
