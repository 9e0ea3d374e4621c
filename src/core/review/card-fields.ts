import { z } from 'zod';
import { Rating, State, type Card, type Grade, type ReviewLog } from 'ts-fsrs';

export { Rating, State };
export type { Grade };

/** ts-fsrs State as stored in CardState.state / ReviewLog.state: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type CardStateValue = 0 | 1 | 2 | 3;
/** 1 Again, 2 Hard, 3 Good, 4 Easy (ReviewLog.rating). */
export type RatingValue = 1 | 2 | 3 | 4;

export const GRADES: readonly RatingValue[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** The FSRS scheduling columns of a CardState row (flat, Prisma-shaped). */
export interface CardStateFields {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  lastReview: Date | null;
}

/** The non-FSRS columns of a CardState row that a review or undo may change. */
export interface CardFlags {
  suspended: boolean;
  buriedUntil: Date | null;
  leech: boolean;
}

/** Everything undo must restore: scheduling fields plus flags. */
export type CardSnapshot = CardStateFields & CardFlags;

/** A CardState row as the core reads it; flags are optional so plain FSRS fields are accepted too. */
export type CardStateInput = CardStateFields & Partial<CardFlags>;

/** The ts-fsrs ReviewLog columns of a ReviewLog row ("state before this review"). */
export interface ReviewLogFields {
  rating: RatingValue;
  state: CardStateValue;
  /** ts-fsrs semantics: the previous last review (or the previous due for a new card). */
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
}

/** Pure conversion: flat fields → ts-fsrs Card. */
export function toFsrsCard(s: CardStateFields): Card {
  return {
    due: new Date(s.due.getTime()),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    last_review: s.lastReview ? new Date(s.lastReview.getTime()) : undefined,
  };
}

/** Pure conversion: ts-fsrs Card → flat fields. */
export function fromFsrsCard(c: Card): CardStateFields {
  return {
    due: new Date(c.due.getTime()),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as CardStateValue,
    lastReview: c.last_review ? new Date(c.last_review.getTime()) : null,
  };
}

/** Pure conversion: flat log fields → ts-fsrs ReviewLog. */
export function toFsrsLog(l: ReviewLogFields): ReviewLog {
  return {
    rating: l.rating as Rating,
    state: l.state as State,
    due: new Date(l.due.getTime()),
    stability: l.stability,
    difficulty: l.difficulty,
    elapsed_days: l.elapsedDays,
    last_elapsed_days: l.lastElapsedDays,
    scheduled_days: l.scheduledDays,
    learning_steps: l.learningSteps,
    review: new Date(l.review.getTime()),
  };
}

/** Pure conversion: ts-fsrs ReviewLog → flat log fields. */
export function fromFsrsLog(l: ReviewLog): ReviewLogFields {
  return {
    rating: l.rating as RatingValue,
    state: l.state as CardStateValue,
    due: new Date(l.due.getTime()),
    stability: l.stability,
    difficulty: l.difficulty,
    elapsedDays: l.elapsed_days,
    lastElapsedDays: l.last_elapsed_days,
    scheduledDays: l.scheduled_days,
    learningSteps: l.learning_steps,
    review: new Date(l.review.getTime()),
  };
}

/** Picks only the scheduling columns (drops ids, flags, version, ... of a DB row). */
export function pickStateFields(s: CardStateFields): CardStateFields {
  return fromFsrsCard(toFsrsCard(s));
}

const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

/** JSON shape of {@link CardSnapshot} as kept in ReviewLog.previous. */
export const cardSnapshotJsonSchema = z.object({
  due: isoDate,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: isoDate.nullable(),
  suspended: z.boolean(),
  buriedUntil: isoDate.nullable(),
  leech: z.boolean(),
});

export type CardSnapshotJson = z.input<typeof cardSnapshotJsonSchema>;

/** Serialises a snapshot for the ReviewLog.previous JSON column (dates as ISO strings). */
export function snapshotToJson(s: CardSnapshot): CardSnapshotJson {
  return {
    ...pickStateFields(s),
    due: s.due.toISOString(),
    lastReview: s.lastReview ? s.lastReview.toISOString() : null,
    suspended: s.suspended,
    buriedUntil: s.buriedUntil ? s.buriedUntil.toISOString() : null,
    leech: s.leech,
  };
}

/** Reads ReviewLog.previous back; null when absent or not a snapshot (e.g. rows from older versions). */
export function snapshotFromJson(value: unknown): CardSnapshot | null {
  const r = cardSnapshotJsonSchema.safeParse(value);
  return r.success ? r.data : null;
}

/** Flags of a state row, defaulting missing ones. */
export function flagsOf(s: Partial<CardFlags> | null | undefined): CardFlags {
  return { suspended: s?.suspended ?? false, buriedUntil: s?.buriedUntil ?? null, leech: s?.leech ?? false };
}
