/**
 * Player views for a fan-out, built fast and already encoded as JSON.
 *
 * why: a reveal goes to every player at once, and each player's view is mostly what every player
 * shares (the question, the reveal's counts and key, the top lists). Building 1,000 view objects
 * and letting Socket.IO walk and stringify each one cost several times this (bench:room).
 * Here the shared part is taken from ONE `viewForPlayer` call per state (so the engine still
 * decides what leaves the server, answer key included) and stringified once; each player's JSON
 * is that string followed by the few fields that are theirs. encoded-view.ts sends it as is.
 * tests/integration/rooms/view-cache.test.ts checks the JSON is byte for byte JSON.stringify of
 * `viewForPlayer` for every player in every phase.
 */
import { answerOf, playerList, rankPlayers, viewForPlayer, type GameState, type LeaderboardEntry, type PlayerState, type PlayerView } from '../../src/core/game';

interface Shared {
  state: GameState;
  base: PlayerView;
  /** `base` as JSON up to (not including) `me`, the first per-player field. */
  head: string;
  /** `base.question` as JSON (it comes after two per-player fields). */
  question: string;
  /** The reveal as JSON without its closing brace (the player's own result goes there). */
  revealHead: string | null;
  /** Top lists as JSON, unmarked, and per row index with that row marked `isMe`. */
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
  plain: string;
  marked: Map<number, string>;
}

const PLAYER_TOP = 5;
const J = JSON.stringify;

const stripMe = ({ isMe: _isMe, ...e }: LeaderboardEntry): LeaderboardEntry => e;

function topList(rows: LeaderboardEntry[] | null): TopList | null {
  if (!rows) return null;
  const plain = rows.map(stripMe);
  return { rows: plain, plain: J(plain), marked: new Map() };
}

function listFor(list: TopList, row: number): string {
  if (row < 0 || row >= list.rows.length) return list.plain;
  let s = list.marked.get(row);
  if (s === undefined) {
    s = J(list.rows.map((e, i) => (i === row ? { ...e, isMe: true } : e)));
    list.marked.set(row, s);
  }
  return s;
}

/** The player views of one state: `json(X)` is `JSON.stringify(viewForPlayer(state, X, now))`. */
export interface ViewBatch {
  json(playerId: string): string;
}

export class PlayerViewCache {
  private shared: Shared | null = null;
  /** playerId -> `{"playerId":…,"nickname":…,"score":` (ids and nicknames never change). */
  private readonly meHeads = new Map<string, string>();

  /** Every player's view of `state` at `now`, as JSON. */
  batch(state: GameState, now: number): ViewBatch {
    const sh = this.sharedFor(state, now);
    if (!sh) return { json: (playerId) => J(viewForPlayer(state, playerId, now)) };
    return { json: (playerId) => sh.head + this.tail(sh, state, playerId) };
  }

  /** The view `viewForPlayer(state, playerId, now)` would return, as an object (joins and rejoins). */
  view(state: GameState, playerId: string, now: number): PlayerView {
    return JSON.parse(this.batch(state, now).json(playerId)) as PlayerView;
  }

  /** From `,"me":` to the view's closing brace: the player's own fields and the shared parts between them. */
  private tail(sh: Shared, state: GameState, playerId: string): string {
    const seat = sh.seats.get(playerId);
    const self = seat?.player;
    // Not seated: unknown, or kicked (rare; only then is the table itself looked at).
    const kicked = !seat && !!state.players[playerId]?.kicked;
    const myRank = seat ? seat.rank : 0;
    const row = seat ? seat.row : -1;
    const mine = self && state.current >= 0 ? answerOf(state.answers[state.current], self.id) : undefined;
    const answered = !!(sh.base.question && mine);

    let out = `,"me":${self ? this.me(self, myRank) : 'null'},"kicked":${kicked}`;
    out += `,"question":${sh.question},"answered":${answered},"myChoice":${answered ? J(mine!.choice) : 'null'}`;
    out += ',"reveal":';
    if (sh.revealHead && self) {
      out += `${sh.revealHead},"me":{"answered":${!!mine},"correct":${mine?.correct ?? false},"points":${mine?.points ?? 0}`;
      out += `,"streakBonus":${mine?.streakBonus ?? 0},"streak":${self.streak}}}`;
    } else out += 'null';
    out += `,"leaderboard":${sh.leaderboard ? listFor(sh.leaderboard, row) : 'null'}`;
    out += ',"podium":';
    if (sh.podium) {
      out += `{"top":${listFor(sh.podium, row)},"me":${self ? `{"rank":${myRank},"score":${self.score}}` : 'null'}}`;
    } else out += 'null';
    return out + '}';
  }

  private me(p: PlayerState, rank: number): string {
    let head = this.meHeads.get(p.id);
    if (head === undefined) {
      head = `{"playerId":${J(p.id)},"nickname":${J(p.nickname)},"score":`;
      this.meHeads.set(p.id, head);
    }
    return `${head}${p.score},"streak":${p.streak},"rank":${rank}}`;
  }

  private sharedFor(state: GameState, now: number): Shared | null {
    const prev = this.shared;
    if (prev && prev.state === state) return withClock(prev, now);
    // During a question only `version` and the countdown move between states of the same
    // phase (answers are private), so the shared part is reused and those two are refreshed.
    if (prev && state.phase === 'question' && prev.state.phase === 'question' && prev.state.phaseVersion === state.phaseVersion) {
      // Answers leave `players` untouched; joins, kicks and reconnects replace it (ranks may move).
      const seats = state.players === prev.state.players ? prev.seats : seatsOf(state, prev.topCount);
      const base = { ...prev.base, version: state.version };
      this.shared = { ...prev, state, seats, base, head: headOf(base), question: J(base.question) };
      return withClock(this.shared, now);
    }
    const sample = playerList(state.players).find((p) => !p.kicked);
    if (!sample) return null;
    const base = viewForPlayer(state, sample.id, now);
    const leaderboard = topList(base.leaderboard);
    const podium = topList(base.podium?.top ?? null);
    const topCount = Math.max(leaderboard?.rows.length ?? 0, podium?.rows.length ?? 0, PLAYER_TOP);
    let revealHead: string | null = null;
    if (base.reveal) {
      const { me: _me, ...info } = base.reveal;
      revealHead = J(info).slice(0, -1);
    }
    this.shared = { state, base, head: headOf(base), question: J(base.question), revealHead, leaderboard, podium, topCount, seats: seatsOf(state, topCount) };
    return this.shared;
  }
}

/** The shared part with the countdown at `now` (re-encoded only when it moved). */
function withClock(sh: Shared, now: number): Shared {
  const q = sh.base.question;
  if (!q || sh.state.phase !== 'question') return sh;
  const remainingMs = Math.max(0, q.deadline - now);
  if (remainingMs === q.remainingMs) return sh;
  sh.base = { ...sh.base, question: { ...q, remainingMs } };
  sh.question = J(sh.base.question);
  return sh;
}

/** The fields every player shares that come before the first of their own, as JSON without the closing brace. */
function headOf(base: PlayerView): string {
  const { audience, gameId, pin, phase, version } = base;
  return J({ audience, gameId, pin, phase, version }).slice(0, -1);
}

function seatsOf(state: GameState, topCount: number): Map<string, Seat> {
  const seats = new Map<string, Seat>();
  rankPlayers(state).forEach(({ player, rank }, i) => seats.set(player.id, { player, rank, row: i < topCount ? i : -1 }));
  return seats;
}
