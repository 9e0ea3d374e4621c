import Link from 'next/link';
import { PercentBarChart } from '@/components/insight/bar-chart';
import { ClassFsrsPanel } from '@/components/insight/class-fsrs-panel';
import { ClassNav } from '@/components/insight/class-nav';
import { fmtDay, fmtPct, rateTone } from '@/components/insight/format';
import { SignInPrompt } from '@/components/insight/sign-in-prompt';
import { StatTiles } from '@/components/insight/stat-tiles';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { getClassInsight } from '@/server/insight';
import { orNotFound } from '@/server/insight/page';

export const metadata = { title: 'Class insight' };
export const dynamic = 'force-dynamic';

const link = 'font-semibold text-brand-600 hover:underline dark:text-brand-100';
const short = (section: string) => section.split(' › ').at(-1)!;

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return <SignInPrompt next={`/classes/${id}/insight`} what="class insight" />;
  const v = await orNotFound(getClassInsight(db(), user, id, new Date()));
  const base = `/classes/${encodeURIComponent(v.classId)}`;
  const studied = v.sections.filter((s) => s.studiedPairs > 0);

  return (
    <div className="flex flex-col gap-6">
      <ClassNav classId={v.classId} className={v.className} current="insight" />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight">What the class remembers</h1>
          <p className="max-w-3xl text-slate-600 dark:text-slate-400">
            Predicted recall is the FSRS probability that a student would recall a card right now, averaged over the cards each student has
            studied (cards nobody studied count as unknown, not forgotten). Overdue means due for more than a day.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/warmup`} className="btn btn-primary">
            Build a warm-up
          </Link>
          <a href={`/api/classes/${encodeURIComponent(v.classId)}/insight?format=csv`} className="btn btn-secondary" download>
            Export CSV
          </a>
        </div>
      </header>
      <StatTiles
        items={[
          { label: 'Predicted recall now', value: fmtPct(v.totals.avgRecall), hint: `${v.totals.studiedPairs} studied student-cards` },
          { label: 'Reviews, last 7 days', value: String(v.totals.reviewsInWindow) },
          { label: 'Students with overdue reviews', value: `${v.overdue.length}/${v.studentCount}` },
          { label: 'Decks published', value: String(v.decks.length) },
        ]}
      />
      {v.decks.length === 0 ? (
        <p className="card">Publish a deck to this class to see what its students remember.</p>
      ) : studied.length === 0 ? (
        <p className="card">No student has studied this class&apos;s decks yet. Recall appears here after their first reviews or a live session.</p>
      ) : (
        <PercentBarChart
          horizontal
          caption="Average predicted recall by section (%)"
          bars={studied.map((s) => ({ label: short(s.section), title: `${s.deckTitle}: ${s.section}`, pct: Math.round((s.avgRecall ?? 0) * 100) }))}
        />
      )}
      {v.decks.length > 0 && (
        <section aria-labelledby="sections" className="flex flex-col gap-3">
          <h2 id="sections" className="text-xl font-bold">By section of the notes</h2>
          <div className="card overflow-x-auto p-0">
            <table className="w-full text-sm" data-testid="insight-sections">
              <thead>
                <tr className="border-b border-slate-200 text-left dark:border-slate-800">
                  <th scope="col" className="px-3 py-2">Section</th>
                  <th scope="col" className="px-3 py-2 text-right">Cards</th>
                  <th scope="col" className="px-3 py-2 text-right">Predicted recall</th>
                  <th scope="col" className="px-3 py-2 text-right">Reviews (7 days)</th>
                  <th scope="col" className="px-3 py-2 text-right">Students overdue</th>
                </tr>
              </thead>
              <tbody>
                {v.sections.map((s) => (
                  <tr key={`${s.deckId}:${s.section}`} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {s.section || 'No section'}
                      <span className="block text-xs font-normal text-slate-500">{s.deckTitle}</span>
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{s.cards}</td>
                    <td className={`px-3 py-2 text-right font-semibold tabular-nums ${rateTone(s.avgRecall)}`}>
                      {s.avgRecall === null ? 'unknown' : fmtPct(s.avgRecall)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{s.reviewsInWindow}</td>
                    <td className={`px-3 py-2 text-right tabular-nums ${s.overdueStudents ? 'font-semibold text-amber-700 dark:text-amber-300' : ''}`}>
                      {s.overdueStudents}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="overdue" className="flex flex-col gap-3">
          <h2 id="overdue" className="text-xl font-bold">Students with overdue reviews</h2>
          {v.overdue.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">Nobody is behind on their reviews.</p>
          ) : (
            <ul className="card flex flex-col divide-y divide-slate-100 p-0 dark:divide-slate-800" data-testid="overdue-students">
              {v.overdue.map((o) => (
                <li key={o.userId} className="flex items-center justify-between gap-3 px-4 py-2">
                  <Link href={`${base}/reports/students/${o.userId}`} className={link}>
                    {o.name}
                  </Link>
                  <span className="text-sm tabular-nums text-slate-600 dark:text-slate-400">
                    {o.overdueCards} overdue · since {fmtDay(o.oldestDue)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="forgotten" className="flex flex-col gap-3">
          <h2 id="forgotten" className="text-xl font-bold">Cards slipping most</h2>
          {v.mostForgotten.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">Nothing studied yet.</p>
          ) : (
            <ol className="card flex flex-col divide-y divide-slate-100 p-0 dark:divide-slate-800">
              {v.mostForgotten.map((c) => (
                <li key={c.cardId} className="flex items-start justify-between gap-3 px-4 py-2">
                  <span className="min-w-0">
                    <span className="block">{c.prompt}</span>
                    <span className="text-xs text-slate-500">
                      {c.section} · studied by {c.studiedBy}
                    </span>
                  </span>
                  <span className={`font-bold tabular-nums ${rateTone(c.avgRecall)}`}>{fmtPct(c.avgRecall)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      <ClassFsrsPanel classId={v.classId} />
    </div>
  );
}
