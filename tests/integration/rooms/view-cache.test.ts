/**
 * The runtime builds fan-out views through PlayerViewCache, as JSON pieced together from
 * shared strings; it must send exactly what `socket.emit('room:view', viewForPlayer(...))`
 * would, byte for byte, for every player, in every phase (no server needed here).
 */
import { describe, expect, it } from 'vitest';
import { createGame, reduce, viewForPlayer, type Command, type GameState, type QuizCard } from '@/core/game';
import { PlayerViewCache } from '../../../server/rooms/view-cache';

const NOW = new Date('2026-01-05T09:00:00Z').getTime();

const cards: QuizCard[] = [
  { id: 'c1', key: 'k1', kind: 'mcq', prompt: 'Pick A', answer: 'A', options: ['A', 'B', 'C'], correct: [0], section: 'S', explanation: 'Because A.' },
  { id: 'c2', key: 'k2', kind: 'type', prompt: 'Type it', answer: 'answer', accepted: ['the answer'], section: 'S' },
  { id: 'c3', key: 'k3', kind: 'multi', prompt: 'Pick A and B', answer: 'A, B', options: ['A', 'B', 'C', 'D'], correct: [0, 1], section: 'S' },
];

function apply(state: GameState, cmd: Command, at: number): GameState {
  const r = reduce(state, cmd, at);
  if (!r.reply.ok) throw new Error(`${cmd.type}: ${r.reply.code}`);
  return r.state;
}

/** A game walked through every phase, with answers, a kick, a late joiner and a disconnect. */
function states(): GameState[] {
  const out: GameState[] = [];
  let s = createGame({
    gameId: 'g1',
    pin: '123456',
    settings: { deckId: 'd', questionCount: 3, secondsPerQuestion: 20, kinds: ['mcq', 'type', 'multi'], shuffleQuestions: false, shuffleOptions: true, pointsMode: 'standard', streakBonus: true },
    cards,
    seed: 7,
    now: NOW,
  });
  let t = NOW;
  const push = (next: GameState) => {
    s = next;
    out.push(s);
  };
  for (let i = 0; i < 8; i++) {
    push(apply(s, { type: 'join', playerId: `p${i}`, token: `token-${i}`, nickname: `Player ${i}`, actor: { role: 'player', playerId: `p${i}` } }, (t += 10)));
  }
  push(apply(s, { type: 'start', actor: { role: 'host' } }, (t += 100)));
  for (let q = 0; q < 3; q++) {
    const question = s.questions[q]!;
    for (let i = 0; i < 6; i++) {
      if (s.players[`p${i}`]!.kicked) continue;
      const right = (i + q) % 2 === 0;
      const choice = question.kind === 'type' ? (right ? 'answer' : 'nope') : right ? question.correct! : [question.options!.length - 1];
      push(apply(s, { type: 'answer', playerId: `p${i}`, questionIndex: q, choice, actor: { role: 'player', playerId: `p${i}` } }, (t += 700)));
    }
    if (q === 0) push(apply(s, { type: 'connection', playerId: 'p7', connected: false, actor: { role: 'system' } }, (t += 5)));
    if (q === 1) push(apply(s, { type: 'kick', playerId: 'p2', actor: { role: 'host' } }, (t += 5)));
    push(apply(s, { type: 'endQuestion', actor: { role: 'host' } }, (t += 100)));
    push(apply(s, { type: 'next', actor: { role: 'host' } }, (t += 100)));
    if (q === 0) push(apply(s, { type: 'join', playerId: 'late', token: 'token-late', nickname: 'Late', actor: { role: 'player', playerId: 'late' } }, (t += 5)));
    push(apply(s, { type: 'next', actor: { role: 'host' } }, (t += 100)));
  }
  expect(s.phase).toBe('podium');
  return out;
}

describe('PlayerViewCache', () => {
  it('encodes for every player exactly the engine view, in every phase', () => {
    const cache = new PlayerViewCache();
    const all = states();
    const phases = new Set<string>();
    for (const [n, state] of all.entries()) {
      phases.add(state.phase);
      const ids = [...Object.keys(state.players), 'nobody'];
      // Two clock readings per state: the countdown must follow the clock, not the cache.
      for (const now of [NOW + n * 1000, NOW + n * 1000 + 333]) {
        const views = cache.batch(state, now);
        for (const id of ids) {
          const expected = viewForPlayer(state, id, now);
          // Socket.IO would send JSON.stringify of the view: the same bytes, key order included.
          expect(views.json(id)).toBe(JSON.stringify(expected));
          expect(cache.view(state, id, now)).toStrictEqual(expected);
        }
      }
    }
    expect([...phases].sort()).toEqual(['leaderboard', 'lobby', 'podium', 'question', 'reveal']);
  });
});
