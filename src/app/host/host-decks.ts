import { QUIZ_KIND_VALUES, type QuizKind } from '@/core/game/settings';
import type { SessionUser } from '@/server/auth';
import { db } from '@/server/db';
import { visibleDecksWhere } from '@/server/decks/access';

export interface SectionCounts {
  section: string;
  /** Playable cards of each quiz kind in this section. */
  kinds: Record<QuizKind, number>;
}

export interface HostDeck {
  id: string;
  title: string;
  description: string;
  /** Cards that can be asked in a live room (quiz kinds, not archived, with an answer key). */
  playable: number;
  sections: SectionCounts[];
}

/**
 * Decks a host may run (the same rule host:create applies), with playable-card counts per section
 * and kind so the setup form can say how many questions a choice leaves.
 */
export async function listHostDecks(user: SessionUser): Promise<HostDeck[]> {
  const decks = await db().deck.findMany({
    where: visibleDecksWhere(user),
    select: { id: true, title: true, description: true },
    orderBy: { title: 'asc' },
  });
  const groups = await db().card.groupBy({
    by: ['deckId', 'section', 'kind'],
    where: {
      deckId: { in: decks.map((d) => d.id) },
      archived: false,
      needsAnswerKey: false,
      kind: { in: [...QUIZ_KIND_VALUES] },
    },
    _count: { _all: true },
    _min: { ord: true },
  });
  // why: sections are listed in deck order (where they first appear), as in the study notes.
  groups.sort((a, b) => (a._min.ord ?? 0) - (b._min.ord ?? 0));
  const byDeck = new Map<string, Map<string, SectionCounts>>();
  for (const g of groups) {
    const sections = byDeck.get(g.deckId) ?? new Map<string, SectionCounts>();
    byDeck.set(g.deckId, sections);
    const entry = sections.get(g.section) ?? { section: g.section, kinds: { mcq: 0, multi: 0, tf: 0, type: 0 } };
    entry.kinds[g.kind as QuizKind] += g._count._all;
    sections.set(g.section, entry);
  }
  return decks
    .map((d) => {
      const sections = [...(byDeck.get(d.id)?.values() ?? [])];
      const playable = sections.reduce((n, s) => n + Object.values(s.kinds).reduce((a, b) => a + b, 0), 0);
      return { ...d, playable, sections };
    })
    .filter((d) => d.playable > 0);
}
