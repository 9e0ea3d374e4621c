import Link from 'next/link';
import { BuilderForm } from '@/components/decks/builder-form';
import { currentUser } from '@/server/current-user';

export const metadata = { title: 'Build a deck from a document' };

export default async function BuilderPage() {
  const user = await currentUser();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/decks" className="text-brand-600 hover:underline dark:text-brand-100">
          ← All decks
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">Build a deck from a document</h1>
      {!user ? (
        <p className="card">
          <Link href="/sign-in?next=/decks/builder" className="font-semibold text-brand-600 underline">
            Sign in
          </Link>{' '}
          as an instructor to build decks from study notes.
        </p>
      ) : user.role !== 'instructor' ? (
        <p className="card" role="alert">
          Only instructors can build decks from documents. You can{' '}
          <Link href="/decks/import" className="font-semibold text-brand-600 underline">
            import a CSV/TSV file
          </Link>{' '}
          as your own deck instead.
        </p>
      ) : (
        <BuilderForm />
      )}
    </div>
  );
}
