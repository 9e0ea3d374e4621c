import { wasAsked } from '@/core/game/asked';
import type { GameReport } from '@/server/games';
import { formatPercent } from './format';

/** Players down, questions across: ✓/✗ and points in each cell, accuracy in the footer. */
export function AnswerGrid({ report }: { report: GameReport }) {
  const players = report.players.filter((p) => !p.kicked);
  return (
    <div className="card overflow-x-auto p-0">
      <table className="w-full border-collapse text-sm" data-testid="report-grid">
        <caption className="sr-only">Each player&apos;s answer to each question</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="sticky left-0 w-12 min-w-12 bg-white px-3 py-2 text-left dark:bg-slate-900">Rank</th>
            <th scope="col" className="sticky left-12 bg-white px-3 py-2 text-left dark:bg-slate-900">Player</th>
            <th scope="col" className="px-3 py-2 text-right">Score</th>
            {report.questions.map((q) => (
              <th key={q.index} scope="col" className="px-2 py-2 text-center" title={q.prompt}>
                Q{q.index + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {players.map((p) => (
            <tr key={p.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="sticky left-0 w-12 min-w-12 bg-white px-3 py-2 tabular-nums dark:bg-slate-900">{p.finalRank ?? '—'}</td>
              <th scope="row" className="sticky left-12 max-w-[12rem] truncate bg-white px-3 py-2 text-left font-semibold dark:bg-slate-900">
                {p.nickname}
                {p.joinedDuring !== null && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100" data-testid="late-joiner">
                    joined at Q{p.joinedDuring + 1}
                  </span>
                )}
              </th>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{p.score.toLocaleString('en-US')}</td>
              {p.answers.map((a, i) => (
                <td
                  key={i}
                  className={`px-2 py-2 text-center tabular-nums ${
                    !a ? 'text-slate-400' : a.correct ? 'bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200' : 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200'
                  }`}
                >
                  {!a && !wasAsked(p.joinedDuring, i, false) ? (
                    <span aria-label="not asked: joined later" title="Joined later: not counted for this question">·</span>
                  ) : !a ? (
                    <span aria-label="no answer">–</span>
                  ) : (
                    <>
                      <span aria-label={a.correct ? 'correct' : 'wrong'}>{a.correct ? '✓' : '✗'}</span>{' '}
                      <span className="text-xs">{a.points}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
            <th scope="row" colSpan={3} className="sticky left-0 bg-white px-3 py-2 text-left dark:bg-slate-900">
              Correct
            </th>
            {report.questions.map((q) => (
              <td key={q.index} className="px-2 py-2 text-center tabular-nums">
                {formatPercent(q.accuracy)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
