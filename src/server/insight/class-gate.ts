/**
 * Who may join a class's live room (room:join): the class's members and its instructor; guests and
 * signed-in non-members only when the class allows guests (Class.allowGuests). Rooms not hosted
 * for a class are open as before.
 */
import type { Db } from '../db';
import type { SessionUser } from '../auth';

export interface JoinRefusal {
  code: 'members_only';
  message: string;
}

/** why: a game's class never changes, so it is looked up once per game, not once per join. */
const classOfGame = new Map<string, Promise<string | null>>();
const MAX_CACHED = 5000;

function classIdFor(prisma: Db, gameId: string): Promise<string | null> {
  let hit = classOfGame.get(gameId);
  if (!hit) {
    hit = prisma.gameSession
      .findUnique({ where: { id: gameId }, select: { classId: true } })
      .then((r) => {
        // why: a room is listed a moment before its row is written; never remember "no row" as "no class".
        if (!r) classOfGame.delete(gameId);
        return r?.classId ?? null;
      })
      .catch((err) => {
        classOfGame.delete(gameId);
        throw err;
      });
    if (classOfGame.size >= MAX_CACHED) classOfGame.delete(classOfGame.keys().next().value!);
    classOfGame.set(gameId, hit);
  }
  return hit;
}

/** Null when `user` (null = guest) may join game `gameId`; the refusal to send otherwise. */
export async function checkClassRoomJoin(prisma: Db, gameId: string, user: SessionUser | null): Promise<JoinRefusal | null> {
  const classId = await classIdFor(prisma, gameId);
  if (!classId) return null;
  // why: allowGuests is read at every join so the instructor can change it while the room is open.
  const cls = await prisma.class.findUnique({ where: { id: classId }, select: { ownerId: true, allowGuests: true } });
  if (!cls) return null;
  if (!user) {
    return cls.allowGuests ? null : { code: 'members_only', message: 'This class session is for class members: sign in with your class account to join.' };
  }
  // why: when guests are welcome, a signed-in outsider could sign out and join anyway; refusing them would only annoy.
  if (cls.ownerId === user.id || cls.allowGuests) return null;
  const enrolled = await prisma.enrollment.findUnique({ where: { classId_userId: { classId, userId: user.id } }, select: { userId: true } });
  return enrolled ? null : { code: 'members_only', message: 'This class session is for class members: join the class with its code first.' };
}
