import Link from 'next/link';
import { PercentBarChart } from '@/components/insight/bar-chart';
import { ClassNav } from '@/components/insight/class-nav';
import { fmtDay, fmtPct, rateTone } from '@/components/insight/format';
import { SignInPrompt } from '@/components/insight/sign-in-prompt';
import { StatTiles } from '@/components/insight/stat-tiles';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { getClassReportsOverview } from '@/server/insight';
import { orNotFound } from '@/server/insight/page';

export const metadata = { title: 'Class reports' };
export const dynamic = 'force-dynamic';

const link = 'font-semibold text-brand-600 hover:underline dark:text-brand-100';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return <SignInPrompt next={`/classes/${id}/reports`} what="class reports" />;
  const r = await orNotFound(getClassReportsOverview(db(), user, id));
  const base = `/classes/${encodeURIComponent(r.classId)}/reports`;
  const ended = r.sessions.filter((s) => s.playerCount > 0).slice(0, 12).reverse();

  return (
    <div className="flex flex-col gap-6">
      <ClassNav classId={r.classId} className={r.className} current="reports" />
      <header>
        <h1 className="text-3xl font-extrabold tracking-tight">Reports</h1>
        <p className="text-slate-600 dark:text-slate-400">Live sessions, assignments and each student of {r.className}.</p>
      </header>
      <StatTiles
        items={[
          { label: 'Students', value: String(r.students.length) },
          { label: 'Live sessions', value: String(r.sessions.length) },
          { label: 'Assignments', value: String(r.assignments.length) },
          { label: 'Late submissions', value: String(r.assignments.reduce((n, a) => n + a.late, 0)) },
        ]}
      />
      {(ended.length > 0 || r.assignments.length > 0) && (
        <div className="grid gap-6 lg:grid-cols-2">
          {ended.length > 0 && (
            <PercentBarChart
              caption="Correct answers per live session (%)"
              bars={ended.map((s, i) => ({ label: `S${i + 1}`, title: `${s.title} (${fmtDay(s.startedAt ?? s.createdAt)})`, pct: s.accuracy === null ? null : Math.round(s.accuracy * 100) }))}
            />
          )}
          {r.assignments.length > 0 && (
            <PercentBarChart
              caption="Average score per assignment (%)"
              bars={r.assignments.map((a, i) => ({ label: `A${i + 1}`, title: a.title, pct: a.avgScore === null ? null : Math.round(a.avgScore * 100) }))}
            />
          )}
        </div>
      )}

      <section aria-labelledby="sessions" className="flex flex-col gap-3">
        <h2 id="sessions" className="text-xl font-bold">Live sessions</h2>
        {r.sessions.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">
            No live sessions yet. <Link href={`/classes/${encodeURIComponent(r.classId)}/sessions`} className={link}>Host one</Link>.
          </p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2" data-testid="report-sessions">
            {r.sessions.map((s) => (
              <li key={s.id}>
                <Link href={`${base}/sessions/${s.id}`} className="card flex items-center justify-between gap-3 py-3 hover:border-brand-500">
                  <span className="min-w-0">
                    <span className="block break-words font-semibold">{s.title}</span>
                    <span className="text-sm text-slate-500">
                      {fmtDay(s.startedAt ?? s.createdAt)} · {s.playerCount} players · {s.questionCount} questions
                    </span>
                  </span>
                  <span className={`text-lg font-black tabular-nums ${rateTone(s.accuracy)}`}>{fmtPct(s.accuracy)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="assignments" className="flex flex-col gap-3">
        <h2 id="assignments" className="text-xl font-bold">Assignments</h2>
        {r.assignments.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No assignments yet.</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2" data-testid="report-assignments">
            {r.assignments.map((a) => (
              <li key={a.id}>
                <Link href={`${base}/assignments/${a.id}`} className="card flex items-center justify-between gap-3 py-3 hover:border-brand-500">
                  <span className="min-w-0">
                    <span className="block break-words font-semibold">{a.title}</span>
                    <span className="text-sm text-slate-500">
                      due {fmtDay(a.dueAt)} · {a.submitted}/{r.students.length} submitted{a.late ? ` · ${a.late} late` : ''}
                    </span>
                  </span>
                  <span className={`text-lg font-black tabular-nums ${rateTone(a.avgScore)}`}>{fmtPct(a.avgScore)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="students" className="flex flex-col gap-3">
        <h2 id="students" className="text-xl font-bold">Students</h2>
        {r.students.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Nobody has joined this class yet.</p>
        ) : (
          <div className="card overflow-x-auto p-0">
            <table className="w-full text-sm" data-testid="report-students">
              <thead>
                <tr className="border-b border-slate-200 text-left dark:border-slate-800">
                  <th scope="col" className="px-3 py-2">Student</th>
                  <th scope="col" className="px-3 py-2 text-right">Sessions played</th>
                  <th scope="col" className="px-3 py-2 text-right">Live accuracy</th>
                  <th scope="col" className="px-3 py-2 text-right">Assignments submitted</th>
                  <th scope="col" className="px-3 py-2 text-right">Late</th>
                </tr>
              </thead>
              <tbody>
                {r.students.map((s) => (
                  <tr key={s.userId} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                    <th scope="row" className="px-3 py-2 text-left">
                      <Link href={`${base}/students/${s.userId}`} className={link}>
                        {s.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{s.sessionsPlayed}</td>
                    <td className={`px-3 py-2 text-right font-semibold tabular-nums ${rateTone(s.sessionAccuracy)}`}>{fmtPct(s.sessionAccuracy)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {s.assignmentsSubmitted}/{r.assignments.length}
                    </td>
                    <td className={`px-3 py-2 text-right tabular-nums ${s.lateCount ? 'font-semibold text-amber-700 dark:text-amber-300' : ''}`}>{s.lateCount}</td>
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
