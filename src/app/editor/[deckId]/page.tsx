import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { HttpError } from '@/server/api';
import { getEditorDeck } from '@/server/deck-editor/deck-editor-service';
import { DeckEditor } from '@/components/editor/deck-editor';

export const metadata = { title: 'Edit deck' };

type Props = { params: Promise<{ deckId: string }> };

export default async function EditDeckPage({ params }: Props) {
  const { deckId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/editor/${deckId}`)}`);
  if (user.role !== 'instructor') redirect('/editor');
  let deck;
  try {
    deck = await getEditorDeck(db(), user, decodeURIComponent(deckId));
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  }
  return (
    <div className="flex flex-col gap-3">
      <Link href="/editor" className="text-sm text-slate-600 hover:underline dark:text-slate-400">
        ← Deck editor
      </Link>
      <DeckEditor deck={JSON.parse(JSON.stringify(deck))} />
    </div>
  );
}
