import Link from 'next/link';

export interface SessionTotals {
  studied: number;
  again: number;
  ms: number;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ${s % 60}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** End-of-session summary. */
export function SessionSummary({ totals, waitUntil }: { totals: SessionTotals; waitUntil: string | null }) {
  return (
    <section className="card mx-auto max-w-xl text-center" aria-labelledby="summary-title">
      <h1 id="summary-title" className="text-2xl font-bold">
        {waitUntil ? 'Nothing more right now' : 'Done for today'}
      </h1>
      {waitUntil && (
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          Learning cards come back at {new Date(waitUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
        </p>
      )}
      <dl className="mt-6 grid grid-cols-3 gap-3" data-testid="session-summary">
        <div className="rounded-lg bg-slate-100 p-3 dark:bg-slate-800">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Cards studied</dt>
          <dd className="text-2xl font-bold">{totals.studied}</dd>
        </div>
        <div className="rounded-lg bg-slate-100 p-3 dark:bg-slate-800">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Again</dt>
          <dd className="text-2xl font-bold">{totals.again}</dd>
        </div>
        <div className="rounded-lg bg-slate-100 p-3 dark:bg-slate-800">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Time</dt>
          <dd className="text-2xl font-bold">{formatDuration(totals.ms)}</dd>
        </div>
      </dl>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/review" className="btn btn-primary">
          Back to review
        </Link>
        <Link href="/stats" className="btn btn-secondary">
          See stats
        </Link>
      </div>
    </section>
  );
}
