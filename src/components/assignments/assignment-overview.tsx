import Link from 'next/link';
import type { assignmentOverview } from '@/server/assignments/assignment-list';
import { StatusBadge } from './status-badge';
import { LocalTime } from './local-time';
import { DeleteAssignmentButton } from './delete-assignment-button';

type Overview = Awaited<ReturnType<typeof assignmentOverview>>;

/** The instructor's view of one assignment: who did what, and the fixed questions with answers. */
export function AssignmentOverview({ overview }: { overview: Overview }) {
  const { assignment: a, rows, questions } = overview;
  const submitted = rows.filter((r) => r.status === 'submitted' || r.status === 'late').length;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Link href={`/classes/${a.classId}`} className="text-sm text-slate-600 hover:underline dark:text-slate-400">
          ← {a.className}
        </Link>
        <h1 className="text-3xl font-bold">{a.title}</h1>
        <p className="text-slate-600 dark:text-slate-400">
          Due <LocalTime iso={a.dueAt.toISOString()} /> · {a.questionCount} questions · {a.attemptsAllowed}{' '}
          {a.attemptsAllowed === 1 ? 'attempt' : 'attempts'} · {submitted}/{rows.length} submitted
        </p>
      </div>
      <section aria-labelledby="students-heading" className="card overflow-x-auto">
        <h2 id="students-heading" className="mb-3 text-lg font-bold">
          Students
        </h2>
        {rows.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No students in the class yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3">Student</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Best score</th>
                <th scope="col" className="py-2 pr-3">Attempts</th>
                <th scope="col" className="py-2">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.userId} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-2 pr-3 font-medium">{r.name}</td>
                  <td className="py-2 pr-3">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="py-2 pr-3">{r.best ? `${r.best.correct}/${r.best.total}` : '—'}</td>
                  <td className="py-2 pr-3">{r.attemptsUsed}</td>
                  <td className="py-2">{r.lastSubmittedAt ? <LocalTime iso={r.lastSubmittedAt.toISOString()} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <details className="card">
        <summary className="cursor-pointer text-lg font-bold">Questions and answers</summary>
        <ol className="mt-3 flex flex-col gap-2 text-sm">
          {questions.map((q) => (
            <li key={q.index}>
              <p className="font-medium">
                {q.index + 1}. {q.prompt}
              </p>
              <p className="text-slate-600 dark:text-slate-400">Answer: {q.answerText}</p>
            </li>
          ))}
        </ol>
      </details>
      {!a.archived && <DeleteAssignmentButton id={a.id} classId={a.classId} />}
    </div>
  );
}
