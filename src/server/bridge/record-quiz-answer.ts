/**
 * The DB half of the live-to-review bridge (docs/bridge.md). Call it after a signed-in user's quiz
 * answer is stored: from assignment answers (src/server/assignments) and from the live room's
 * answer persistence. It never throws for an unknown or archived card; it reports why it skipped.
 */
import type { Db } from '../db';
import { parseReviewSettings, type CardStateValue, type ReviewSettings } from '@/core/review';
import { BRIDGE_SOURCES, bridgeClientId, planBridgeUpdate, type BridgeSource } from '@/core/bridge/plan';

export interface QuizAnswerInput {
  userId: string;
  cardId: string;
  correct: boolean;
  source: BridgeSource;
  /** Game session id (live) or assignment attempt id (assignment). */
  sourceRef: string;
  now: Date;
}

export type QuizAnswerOutcome =
  | { applied: true; rating: number; due: Date; studyDay: string }
  | { applied: false; reason: 'duplicate' | 'already-today' | 'card-missing' };

/** The user's review settings, defaults when they never saved any (or the row is invalid). */
export async function loadReviewSettings(prisma: Db, userId: string): Promise<ReviewSettings> {
  const row = await prisma.userSettings.findUnique({ where: { userId } });
  if (!row) return parseReviewSettings({});
  const { userId: _ignored, ...fields } = row;
  try {
    return parseReviewSettings(fields);
  } catch {
    // why: a bad settings row must not make quiz answers fail; the review page reports it instead.
    return parseReviewSettings({});
  }
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002';
class VersionConflict extends Error {}

/**
 * Updates the card's FSRS schedule for the user from one quiz answer: wrong → Again, right → Good,
 * at most once per card per study day; logs it in ReviewLog (source, sourceRef, deterministic
 * clientId) and subscribes the user to the card's deck. CardState and ReviewLog are written in one
 * transaction with CardState.version bumped, so it composes with the review service's
 * optimistic concurrency.
 */
export async function recordQuizAnswer(prisma: Db, input: QuizAnswerInput): Promise<QuizAnswerOutcome> {
  if (!BRIDGE_SOURCES.includes(input.source)) throw new Error(`unknown bridge source ${String(input.source)}`);
  const clientId = bridgeClientId(input.source, input.sourceRef, input.cardId);
  const settings = await loadReviewSettings(prisma, input.userId);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await applyOnce(prisma, input, clientId, settings);
    } catch (err) {
      if (isUniqueViolation(err)) return { applied: false, reason: 'duplicate' };
      if (!(err instanceof VersionConflict)) throw err;
    }
  }
  throw new Error('card state kept changing while recording a quiz answer');
}

async function applyOnce(
  prisma: Db,
  input: QuizAnswerInput,
  clientId: string,
  settings: ReviewSettings,
): Promise<QuizAnswerOutcome> {
  return prisma.$transaction(async (tx) => {
    const seen = await tx.reviewLog.findUnique({ where: { userId_clientId: { userId: input.userId, clientId } } });
    if (seen) return { applied: false, reason: 'duplicate' } as const;
    const card = await tx.card.findUnique({ where: { id: input.cardId }, select: { deckId: true, archived: true } });
    if (!card || card.archived) return { applied: false, reason: 'card-missing' } as const;

    const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId: input.userId, cardId: input.cardId } } });
    const earlier = await tx.reviewLog.findMany({
      where: { userId: input.userId, cardId: input.cardId, source: { in: [...BRIDGE_SOURCES] }, undone: false },
      select: { review: true },
      orderBy: { review: 'desc' },
      take: 5,
    });
    const plan = planBridgeUpdate({
      correct: input.correct,
      now: input.now,
      settings,
      state: row ? { ...row, state: row.state as CardStateValue } : null,
      bridgeReviewTimes: earlier.map((l) => l.review),
    });
    if (!plan.apply) return { applied: false, reason: plan.reason } as const;

    const { next, log, leech } = plan.result;
    const flags = leech ? { leech: true, suspended: true } : {};
    if (row) {
      const res = await tx.cardState.updateMany({
        where: { id: row.id, version: row.version },
        data: { ...next, ...flags, version: { increment: 1 } },
      });
      if (res.count !== 1) throw new VersionConflict();
    } else {
      await tx.cardState.create({
        data: { userId: input.userId, cardId: input.cardId, deckId: card.deckId, ...next, ...flags, version: 1 },
      });
    }
    const { previous, ...logFields } = log;
    await tx.reviewLog.create({
      data: {
        ...logFields,
        ...(previous ? { previous } : {}),
        userId: input.userId,
        cardId: input.cardId,
        deckId: card.deckId,
        clientId,
        source: input.source,
        sourceRef: input.sourceRef,
      },
    });
    await tx.deckSubscription.upsert({
      where: { userId_deckId: { userId: input.userId, deckId: card.deckId } },
      create: { userId: input.userId, deckId: card.deckId },
      update: {},
    });
    return { applied: true, rating: plan.rating, due: next.due, studyDay: plan.studyDay } as const;
  });
}
