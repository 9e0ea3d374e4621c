import { z } from 'zod';
import { json, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { createClass, listClasses } from '@/server/classes/class-service';

/** GET /api/classes: the classes the user owns (instructor) or belongs to (student). */
export const GET = route(async (req) => {
  const user = await requireUser(req);
  return json({ classes: await listClasses(db(), user) });
});

/** POST /api/classes { name, term?, allowGuests? } (instructors): creates a class with a join code. */
export const POST = route(async (req) => {
  const user = await requireUser(req);
  const body = await parseBody(req, z.unknown(), 8 * 1024);
  const cls = await createClass(db(), user, body);
  return json({ class: { id: cls.id, name: cls.name, term: cls.term, joinCode: cls.joinCode, allowGuests: cls.allowGuests } }, { status: 201 });
});
