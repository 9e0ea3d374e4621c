/**
 * Server-side scoring. See docs/scoring.md for the formula and worked examples.
 */
import type { PointsMode } from './settings';

/** Largest share of a player's measured latency credited back to them (and added to the deadline). */
export const MAX_LATENCY_ALLOWANCE_MS = 250;
/** Answers faster than this earn the full base points. */
export const FULL_POINTS_WINDOW_MS = 500;
export const STREAK_STEP = 100;
export const STREAK_CAP = 500;

/** P: points for a correct, instant answer. */
export function basePointsFor(mode: PointsMode): number {
  return mode === 'double' ? 2000 : mode === 'none' ? 0 : 1000;
}

/** The part of a player's latency we forgive: min(latency, 250 ms), never negative. */
export function latencyAllowance(latencyMs: number): number {
  if (!Number.isFinite(latencyMs) || latencyMs <= 0) return 0;
  return Math.min(latencyMs, MAX_LATENCY_ALLOWANCE_MS);
}

/** t = receivedAt − openedAt − allowance, clamped ≥ 0. */
export function responseTime(receivedAt: number, openedAt: number, latencyMs: number): number {
  return Math.max(0, receivedAt - openedAt - latencyAllowance(latencyMs));
}

/** 1 − (t/T)/2, so 1 for an instant answer and 0.5 at the deadline; 1 when t < 500 ms. */
export function speedFactor(responseMs: number, timeLimitMs: number): number {
  if (responseMs < FULL_POINTS_WINDOW_MS) return 1;
  const ratio = Math.min(1, responseMs / timeLimitMs);
  return 1 - ratio / 2;
}

/**
 * Base points: round(P × share × speedFactor). `share` is 1 for a correct single answer,
 * chosenCorrect/totalCorrect for a multi-select answer without wrong options, 0 otherwise.
 */
export function basePoints(mode: PointsMode, share: number, responseMs: number, timeLimitMs: number): number {
  if (share <= 0) return 0;
  return Math.round(basePointsFor(mode) * Math.min(1, share) * speedFactor(responseMs, timeLimitMs));
}

/**
 * Bonus for the `streakAfter`-th fully correct answer in a row: +100 per answer after the
 * first, capped at +500. Zero when the bonus is off or the game is not scored.
 */
export function streakBonus(streakAfter: number, enabled: boolean, mode: PointsMode): number {
  if (!enabled || mode === 'none' || streakAfter < 2) return 0;
  return Math.min(STREAK_CAP, STREAK_STEP * (streakAfter - 1));
}
