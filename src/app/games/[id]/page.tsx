import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalTime } from '@/components/assignments/local-time';
import { ordinal } from '@/components/game/podium';
import { formatPercent, formatSeconds } from '@/components/game/report/format';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { currentUser } from '@/server/current-user';
import { getGameReport, type ReportQuestion } from '@/server/games';

export const metadata = { title: 'My game' };
export const dynamic = 'force-dynamic';

function answerText(q: ReportQuestion, choice: number[] | string): string {
  if (typeof choice === 'string') return choice || '(blank)';
  return choice.map((i) => q.options?.[i] ?? `#${i + 1}`).join(' · ') || '(none)';
}

function correctText(q: ReportQuestion): string {
  return q.options && q.correct ? q.correct.map((i) => q.options![i]).join(' · ') : q.answerText;
}

/**
 * One finished game from the signed-in player's side: their rank and score, and every question
 * with their answer, the right one, and how the room did. Only their own answers; other players'
 * answers stay in the host's report.
 */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) {
    return <SignInPrompt title="Sign in to see your game" next={`/games/${encodeURIComponent(id)}`} />;
  }
  const report = id.length <= 64 ? await getGameReport(id) : null;
  const me = report?.players.find((p) => p.userId === user.id && !p.kicked);
  // why: a game the user did not play answers like a missing one; a running game would give the answer key away.
  if (!report || !me || report.status !== 'ended') notFound();
  const inGame = report.players.filter((p) => !p.kicked).length;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/games" className="text-brand-600 hover:underline dark:text-brand-100">
          ← My games
        </Link>
      </nav>
      <header className="flex flex-col gap-1">
        <h1 className="break-words text-3xl font-extrabold tracking-tight">{report.title}</h1>
        <p className="text-slate-600 dark:text-slate-400">
          <LocalTime iso={(report.startedAt ?? report.createdAt).toISOString()} /> · as <b>{me.nickname}</b>
        </p>
      </header>
      <dl className="grid grid-cols-3 gap-3" data-testid="my-game-summary">
        <div className="card py-3 text-center">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Rank</dt>
          <dd className="text-2xl font-black">
            {me.finalRank ? ordinal(me.finalRank) : '—'} <span className="text-sm font-normal">of {inGame}</span>
          </dd>
        </div>
        <div className="card py-3 text-center">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Score</dt>
          <dd className="text-2xl font-black tabular-nums">{me.score.toLocaleString('en-US')}</dd>
        </div>
        <div className="card py-3 text-center">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Right</dt>
          <dd className="text-2xl font-black tabular-nums">
            {me.correctCount}/{report.questions.length}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="my-answers" className="flex flex-col gap-3">
        <h2 id="my-answers" className="text-xl font-bold">
          Your answers
        </h2>
        <ol className="flex flex-col gap-3" data-testid="my-answers">
          {report.questions.map((q) => {
            const a = me.answers[q.index];
            const verdict = !a ? 'Not answered' : a.correct ? 'Right' : 'Wrong';
            return (
              <li key={q.index} className="card flex flex-col gap-2 py-4">
                <p className="break-words font-semibold">
                  Q{q.index + 1}. {q.prompt}
                </p>
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span
                    className={`rounded-full px-2 py-0.5 font-bold ${
                      !a
                        ? 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100'
                        : a.correct
                          ? 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100'
                          : 'bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100'
                    }`}
                  >
                    {!a ? '–' : a.correct ? '✓' : '✗'} {verdict}
                  </span>
                  {a && (
                    <span className="break-words">
                      You answered <b>{answerText(q, a.choice)}</b>
                      {a.points > 0 ? ` · ${a.points.toLocaleString('en-US')} points` : ''} · {formatSeconds(a.responseMs)}
                    </span>
                  )}
                </p>
                <p className="break-words text-sm text-slate-700 dark:text-slate-300">
                  Answer: <b>{correctText(q)}</b> · the room got it {formatPercent(q.accuracy)} right
                </p>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
