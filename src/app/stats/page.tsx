import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { StatsView } from '@/components/stats/stats-view';
import { currentUser } from '@/server/current-user';
import { statsForUser } from '@/server/review';

export const metadata = { title: 'Stats' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const user = await currentUser();
  if (!user) {
    return (
      <EmptyState title="Stats">
        <Link href="/sign-in" className="font-semibold text-brand-600 underline">Sign in</Link> to see your review stats.
      </EmptyState>
    );
  }
  return <StatsView stats={await statsForUser(user.id, new Date())} />;
}
