import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { conflict, forbidden, notFound } from '../api';
import type { Class } from '@/generated/prisma/client';

/** How a signed-in user relates to a class. */
export type ClassRole = 'owner' | 'member';

export interface ClassAccess {
  cls: Class;
  role: ClassRole;
}

export const CLASS_NOT_FOUND = 'Class not found.';

/**
 * Loads a class the user may see: its owner or an enrolled member. Anyone else gets a 404 with the
 * same message as for a class that does not exist, so ids cannot be probed.
 */
export async function loadClassAccess(prisma: Db, user: SessionUser, classId: string): Promise<ClassAccess> {
  const cls = await prisma.class.findUnique({ where: { id: classId } });
  if (!cls) throw notFound(CLASS_NOT_FOUND);
  if (cls.ownerId === user.id) return { cls, role: 'owner' };
  const enrolled = await prisma.enrollment.findUnique({ where: { classId_userId: { classId, userId: user.id } } });
  if (!enrolled) throw notFound(CLASS_NOT_FOUND);
  return { cls, role: 'member' };
}

/**
 * Loads a class its owner is about to change: members get a 403 (they know the class exists),
 * everyone else a 404. With `allowArchived` false (the default) an archived class is read-only: 409.
 */
export async function loadOwnedClass(
  prisma: Db,
  user: SessionUser,
  classId: string,
  opts: { allowArchived?: boolean } = {},
): Promise<Class> {
  const { cls, role } = await loadClassAccess(prisma, user, classId);
  if (role !== 'owner') throw forbidden('Only the class instructor can do that.');
  if (cls.archived && !opts.allowArchived) throw conflict('This class is archived and read-only.', 'archived');
  return cls;
}
