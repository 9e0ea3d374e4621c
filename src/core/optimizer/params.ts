import { CLAMP_PARAMETERS, default_w, W17_W18_Ceiling } from 'ts-fsrs';

/** FSRS-6's default 21 parameters (what everyone is scheduled with until they fit their own). */
export const DEFAULT_PARAMS: readonly number[] = Object.freeze([...default_w]);

export const PARAM_COUNT = 21;

/** why: fsrs-rs and ts-fsrs clamp each parameter to these ranges; a value outside means a broken fit. */
const RANGES = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
const SLACK = 1e-6;

/** Null when `w` is 21 finite numbers within FSRS-6's ranges, else the reason. */
export function invalidParamsReason(w: readonly unknown[]): string | null {
  if (w.length !== PARAM_COUNT) return `expected ${PARAM_COUNT} parameters, got ${w.length}`;
  for (let i = 0; i < PARAM_COUNT; i++) {
    const v = w[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return `parameter w${i} is not a finite number`;
    const [min, max] = RANGES[i];
    if (v < min - SLACK || v > max + SLACK) return `parameter w${i} = ${v} is outside ${min}–${max}`;
  }
  return null;
}

/** Rounds to 4 decimals, as Anki shows and stores them. */
export const roundParams = (w: readonly number[]): number[] => w.map((v) => Math.round(v * 1e4) / 1e4);
