/**
 * Reports and insight are for the class's instructor only. Everyone else, members included, gets
 * the same 404 as for a class that does not exist: a report names students and their scores, and
 * a member has no business probing which reports exist.
 */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { notFound } from '../api';
import type { Class } from '@/generated/prisma/client';

export const REPORT_NOT_FOUND = 'Class not found.';

/** The class when `user` owns it (archived classes included: their reports stay readable); 404 otherwise. */
export async function loadClassForInsight(prisma: Db, user: SessionUser, classId: string): Promise<Class> {
  const cls = classId.length <= 64 ? await prisma.class.findUnique({ where: { id: classId } }) : null;
  if (!cls || cls.ownerId !== user.id) throw notFound(REPORT_NOT_FOUND);
  return cls;
}

export interface RosterStudent {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
}

/** Enrolled students, by name. */
export async function loadRoster(prisma: Db, classId: string): Promise<RosterStudent[]> {
  const rows = await prisma.enrollment.findMany({
    where: { classId },
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows
    .map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, joinedAt: r.joinedAt }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/** The class's published decks, in the order they were published. */
export async function loadClassDecks(prisma: Db, classId: string): Promise<Array<{ id: string; title: string; sourceDoc: string | null }>> {
  const rows = await prisma.classDeck.findMany({
    where: { classId },
    orderBy: [{ publishedAt: 'asc' }, { deckId: 'asc' }],
    select: { deck: { select: { id: true, title: true, sourceDoc: true } } },
  });
  return rows.map((r) => r.deck);
}
