import { MINIMUM_HISTORY, type CalibrationBin, type FitFigures } from '@/core/optimizer';
import { Prisma } from '@/generated/prisma/client';
import { conflict } from '../api';
import type { SessionUser } from '../auth';
import type { Db } from '../db';
import { revlogForClass } from '../optimizer/export';
import { applicableReport, jobFor, startFitJob } from '../optimizer/jobs';
import { rescheduleUser } from '../review/fsrs-change';
import { activeFsrsParams, storedParams } from '../review/fsrs-params';
import { jobView, type FitJobView } from '../review/fsrs-service';
import { forgetReviewSettings, getReviewSettings } from '../review/settings';
import { loadClassForInsight } from '../insight/access';

/** What a class's fit is remembered by: aggregates of the pooled history, never a student's log. */
export interface ClassFitReport {
  reviews: number;
  /** Student-card pairs in the pool. */
  cards: number;
  students: number;
  heldOutCards: number;
  default: FitFigures;
  fitted: FitFigures;
  calibration: { default: CalibrationBin[]; fitted: CalibrationBin[] };
}

export interface ClassFsrsStatus {
  classId: string;
  params: number[] | null;
  fittedAt: string | null;
  report: ClassFitReport | null;
  /** Members scheduled with the class's parameters right now. */
  membersUsingClass: number;
  members: number;
  minimum: typeof MINIMUM_HISTORY;
  job: FitJobView | null;
}

const owner = (classId: string) => `class:${classId}`;

function readReport(json: unknown): ClassFitReport | null {
  if (!json || typeof json !== 'object') return null;
  return json as ClassFitReport;
}

/**
 * The class for a change by its owner: like reports and insight, anyone else (members included) gets
 * the 404 of a class that does not exist; an archived class is read-only (409).
 */
async function loadClassToChange(prisma: Db, user: SessionUser, classId: string) {
  const cls = await loadClassForInsight(prisma, user, classId);
  if (cls.archived) throw conflict('This class is archived and read-only.', 'archived');
  return cls;
}

/** For the class's instructor only (everyone else 404): the class's fitted parameters and figures. */
export async function classFsrsStatus(prisma: Db, user: SessionUser, classId: string): Promise<ClassFsrsStatus> {
  const cls = await loadClassForInsight(prisma, user, classId);
  const members = await prisma.enrollment.findMany({ where: { classId }, select: { userId: true } });
  let using = 0;
  for (const m of members) {
    const active = await activeFsrsParams(m.userId);
    if (active.source === 'class' && active.classOffer?.id === classId) using++;
  }
  return {
    classId,
    params: storedParams(cls.fsrsParams),
    fittedAt: cls.fsrsFittedAt?.toISOString() ?? null,
    report: readReport(cls.fsrsReport),
    membersUsingClass: using,
    members: members.length,
    minimum: MINIMUM_HISTORY,
    job: jobView(jobFor(owner(classId))),
  };
}

/** Starts fitting the pooled history of the class's members on its published decks. */
export async function startClassFit(prisma: Db, user: SessionUser, classId: string, now: Date): Promise<FitJobView> {
  await loadClassToChange(prisma, user, classId);
  return jobView(startFitJob(owner(classId), () => revlogForClass(classId), now))!;
}

/**
 * Makes a finished class fit the class's parameters (only when valid and better than the defaults
 * on held-out student-cards), then reschedules every member the class's parameters now schedule.
 */
export async function applyClassFit(prisma: Db, user: SessionUser, classId: string, jobId: string, now: Date) {
  const cls = await loadClassToChange(prisma, user, classId);
  const found = applicableReport(owner(classId), jobId);
  if (!found.ok) throw conflict(found.message, 'fit_not_applicable');
  const r = found.report;
  const members = await prisma.enrollment.findMany({ where: { classId }, select: { userId: true } });
  const report: ClassFitReport = {
    reviews: r.reviews,
    cards: r.cards,
    students: members.length,
    heldOutCards: r.holdoutCards.length,
    default: r.default,
    fitted: r.fitted,
    calibration: r.calibration,
  };
  await prisma.class.update({
    where: { id: classId },
    data: { fsrsParams: r.params, fsrsReport: report as unknown as Prisma.InputJsonObject, fsrsFittedAt: now },
  });
  forgetReviewSettings();
  const cardsRescheduled = await rescheduleMembers(members, now);
  await prisma.fsrsParamsChange.create({
    data: {
      classId,
      reason: 'class-optimize',
      fromParams: storedParams(cls.fsrsParams) ?? undefined,
      toParams: r.params,
      // why the whole report: undoing a later fit brings this one back, figures and chart included.
      figures: report as unknown as Prisma.InputJsonObject,
      cardsRescheduled,
      createdAt: now,
    },
  });
  return { params: r.params, cardsRescheduled };
}

/**
 * Reschedules every member with whatever parameters now schedule them. why all members: after a
 * class change, some move onto or off the class's parameters; for the others nothing differs, and
 * rescheduling with unchanged parameters writes nothing.
 */
async function rescheduleMembers(members: { userId: string }[], now: Date): Promise<number> {
  forgetReviewSettings();
  let changed = 0;
  for (const m of members) changed += await rescheduleUser(m.userId, await getReviewSettings(m.userId), now);
  return changed;
}

/**
 * Reverts the class's latest fit: the fit before it (parameters, figures, date) comes back, or none,
 * and members are rescheduled. Repeated undos walk further back.
 */
export async function undoClassFit(prisma: Db, user: SessionUser, classId: string, now: Date) {
  await loadClassToChange(prisma, user, classId);
  const fits = await prisma.fsrsParamsChange.findMany({
    where: { classId, reason: 'class-optimize', undone: false },
    orderBy: { createdAt: 'desc' },
    take: 2,
  });
  const [last, previous] = fits;
  if (!last) throw conflict('There is no class fit to undo.', 'nothing_to_undo');
  const params = previous ? storedParams(previous.toParams) : null;
  await prisma.class.update({
    where: { id: classId },
    data:
      previous && params
        ? { fsrsParams: params, fsrsReport: previous.figures ?? Prisma.DbNull, fsrsFittedAt: previous.createdAt }
        : { fsrsParams: Prisma.DbNull, fsrsReport: Prisma.DbNull, fsrsFittedAt: null },
  });
  await prisma.fsrsParamsChange.update({ where: { id: last.id }, data: { undone: true } });
  const members = await prisma.enrollment.findMany({ where: { classId }, select: { userId: true } });
  const cardsRescheduled = await rescheduleMembers(members, now);
  await prisma.fsrsParamsChange.create({
    data: {
      classId,
      reason: 'class-undo',
      fromParams: storedParams(last.toParams) ?? undefined,
      toParams: params ?? undefined,
      cardsRescheduled,
      undone: true,
      createdAt: now,
    },
  });
  return { params, cardsRescheduled };
}
