import Link from 'next/link';
import { QuestionCharts } from '@/components/game/report/question-charts';
import { PercentBarChart } from '@/components/insight/bar-chart';
import { ClassNav } from '@/components/insight/class-nav';
import { HardestList } from '@/components/insight/hardest-list';
import { fmtDate, fmtPct, rateTone } from '@/components/insight/format';
import { SignInPrompt } from '@/components/insight/sign-in-prompt';
import { StatTiles } from '@/components/insight/stat-tiles';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { getAssignmentReport } from '@/server/insight';
import { orNotFound } from '@/server/insight/page';

export const metadata = { title: 'Assignment report' };
export const dynamic = 'force-dynamic';

const STATUS: Record<string, string> = { not_started: 'Not started', in_progress: 'In progress', submitted: 'Submitted', late: 'Submitted late' };

export default async function Page({ params }: { params: Promise<{ id: string; assignmentId: string }> }) {
  const { id, assignmentId } = await params;
  const user = await currentUser();
  if (!user) return <SignInPrompt next={`/classes/${id}/reports/assignments/${assignmentId}`} what="this report" />;
  const r = await orNotFound(getAssignmentReport(db(), user, id, assignmentId));
  const base = `/classes/${encodeURIComponent(r.classId)}/reports`;
  const answer = (i: number) => {
    const q = r.played[i];
    if (!q) return '';
    return q.options && q.correct ? q.correct.map((k) => q.options![k]).join(' · ') : q.answerText;
  };
  const started = r.participants.filter((p) => p.status !== 'not_started');

  return (
    <div className="flex flex-col gap-6">
      <ClassNav classId={r.classId} className={r.className} current="reports" />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight">{r.assignment.title}</h1>
          <p className="text-slate-600 dark:text-slate-400">
            Assignment · due {fmtDate(r.assignment.dueAt)} · {r.played.length} questions · {r.assignment.attemptsAllowed}{' '}
            {r.assignment.attemptsAllowed === 1 ? 'attempt' : 'attempts'} allowed
          </p>
        </div>
        <a href={`/api/classes/${encodeURIComponent(r.classId)}/reports/assignments/${r.assignment.id}?format=csv`} className="btn btn-secondary" download>
          Export CSV
        </a>
      </header>
      <StatTiles
        items={[
          { label: 'Submitted', value: `${r.submittedCount}/${r.participants.length}` },
          { label: 'Late', value: String(r.lateCount) },
          { label: 'Average score', value: fmtPct(r.avgScore), hint: 'latest submitted attempt' },
          { label: 'Not started', value: String(r.participants.length - started.length) },
        ]}
      />
      {started.length > 0 && (
        <PercentBarChart
          caption="Score per student (%)"
          bars={started.map((p) => ({ label: p.name.split(' ')[0]!.slice(0, 10), title: p.name, pct: p.score === null ? null : Math.round(p.score * 100) }))}
        />
      )}
      <section aria-labelledby="participants" className="flex flex-col gap-3">
        <h2 id="participants" className="text-xl font-bold">Participants</h2>
        <div className="card overflow-x-auto p-0">
          <table className="w-full border-collapse text-sm" data-testid="assignment-grid">
            <caption className="sr-only">Each student&apos;s status, score and answer to each question</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="px-3 py-2 text-left">Student</th>
                <th scope="col" className="px-3 py-2 text-left">Status</th>
                <th scope="col" className="px-3 py-2 text-right">Score</th>
                {r.questions.map((q) => (
                  <th key={q.index} scope="col" className="px-2 py-2 text-center" title={q.prompt}>
                    Q{q.index + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.participants.map((p) => (
                <tr key={p.userId} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <th scope="row" className="max-w-[12rem] truncate px-3 py-2 text-left">
                    <Link href={`${base}/students/${p.userId}`} className="font-semibold text-brand-600 hover:underline dark:text-brand-100">
                      {p.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {p.late ? (
                      <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">Late</span>
                    ) : (
                      STATUS[p.status]
                    )}
                    {p.attemptsUsed > 1 && <span className="ml-1 text-xs text-slate-500">attempt {p.countedAttempt}</span>}
                  </td>
                  <td className={`px-3 py-2 text-right font-semibold tabular-nums ${rateTone(p.score)}`}>
                    {p.score === null ? '—' : `${p.correctCount}/${p.total}`}
                  </td>
                  {p.answers.map((a, i) => (
                    <td
                      key={i}
                      className={`px-2 py-2 text-center ${
                        !a ? 'text-slate-400' : a.correct ? 'bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200' : 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200'
                      }`}
                    >
                      {!a ? <span aria-label="no answer">–</span> : a.correct ? <span aria-label="correct">✓</span> : <span aria-label="wrong">✗</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {r.questions.length > 0 && (
        <section aria-labelledby="per-question" className="flex flex-col gap-3">
          <h2 id="per-question" className="text-xl font-bold">Per question</h2>
          <QuestionCharts
            stats={r.questions.map((q) => ({
              label: `Q${q.index + 1}`,
              prompt: q.prompt,
              accuracy: q.accuracy === null ? null : Math.round(q.accuracy * 100),
              avgSeconds: q.avgResponseMs === null ? null : Math.round(q.avgResponseMs / 100) / 10,
            }))}
          />
        </section>
      )}
      <HardestList items={r.hardest.map((q) => ({ index: q.index, prompt: q.prompt, accuracy: q.accuracy, avgResponseMs: q.avgResponseMs, answer: answer(q.index) }))} />
    </div>
  );
}
