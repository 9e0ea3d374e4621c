import type { RevlogRow } from '@/core/optimizer';
import { asDate, db, qb, queries } from '../db';

export type RevlogExport = { ok: true; rows: RevlogRow[] } | { ok: false; message: string };

interface LogRow {
  userId: string;
  cardId: string;
  review: Date;
  rating: number;
  state: number;
  durationMs: number;
}

/**
 * Turns review log rows (ordered by user, card, time) into revlog rows. Each (student, card) pair
 * is one card of the revlog, numbered 1, 2, ... by its first review. why: FSRS models one learner's
 * memory of one card; numbers instead of ids keep students and cards anonymous in a pooled export;
 * and numbering by history rather than by database id makes the seeded held-out split, and so the
 * figures, the same for the same history in any database.
 */
function toRevlog(logs: readonly LogRow[]): RevlogRow[] {
  const cards: RevlogRow[][] = [];
  let key = '';
  let current: RevlogRow[] = [];
  let lastTime = -1;
  for (const log of logs) {
    const k = `${log.userId}\u0000${log.cardId}`;
    if (k !== key) {
      key = k;
      current = [];
      cards.push(current);
      lastTime = -1;
    }
    const time = asDate(log.review)!.getTime();
    // why: two ratings in the same millisecond (a double submit from two tabs) would be a duplicate row.
    if (time <= lastTime) continue;
    lastTime = time;
    current.push({ cardId: 0, time, rating: log.rating as RevlogRow['rating'], state: log.state, durationMs: log.durationMs });
  }
  // why stable: two cards first reviewed in the same millisecond keep the query's order.
  const ordered = cards.filter((c) => c.length > 0).sort((a, b) => a[0].time - b[0].time);
  return ordered.flatMap((rows, i) => rows.map((r) => ({ ...r, cardId: i + 1 })));
}

const logs = () => qb().selectFrom('ReviewLog').select(['userId', 'cardId', 'review', 'rating', 'state', 'durationMs']).where('undone', '=', false);

/** One student's history (undone ratings left out). */
export async function revlogForUser(userId: string): Promise<RevlogRow[]> {
  return toRevlog(await queries().all(logs().where('userId', '=', userId).orderBy('cardId').orderBy('review')));
}

/** The pooled history of a class's members, restricted to the class's published decks. */
export async function revlogForClass(classId: string): Promise<RevlogRow[]> {
  const [members, decks] = await Promise.all([
    db().enrollment.findMany({ where: { classId }, select: { userId: true } }),
    db().classDeck.findMany({ where: { classId }, select: { deckId: true } }),
  ]);
  if (members.length === 0 || decks.length === 0) return [];
  const userIds = members.map((m) => m.userId);
  const deckIds = decks.map((d) => d.deckId);
  return toRevlog(
    await queries().all(logs().where('userId', 'in', userIds).where('deckId', 'in', deckIds).orderBy('userId').orderBy('cardId').orderBy('review')),
  );
}

/** For the CLI: everyone's history, one student's (by email) or one class's. */
export async function exportRevlogRows(opts: { userEmail?: string; classId?: string }): Promise<RevlogExport> {
  if (opts.userEmail) {
    const user = await db().user.findUnique({ where: { email: opts.userEmail.toLowerCase() }, select: { id: true } });
    if (!user) return { ok: false, message: `no user with email ${opts.userEmail}` };
    return { ok: true, rows: await revlogForUser(user.id) };
  }
  if (opts.classId) {
    const found = await db().class.findUnique({ where: { id: opts.classId }, select: { id: true } });
    if (!found) return { ok: false, message: `no class with id ${opts.classId}` };
    return { ok: true, rows: await revlogForClass(found.id) };
  }
  return { ok: true, rows: toRevlog(await queries().all(logs().orderBy('userId').orderBy('cardId').orderBy('review'))) };
}
