import {
  DEFAULT_REVIEW_SETTINGS,
  reviewSettingsSchema,
  type ReviewSettings,
  type SchedulerSettings,
} from '@/core/review';
import { db } from '../db';
import { ReviewError } from './errors';
import { activeFsrsParams } from './fsrs-params';
import { invalidateEverywhere, onInvalidate } from '../redis/invalidation';

/**
 * why: settings are read on every queue/rate request and change rarely. A change made in this
 * process clears its entry (updateReviewSettings, forgetReviewSettings); entries also expire after
 * a few seconds, because with PostgreSQL several server processes may share the database and a
 * change made in another one reaches this one only by reading it again. With REDIS_URL (several
 * nodes) a change is also sent to every other node, which drops its entry at once
 * (redis/invalidation.ts); the expiry stays as the bound when a message is lost.
 */
const globalCache = globalThis as unknown as { __reviewSettingsCache?: Map<string, { settings: SchedulerSettings; at: number }> };
const cache = (globalCache.__reviewSettingsCache ??= new Map());
const MAX_CACHED = 10_000;
const FRESH_MS = 5_000;
const CACHE = 'review-settings';
onInvalidate(CACHE, (userId) => (userId ? cache.delete(userId) : cache.clear()));

/**
 * THE review settings loader (the review screen, quiz answers, stats, the Anki import all use it):
 * the user's settings (defaults when they never saved any), with the FSRS-6 parameters that
 * schedule them in `w` (absent: ts-fsrs's defaults).
 */
export async function getReviewSettings(userId: string): Promise<SchedulerSettings> {
  const hit = cache.get(userId);
  if (hit && Date.now() - hit.at < FRESH_MS) return { ...hit.settings };
  const [fields, active] = await Promise.all([loadSettings(userId), activeFsrsParams(userId)]);
  const settings: SchedulerSettings = active.w ? { ...fields, w: active.w } : fields;
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(userId, { settings, at: Date.now() });
  return { ...settings };
}

async function loadSettings(userId: string): Promise<ReviewSettings> {
  const row = await db().userSettings.findUnique({ where: { userId } });
  if (!row) return { ...DEFAULT_REVIEW_SETTINGS };
  const { userId: _owner, ...fields } = row;
  // why: a row written by an older version (or a time zone this runtime no longer knows) must not
  // lock the user out of their review; fall back field by field to the defaults.
  const parsed = reviewSettingsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const fixed: Record<string, unknown> = { ...fields };
  for (const issue of parsed.error.issues) delete fixed[String(issue.path[0])];
  return reviewSettingsSchema.parse(fixed);
}

/**
 * Updates some settings. The patch is merged over the current settings and the whole result is
 * validated, so errors name the field ("desiredRetention: Too big: expected number to be <=0.97").
 */
export async function updateReviewSettings(userId: string, patch: Record<string, unknown>): Promise<ReviewSettings> {
  const current = await getReviewSettings(userId);
  const parsed = reviewSettingsSchema.safeParse({ ...current, ...patch });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ReviewError(400, 'invalid_settings', `${where}${issue?.message ?? 'invalid settings'}`);
  }
  const data = parsed.data;
  await db().userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  cache.delete(userId);
  invalidateEverywhere(CACHE, userId);
  return data;
}

/** Drops cached settings after an FSRS parameter change (one user, or everyone after a class change). */
export function forgetReviewSettings(userId?: string): void {
  if (userId) cache.delete(userId);
  else cache.clear();
  invalidateEverywhere(CACHE, userId ?? null);
}

/** Whether the user ever saved settings (if not, the UI offers the browser's time zone). */
export async function hasSavedReviewSettings(userId: string): Promise<boolean> {
  return (await db().userSettings.count({ where: { userId } })) > 0;
}
