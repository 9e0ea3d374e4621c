import Link from 'next/link';
import { KindBar } from '@/components/decks/kind-bar';
import { SubscribeButton } from '@/components/decks/subscribe-button';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { dueCountsByDeck } from '@/server/decks/due-counts';
import { listDecks } from '@/server/decks/queries';

export const metadata = { title: 'Decks' };

export default async function DecksPage() {
  const user = await currentUser();
  const decks = await listDecks(db(), user);
  const due = user ? await dueCountsByDeck(user.id, decks.map((d) => d.id)) : null;
  const totalCards = decks.reduce((a, d) => a + d.cardCount, 0);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Decks</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {decks.length} decks · {totalCards} cards built from the study notes
            {user ? '. Subscribe to add a deck to your daily review.' : '.'}
          </p>
        </div>
        {user && (
          <div className="flex flex-wrap gap-2">
            <Link href="/decks/import" className="btn btn-secondary">
              Import CSV/TSV
            </Link>
            {user.role === 'instructor' && (
              <Link href="/decks/builder" className="btn btn-secondary">
                Build from a document
              </Link>
            )}
          </div>
        )}
      </div>
      {!user && (
        <p className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900 dark:bg-brand-900/40 dark:text-brand-100">
          <Link href="/sign-in?next=/decks" className="font-semibold underline">
            Sign in
          </Link>{' '}
          to subscribe to decks for your daily review or import your own.
        </p>
      )}
      <ul className="grid gap-4 md:grid-cols-2" aria-label="All decks">
        {decks.map((d) => {
          const counts = due?.get(d.id);
          return (
            <li key={d.id} className="card flex flex-col gap-3" data-testid="deck-item">
              <div className="flex items-start justify-between gap-3">
                <h2 className="text-lg font-bold leading-tight">
                  <Link href={`/decks/${encodeURIComponent(d.id)}`} className="hover:text-brand-600 hover:underline dark:hover:text-brand-100">
                    {d.title}
                  </Link>
                </h2>
                <span className="shrink-0 rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                  {d.builtIn ? 'Built-in' : d.mine ? 'Yours' : `By ${d.ownerName ?? 'an instructor'}`}
                </span>
              </div>
              {d.description && <p className="text-sm text-slate-600 dark:text-slate-400">{d.description}</p>}
              <p className="text-sm font-medium">
                {d.cardCount} cards · {d.sectionCount} {d.sectionCount === 1 ? 'section' : 'sections'}
              </p>
              <KindBar byKind={d.byKind} />
              {user && (
                <div className="mt-auto flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3 dark:border-slate-800">
                  <SubscribeButton deckId={d.id} subscribed={d.subscribed ?? false} title={d.title} />
                  {d.subscribed && counts && (
                    <p className="text-sm" data-testid="due-counts">
                      <span className="font-semibold text-brand-600 dark:text-brand-100">{counts.due}</span> due ·{' '}
                      <span className="font-semibold">{counts.new}</span> new
                    </p>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
