/** Display helpers for reports (fixed UTC formats so server and browser render the same text). */
export function fmtDate(d: Date | string | null): string {
  if (!d) return '—';
  const x = typeof d === 'string' ? new Date(d) : d;
  return `${x.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function fmtDay(d: Date | string | null): string {
  if (!d) return '—';
  return (typeof d === 'string' ? new Date(d) : d).toISOString().slice(0, 10);
}

export function fmtPct(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

export function fmtSeconds(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

/** Tailwind text colour for a 0–1 rate: red below 50%, amber below 75%, green otherwise. */
export function rateTone(rate: number | null): string {
  if (rate === null) return 'text-slate-500';
  if (rate < 0.5) return 'text-red-700 dark:text-red-300';
  if (rate < 0.75) return 'text-amber-700 dark:text-amber-300';
  return 'text-green-700 dark:text-green-300';
}

export function rateFill(pct: number): string {
  if (pct >= 75) return '#15803d';
  if (pct >= 50) return '#ca8a04';
  return '#dc2626';
}
