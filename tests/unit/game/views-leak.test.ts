import { describe, expect, it } from 'vitest';
import {
  createGame,
  parseSettings,
  reduce,
  viewForHost,
  viewForPlayer,
  type Command,
  type GameState,
  type Question,
} from '@/core/game';
import { ANSWER_KEY_FIELDS } from '@/core/game/types';
import { CARDS, NOW, answerCmd, asHost, asSystem, joinCmd } from './fixtures';

const PLAYERS = ['p-ann', 'p-ben', 'p-cy'];

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

/** Strings that would give away the answer to `q` (option texts are public, so not those). */
function secretsOf(q: Question): string[] {
  const out: string[] = [];
  if (q.explanation) out.push(q.explanation);
  if (q.kind === 'type') out.push(q.answerText, ...(q.accepted ?? []));
  return out;
}

function rightAnswer(q: Question): number[] | string {
  return q.kind === 'type' ? q.answerText : q.correct!;
}

describe('answer key never leaks before the reveal', () => {
  it('holds for every player and host view across a whole shuffled game', () => {
    const settings = parseSettings({ deckId: 'd', questionCount: 10 }); // shuffled questions and options
    let s: GameState = createGame({ gameId: 'g', pin: '654321', settings, cards: CARDS, seed: 99, now: NOW });
    expect(s.questions.length).toBe(5);
    let now = NOW;
    let checkedBefore = 0;
    let revealedSeen = 0;

    const inspect = () => {
      const views = [viewForHost(s, now), ...PLAYERS.map((id) => viewForPlayer(s, id, now))];
      for (const view of views) {
        const json = JSON.stringify(view);
        expect(JSON.parse(json)).toEqual(view); // plain JSON
        // Never: tokens, user ids.
        expect(json).not.toMatch(/tok-|user-ann/);
        // A player's own typed answer may be the right one; that is not a leak.
        const others = JSON.stringify({ ...view, myChoice: null });
        for (const q of s.questions) {
          if (q.index < s.closedCount) continue;
          for (const secret of secretsOf(q)) expect(others).not.toContain(secret);
        }
        if (s.phase === 'lobby' || s.phase === 'question') {
          const keys = keysOf(view);
          for (const field of ANSWER_KEY_FIELDS) expect(keys.has(field), `${field} in ${view.audience} view`).toBe(false);
          checkedBefore++;
        }
        if (s.phase === 'reveal') {
          // Sanity: the check above would catch the key, because the reveal does carry it.
          const q = s.questions[s.current]!;
          expect(keysOf(view).has('answerText')).toBe(true);
          if (q.explanation) expect(json).toContain(q.explanation);
          revealedSeen++;
        }
      }
    };

    const apply = (cmd: Command) => {
      const r = reduce(s, cmd, now);
      expect(r.reply.ok, `${cmd.type}: ${JSON.stringify(r.reply)}`).toBe(true);
      s = r.state;
      inspect();
    };

    inspect();
    apply(joinCmd('p-ann', 'Ann', { userId: 'user-ann' }));
    apply(joinCmd('p-ben', 'Ben'));
    apply(joinCmd('p-cy', 'Cy'));
    now += 1_000;
    apply({ type: 'start', actor: asHost });

    for (let i = 0; i < s.questions.length; i++) {
      const q = s.questions[i]!;
      const before = viewForPlayer(s, 'p-ann', now).me;
      now += 700;
      apply(answerCmd('p-ann', i, rightAnswer(q)));
      // Answering right must not move the score, streak or rank shown during the question.
      const after = viewForPlayer(s, 'p-ann', now);
      expect(after.me).toEqual(before);
      expect(after).toMatchObject({ answered: true, myChoice: rightAnswer(q), reveal: null });
      now += 1_500;
      apply(answerCmd('p-ben', i, q.kind === 'type' ? 'wrong' : [q.correct!.length === 1 ? (q.correct![0]! + 1) % q.options!.length : q.correct![0]!]));
      // p-cy never answers: the timeout closes the question.
      now = s.deadline! + 250;
      apply({ type: 'timeout', questionIndex: i, actor: asSystem });
      const annReveal = viewForPlayer(s, 'p-ann', now).reveal!;
      expect(annReveal.me).toMatchObject({ answered: true, correct: true });
      expect(viewForPlayer(s, 'p-cy', now).reveal!.me).toMatchObject({ answered: false, correct: false, points: 0 });
      now += 5_000;
      apply({ type: 'next', actor: asHost });
      now += 5_000;
      apply({ type: 'next', actor: asHost });
    }
    expect(s.phase).toBe('podium');
    expect(checkedBefore).toBeGreaterThan(50);
    expect(revealedSeen).toBe(5 * 4);
  });
});

describe('views', () => {
  it('shows the question countdown and counts to the host without the key', () => {
    let s = createGame({
      gameId: 'g',
      pin: '111111',
      settings: parseSettings({ deckId: 'd', sections: ['SQS'], shuffleQuestions: false, shuffleOptions: false }),
      cards: CARDS,
      seed: 1,
      now: NOW,
    });
    for (const id of ['a', 'b']) s = reduce(s, joinCmd(id), NOW).state;
    s = reduce(s, { type: 'start', actor: asHost }, NOW).state;
    s = reduce(s, answerCmd('a', 0, [1]), NOW + 1_000).state;
    const host = viewForHost(s, NOW + 5_000);
    expect(host.question).toMatchObject({ index: 0, total: 4, remainingMs: 15_000, answeredCount: 1, playerCount: 2 });
    expect(host.players).toEqual([
      { id: 'a', nickname: 'a', connected: true, score: 0, late: false },
      { id: 'b', nickname: 'b', connected: true, score: 0, late: false },
    ]);
    expect(host.reveal).toBeNull();
    expect(viewForPlayer(s, 'a', NOW + 30_000).question!.remainingMs).toBe(0);

    s = reduce(s, { type: 'endQuestion', actor: asHost }, NOW + 6_000).state;
    const reveal = viewForHost(s, NOW + 6_000).reveal!;
    expect(reveal).toMatchObject({ correct: [0], answerText: 'SQS', optionCounts: [0, 1, 0, 0], answeredCount: 1, correctCount: 0 });
    expect(viewForHost(s, NOW + 6_000).summary).toEqual([
      expect.objectContaining({ index: 0, answeredCount: 1, correctCount: 0, correctRate: 0, avgResponseMs: 1_000 }),
    ]);
  });

  it('gives unknown ids an empty player view', () => {
    const s = createGame({ gameId: 'g', pin: '111111', settings: parseSettings({ deckId: 'd' }), cards: CARDS, seed: 1, now: NOW });
    expect(viewForPlayer(s, 'nobody', NOW)).toMatchObject({ me: null, kicked: false, question: null, phase: 'lobby' });
  });
});
