import { CARD_KINDS, type CardKind } from '@/core/decks/card-types';
import type { SessionUser } from '../auth';
import type { Db } from '../db';
import { visibleDecksWhere } from './access';
import { CARD_ROW_SELECT, rowToCard, toDeckData, type StoredCard } from './card-row';
import type { DeckData } from '@/core/decks/card-types';

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  builtIn: boolean;
  /** True when the signed-in user owns the deck. */
  mine: boolean;
  ownerName: string | null;
  cardCount: number;
  byKind: Record<CardKind, number>;
  sectionCount: number;
  /** null for guests. */
  subscribed: boolean | null;
}

export interface DeckDetail extends Omit<DeckSummary, 'subscribed'> {
  source: string | null;
  /** Sections in deck order, each with its card count. */
  sections: { name: string; count: number }[];
  cards: StoredCard[];
}

const emptyKinds = () => Object.fromEntries(CARD_KINDS.map((k) => [k, 0])) as Record<CardKind, number>;

/** Every deck the user may see, built-in first, with counts of live (not archived) cards. */
export async function listDecks(prisma: Db, user: SessionUser | null): Promise<DeckSummary[]> {
  const decks = await prisma.deck.findMany({
    where: visibleDecksWhere(user),
    orderBy: [{ builtIn: 'desc' }, { title: 'asc' }],
    select: { id: true, title: true, description: true, builtIn: true, ownerId: true, owner: { select: { name: true } } },
  });
  const ids = decks.map((d) => d.id);
  const [kinds, sections, subs] = await Promise.all([
    prisma.card.groupBy({ by: ['deckId', 'kind'], where: { deckId: { in: ids }, archived: false }, _count: { _all: true } }),
    prisma.card.groupBy({ by: ['deckId', 'section'], where: { deckId: { in: ids }, archived: false } }),
    user
      ? prisma.deckSubscription.findMany({ where: { userId: user.id, deckId: { in: ids } }, select: { deckId: true } })
      : Promise.resolve([]),
  ]);
  const subscribed = new Set(subs.map((s) => s.deckId));
  return decks.map((d) => {
    const byKind = emptyKinds();
    for (const k of kinds) if (k.deckId === d.id && k.kind in byKind) byKind[k.kind as CardKind] += k._count._all;
    return {
      id: d.id,
      title: d.title,
      description: d.description,
      builtIn: d.builtIn,
      mine: user !== null && d.ownerId === user.id,
      ownerName: d.builtIn ? null : (d.owner?.name ?? null),
      cardCount: Object.values(byKind).reduce((a, b) => a + b, 0),
      byKind,
      sectionCount: sections.filter((s) => s.deckId === d.id).length,
      subscribed: user ? subscribed.has(d.id) : null,
    };
  });
}

/** One deck with its live cards in deck order, or null when it does not exist or is not visible. */
export async function getDeckDetail(prisma: Db, id: string, user: SessionUser | null): Promise<DeckDetail | null> {
  const deck = await prisma.deck.findFirst({
    where: { AND: [{ id }, visibleDecksWhere(user)] },
    select: {
      id: true,
      title: true,
      description: true,
      builtIn: true,
      ownerId: true,
      sourceDoc: true,
      owner: { select: { name: true } },
      cards: { where: { archived: false }, orderBy: { ord: 'asc' }, select: CARD_ROW_SELECT },
    },
  });
  if (!deck) return null;
  const cards = deck.cards.map(rowToCard);
  const byKind = emptyKinds();
  const sectionCounts = new Map<string, number>();
  for (const c of cards) {
    byKind[c.kind] += 1;
    sectionCounts.set(c.section, (sectionCounts.get(c.section) ?? 0) + 1);
  }
  return {
    id: deck.id,
    title: deck.title,
    description: deck.description,
    builtIn: deck.builtIn,
    mine: user !== null && deck.ownerId === user.id,
    ownerName: deck.builtIn ? null : (deck.owner?.name ?? null),
    source: deck.sourceDoc,
    cardCount: cards.length,
    byKind,
    sectionCount: sectionCounts.size,
    sections: [...sectionCounts].map(([name, count]) => ({ name, count })),
    cards,
  };
}

/** The deck as the core exporters expect it (live cards only), or null when not visible. */
export async function getDeckData(prisma: Db, id: string, user: SessionUser | null): Promise<DeckData | null> {
  const detail = await getDeckDetail(prisma, id, user);
  if (!detail) return null;
  return toDeckData({ id: detail.id, title: detail.title, description: detail.description, sourceDoc: detail.source }, detail.cards);
}

/** The user's own decks (id, title), for choosing which one an import updates. */
export async function listOwnDecks(prisma: Db, userId: string): Promise<{ id: string; title: string }[]> {
  return prisma.deck.findMany({ where: { ownerId: userId, builtIn: false }, orderBy: { title: 'asc' }, select: { id: true, title: true } });
}
