import Link from 'next/link';
import { PercentBarChart } from '@/components/insight/bar-chart';
import { ClassNav } from '@/components/insight/class-nav';
import { fmtDate, fmtDay, fmtPct, rateTone } from '@/components/insight/format';
import { SignInPrompt } from '@/components/insight/sign-in-prompt';
import { StatTiles } from '@/components/insight/stat-tiles';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { getStudentReport } from '@/server/insight';
import { orNotFound } from '@/server/insight/page';

export const metadata = { title: 'Student report' };
export const dynamic = 'force-dynamic';

const STATUS: Record<string, string> = { not_started: 'Not started', in_progress: 'In progress', submitted: 'Submitted', late: 'Submitted late' };
const link = 'font-semibold text-brand-600 hover:underline dark:text-brand-100';

export default async function Page({ params }: { params: Promise<{ id: string; userId: string }> }) {
  const { id, userId } = await params;
  const user = await currentUser();
  if (!user) return <SignInPrompt next={`/classes/${id}/reports/students/${userId}`} what="this report" />;
  const r = await orNotFound(getStudentReport(db(), user, id, userId, new Date()));
  const base = `/classes/${encodeURIComponent(r.classId)}/reports`;
  const studiedSections = r.review.sections.filter((s) => s.studiedPairs > 0);

  return (
    <div className="flex flex-col gap-6">
      <ClassNav classId={r.classId} className={r.className} current="reports" />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight">{r.student.name}</h1>
          <p className="text-slate-600 dark:text-slate-400">
            {r.student.email} · {r.student.enrolled ? `joined ${fmtDay(r.student.joinedAt)}` : 'no longer in the class'}
          </p>
        </div>
        <a href={`/api/classes/${encodeURIComponent(r.classId)}/reports/students/${r.student.userId}?format=csv`} className="btn btn-secondary" download>
          Export CSV
        </a>
      </header>
      <StatTiles
        items={[
          { label: 'Predicted recall now', value: fmtPct(r.review.avgRecall), hint: `over ${r.review.studiedCards} studied of ${r.review.totalCards} cards` },
          { label: 'Reviews, last 7 days', value: String(r.review.reviewsInWindow) },
          { label: 'Overdue cards', value: String(r.review.overdueCards) },
          { label: 'Live sessions', value: String(r.sessions.length) },
        ]}
      />
      {studiedSections.length > 0 && (
        <PercentBarChart
          horizontal
          caption="Predicted recall by section (%)"
          bars={studiedSections.map((s) => ({ label: s.section.split(' › ').at(-1)!, title: `${s.deckTitle}: ${s.section}`, pct: Math.round((s.avgRecall ?? 0) * 100) }))}
        />
      )}
      <section aria-labelledby="sessions" className="flex flex-col gap-3">
        <h2 id="sessions" className="text-xl font-bold">Live sessions</h2>
        {r.sessions.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Has not played a class session yet.</p>
        ) : (
          <div className="card overflow-x-auto p-0">
            <table className="w-full text-sm" data-testid="student-sessions">
              <thead>
                <tr className="border-b border-slate-200 text-left dark:border-slate-800">
                  <th scope="col" className="px-3 py-2">Session</th>
                  <th scope="col" className="px-3 py-2">When</th>
                  <th scope="col" className="px-3 py-2 text-right">Correct</th>
                  <th scope="col" className="px-3 py-2 text-right">Score</th>
                  <th scope="col" className="px-3 py-2 text-right">Rank</th>
                </tr>
              </thead>
              <tbody>
                {r.sessions.map((s) => (
                  <tr key={s.gameId} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                    <th scope="row" className="px-3 py-2 text-left">
                      <Link href={`${base}/sessions/${s.gameId}`} className={link}>
                        {s.title}
                      </Link>
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">{fmtDate(s.date)}</td>
                    <td className={`px-3 py-2 text-right font-semibold tabular-nums ${rateTone(s.questionCount ? s.correct / s.questionCount : null)}`}>
                      {s.correct}/{s.questionCount}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{s.score.toLocaleString('en-US')}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {s.finalRank ?? '—'}/{s.playerCount}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="assignments" className="flex flex-col gap-3">
        <h2 id="assignments" className="text-xl font-bold">Assignments</h2>
        {r.assignments.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">The class has no assignments yet.</p>
        ) : (
          <div className="card overflow-x-auto p-0">
            <table className="w-full text-sm" data-testid="student-assignments">
              <thead>
                <tr className="border-b border-slate-200 text-left dark:border-slate-800">
                  <th scope="col" className="px-3 py-2">Assignment</th>
                  <th scope="col" className="px-3 py-2">Due</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2 text-right">Score</th>
                  <th scope="col" className="px-3 py-2 text-right">Attempts</th>
                </tr>
              </thead>
              <tbody>
                {r.assignments.map((a) => (
                  <tr key={a.assignmentId} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                    <th scope="row" className="px-3 py-2 text-left">
                      <Link href={`${base}/assignments/${a.assignmentId}`} className={link}>
                        {a.title}
                      </Link>
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">{fmtDay(a.dueAt)}</td>
                    <td className="px-3 py-2">
                      {a.late ? (
                        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">Late</span>
                      ) : (
                        STATUS[a.status]
                      )}
                    </td>
                    <td className={`px-3 py-2 text-right font-semibold tabular-nums ${rateTone(a.correct === null || !a.total ? null : a.correct / a.total)}`}>
                      {a.correct === null ? '—' : `${a.correct}/${a.total}`}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{a.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
