/**
 * The engine's per-player loops walk playerList(table), a list kept per table and handed on by
 * joins, reconnects and scoring instead of rebuilt; it must always hold exactly the table's players.
 */
import { describe, expect, it } from 'vitest';
import { playerList, rankPlayers, type GameState } from '@/core/game';
import { answerCmd, asHost, asSystem, joinCmd, newGame, NOW, ok } from './fixtures';

const byId = (state: GameState) => [...playerList(state.players)].sort((a, b) => a.id.localeCompare(b.id));
const table = (state: GameState) => Object.values(state.players).sort((a, b) => a.id.localeCompare(b.id));

describe('playerList', () => {
  it('holds exactly the players of every table a game goes through', () => {
    let s = newGame();
    let t = NOW;
    const step = (cmd: Parameters<typeof ok>[1]) => {
      s = ok(s, cmd, (t += 10)).state;
      expect(byId(s)).toEqual(table(s));
    };
    // Read the list early so that later tables get theirs handed on rather than rebuilt.
    expect(playerList(s.players)).toEqual([]);
    for (const id of ['a', 'b', 'c', 'd']) step(joinCmd(id));
    step({ type: 'connection', playerId: 'b', connected: false, actor: asSystem });
    step(joinCmd('b'));
    step({ type: 'start', actor: asHost });
    step(answerCmd('a', 0, [0]));
    step({ type: 'kick', playerId: 'd', actor: asHost });
    step(answerCmd('c', 0, [1]));
    step({ type: 'endQuestion', actor: asHost });
    expect(s.phase).toBe('reveal');
    expect(rankPlayers(s).map((r) => r.player)).toEqual(expect.arrayContaining(table(s).filter((p) => !p.kicked)));
  });
});
