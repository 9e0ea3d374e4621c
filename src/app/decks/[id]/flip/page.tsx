import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FlipDeck } from '@/components/decks/flip-deck';
import { toCardData } from '@/server/decks/card-row';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { getDeckDetail } from '@/server/decks/queries';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { title: 'Flip through' };

/** Read-only flip-through of a deck (optionally one section); writes nothing, schedules nothing. */
export default async function FlipPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const deck = await getDeckDetail(db(), id, await currentUser());
  if (!deck) notFound();
  const section = typeof sp.section === 'string' && deck.sections.some((s) => s.name === sp.section) ? sp.section : '';
  const cards = deck.cards.filter((c) => !section || c.section === section).map(toCardData);
  const deckHref = `/decks/${encodeURIComponent(deck.id)}`;
  const backHref = section ? `${deckHref}?section=${encodeURIComponent(section)}` : deckHref;

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={backHref} className="text-brand-600 hover:underline dark:text-brand-100">
          ← {deck.title}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">
        {deck.title}
        {section && <span className="block text-base font-medium text-slate-600 dark:text-slate-400">{section}</span>}
      </h1>
      <FlipDeck deckId={deck.id} cards={cards} backHref={backHref} />
    </div>
  );
}
