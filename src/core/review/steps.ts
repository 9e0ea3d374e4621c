import type { StepUnit } from 'ts-fsrs';

/** One (re)learning step, e.g. "10m" → { text: '10m', ms: 600000 }. */
export interface LearningStep {
  text: string;
  ms: number;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const STEP_RE = /^(\d+(?:\.\d+)?)([smhd])$/;
/** Longer steps make no sense for intraday learning and would overflow into review intervals. */
const MAX_STEP_MS = 365 * UNIT_MS.d;
export const MAX_STEPS = 10;

export type StepsParseResult = { ok: true; steps: LearningStep[] } | { ok: false; error: string };

/**
 * Parses a space-separated list of steps such as `"1m 10m"`, `"30s 5m 1h"` or `"1d"`.
 * Units: s, m, h, d. An empty string means "no steps" (FSRS schedules straight away).
 */
export function parseSteps(input: string): StepsParseResult {
  const tokens = input.trim().split(/[\s,]+/).filter((t) => t.length > 0);
  if (tokens.length > MAX_STEPS) return { ok: false, error: `at most ${MAX_STEPS} steps` };
  const steps: LearningStep[] = [];
  for (const token of tokens) {
    const m = STEP_RE.exec(token.toLowerCase());
    if (!m) return { ok: false, error: `"${token}" is not a step like 30s, 10m, 1h or 1d` };
    const ms = Math.round(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
    if (ms <= 0) return { ok: false, error: `"${token}" must be longer than zero` };
    if (ms > MAX_STEP_MS) return { ok: false, error: `"${token}" is longer than 365d` };
    steps.push({ text: token.toLowerCase(), ms });
  }
  return { ok: true, steps };
}

/** Like {@link parseSteps} but throws on invalid input (for already-validated settings). */
export function parseStepsOrThrow(input: string): LearningStep[] {
  const r = parseSteps(input);
  if (!r.ok) throw new Error(`invalid steps "${input}": ${r.error}`);
  return r.steps;
}

/**
 * Converts steps into ts-fsrs 5.4.2 step strings.
 *
 * why: ts-fsrs 5.4.2 only understands whole minutes/hours/days (it `parseInt`s the number and rounds
 * the scheduled minutes), so sub-minute or fractional steps are rounded UP to whole minutes
 * (e.g. "30s" → "1m", "90s" → "2m"). Whole-minute steps are passed through unchanged, so the wrapper
 * schedules exactly like ts-fsrs called with the same steps.
 */
export function toFsrsSteps(steps: readonly LearningStep[]): StepUnit[] {
  return steps.map((s) => `${Math.max(1, Math.ceil(s.ms / UNIT_MS.m))}m` as StepUnit);
}
