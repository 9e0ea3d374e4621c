import { z } from 'zod';
import { badRequest, json, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { loadClassForInsight, previewWarmup, saveWarmup, WarmupScopeSchema } from '@/server/insight';

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/classes/:id/warmup?count=10[&deckId=sqs&section=A&section=B] (class owner; 404 otherwise):
 * the N quiz cards the class is closest to forgetting now, with their class-average predicted recall.
 */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  await loadClassForInsight(db(), user, id);
  const q = new URL(req.url).searchParams;
  const sections = q.getAll('section');
  const parsed = WarmupScopeSchema.safeParse({
    ...(q.has('count') ? { count: q.get('count') } : {}),
    ...(q.get('deckId') ? { deckId: q.get('deckId') } : {}),
    ...(sections.length ? { sections } : {}),
  });
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? 'Invalid query.');
  return json(await previewWarmup(db(), user, id, parsed.data, new Date()));
});

/**
 * POST /api/classes/:id/warmup { count, deckId?, sections?, title?, as: 'live' | 'assignment', dueAt?, attemptsAllowed? }
 * (class owner): saves the warm-up as a question set; `assignment` also creates the assignment. For
 * `live`, host it with host:create { deckId, classId, questionSetId }.
 */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const body = await parseBody(req, z.unknown(), 16 * 1024);
  return json(await saveWarmup(db(), user, id, body, new Date()), { status: 201 });
});
