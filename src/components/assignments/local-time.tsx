'use client';
import { useEffect, useState } from 'react';

const OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

/**
 * A date in the viewer's own time zone. why: the server does not know the browser's zone, so the
 * first render (server and hydration) shows UTC, and an effect then switches to local time.
 */
export function LocalTime({ iso }: { iso: string }) {
  const [text, setText] = useState(() => `${new Date(iso).toLocaleString('en-GB', { ...OPTIONS, timeZone: 'UTC' })} UTC`);
  useEffect(() => {
    setText(new Date(iso).toLocaleString(undefined, OPTIONS));
  }, [iso]);
  return <time dateTime={iso}>{text}</time>;
}
