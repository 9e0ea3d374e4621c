import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { conflict, forbidden, notFound } from '../api';
import type { Assignment, Class } from '@/generated/prisma/client';
import type { Question } from '@/core/game';
import type { ClassRole } from '../classes/access';

export const ASSIGNMENT_NOT_FOUND = 'Assignment not found.';

export interface AssignmentAccess {
  assignment: Assignment;
  questions: Question[];
  cls: Class;
  role: ClassRole;
}

/**
 * Loads an assignment for its class's owner or a member; anyone else gets the same 404 as for a
 * missing assignment.
 */
export async function loadAssignmentAccess(prisma: Db, user: SessionUser, assignmentId: string): Promise<AssignmentAccess> {
  const assignment = await prisma.assignment.findUnique({ where: { id: assignmentId }, include: { class: true } });
  if (!assignment) throw notFound(ASSIGNMENT_NOT_FOUND);
  const { class: cls, ...rest } = assignment;
  let role: ClassRole;
  if (cls.ownerId === user.id) role = 'owner';
  else {
    const enrolled = await prisma.enrollment.findUnique({ where: { classId_userId: { classId: cls.id, userId: user.id } } });
    if (!enrolled) throw notFound(ASSIGNMENT_NOT_FOUND);
    role = 'member';
  }
  return { assignment: rest, questions: rest.questions as unknown as Question[], cls, role };
}

/** For actions only a student in the class takes (start, answer, submit); the class must be active. */
export async function loadAssignmentForStudent(prisma: Db, user: SessionUser, assignmentId: string) {
  const access = await loadAssignmentAccess(prisma, user, assignmentId);
  if (access.role !== 'member') throw forbidden('Only students in the class take assignments.');
  if (access.cls.archived) throw conflict('This class is archived and read-only.', 'archived');
  return access;
}

/** For actions only the class's instructor takes (delete, overview). */
export async function loadAssignmentForOwner(prisma: Db, user: SessionUser, assignmentId: string, opts: { write?: boolean } = {}) {
  const access = await loadAssignmentAccess(prisma, user, assignmentId);
  if (access.role !== 'owner') throw forbidden('Only the class instructor can do that.');
  if (opts.write && access.cls.archived) throw conflict('This class is archived and read-only.', 'archived');
  return access;
}
