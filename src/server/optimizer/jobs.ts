import { randomUUID } from 'node:crypto';
import type { FitReport, RevlogRow } from '@/core/optimizer';
import { optimizeRevlog } from './optimize';

/** A fit running (or finished) in the background for one user or one class. */
export interface FitJob {
  id: string;
  /** "user:<id>" or "class:<id>": one job per owner at a time. */
  owner: string;
  status: 'running' | 'done' | 'failed';
  /** 0–1 */
  progress: number;
  startedAt: string;
  finishedAt: string | null;
  report: FitReport | null;
  message: string | null;
}

/**
 * In-process job table. why: a fit of a few thousand reviews takes seconds on a worker thread; the
 * request that starts it answers at once and the page polls. Jobs live as long as the process
 * (a restart loses a finished fit that was not applied; running it again is cheap).
 */
const holder = globalThis as unknown as { __fsrsJobs?: Map<string, FitJob> };
const jobs = (holder.__fsrsJobs ??= new Map());

/**
 * Fits run one at a time. why: each takes a whole core for seconds; two at once on a small server
 * would slow live rooms and reviews more than making the second student wait a few seconds.
 */
const slot = globalThis as unknown as { __fsrsFitChain?: Promise<unknown> };
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = (slot.__fsrsFitChain ?? Promise.resolve()).then(work, work);
  slot.__fsrsFitChain = run.catch(() => undefined);
  return run;
}

/** The owner's latest job, if any. */
export const jobFor = (owner: string): FitJob | null => jobs.get(owner) ?? null;

/** Holdout and seed of in-app fits: fixed, so the same history gives the same figures. */
export const APP_FIT = { holdout: 0.2, seed: 1 } as const;

/** Starts a fit unless one is already running for this owner (then that one is returned). */
export function startFitJob(owner: string, loadRows: () => Promise<RevlogRow[]>, now: Date): FitJob {
  const current = jobs.get(owner);
  if (current?.status === 'running') return current;
  const job: FitJob = {
    id: randomUUID(),
    owner,
    status: 'running',
    progress: 0,
    startedAt: now.toISOString(),
    finishedAt: null,
    report: null,
    message: null,
  };
  jobs.set(owner, job);
  void (async () => {
    try {
      const result = await oneAtATime(async () =>
        optimizeRevlog(await loadRows(), APP_FIT, ({ done, total }) => {
          if (total > 0) job.progress = Math.min(0.99, done / total);
        }),
      );
      if (result.ok) {
        job.report = result.report;
        job.status = 'done';
        job.progress = 1;
      } else {
        job.status = 'failed';
        job.message = result.message;
      }
    } catch (err) {
      job.status = 'failed';
      job.message = err instanceof Error ? err.message : String(err);
    }
    job.finishedAt = new Date().toISOString();
  })();
  return job;
}

/** A finished, applicable fit of this owner with this id, or the reason it cannot be applied. */
export function applicableReport(owner: string, jobId: string): { ok: true; report: FitReport } | { ok: false; message: string } {
  const job = jobs.get(owner);
  if (!job || job.id !== jobId) return { ok: false, message: 'This fit is no longer available: run the optimizer again.' };
  if (job.status !== 'done' || !job.report) return { ok: false, message: 'This fit has not finished.' };
  if (job.report.invalid) return { ok: false, message: `The fitted parameters are invalid (${job.report.invalid}).` };
  if (!job.report.better) {
    return { ok: false, message: 'The fitted parameters do not predict your held-out reviews better than the defaults.' };
  }
  return { ok: true, report: job.report };
}
