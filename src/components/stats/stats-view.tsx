import type { Retention } from '@/core/review';
import type { ReviewStats } from '@/server/review/stats';
import { formatDuration } from '@/components/review/session-summary';
import { ReviewHeatmap } from './review-heatmap';
import { CardStateChart, ForecastChart } from './stats-charts';

const pct = (r: Retention) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

function Tile({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="card p-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{label}</p>
      <p className="mt-1 text-3xl font-bold tabular-nums" data-testid={testId}>{value}</p>
      {sub && <p className="text-xs text-slate-500 dark:text-slate-400">{sub}</p>}
    </div>
  );
}

export function StatsView({ stats }: { stats: ReviewStats }) {
  const { today, retention } = stats;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Stats</h1>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Tile label="Reviews today" value={String(today.reviews)} sub={`${today.again} again · ${formatDuration(today.timeMs)}`} testId="reviews-today" />
        <Tile label="Study streak" value={`${stats.streak} ${stats.streak === 1 ? 'day' : 'days'}`} testId="streak" />
        <Tile label="True retention, 7 days" value={pct(retention.last7)} sub={`${retention.last7.passed} of ${retention.last7.total} reviews passed`} />
        <Tile label="True retention, 30 days" value={pct(retention.last30)} sub={`${retention.last30.passed} of ${retention.last30.total} reviews passed`} />
      </div>

      <section className="card" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title" className="mb-3 font-semibold">Reviews per day, last 365 days</h2>
        <ReviewHeatmap days={stats.heatmap} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="forecast-title">
          <h2 id="forecast-title" className="mb-3 font-semibold">Due in the next 30 days</h2>
          <ForecastChart forecast={stats.forecast} />
        </section>
        <section className="card" aria-labelledby="states-title">
          <h2 id="states-title" className="mb-3 font-semibold">Cards by state ({stats.counts.total} in your decks)</h2>
          <CardStateChart counts={stats.counts} />
        </section>
      </div>

      <section className="card overflow-x-auto p-0" aria-labelledby="decks-title">
        <h2 id="decks-title" className="px-5 pt-5 font-semibold">By deck</h2>
        {stats.decks.length === 0 ? (
          <p className="px-5 pb-5 pt-2 text-slate-600 dark:text-slate-400">Subscribe to a deck to see it here.</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm" data-testid="deck-stats">
            <thead className="border-b border-slate-200 text-xs text-slate-600 sm:uppercase sm:tracking-wide dark:border-slate-700 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-3 py-2 sm:px-5">Deck</th>
                <th scope="col" className="px-2 py-2 text-right">New</th>
                <th scope="col" className="hidden px-2 py-2 text-right sm:table-cell">Learning</th>
                <th scope="col" className="px-2 py-2 text-right">Review</th>
                <th scope="col" className="hidden px-2 py-2 text-right sm:table-cell">Suspended</th>
                <th scope="col" className="px-2 py-2 text-right">
                  Due<span className="hidden sm:inline"> today</span>
                </th>
                <th scope="col" className="px-3 py-2 text-right sm:px-5">
                  <abbr title="True retention, last 30 days" className="no-underline">Retention</abbr>
                </th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {stats.decks.map((d) => (
                <tr key={d.deckId} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <th scope="row" className="break-words px-3 py-2 font-medium [overflow-wrap:anywhere] sm:px-5">{d.title}</th>
                  <td className="px-2 py-2 text-right">{d.new}</td>
                  <td className="hidden px-2 py-2 text-right sm:table-cell">{d.learning}</td>
                  <td className="px-2 py-2 text-right">{d.review}</td>
                  <td className="hidden px-2 py-2 text-right sm:table-cell">{d.suspended}</td>
                  <td className="px-2 py-2 text-right">{d.dueToday}</td>
                  <td className="px-3 py-2 text-right sm:px-5">{pct(d.retention30)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="text-xs text-slate-500">
        Days follow your time zone ({stats.timeZone}). True retention counts reviews of cards that had graduated, not learning steps.
      </p>
    </div>
  );
}
