import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { listEditorDecks } from '@/server/deck-editor/deck-editor-service';
import { NewDeckForm } from '@/components/editor/new-deck-form';
import { DuplicateButton } from '@/components/editor/duplicate-button';

export const metadata = { title: 'Deck editor' };

export default async function EditorPage() {
  const user = await currentUser();
  if (!user) redirect('/sign-in?next=/editor');
  if (user.role !== 'instructor') {
    return (
      <div className="card mx-auto max-w-xl text-center">
        <h1 className="text-2xl font-bold">Deck editor</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">The deck editor is for instructor accounts.</p>
      </div>
    );
  }
  const { own, builtIn } = await listEditorDecks(db(), user);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Deck editor</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Write and fix cards in your own decks. Decks you save from the{' '}
          <Link href="/decks/builder" className="underline">
            builder
          </Link>{' '}
          or an import show up here too.
        </p>
      </div>
      <NewDeckForm />
      <section aria-labelledby="own-heading" className="flex flex-col gap-3">
        <h2 id="own-heading" className="text-xl font-bold">
          Your decks
        </h2>
        {own.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No decks yet. Create one above or duplicate a built-in deck below.</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2" aria-label="Your decks">
            {own.map((d) => (
              <li key={d.id} className="card flex flex-col gap-1 p-4">
                <Link href={`/editor/${d.id}`} className="text-lg font-bold hover:text-brand-600 hover:underline dark:hover:text-brand-100">
                  {d.title}
                </Link>
                {d.description && <p className="text-sm text-slate-600 dark:text-slate-400">{d.description}</p>}
                <p className="text-sm">{d.cardCount} cards</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="builtin-heading" className="flex flex-col gap-3">
        <h2 id="builtin-heading" className="text-xl font-bold">
          Built-in decks <span className="text-base font-normal text-slate-500">(read-only)</span>
        </h2>
        <ul className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800" aria-label="Built-in decks">
          {builtIn.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <Link href={`/editor/${d.id}`} className="font-medium hover:underline">
                {d.title} <span className="text-sm font-normal text-slate-500">· {d.cardCount} cards</span>
              </Link>
              <DuplicateButton deckId={d.id} title={d.title} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
