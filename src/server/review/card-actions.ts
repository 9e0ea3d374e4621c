import { createEmptyCard } from 'ts-fsrs';
import { fromFsrsCard } from '@/core/review';
import { db } from '../db';
import { requireStudyableCard } from './access';
import { dayContext } from './day';
import type { CardScheduleView } from './apply';

type Flags = { suspended?: boolean; buriedUntil?: Date | null };

/** Sets flags on the user's state row for a card, creating a New-state row for a card never studied. */
async function setFlags(userId: string, cardId: string, flags: Flags, now: Date): Promise<CardScheduleView> {
  const card = await requireStudyableCard(userId, cardId);
  const row = await db().cardState.upsert({
    where: { userId_cardId: { userId, cardId } },
    create: { userId, cardId, deckId: card.deckId, ...fromFsrsCard(createEmptyCard(now)), ...flags, version: 1 },
    // why: bump the version so a rating prepared before this change is rejected as stale.
    update: { ...flags, version: { increment: 1 } },
  });
  return {
    cardId,
    version: row.version,
    due: row.due.toISOString(),
    state: row.state as CardScheduleView['state'],
    reps: row.reps,
    lapses: row.lapses,
    suspended: row.suspended,
    leech: row.leech,
  };
}

/** Takes a card out of review until it is unsuspended. */
export const suspendCard = (userId: string, cardId: string, now: Date) => setFlags(userId, cardId, { suspended: true }, now);

/** Puts a suspended card (e.g. a leech) back into review; its leech tag stays. */
export const unsuspendCard = (userId: string, cardId: string, now: Date) =>
  setFlags(userId, cardId, { suspended: false }, now);

/** Hides a card until the user's next study day starts. */
export async function buryCard(userId: string, cardId: string, now: Date): Promise<CardScheduleView & { buriedUntil: string }> {
  const ctx = await dayContext(userId, now);
  const view = await setFlags(userId, cardId, { buriedUntil: ctx.end }, now);
  return { ...view, buriedUntil: ctx.end.toISOString() };
}

/** The user's leech cards (suspended or not), newest first, for a "leeches" list. */
export async function leechCards(userId: string) {
  const rows = await db().cardState.findMany({
    where: { userId, leech: true, card: { archived: false } },
    select: { cardId: true, lapses: true, suspended: true, card: { select: { prompt: true, deckId: true, section: true } } },
    orderBy: { updatedAt: 'desc' },
    take: 200,
  });
  return rows.map((r) => ({
    cardId: r.cardId,
    lapses: r.lapses,
    suspended: r.suspended,
    prompt: r.card.prompt,
    deckId: r.card.deckId,
    section: r.card.section,
  }));
}
