'use client';
import Link from 'next/link';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { CARD_KINDS, type CardData, type CardKind } from '@/core/decks/card-types';
import { clozeAnswer } from '@/core/decks/cloze';
import { CardView } from './card-view';
import { KIND_LABELS } from './kinds';

interface Props {
  deckId: string;
  cards: CardData[];
  sections: { name: string; count: number }[];
  initial: { q: string; section: string; kind: string };
}

function haystack(c: CardData): string {
  return [clozeAnswer(c.prompt), c.answer, c.explanation ?? '', ...(c.options ?? [])].join('\n').toLowerCase();
}

/** Search and filters over a deck's cards; the filters live in the URL so a link or reload keeps them. */
export function DeckBrowser({ deckId, cards, sections, initial }: Props) {
  const [q, setQ] = useState(initial.q);
  const [section, setSection] = useState(sections.some((s) => s.name === initial.section) ? initial.section : '');
  const [kind, setKind] = useState<CardKind | ''>((CARD_KINDS as readonly string[]).includes(initial.kind) ? (initial.kind as CardKind) : '');
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const query = useDeferredValue(q.trim().toLowerCase());
  const texts = useMemo(() => cards.map(haystack), [cards]);
  const kinds = useMemo(() => CARD_KINDS.filter((k) => cards.some((c) => c.kind === k)), [cards]);

  const shown = useMemo(
    () =>
      cards.filter(
        (c, i) => (!section || c.section === section) && (!kind || c.kind === kind) && (!query || texts[i].includes(query)),
      ),
    [cards, texts, section, kind, query],
  );

  useEffect(() => {
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (section) params.set('section', section);
    if (kind) params.set('kind', kind);
    const search = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
  }, [q, section, kind]);

  const flipHref = `/decks/${encodeURIComponent(deckId)}/flip${section ? `?section=${encodeURIComponent(section)}` : ''}`;

  return (
    <section aria-label="Cards" className="flex flex-col gap-4" data-ready={ready}>
      <form role="search" className="card grid gap-3 p-4 sm:grid-cols-[2fr_2fr_1fr]" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Search cards
          <input type="search" className="field" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. visibility timeout" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Section
          <select className="field" value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">All sections ({sections.length})</option>
            {sections.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} ({s.count})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Kind
          <select className="field" value={kind} onChange={(e) => setKind(e.target.value as CardKind | '')}>
            <option value="">All kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400" data-testid="shown-count">
          Showing {shown.length} of {cards.length} cards
        </p>
        <Link href={flipHref} className="btn btn-primary">
          Flip through{section ? ' this section' : ''}
        </Link>
      </div>
      {shown.length === 0 ? (
        <p className="card text-center text-slate-600 dark:text-slate-400">No cards match. Clear the search or pick another section.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {shown.map((c) => (
            <CardView key={c.key} card={c} />
          ))}
        </div>
      )}
    </section>
  );
}
