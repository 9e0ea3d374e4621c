import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { StudySession } from '@/components/review/study-session';
import { currentUser } from '@/server/current-user';
import { requireStudyableDeck } from '@/server/review';

export const metadata = { title: 'Study' };
export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }: { searchParams: Promise<{ deck?: string | string[] }> }) {
  const user = await currentUser();
  if (!user) {
    return (
      <EmptyState title="Study">
        <Link href="/sign-in" className="font-semibold text-brand-600 underline">Sign in</Link> to study.
      </EmptyState>
    );
  }
  const { deck } = await searchParams;
  const deckId = typeof deck === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(deck) ? deck : undefined;
  let title: string | undefined;
  if (deckId) {
    const found = await requireStudyableDeck(user.id, deckId).catch(() => null);
    if (!found) return <EmptyState title="Deck not found">That deck does not exist or is not available to you.</EmptyState>;
    title = found.title;
  }
  return <StudySession deckId={deckId} deckTitle={title} />;
}
