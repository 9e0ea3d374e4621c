'use client';

const OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

/**
 * A date in the viewer's own time zone. why: the server does not know the browser's zone, so it
 * renders UTC and the browser re-renders in local time (the text differs, hence the warning opt-out).
 */
export function LocalTime({ iso }: { iso: string }) {
  const d = new Date(iso);
  const text = typeof window === 'undefined' ? `${d.toLocaleString('en-GB', { ...OPTIONS, timeZone: 'UTC' })} UTC` : d.toLocaleString(undefined, OPTIONS);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
