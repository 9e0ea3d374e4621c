import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { ReviewHome } from '@/components/review/review-home';
import { TimeZoneSync } from '@/components/review/time-zone-sync';
import { currentUser } from '@/server/current-user';
import { dueCountsForUser, getReviewSettings, hasSavedReviewSettings } from '@/server/review';

export const metadata = { title: 'Review' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const user = await currentUser();
  if (!user) {
    return (
      <EmptyState title="Daily review">
        <Link href="/sign-in" className="font-semibold text-brand-600 underline">Sign in</Link> to study your decks with spaced repetition.
      </EmptyState>
    );
  }
  const [counts, settings, saved] = await Promise.all([
    dueCountsForUser(user.id),
    getReviewSettings(user.id),
    hasSavedReviewSettings(user.id),
  ]);
  return (
    <>
      {!saved && <TimeZoneSync />}
      <ReviewHome counts={counts} timeZone={settings.timeZone} />
    </>
  );
}
