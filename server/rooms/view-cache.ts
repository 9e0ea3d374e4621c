/**
 * Player views for a fan-out, as objects that share every part the players have in common.
 *
 * why: a reveal goes to every player at once, and Socket.IO encodes each player's view when it
 * is emitted. Calling `viewForPlayer` per player re-ranked, re-copied the question, the reveal
 * and the top lists 1,000 times. Here one `viewForPlayer` call per state (so the engine still
 * decides what leaves the server, answer key included) gives the shared parts, and each player's
 * view is a few small objects holding that player's own fields next to references to them.
 * Views are only ever encoded, never changed, so sharing is safe (and state objects are never
 * mutated either). tests/integration/rooms/view-cache.test.ts checks every view equals
 * `viewForPlayer` for every player in every phase.
 */
import { answerOf, playerList, rankPlayers, viewForPlayer, type GameState, type LeaderboardEntry, type PlayerState, type PlayerView } from '../../src/core/game';

type Reveal = NonNullable<PlayerView['reveal']>;
type RevealShared = Omit<Reveal, 'me'>;

interface Shared {
  state: GameState;
  base: PlayerView;
  reveal: RevealShared | null;
  leaderboard: TopList | null;
  podium: TopList | null;
  /** Rows in the longest top list. */
  topCount: number;
  /** Every player still in the game, by id. */
  seats: Map<string, Seat>;
}

interface Seat {
  player: PlayerState;
  rank: number;
  /** The player's row in the top lists (prefixes of one ranking), or -1. */
  row: number;
}

interface TopList {
  rows: LeaderboardEntry[];
  /** The rows with row `i` marked `isMe`, made when a player in that row first needs it. */
  marked: Array<LeaderboardEntry[] | undefined>;
}

const PLAYER_TOP = 5;

const stripMe = ({ isMe: _isMe, ...e }: LeaderboardEntry): LeaderboardEntry => e;

function topList(rows: LeaderboardEntry[] | null): TopList | null {
  return rows ? { rows: rows.map(stripMe), marked: [] } : null;
}

function listFor(list: TopList, row: number): LeaderboardEntry[] {
  if (row < 0 || row >= list.rows.length) return list.rows;
  return (list.marked[row] ??= list.rows.map((e, i) => (i === row ? { ...e, isMe: true } : e)));
}

/** The player views of one state: `view(X)` equals `viewForPlayer(state, X, now)`. */
export interface ViewBatch {
  view(playerId: string): PlayerView;
}

export class PlayerViewCache {
  private shared: Shared | null = null;

  /** Every player's view of `state` at `now`. */
  batch(state: GameState, now: number): ViewBatch {
    const sh = this.sharedFor(state, now);
    if (!sh) return { view: (playerId) => viewForPlayer(state, playerId, now) };
    return { view: (playerId) => playerView(sh, state, playerId) };
  }

  /** The view `viewForPlayer(state, playerId, now)` would return (acks and rejoins). */
  view(state: GameState, playerId: string, now: number): PlayerView {
    return this.batch(state, now).view(playerId);
  }

  private sharedFor(state: GameState, now: number): Shared | null {
    const prev = this.shared;
    if (prev && prev.state === state) return withClock(prev, now);
    // During a question only `version` and the countdown move between states of the same
    // phase (answers are private), so the shared part is reused and those two are refreshed.
    if (prev && state.phase === 'question' && prev.state.phase === 'question' && prev.state.phaseVersion === state.phaseVersion) {
      // Answers leave `players` untouched; joins, kicks and reconnects replace it (ranks may move).
      const seats = state.players === prev.state.players ? prev.seats : seatsOf(state, prev.topCount);
      this.shared = { ...prev, state, seats, base: { ...prev.base, version: state.version } };
      return withClock(this.shared, now);
    }
    const sample = playerList(state.players).find((p) => !p.kicked);
    if (!sample) return null;
    const base = viewForPlayer(state, sample.id, now);
    const leaderboard = topList(base.leaderboard);
    const podium = topList(base.podium?.top ?? null);
    const topCount = Math.max(leaderboard?.rows.length ?? 0, podium?.rows.length ?? 0, PLAYER_TOP);
    let reveal: RevealShared | null = null;
    if (base.reveal) {
      const { me: _me, ...info } = base.reveal;
      reveal = info;
    }
    this.shared = { state, base, reveal, leaderboard, podium, topCount, seats: seatsOf(state, topCount) };
    return this.shared;
  }
}

/** One player's view: their own fields, and the shared parts by reference. */
function playerView(sh: Shared, state: GameState, playerId: string): PlayerView {
  const { base } = sh;
  const seat = sh.seats.get(playerId);
  const self = seat?.player;
  // Not seated: unknown, or kicked (rare; only then is the table itself looked at).
  const kicked = !seat && !!state.players[playerId]?.kicked;
  const myRank = seat ? seat.rank : 0;
  const row = seat ? seat.row : -1;
  const mine = self && state.current >= 0 ? answerOf(state.answers[state.current], self.id) : undefined;
  const answered = !!(base.question && mine);
  return {
    audience: 'player',
    gameId: base.gameId,
    pin: base.pin,
    phase: base.phase,
    version: base.version,
    me: self ? { playerId: self.id, nickname: self.nickname, score: self.score, streak: self.streak, rank: myRank } : null,
    kicked,
    question: base.question,
    answered,
    // The recorded choice itself: answer records are never mutated, and the view is only encoded.
    myChoice: answered ? mine!.choice : null,
    reveal:
      sh.reveal && self
        ? {
            ...sh.reveal,
            me: { answered: !!mine, correct: mine?.correct ?? false, points: mine?.points ?? 0, streakBonus: mine?.streakBonus ?? 0, streak: self.streak },
          }
        : null,
    leaderboard: sh.leaderboard ? listFor(sh.leaderboard, row) : null,
    podium: sh.podium ? { top: listFor(sh.podium, row), me: self ? { rank: myRank, score: self.score } : null } : null,
  };
}

/** The shared part with the countdown at `now` (a new question object only when it moved). */
function withClock(sh: Shared, now: number): Shared {
  const q = sh.base.question;
  if (!q || sh.state.phase !== 'question') return sh;
  const remainingMs = Math.max(0, q.deadline - now);
  if (remainingMs !== q.remainingMs) sh.base = { ...sh.base, question: { ...q, remainingMs } };
  return sh;
}

function seatsOf(state: GameState, topCount: number): Map<string, Seat> {
  const seats = new Map<string, Seat>();
  rankPlayers(state).forEach(({ player, rank }, i) => seats.set(player.id, { player, rank, row: i < topCount ? i : -1 }));
  return seats;
}
