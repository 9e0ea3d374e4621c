import Link from 'next/link';
import { AnswerGrid } from '@/components/game/report/answer-grid';
import { QuestionCharts } from '@/components/game/report/question-charts';
import { ClassNav } from '@/components/insight/class-nav';
import { HardestList } from '@/components/insight/hardest-list';
import { fmtDate, fmtPct, fmtSeconds } from '@/components/insight/format';
import { SignInPrompt } from '@/components/insight/sign-in-prompt';
import { StatTiles } from '@/components/insight/stat-tiles';
import { currentUser } from '@/server/current-user';
import { db } from '@/server/db';
import { getClassSessionReport } from '@/server/insight';
import { orNotFound } from '@/server/insight/page';

export const metadata = { title: 'Session report' };
export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string; gameId: string }> }) {
  const { id, gameId } = await params;
  const user = await currentUser();
  if (!user) return <SignInPrompt next={`/classes/${id}/reports/sessions/${gameId}`} what="this report" />;
  const { report, members, className, classId } = await orNotFound(getClassSessionReport(db(), user, id, gameId));
  const players = report.players.filter((p) => !p.kicked);
  const answered = players.reduce((n, p) => n + p.answers.filter(Boolean).length, 0);
  const correct = players.reduce((n, p) => n + p.correctCount, 0);
  const slots = players.length * report.questions.length;
  const stats = report.questions.map((q) => ({
    label: `Q${q.index + 1}`,
    prompt: q.prompt,
    accuracy: q.accuracy === null ? null : Math.round(q.accuracy * 100),
    avgSeconds: q.avgResponseMs === null ? null : Math.round(q.avgResponseMs / 100) / 10,
  }));
  const base = `/classes/${encodeURIComponent(classId)}/reports`;

  return (
    <div className="flex flex-col gap-6">
      <ClassNav classId={classId} className={className} current="reports" />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight">{report.title}</h1>
          <p className="text-slate-600 dark:text-slate-400">
            Live session · {report.deckTitle ?? 'Deleted deck'} · {fmtDate(report.startedAt ?? report.createdAt)}
          </p>
        </div>
        <a href={`/api/classes/${encodeURIComponent(classId)}/reports/sessions/${report.id}?format=csv`} className="btn btn-secondary" download>
          Export CSV
        </a>
      </header>
      <StatTiles
        items={[
          { label: 'Players', value: String(players.length), hint: `${Object.keys(members).length} class members` },
          { label: 'Questions', value: String(report.questions.length) },
          { label: 'Answered', value: slots ? fmtPct(answered / slots) : '—' },
          { label: 'Correct', value: slots ? fmtPct(correct / slots) : '—' },
        ]}
      />
      <section aria-labelledby="participants" className="flex flex-col gap-3">
        <h2 id="participants" className="text-xl font-bold">Participants</h2>
        {players.length === 0 ? (
          <p className="card">Nobody played this session.</p>
        ) : (
          <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="session-participants">
            {players.map((p) => {
              const m = members[p.id];
              return (
                <li key={p.id} className="card flex items-center gap-3 py-3">
                  <span className="w-8 text-right text-xl font-black tabular-nums text-slate-500">{p.finalRank ?? '—'}</span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-semibold">{p.nickname}</span>
                    {m ? (
                      <Link href={`${base}/students/${m.userId}`} className="text-xs font-semibold text-brand-600 hover:underline dark:text-brand-100">
                        {m.name}
                      </Link>
                    ) : (
                      <span className="text-xs text-slate-500">{p.userId ? 'not a member' : 'guest'}</span>
                    )}
                  </span>
                  <span className="text-right text-sm tabular-nums">
                    <b>{p.score.toLocaleString('en-US')}</b> pts
                    <br />
                    {p.correctCount}/{report.questions.length} right
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {report.questions.length > 0 && (
        <section aria-labelledby="per-question" className="flex flex-col gap-3">
          <h2 id="per-question" className="text-xl font-bold">Per question</h2>
          <QuestionCharts stats={stats} />
        </section>
      )}
      <HardestList
        items={report.hardest.map((q) => ({
          index: q.index,
          prompt: q.prompt,
          accuracy: q.accuracy,
          avgResponseMs: q.avgResponseMs,
          answer: q.options && q.correct ? q.correct.map((i) => q.options![i]).join(' · ') : q.answerText,
        }))}
      />
      <section aria-labelledby="grid" className="flex flex-col gap-3">
        <h2 id="grid" className="text-xl font-bold">Every answer</h2>
        <AnswerGrid report={report} />
        <ol className="flex flex-col gap-1 text-sm text-slate-600 dark:text-slate-400">
          {report.questions.map((q) => (
            <li key={q.index}>
              <b>Q{q.index + 1}</b> {q.prompt} — {fmtPct(q.accuracy)} correct, average {fmtSeconds(q.avgResponseMs)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
