/** A class session's report: the game report (src/server/games) checked against the class. */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { notFound } from '../api';
import { getGameReport, type GameReport } from '../games';
import { loadClassForInsight, loadRoster } from './access';

export interface ClassSessionReport {
  classId: string;
  className: string;
  report: GameReport;
  /** Player id → the class member they are (signed-in members only). */
  members: Record<string, { userId: string; name: string }>;
}

export async function getClassSessionReport(prisma: Db, user: SessionUser, classId: string, gameId: string): Promise<ClassSessionReport> {
  const cls = await loadClassForInsight(prisma, user, classId);
  const report = gameId.length <= 64 ? await getGameReport(gameId) : null;
  // why: a game of another class (or none) answers like a missing one.
  if (!report || report.classId !== cls.id) throw notFound('No such session in this class.');
  const roster = new Map((await loadRoster(prisma, cls.id)).map((s) => [s.userId, s]));
  const members: ClassSessionReport['members'] = {};
  for (const p of report.players) {
    const s = p.userId ? roster.get(p.userId) : undefined;
    if (s) members[p.id] = { userId: s.userId, name: s.name };
  }
  return { classId: cls.id, className: cls.name, report, members };
}
