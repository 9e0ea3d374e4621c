import { DEFAULT_PARAMS, judgeFit, planFit, type FitOptions, type FitReport, type RevlogRow } from '@/core/optimizer';
import { fitInWorker, type FitProgress } from './fit-in-worker';

export type OptimizeResult = { ok: true; report: FitReport } | { ok: false; message: string };

/**
 * Fits FSRS-6 on the training cards of `rows` (fsrs-rs on a worker thread) and scores the fit and
 * `baseline` (the defaults unless given) on the held-out cards. Never throws for bad data: the
 * message says what is wrong.
 */
export async function optimizeRevlog(
  rows: readonly RevlogRow[],
  options: FitOptions,
  onProgress?: (p: FitProgress) => void,
  baseline: readonly number[] = DEFAULT_PARAMS,
): Promise<OptimizeResult> {
  const planned = planFit(rows, options);
  if (!planned.ok) return planned;
  try {
    const fitted = await fitInWorker(planned.plan.items, onProgress);
    return { ok: true, report: judgeFit(planned.plan, fitted, baseline) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
