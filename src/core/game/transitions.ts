/** Phase transitions shared by host, player and system commands. All return new objects. */
import { answerOf, emptyAnswers } from './answer-table';
import type { Effect } from './commands';
import { connectedCount, playerList, scoresChanged } from './player-index';
import { MAX_LATENCY_ALLOWANCE_MS } from './scoring';
import type { GameState, PlayerState } from './types';

export interface Step {
  state: GameState;
  effects: Effect[];
  /** join / rejoin: the seat the device now holds. */
  seat?: { playerId: string; token: string; rejoined: boolean };
}

export function timeLimitMs(state: GameState): number {
  return state.settings.secondsPerQuestion * 1000;
}

/** Opens question `index` now and schedules its timeout. */
export function openQuestion(state: GameState, index: number, now: number): Step {
  const deadline = now + timeLimitMs(state);
  const answers = state.answers.slice();
  answers[index] = emptyAnswers();
  return {
    state: { ...state, phase: 'question', current: index, questionOpenedAt: now, deadline, answers, graceUntil: null },
    effects: [
      {
        type: 'schedule',
        // why: answers are accepted until deadline + the player's latency allowance (≤ 250 ms),
        // so the question may only close once the largest allowance has passed.
        at: deadline + MAX_LATENCY_ALLOWANCE_MS,
        command: { type: 'timeout', questionIndex: index, actor: { role: 'system' } },
      },
    ],
  };
}

/**
 * Closes the open question (-> reveal): applies the recorded points and streaks to the players;
 * players who did not answer lose their streak. Scores change only here so that nothing a
 * player sees during the question hints at whether their answer was right.
 */
export function closeQuestion(state: GameState): GameState {
  return scoreQuestion(state, false)!;
}

/**
 * The players after the open question is scored, or null when `untilUnanswered` and a connected
 * player has not answered yet. why: one pass both checks and scores when the last answer
 * arrives; a fresh table costs half of copying the old one and then overwriting every entry.
 */
function scoreQuestion(state: GameState, untilUnanswered: boolean): GameState | null {
  const answers = state.answers[state.current];
  const list: PlayerState[] = [];
  for (const p of playerList(state.players)) {
    if (p.kicked) {
      list.push(p);
      continue;
    }
    const a = answerOf(answers, p.id);
    if (!a && untilUnanswered && p.connected) return null;
    list.push(a ? scored(p, p.score + a.points, a.streakAfter) : scored(p, p.score, 0));
  }
  const players: Record<string, PlayerState> = {};
  for (const p of list) players[p.id] = p;
  scoresChanged(state.players, players, list);
  return { ...state, players, phase: 'reveal', closedCount: state.current + 1, graceUntil: null };
}

/**
 * `{ ...p, score, streak }`, spelled out. why: in a fresh process, spreading the players that
 * joined before the first reveal took V8's slow path for each of them (about 20 µs a player,
 * 20 ms of a 1,000-player reveal); a literal in join's field order builds each one directly.
 * A new optional PlayerState field must be copied here too.
 */
function scored(p: PlayerState, score: number, streak: number): PlayerState {
  const next: PlayerState = { id: p.id, token: p.token, nickname: p.nickname, seq: p.seq, joinedAt: p.joinedAt, connected: p.connected, score, streak, kicked: p.kicked };
  if (p.userId !== undefined) next.userId = p.userId;
  if (p.droppedAt !== undefined) next.droppedAt = p.droppedAt;
  if (p.joinedDuring !== undefined) next.joinedDuring = p.joinedDuring;
  return next;
}

/** Ends the game (-> podium), scoring the open question first if there is one. */
export function finishGame(state: GameState, now: number): Step {
  const closed = state.phase === 'question' ? closeQuestion(state) : state;
  return { state: { ...closed, phase: 'podium', endedAt: now }, effects: [{ type: 'gameEnded' }] };
}

/**
 * How long a question answered by every connected player still waits for players whose phone
 * dropped during it. why: a phone that loses Wi-Fi for a moment must not end the question for
 * everyone; a player who left before the question opened is not waited for.
 */
export const RECONNECT_GRACE_MS = 5000;

/**
 * why: waiting out the clock once every connected player has answered only slows the room down.
 * Unless `wait` is false, players who dropped during this question and have not answered get
 * RECONNECT_GRACE_MS to come back first (a `graceOver` command is scheduled).
 */
export function closeIfAllAnswered(state: GameState, now: number, opts: { wait?: boolean } = {}): Step {
  const same = { state, effects: [] };
  if (state.phase !== 'question') return same;
  const answers = state.answers[state.current];
  // why: this runs on every answer. Only once there are at least as many answers as connected
  // players (some answers may be from players who left since) is each player looked up.
  const connected = connectedCount(state.players);
  if (connected === 0 || (answers?.count ?? 0) < connected) return same;
  if (opts.wait !== false && droppedDuringQuestion(state)) {
    if (state.graceUntil) return same;
    const at = Math.min(now + RECONNECT_GRACE_MS, state.deadline ?? Infinity);
    return {
      state: { ...state, graceUntil: at },
      effects: [{ type: 'schedule', at, command: { type: 'graceOver', questionIndex: state.current, actor: { role: 'system' } } }],
    };
  }
  const closed = scoreQuestion(state, true);
  return closed ? { state: closed, effects: [] } : same;
}

/** A player still in the game who dropped while the open question was up and has not answered it. */
function droppedDuringQuestion(state: GameState): boolean {
  const opened = state.questionOpenedAt ?? 0;
  const answers = state.answers[state.current];
  for (const p of playerList(state.players)) {
    if (!p.kicked && !p.connected && p.droppedAt !== undefined && p.droppedAt >= opened && !answerOf(answers, p.id)) return true;
  }
  return false;
}
