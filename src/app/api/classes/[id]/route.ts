import { z } from 'zod';
import { json, parseBody, requireUser, route } from '@/server/api';
import { db } from '@/server/db';
import { getClassDetail, updateClass } from '@/server/classes/class-service';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/classes/:id: class, roster (owner), published decks. 404 unless owner or member. */
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  return json({ class: await getClassDetail(db(), user, id) });
});

/** PATCH /api/classes/:id { name?, term?, allowGuests?, archived? } (owner). */
export const PATCH = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const { id } = await params;
  const body = await parseBody(req, z.unknown(), 8 * 1024);
  const cls = await updateClass(db(), user, id, body);
  return json({ class: { id: cls.id, name: cls.name, term: cls.term, archived: cls.archived, allowGuests: cls.allowGuests } });
});
