/**
 * A saved QuestionSet (e.g. a warm-up) as something a live room can be hosted from: host:create
 * with `questionSetId` plays exactly these cards. Only the set's owner may use it, and only cards
 * of decks they may see (visibleDecksWhere) are kept, in the set's order.
 */
import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { visibleDecksWhere } from '../decks/access';
import { CARD_ROW_SELECT, rowToCard } from '../decks/card-row';
import type { HostableDeck } from '../games';

export async function loadQuestionSetDeck(prisma: Db, user: SessionUser, questionSetId: string): Promise<HostableDeck | null> {
  const set = await prisma.questionSet.findUnique({ where: { id: questionSetId } });
  if (!set || set.ownerId !== user.id) return null;
  const ids = Array.isArray(set.cardIds) ? set.cardIds.filter((x): x is string => typeof x === 'string') : [];
  const rows = await prisma.card.findMany({
    where: { id: { in: ids }, archived: false, deck: visibleDecksWhere(user) },
    select: { ...CARD_ROW_SELECT, deckId: true },
  });
  if (rows.length === 0) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const counts = new Map<string, number>();
  for (const r of ordered) counts.set(r.deckId, (counts.get(r.deckId) ?? 0) + 1);
  // why: GameSession.deckId must name a real deck; the one most cards come from describes the game best.
  const deckId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { id: deckId, title: set.title, cards: ordered.map(({ deckId: _d, ...row }) => rowToCard(row)) };
}
