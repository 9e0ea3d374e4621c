import Link from 'next/link';
import type { DueCounts } from '@/server/review/counts';

function Count({ n, label, tone }: { n: number; label: string; tone: string }) {
  return (
    <span className={`inline-flex min-w-10 justify-end font-semibold tabular-nums ${n === 0 ? 'text-slate-400 dark:text-slate-600' : tone}`}>
      <span className="sr-only">{label}: </span>
      {n}
    </span>
  );
}

const NEW = 'text-sky-700 dark:text-sky-300';
const LEARN = 'text-amber-700 dark:text-amber-300';
const REVIEW = 'text-emerald-700 dark:text-emerald-300';

function when(iso: string, timeZone: string): string {
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** The /review overview: today's counts per subscribed deck and in total. */
export function ReviewHome({ counts, timeZone }: { counts: DueCounts; timeZone: string }) {
  const { total, decks } = counts;
  if (decks.length === 0) {
    return (
      <section className="card mx-auto max-w-xl text-center">
        <h1 className="text-2xl font-bold">Daily review</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          You are not studying any decks yet. Subscribe to a deck and its cards will show up here, a few new ones each day.
        </p>
        <Link href="/decks" className="btn btn-primary mt-4">
          Browse decks
        </Link>
      </section>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <section className="card flex flex-col gap-4 sm:flex-row sm:items-center">
        <div className="flex-1">
          <h1 className="text-2xl font-bold">Daily review</h1>
          {total.total > 0 ? (
            <p className="mt-1 text-slate-600 dark:text-slate-400" data-testid="review-total">
              <strong className="text-slate-900 dark:text-slate-100">{total.total}</strong> cards to study today:{' '}
              <span className={NEW}>{total.new} new</span>, <span className={LEARN}>{total.learning} learning</span>,{' '}
              <span className={REVIEW}>{total.review} to review</span>.
            </p>
          ) : (
            <p className="mt-1 text-slate-600 dark:text-slate-400" data-testid="review-total">
              All done for today.
              {counts.nextDueAt ? ` The next card is due ${when(counts.nextDueAt, timeZone)}.` : ''}
            </p>
          )}
        </div>
        {total.total > 0 && (
          <Link href="/review/study" className="btn btn-primary min-h-12 px-6 text-lg">
            Study now
          </Link>
        )}
      </section>

      <section className="card overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Cards left today per deck</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-3">Deck</th>
              <th scope="col" className="px-2 py-3 text-right">New</th>
              <th scope="col" className="px-2 py-3 text-right">Learn</th>
              <th scope="col" className="px-2 py-3 text-right">Due</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">Study</span></th>
            </tr>
          </thead>
          <tbody>
            {decks.map((d) => {
              const n = d.new + d.learning + d.review;
              return (
                <tr key={d.deckId} className="border-b border-slate-100 last:border-0 dark:border-slate-800" data-testid="deck-row">
                  <th scope="row" className="px-4 py-3 font-medium">{d.title}</th>
                  <td className="px-2 py-3 text-right"><Count n={d.new} label="new" tone={NEW} /></td>
                  <td className="px-2 py-3 text-right"><Count n={d.learning} label="learning" tone={LEARN} /></td>
                  <td className="px-2 py-3 text-right"><Count n={d.review} label="due" tone={REVIEW} /></td>
                  <td className="px-4 py-2 text-right">
                    {n > 0 ? (
                      <Link href={`/review/study?deck=${encodeURIComponent(d.deckId)}`} className="btn btn-secondary px-3 py-1.5 text-sm" aria-label={`Study ${d.title}`}>
                        Study
                      </Link>
                    ) : (
                      <span className="text-xs text-slate-400">done</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <Link href="/decks" className="font-medium text-brand-600 hover:underline dark:text-brand-100">Subscribe to more decks</Link>
        <Link href="/stats" className="font-medium text-brand-600 hover:underline dark:text-brand-100">Stats</Link>
        <Link href="/settings" className="font-medium text-brand-600 hover:underline dark:text-brand-100">Review settings</Link>
      </p>
    </div>
  );
}
