/**
 * Player views for a fan-out, built fast.
 *
 * why: `viewForPlayer` recomputes the parts every player shares (the question, the reveal's
 * counts, the ranking) for each call; with 1,000+ players a reveal costs O(players²) and took
 * hundreds of ms. Here the shared part comes from ONE `viewForPlayer` call per state (so the
 * engine still decides what leaves the server, answer key included) and each player's own
 * fields are filled in from the state. tests/integration/rooms/view-cache.test.ts checks the
 * result deep-equals `viewForPlayer` for every player in every phase.
 */
import { rankPlayers, viewForPlayer, type GameState, type LeaderboardEntry, type PlayerView, type RevealInfo } from '../../src/core/game';

interface Shared {
  state: GameState;
  base: PlayerView;
  /** The reveal without the sample player's own result. */
  reveal: RevealInfo | null;
  leaderboard: LeaderboardEntry[] | null;
  podiumTop: LeaderboardEntry[] | null;
  /** Ids of the players in `leaderboard` / `podiumTop`, same order. */
  topIds: string[];
  rankOf: Map<string, number>;
}

const PLAYER_TOP = 5;

const stripMe = ({ isMe: _isMe, ...e }: LeaderboardEntry): LeaderboardEntry => e;

export class PlayerViewCache {
  private shared: Shared | null = null;

  /** The view `viewForPlayer(state, playerId, now)` would return. */
  view(state: GameState, playerId: string, now: number): PlayerView {
    const sh = this.sharedFor(state, now);
    if (!sh) return viewForPlayer(state, playerId, now);
    const player = state.players[playerId];
    const kicked = !!player?.kicked;
    const self = player && !kicked ? player : undefined;
    const myRank = self ? (sh.rankOf.get(playerId) ?? 0) : 0;
    const { base } = sh;
    const mine = self && state.current >= 0 ? state.answers[state.current]?.[self.id] : undefined;
    const mark = (list: LeaderboardEntry[]) => list.map((e, i) => (sh.topIds[i] === playerId ? { ...e, isMe: true } : e));
    return {
      ...base,
      me: self ? { playerId: self.id, nickname: self.nickname, score: self.score, streak: self.streak, rank: myRank } : null,
      kicked,
      answered: !!(base.question && mine),
      myChoice: base.question && mine ? (Array.isArray(mine.choice) ? [...mine.choice] : mine.choice) : null,
      reveal:
        sh.reveal && self
          ? {
              ...sh.reveal,
              me: {
                answered: !!mine,
                correct: mine?.correct ?? false,
                points: mine?.points ?? 0,
                streakBonus: mine?.streakBonus ?? 0,
                streak: self.streak,
              },
            }
          : null,
      leaderboard: sh.leaderboard ? mark(sh.leaderboard) : null,
      podium: sh.podiumTop ? { top: mark(sh.podiumTop), me: self ? { rank: myRank, score: self.score } : null } : null,
    };
  }

  private sharedFor(state: GameState, now: number): Shared | null {
    const prev = this.shared;
    if (prev && prev.state === state) return this.withClock(prev, now);
    // During a question only `version` and the countdown move between states of the same
    // phase (answers are private), so the shared part is reused and those two are refreshed.
    if (prev && state.phase === 'question' && prev.state.phase === 'question' && prev.state.phaseVersion === state.phaseVersion) {
      // Answers leave `players` untouched; joins, kicks and reconnects replace it (ranks may move).
      const rankOf = state.players === prev.state.players ? prev.rankOf : rankMap(state);
      const next = { ...prev, state, rankOf, base: { ...prev.base, version: state.version } };
      this.shared = next;
      return this.withClock(next, now);
    }
    const sample = Object.values(state.players).find((p) => !p.kicked);
    if (!sample) return null;
    const base = viewForPlayer(state, sample.id, now);
    const ranked = rankPlayers(state);
    const podiumTop = base.podium ? base.podium.top.map(stripMe) : null;
    const leaderboard = base.leaderboard ? base.leaderboard.map(stripMe) : null;
    const topCount = Math.max(leaderboard?.length ?? 0, podiumTop?.length ?? 0, PLAYER_TOP);
    let reveal: RevealInfo | null = null;
    if (base.reveal) {
      const { me: _me, ...info } = base.reveal;
      reveal = info;
    }
    this.shared = {
      state,
      base,
      reveal,
      leaderboard,
      podiumTop,
      topIds: ranked.slice(0, topCount).map((r) => r.player.id),
      rankOf: rankMap(state),
    };
    return this.shared;
  }

  private withClock(sh: Shared, now: number): Shared {
    const q = sh.base.question;
    if (!q || sh.state.phase !== 'question') return sh;
    const remainingMs = Math.max(0, q.deadline - now);
    if (remainingMs === q.remainingMs) return sh;
    sh.base = { ...sh.base, question: { ...q, remainingMs } };
    return sh;
  }
}

function rankMap(state: GameState): Map<string, number> {
  return new Map(rankPlayers(state).map((r) => [r.player.id, r.rank]));
}
