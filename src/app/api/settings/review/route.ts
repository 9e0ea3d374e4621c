import { z } from 'zod';
import { json, parseBody, requireUser } from '@/server/api';
import { getReviewSettings, updateReviewSettings } from '@/server/review';
import { reviewRoute } from '@/server/review/http';

/** Field names and JSON types only; ranges are checked by the core schema after merging. */
const patch = z.strictObject({
  desiredRetention: z.number().optional(),
  newPerDay: z.number().optional(),
  maxReviewsPerDay: z.number().optional(),
  learningSteps: z.string().max(200).optional(),
  relearningSteps: z.string().max(200).optional(),
  maxIntervalDays: z.number().optional(),
  timeZone: z.string().max(100).optional(),
  dayRolloverHour: z.number().optional(),
});

/** GET /api/settings/review — the signed-in user's review settings. */
export const GET = reviewRoute(async (req) => {
  const user = await requireUser(req);
  return json({ settings: await getReviewSettings(user.id) });
});

/** PUT /api/settings/review — updates some or all settings; 400 names the first invalid field. */
export const PUT = reviewRoute(async (req) => {
  const user = await requireUser(req);
  const body = await parseBody(req, patch, 4 * 1024);
  return json({ settings: await updateReviewSettings(user.id, body) });
});
