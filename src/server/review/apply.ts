import { Prisma, type CardState } from '@/generated/prisma/client';
import { createScheduler, formatInterval, type CardStateValue, type RatingValue, type ReviewSettings } from '@/core/review';
import { db } from '../db';
import { assertStudyableCard } from './access';
import { ReviewError } from './errors';
import { getReviewSettings } from './settings';

export type ReviewSource = 'review' | 'live' | 'assignment';

export interface ApplyReviewInput {
  userId: string;
  cardId: string;
  rating: RatingValue;
  /** Client-generated id (uuid): a retried request with the same id is applied once. */
  clientId: string;
  /** The CardState version the rating was made against (0 = never studied). Omit to rate whatever is current. */
  expectedVersion?: number;
  durationMs: number;
  source: ReviewSource;
  sourceRef?: string | null;
  now: Date;
}

/** The card's schedule after a rating, as the client sees it. */
export interface CardScheduleView {
  cardId: string;
  version: number;
  due: string;
  state: CardStateValue;
  reps: number;
  lapses: number;
  suspended: boolean;
  leech: boolean;
}

export interface ApplyReviewResult {
  /** True when this clientId had already been applied: nothing changed, the stored outcome is returned. */
  replayed: boolean;
  logId: string;
  rating: RatingValue;
  card: CardScheduleView;
  /** Time until the card is due again, e.g. "10m", "4d". */
  interval: string;
  /** This rating made the card a leech: it was tagged and suspended. */
  becameLeech: boolean;
}

const MAX_DURATION_MS = 60 * 60 * 1000;

function view(row: CardState): CardScheduleView {
  return {
    cardId: row.cardId,
    version: row.version,
    due: row.due.toISOString(),
    state: row.state as CardStateValue,
    reps: row.reps,
    lapses: row.lapses,
    suspended: row.suspended,
    leech: row.leech,
  };
}

const isUniqueViolation = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/**
 * The stored outcome of an already applied clientId. why: the client retries only when it did not
 * see the first answer, so the card's current schedule is what it needs; nothing is written.
 */
async function replay(userId: string, clientId: string, cardId: string): Promise<ApplyReviewResult | null> {
  const log = await db().reviewLog.findUnique({ where: { userId_clientId: { userId, clientId } } });
  if (!log) return null;
  if (log.cardId !== cardId) {
    throw new ReviewError(409, 'client_id_reused', 'This clientId was already used for a different card.');
  }
  const row = await db().cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  const card: CardScheduleView = row
    ? view(row)
    : { cardId, version: 0, due: log.review.toISOString(), state: 0, reps: 0, lapses: 0, suspended: false, leech: false };
  return {
    replayed: true,
    logId: log.id,
    rating: log.rating as RatingValue,
    card,
    interval: formatInterval(new Date(card.due).getTime() - log.review.getTime()),
    becameLeech: false,
  };
}

/**
 * Applies one rating: CardState upsert and an append-only ReviewLog row in ONE transaction.
 * Reusable for every source (the review screen, live games, assignments). Idempotent per clientId;
 * a rating against an outdated version is rejected with 409.
 */
export async function applyReview(input: ApplyReviewInput, settings?: ReviewSettings): Promise<ApplyReviewResult> {
  const { userId, cardId, clientId, now } = input;
  const earlier = await replay(userId, clientId, cardId);
  if (earlier) return earlier;
  await assertStudyableCard(userId, cardId);
  const s = settings ?? (await getReviewSettings(userId));
  const scheduler = createScheduler(s);

  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
      const currentVersion = row?.version ?? 0;
      if (input.expectedVersion !== undefined && input.expectedVersion !== currentVersion) {
        throw new ReviewError(
          409,
          'stale_version',
          `This card changed since it was shown (version ${input.expectedVersion}, now ${currentVersion}), ` +
            'perhaps in another tab. Load the card again before rating it.',
        );
      }
      if (row?.suspended && input.source === 'review') {
        throw new ReviewError(409, 'card_suspended', 'This card is suspended. Unsuspend it to study it.');
      }
      const { next, log, leech } = scheduler.applyRating(
        row ? { ...row, state: row.state as CardStateValue } : null,
        input.rating,
        now,
      );
      const flags = {
        suspended: leech ? true : (row?.suspended ?? false),
        leech: leech ? true : (row?.leech ?? false),
        // why: a rated card has been seen; whatever buried it no longer applies.
        buriedUntil: null,
      };
      let saved: CardState;
      if (row) {
        // The version in the where clause makes a concurrent change fail (P2025) instead of being overwritten.
        saved = await tx.cardState
          .update({ where: { id: row.id, version: row.version }, data: { ...next, ...flags, version: { increment: 1 } } })
          .catch((err: unknown) => {
            if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') {
              throw new ReviewError(409, 'stale_version', 'This card changed while it was being rated. Try again.');
            }
            throw err;
          });
      } else {
        saved = await tx.cardState.create({ data: { userId, cardId, ...next, ...flags, version: 1 } });
      }
      const { previous, ...logFields } = log;
      const created = await tx.reviewLog.create({
        data: {
          userId,
          cardId,
          clientId,
          ...logFields,
          previous: previous ?? Prisma.DbNull,
          durationMs: Math.max(0, Math.min(MAX_DURATION_MS, Math.round(input.durationMs))),
          source: input.source,
          sourceRef: input.sourceRef ?? null,
        },
      });
      return {
        replayed: false,
        logId: created.id,
        rating: input.rating,
        card: view(saved),
        interval: formatInterval(saved.due.getTime() - now.getTime()),
        becameLeech: leech !== null,
      };
    });
  } catch (err) {
    // A concurrent retry with the same clientId (log) or a concurrent first rating (state row) lost the race.
    if (isUniqueViolation(err)) {
      const again = await replay(userId, clientId, cardId);
      if (again) return again;
      throw new ReviewError(409, 'stale_version', 'This card changed while it was being rated. Try again.');
    }
    throw err;
  }
}
