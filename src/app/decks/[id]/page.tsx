import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { DeckBrowser } from '@/components/decks/deck-browser';
import { KindBar } from '@/components/decks/kind-bar';
import { SubscribeButton } from '@/components/decks/subscribe-button';
import { toCardData } from '@/server/decks/card-row';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { getDeckDetail } from '@/server/decks/queries';
import { subscriptionFlags } from '@/server/review';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
// why: the metadata and the page need the same deck; load it once per request.
const loadDeck = cache(async (id: string) => {
  const user = await currentUser();
  return { user, deck: await getDeckDetail(db(), id, user) };
});

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  const { deck } = await loadDeck(id);
  return { title: deck?.title ?? 'Deck not found' };
}

export default async function DeckPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const { deck, user } = await loadDeck(id);
  if (!deck) notFound();
  const subscribed = user ? ((await subscriptionFlags(user.id, [deck.id])).get(deck.id) ?? false) : null;
  const exportBase = `/api/decks/${encodeURIComponent(deck.id)}/export`;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/decks" className="text-brand-600 hover:underline dark:text-brand-100">
          ← All decks
        </Link>
      </nav>
      <header className="card flex flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-3xl font-bold">{deck.title}</h1>
            {deck.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{deck.description}</p>}
          </div>
          <div className="flex flex-wrap items-start gap-2">
            {subscribed !== null && <SubscribeButton deckId={deck.id} subscribed={subscribed} title={deck.title} />}
            {user?.role === 'instructor' && (
              <Link href={`/editor/${encodeURIComponent(deck.id)}`} className="btn btn-secondary py-1.5 text-sm">
                {deck.mine ? 'Edit' : 'Open in editor'}
              </Link>
            )}
            <a href={`${exportBase}?format=json`} className="btn btn-secondary py-1.5 text-sm" download>
              Export JSON
            </a>
            <a href={`${exportBase}?format=csv`} className="btn btn-secondary py-1.5 text-sm" download>
              Export CSV
            </a>
            <a href={`${exportBase}?format=apkg`} className="btn btn-secondary py-1.5 text-sm" download>
              Export to Anki (.apkg)
            </a>
          </div>
        </div>
        <p className="text-sm font-medium">
          {deck.cardCount} cards · {deck.sectionCount} sections
          {deck.source ? <span className="font-normal text-slate-500 dark:text-slate-400"> · built from {deck.source}</span> : null}
        </p>
        <KindBar byKind={deck.byKind} />
      </header>
      <DeckBrowser
        deckId={deck.id}
        cards={deck.cards.map(toCardData)}
        sections={deck.sections}
        initial={{ q: one(sp.q), section: one(sp.section), kind: one(sp.kind) }}
      />
    </div>
  );
}
