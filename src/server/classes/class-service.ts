/**
 * Classes: create, list, join by code, roster, settings and archive. Every function takes the
 * Prisma client and the signed-in user, checks authorization itself and throws HttpError
 * (see src/server/api.ts), so route handlers and server components can both call it.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { badRequest, conflict, forbidden, notFound } from '../api';
import { checkInput } from './check-input';
import { generateJoinCode, normalizeJoinCode } from './join-code';
import { loadClassAccess, loadOwnedClass, type ClassRole } from './access';

export const ClassCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required.').max(80, 'Name is at most 80 characters.'),
    term: z.string().trim().max(40, 'Term is at most 40 characters.').optional(),
    allowGuests: z.boolean().optional(),
  })
  .strict();

export const ClassUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    term: z.string().trim().max(40).nullable().optional(),
    allowGuests: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .strict();

export interface ClassSummary {
  id: string;
  name: string;
  term: string | null;
  archived: boolean;
  role: ClassRole;
  ownerName: string;
  memberCount: number;
  /** Only for the owner. */
  joinCode?: string;
}

/** Creates a class owned by an instructor, with a fresh unique join code. */
export async function createClass(prisma: Db, user: SessionUser, input: unknown) {
  if (user.role !== 'instructor') throw forbidden('Only instructors can create classes.');
  const data = checkInput(ClassCreateSchema, input);
  // why: 31^6 ≈ 887M codes, so a clash is rare; retry on the unique index rather than pre-checking (racy).
  for (let i = 0; i < 8; i++) {
    const joinCode = generateJoinCode((n) => crypto.randomInt(n));
    try {
      return await prisma.class.create({
        data: { name: data.name, term: data.term || null, allowGuests: data.allowGuests ?? false, ownerId: user.id, joinCode },
      });
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002') throw err;
    }
  }
  throw new Error('could not find a free join code');
}

/** Classes the user owns (instructor) or belongs to (student), newest first; archived ones last. */
export async function listClasses(prisma: Db, user: SessionUser): Promise<ClassSummary[]> {
  const rows = await prisma.class.findMany({
    where: { OR: [{ ownerId: user.id }, { enrollments: { some: { userId: user.id } } }] },
    include: { owner: { select: { name: true } }, _count: { select: { enrollments: true } } },
    orderBy: [{ archived: 'asc' }, { createdAt: 'desc' }],
  });
  return rows.map((c) => {
    const role: ClassRole = c.ownerId === user.id ? 'owner' : 'member';
    return {
      id: c.id,
      name: c.name,
      term: c.term,
      archived: c.archived,
      role,
      ownerName: c.owner.name,
      memberCount: c._count.enrollments,
      ...(role === 'owner' ? { joinCode: c.joinCode } : {}),
    };
  });
}

/** What /classes/[id] shows: the class, the viewer's role, roster (owner only) and published decks. */
export async function getClassDetail(prisma: Db, user: SessionUser, classId: string) {
  const { cls, role } = await loadClassAccess(prisma, user, classId);
  const [owner, members, decks] = await Promise.all([
    prisma.user.findUnique({ where: { id: cls.ownerId }, select: { name: true } }),
    prisma.enrollment.findMany({
      where: { classId },
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { joinedAt: 'asc' },
    }),
    prisma.classDeck.findMany({
      where: { classId },
      include: { deck: { select: { id: true, title: true, description: true, builtIn: true, _count: { select: { cards: { where: { archived: false } } } } } } },
      orderBy: { publishedAt: 'asc' },
    }),
  ]);
  return {
    id: cls.id,
    name: cls.name,
    term: cls.term,
    archived: cls.archived,
    allowGuests: cls.allowGuests,
    role,
    ownerName: owner?.name ?? '',
    memberCount: members.length,
    // why: students see the class, not each other's names and emails.
    joinCode: role === 'owner' ? cls.joinCode : undefined,
    members:
      role === 'owner'
        ? members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt }))
        : [],
    decks: decks.map((d) => ({
      id: d.deck.id,
      title: d.deck.title,
      description: d.deck.description,
      builtIn: d.deck.builtIn,
      cardCount: d.deck._count.cards,
      publishedAt: d.publishedAt,
    })),
  };
}

/** A class as seen through its join code (for the join page), or null. Archived classes do not accept members. */
export async function findClassByCode(prisma: Db, rawCode: string) {
  const code = normalizeJoinCode(rawCode);
  if (!code) return null;
  const cls = await prisma.class.findUnique({ where: { joinCode: code }, include: { owner: { select: { name: true } } } });
  if (!cls || cls.archived) return null;
  return { id: cls.id, name: cls.name, term: cls.term, ownerName: cls.owner.name, ownerId: cls.ownerId };
}

/** Enrols a student by join code; joining twice is a no-op that returns the class. */
export async function joinClass(prisma: Db, user: SessionUser, rawCode: string) {
  if (user.role !== 'student') throw forbidden('Only student accounts join classes.');
  const cls = await findClassByCode(prisma, rawCode);
  if (!cls) throw notFound('No active class has that code. Check the code with your instructor.');
  await prisma.enrollment.upsert({
    where: { classId_userId: { classId: cls.id, userId: user.id } },
    create: { classId: cls.id, userId: user.id },
    update: {},
  });
  return { id: cls.id, name: cls.name };
}

/**
 * Removes a member. The owner may remove anyone; a member may remove only themselves (leave).
 * Their answers and attempts stay for the class reports.
 */
export async function removeMember(prisma: Db, user: SessionUser, classId: string, memberId: string) {
  const { cls, role } = await loadClassAccess(prisma, user, classId);
  if (role !== 'owner' && memberId !== user.id) throw forbidden('Only the class instructor can remove students.');
  if (cls.archived) throw conflict('This class is archived and read-only.', 'archived');
  const res = await prisma.enrollment.deleteMany({ where: { classId, userId: memberId } });
  if (res.count === 0) throw notFound('That student is not in this class.');
}

/** Renames, changes the guest setting, archives or restores a class (owner only). */
export async function updateClass(prisma: Db, user: SessionUser, classId: string, input: unknown) {
  const cls = await loadOwnedClass(prisma, user, classId, { allowArchived: true });
  const patch = checkInput(ClassUpdateSchema, input);
  const onlyRestoring = Object.keys(patch).every((k) => k === 'archived');
  // why: an archived class is read-only; the one change allowed is taking it out of the archive.
  if (cls.archived && !(onlyRestoring && patch.archived === false)) {
    throw conflict('This class is archived and read-only. Restore it first.', 'archived');
  }
  if (Object.keys(patch).length === 0) throw badRequest('Nothing to change.');
  return prisma.class.update({
    where: { id: classId },
    data: {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.term !== undefined ? { term: patch.term || null } : {}),
      ...(patch.allowGuests !== undefined ? { allowGuests: patch.allowGuests } : {}),
      ...(patch.archived !== undefined ? { archived: patch.archived } : {}),
    },
  });
}
