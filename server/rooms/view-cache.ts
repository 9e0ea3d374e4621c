/**
 * Player views for a fan-out, built fast and already encoded as JSON.
 *
 * why: a reveal goes to every player at once. Building 1,000 view objects and letting Socket.IO
 * walk and stringify each one cost about twice the bare broadcast. Here everything the players
 * share (the question, the reveal's counts and key, the top lists) is taken from ONE
 * `viewForPlayer` call per state (so the engine still decides what leaves the server, answer key
 * included) and stringified once; each player's JSON is those strings joined with the few fields
 * that are theirs. tests/integration/rooms/view-cache.test.ts checks that the JSON parses to
 * exactly `viewForPlayer` for every player in every phase.
 */
import { answerOf, rankPlayers, viewForPlayer, type GameState, type LeaderboardEntry, type PlayerState, type PlayerView } from '../../src/core/game';

interface Shared {
  state: GameState;
  base: PlayerView;
  /** `base` as JSON up to (not including) the per-player fields and the closing brace. */
  head: string;
  /** The reveal as JSON without its closing brace (the player's own result goes there). */
  revealHead: string | null;
  /** Top lists as JSON, unmarked, and per row index with that row marked `isMe`. */
  leaderboard: TopList | null;
  podium: TopList | null;
  /** Ids of the players in the top lists, by row (the lists are prefixes of one ranking). */
  topIds: string[];
  rankOf: Map<string, number>;
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

/**
 * The player views of one state: player X's view as JSON is `head + tail(X)`. The head is the
 * same string for every player, so a fan-out can encode it once.
 */
export interface ViewBatch {
  head: string;
  tail(playerId: string): string;
}

export class PlayerViewCache {
  private shared: Shared | null = null;
  /** playerId -> `{"playerId":…,"nickname":…,"score":` (ids and nicknames never change). */
  private readonly meHeads = new Map<string, string>();

  /** The view `viewForPlayer(state, playerId, now)` would return, as JSON. */
  json(state: GameState, playerId: string, now: number): string {
    const views = this.batch(state, now);
    return views.head + views.tail(playerId);
  }

  /** Every player's view of `state` at `now`, as JSON in two parts (see ViewBatch). */
  batch(state: GameState, now: number): ViewBatch {
    const sh = this.sharedFor(state, now);
    if (!sh) return { head: '', tail: (playerId) => J(viewForPlayer(state, playerId, now)) };
    return { head: sh.head, tail: (playerId) => this.tail(sh, state, playerId) };
  }

  /** The view `viewForPlayer(state, playerId, now)` would return, as an object (acks and rejoins). */
  view(state: GameState, playerId: string, now: number): PlayerView {
    return JSON.parse(this.json(state, playerId, now)) as PlayerView;
  }

  /** The player's own fields, from `,"me":` to the view's closing brace. */
  private tail(sh: Shared, state: GameState, playerId: string): string {
    const player = state.players[playerId];
    const kicked = !!player?.kicked;
    const self = player && !kicked ? player : undefined;
    const myRank = self ? (sh.rankOf.get(playerId) ?? 0) : 0;
    const mine = self && state.current >= 0 ? answerOf(state.answers[state.current], self.id) : undefined;
    const answered = !!(sh.base.question && mine);
    const row = sh.topIds.indexOf(playerId);

    let out = `,"me":${self ? this.me(self, myRank) : 'null'},"kicked":${kicked},"answered":${answered}`;
    out += `,"myChoice":${answered ? J(mine!.choice) : 'null'}`;
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
    if (prev && prev.state === state) return this.withClock(prev, now);
    // During a question only `version` and the countdown move between states of the same
    // phase (answers are private), so the shared part is reused and those two are refreshed.
    if (prev && state.phase === 'question' && prev.state.phase === 'question' && prev.state.phaseVersion === state.phaseVersion) {
      // Answers leave `players` untouched; joins, kicks and reconnects replace it (ranks may move).
      const rankOf = state.players === prev.state.players ? prev.rankOf : rankMap(state);
      const base = { ...prev.base, version: state.version };
      this.shared = { ...prev, state, rankOf, base, head: headOf(base) };
      return this.withClock(this.shared, now);
    }
    const sample = Object.values(state.players).find((p) => !p.kicked);
    if (!sample) return null;
    const base = viewForPlayer(state, sample.id, now);
    const ranked = rankPlayers(state);
    const leaderboard = topList(base.leaderboard);
    const podium = topList(base.podium?.top ?? null);
    const topCount = Math.max(leaderboard?.rows.length ?? 0, podium?.rows.length ?? 0, PLAYER_TOP);
    let revealHead: string | null = null;
    if (base.reveal) {
      const { me: _me, ...info } = base.reveal;
      revealHead = J(info).slice(0, -1);
    }
    this.shared = {
      state,
      base,
      head: headOf(base),
      revealHead,
      leaderboard,
      podium,
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
    sh.head = headOf(sh.base);
    return sh;
  }
}

/** The fields every player shares, as JSON without the closing brace. */
function headOf(base: PlayerView): string {
  const { audience, gameId, pin, phase, version, question } = base;
  return J({ audience, gameId, pin, phase, version, question }).slice(0, -1);
}

function rankMap(state: GameState): Map<string, number> {
  return new Map(rankPlayers(state).map((r) => [r.player.id, r.rank]));
}
