import { z } from 'zod';
import { json, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { answerQuestion } from '@/server/assignments/assignment-take';

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/assignments/:id/answer { questionIndex, choice } (student with an open attempt): checks
 * the answer on the server and returns right/wrong, the answer and explanation, and the next question.
 */
export const POST = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const body = await parseBody(req, z.unknown(), 4 * 1024);
  return json(await answerQuestion(db(), user, id, body, new Date()));
});
