import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AnswerGrid } from '@/components/game/report/answer-grid';
import { LocalTime } from '@/components/assignments/local-time';
import { formatPercent, formatSeconds, STATUS_LABEL } from '@/components/game/report/format';
import { QuestionCharts } from '@/components/game/report/question-charts';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { currentUser } from '@/server/current-user';
import { canViewReport, getGameReport } from '@/server/games';

export const metadata = { title: 'Game report' };
export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) {
    return <SignInPrompt title="Sign in to see this report" next={`/host/history/${encodeURIComponent(id)}`} />;
  }
  const report = id.length <= 64 ? await getGameReport(id) : null;
  // why: another host's game answers exactly like a missing one, so ids cannot be probed.
  if (!report || !canViewReport(report, user.id)) notFound();

  const players = report.players.filter((p) => !p.kicked);
  const stats = report.questions.map((q) => ({
    label: `Q${q.index + 1}`,
    prompt: q.prompt,
    accuracy: q.accuracy === null ? null : Math.round(q.accuracy * 100),
    avgSeconds: q.avgResponseMs === null ? null : Math.round(q.avgResponseMs / 100) / 10,
  }));

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/host/history" className="text-brand-600 hover:underline dark:text-brand-100">
          ← Games you hosted
        </Link>
      </nav>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="break-words text-3xl font-extrabold tracking-tight">{report.title}</h1>
          <p className="text-slate-600 dark:text-slate-400">
            {report.deckTitle ?? 'Deleted deck'} · <LocalTime iso={(report.startedAt ?? report.createdAt).toISOString()} /> · {players.length}{' '}
            {players.length === 1 ? 'player' : 'players'} · {report.questions.length} questions · {STATUS_LABEL[report.status] ?? report.status}
          </p>
        </div>
        <a href={`/api/games/${report.id}/report.csv`} className="btn btn-secondary" download>
          Export CSV
        </a>
      </header>

      <section aria-labelledby="ranks" className="flex flex-col gap-3">
        <h2 id="ranks" className="text-xl font-bold">Final ranks</h2>
        {players.length === 0 ? (
          <p className="card">Nobody played this game.</p>
        ) : (
          <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="report-ranks">
            {players.map((p) => (
              <li key={p.id} className="card flex items-center gap-3 py-3">
                <span className="w-8 text-right text-xl font-black tabular-nums text-slate-500">{p.finalRank ?? '—'}</span>
                <span className="min-w-0 flex-1 truncate font-semibold">{p.nickname}</span>
                <span className="text-right text-sm tabular-nums">
                  <b>{p.score.toLocaleString('en-US')}</b> pts
                  <br />
                  {p.correctCount}/{report.questions.length} right
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {report.questions.length > 0 && (
        <section aria-labelledby="per-question" className="flex flex-col gap-3">
          <h2 id="per-question" className="text-xl font-bold">Per question</h2>
          <QuestionCharts stats={stats} />
        </section>
      )}

      {report.hardest.length > 0 && (
        <section aria-labelledby="hardest" className="flex flex-col gap-3">
          <h2 id="hardest" className="text-xl font-bold">Hardest questions</h2>
          <ol className="flex flex-col gap-2" data-testid="hardest">
            {report.hardest.map((q) => (
              <li key={q.index} className="card flex flex-col gap-1 py-3">
                <p className="font-semibold">
                  Q{q.index + 1}. {q.prompt}
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {formatPercent(q.accuracy)} correct · average {formatSeconds(q.avgResponseMs)} · answer:{' '}
                  <span className="font-medium text-slate-900 dark:text-slate-100">
                    {q.options && q.correct ? q.correct.map((i) => q.options![i]).join(' · ') : q.answerText}
                  </span>
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="grid" className="flex flex-col gap-3">
        <h2 id="grid" className="text-xl font-bold">Every answer</h2>
        <AnswerGrid report={report} />
        <ol className="flex flex-col gap-1 text-sm text-slate-600 dark:text-slate-400">
          {report.questions.map((q) => (
            <li key={q.index}>
              <b>Q{q.index + 1}</b> {q.prompt} — {formatPercent(q.accuracy)} correct, average {formatSeconds(q.avgResponseMs)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
