import { z } from 'zod';
import { json, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { joinClass } from '@/server/classes/class-service';

const JoinSchema = z.object({ code: z.string().min(1, 'Enter the class code.').max(20) }).strict();

/** POST /api/classes/join { code } (students): enrols the user; joining twice is fine. */
export const POST = route(async (req) => {
  const user = await requireUser(req);
  const { code } = await parseBody(req, JoinSchema, 1024);
  return json({ class: await joinClass(db(), user, code) });
});
