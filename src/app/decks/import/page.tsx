import Link from 'next/link';
import { ImportForm } from '@/components/decks/import-form';
import { currentUser } from '@/server/current-user';

export const metadata = { title: 'Import a deck' };

export default async function ImportPage() {
  const user = await currentUser();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/decks" className="text-brand-600 hover:underline dark:text-brand-100">
          ← All decks
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">Import a deck</h1>
      {user ? (
        <ImportForm />
      ) : (
        <p className="card">
          <Link href="/sign-in?next=/decks/import" className="font-semibold text-brand-600 underline">
            Sign in
          </Link>{' '}
          to import an Anki-style CSV or TSV file as your own deck.
        </p>
      )}
    </div>
  );
}
