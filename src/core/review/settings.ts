import { z } from 'zod';
import { parseSteps } from './steps';

/** Whether `tz` is an IANA time zone this runtime's Intl knows (e.g. "Asia/Kolkata"). */
export function isValidTimeZone(tz: string): boolean {
  if (tz.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const stepsString = (fallback: string) =>
  z
    .string()
    .max(200)
    .default(fallback)
    .superRefine((value, ctx) => {
      const r = parseSteps(value);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
    })
    // why: store a canonical form so "1m  10M" and "1m 10m" compare equal.
    .transform((value) => value.trim().toLowerCase().split(/[\s,]+/).filter(Boolean).join(' '));

/**
 * A user's review settings (the UserSettings row minus userId). Every field has a default, so
 * `reviewSettingsSchema.parse({})` gives {@link DEFAULT_REVIEW_SETTINGS}.
 */
export const reviewSettingsSchema = z.object({
  /** FSRS target probability of recall at the due date. */
  desiredRetention: z.number().min(0.7).max(0.97).default(0.9),
  newPerDay: z.number().int().min(0).max(9999).default(20),
  maxReviewsPerDay: z.number().int().min(0).max(9999).default(200),
  /** Space-separated steps with units s/m/h/d, e.g. "1m 10m". */
  learningSteps: stepsString('1m 10m'),
  relearningSteps: stepsString('10m'),
  /** Longest interval; for Hard/Good/Easy ts-fsrs may go 1-2 days over it to keep the buttons distinct. */
  maxIntervalDays: z.number().int().min(1).max(36500).default(36500),
  timeZone: z
    .string()
    .default('UTC')
    .refine(isValidTimeZone, { message: 'unknown time zone' }),
  /** Local hour at which a new study day starts (Anki's "next day starts at"). */
  dayRolloverHour: z.number().int().min(0).max(23).default(4),
});

export type ReviewSettings = z.output<typeof reviewSettingsSchema>;
export type ReviewSettingsInput = z.input<typeof reviewSettingsSchema>;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = Object.freeze(reviewSettingsSchema.parse({}));

/** Validates settings (e.g. a form body or a DB row); throws a ZodError when invalid. */
export function parseReviewSettings(input: unknown): ReviewSettings {
  return reviewSettingsSchema.parse(input);
}
