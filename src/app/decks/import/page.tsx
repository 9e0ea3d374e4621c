import Link from 'next/link';
import { ImportForm } from '@/components/decks/import-form';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { listOwnDecks } from '@/server/decks/queries';

export const metadata = { title: 'Import a deck' };

export default async function ImportPage() {
  const user = await currentUser();
  const ownDecks = user ? await listOwnDecks(db(), user.id) : [];
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/decks" className="text-brand-600 hover:underline dark:text-brand-100">
          ← All decks
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">Import a deck</h1>
      {user ? (
        <ImportForm ownDecks={ownDecks} />
      ) : (
        <p className="card">
          <Link href="/sign-in?next=/decks/import" className="font-semibold text-brand-600 underline">
            Sign in
          </Link>{' '}
          to import an Anki package, an Anki text export or a deck exported from here as your own deck.
        </p>
      )}
    </div>
  );
}
