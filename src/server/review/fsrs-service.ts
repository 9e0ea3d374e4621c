import { MINIMUM_HISTORY, type CalibrationBin, type FitFigures } from '@/core/optimizer';
import { db, qb, queries } from '../db';
import { revlogForUser } from '../optimizer/export';
import { applicableReport, jobFor, startFitJob, type FitJob } from '../optimizer/jobs';
import { ReviewError } from './errors';
import { changeUserParams, undoUserParamsChange, type ParamsChangeResult } from './fsrs-change';
import { activeFsrsParams, type ActiveFsrsParams, type FsrsChoice } from './fsrs-params';

/** A fit as the page shows it: figures and calibration only (no card ids, even renumbered ones). */
export interface FitJobView {
  id: string;
  status: FitJob['status'];
  progress: number;
  message: string | null;
  result: {
    reviews: number;
    cards: number;
    heldOutCards: number;
    params: number[];
    default: FitFigures;
    fitted: FitFigures;
    better: boolean;
    invalid: string | null;
    calibration: { default: CalibrationBin[]; fitted: CalibrationBin[] };
  } | null;
}

export function jobView(job: FitJob | null): FitJobView | null {
  if (!job) return null;
  const r = job.report;
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    message: job.message,
    result: r
      ? {
          reviews: r.reviews,
          cards: r.cards,
          heldOutCards: r.holdoutCards.length,
          params: r.params,
          default: r.default,
          fitted: r.fitted,
          better: r.better,
          invalid: r.invalid,
          calibration: r.calibration,
        }
      : null,
  };
}

export interface FsrsStatus {
  active: ActiveFsrsParams;
  history: { reviews: number; cards: number; minimum: typeof MINIMUM_HISTORY; enough: boolean };
  job: FitJobView | null;
  /** The latest change that undo would revert, if any. */
  lastChange: { at: string; reason: string; fromChoice: string | null; toChoice: string | null; cardsRescheduled: number } | null;
}

const owner = (userId: string) => `user:${userId}`;

async function historySize(userId: string) {
  const row = await queries().first(
    qb()
      .selectFrom('ReviewLog')
      .select((eb) => [eb.fn.countAll<number>().as('reviews'), eb.fn.count<number>('cardId').distinct().as('cards')])
      .where('userId', '=', userId)
      .where('undone', '=', false),
  );
  const reviews = Number(row?.reviews ?? 0);
  const cards = Number(row?.cards ?? 0);
  return { reviews, cards, minimum: MINIMUM_HISTORY, enough: reviews >= MINIMUM_HISTORY.reviews && cards >= MINIMUM_HISTORY.cards };
}

/** Everything /settings shows about the parameters that schedule this student. */
export async function fsrsStatus(userId: string): Promise<FsrsStatus> {
  const [active, history, last] = await Promise.all([
    activeFsrsParams(userId),
    historySize(userId),
    db().fsrsParamsChange.findFirst({
      where: { userId, undone: false, reason: { not: 'undo' } },
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  return {
    active,
    history,
    job: jobView(jobFor(owner(userId))),
    lastChange: last
      ? { at: last.createdAt.toISOString(), reason: last.reason, fromChoice: last.fromChoice, toChoice: last.toChoice, cardsRescheduled: last.cardsRescheduled }
      : null,
  };
}

/** Starts fitting the student's own history on a worker thread; 409 below the minimum history. */
export async function startUserFit(userId: string, now: Date): Promise<FitJobView> {
  const history = await historySize(userId);
  if (!history.enough) {
    throw new ReviewError(
      409,
      'not_enough_history',
      `You have ${history.reviews} reviews of ${history.cards} cards; fitting needs at least ${MINIMUM_HISTORY.reviews} reviews of ${MINIMUM_HISTORY.cards} cards.`,
    );
  }
  return jobView(startFitJob(owner(userId), () => revlogForUser(userId), now))!;
}

/** Applies a finished fit, only when it is valid and beats the defaults on the held-out cards. */
export async function applyUserFit(userId: string, jobId: string, now: Date): Promise<ParamsChangeResult> {
  const found = applicableReport(owner(userId), jobId);
  if (!found.ok) throw new ReviewError(409, 'fit_not_applicable', found.message);
  const { report } = found;
  return changeUserParams(userId, { choice: 'own', own: report.params }, 'optimize', now, {
    default: report.default,
    fitted: report.fitted,
  });
}

export const chooseUserParams = (userId: string, choice: FsrsChoice, now: Date) =>
  changeUserParams(userId, { choice }, 'choice', now);

export const undoUserParams = (userId: string, now: Date) => undoUserParamsChange(userId, now);
