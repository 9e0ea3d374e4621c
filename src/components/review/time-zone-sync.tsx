'use client';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/**
 * For a user who never saved settings, adopt the browser's time zone once so "today" (and the
 * daily limits) follow their clock instead of UTC. They can change it on /settings.
 */
export function TimeZoneSync() {
  const router = useRouter();
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone || timeZone === 'UTC') return;
    void fetch('/api/settings/review', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeZone }),
    }).then((r) => {
      if (r.ok) router.refresh();
    });
  }, [router]);
  return null;
}
