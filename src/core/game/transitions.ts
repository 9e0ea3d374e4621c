/** Phase transitions shared by host, player and system commands. All return new objects. */
import { answerOf, emptyAnswers } from './answer-table';
import type { Effect } from './commands';
import { MAX_LATENCY_ALLOWANCE_MS } from './scoring';
import type { GameState, PlayerState } from './types';

export interface Step {
  state: GameState;
  effects: Effect[];
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
    state: { ...state, phase: 'question', current: index, questionOpenedAt: now, deadline, answers },
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
  const answers = state.answers[state.current];
  const players: Record<string, PlayerState> = { ...state.players };
  for (const id in state.players) {
    const p = state.players[id]!;
    if (p.kicked) continue;
    const a = answerOf(answers, p.id);
    players[p.id] = a ? { ...p, score: p.score + a.points, streak: a.streakAfter } : { ...p, streak: 0 };
  }
  return { ...state, players, phase: 'reveal', closedCount: state.current + 1 };
}

/** Ends the game (-> podium), scoring the open question first if there is one. */
export function finishGame(state: GameState, now: number): Step {
  const closed = state.phase === 'question' ? closeQuestion(state) : state;
  return { state: { ...closed, phase: 'podium', endedAt: now }, effects: [{ type: 'gameEnded' }] };
}

// why: the player table is replaced, never changed, when anyone joins, leaves or is scored, so
// its connected count can be kept per table object; answers leave the table alone.
const connectedCounts = new WeakMap<Record<string, PlayerState>, number>();

function connectedCount(players: Record<string, PlayerState>): number {
  let n = connectedCounts.get(players);
  if (n === undefined) {
    n = 0;
    for (const id in players) if (!players[id]!.kicked && players[id]!.connected) n++;
    connectedCounts.set(players, n);
  }
  return n;
}

/** why: waiting out the clock once every connected player has answered only slows the room down. */
export function closeIfAllAnswered(state: GameState): GameState {
  if (state.phase !== 'question') return state;
  const answers = state.answers[state.current];
  // why: this runs on every answer. Only once there are at least as many answers as connected
  // players (some answers may be from players who left since) is each player looked up.
  const connected = connectedCount(state.players);
  if (connected === 0 || (answers?.count ?? 0) < connected) return state;
  for (const id in state.players) {
    const p = state.players[id]!;
    if (!p.kicked && p.connected && !answerOf(answers, p.id)) return state;
  }
  return closeQuestion(state);
}
