import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { FsrsPanel } from '@/components/review/fsrs-panel';
import { SettingsForm } from '@/components/review/settings-form';
import { currentUser } from '@/server/current-user';
import { getReviewSettings, hasSavedReviewSettings } from '@/server/review';

export const metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const user = await currentUser();
  if (!user) {
    return (
      <EmptyState title="Settings">
        <Link href="/sign-in" className="font-semibold text-brand-600 underline">Sign in</Link> to change your review settings.
      </EmptyState>
    );
  }
  const [settings, saved] = await Promise.all([getReviewSettings(user.id), hasSavedReviewSettings(user.id)]);
  return (
    <div className="flex flex-col gap-6">
      <SettingsForm initial={settings} saved={saved} />
      <FsrsPanel />
    </div>
  );
}
