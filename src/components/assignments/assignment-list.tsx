import Link from 'next/link';
import type { AssignmentListItem } from '@/server/assignments/assignment-list';
import { StatusBadge } from './status-badge';
import { LocalTime } from './local-time';

/** Assignments of a class: students see status and best score, the instructor submission counts. */
export function AssignmentList({ items, owner, memberCount, now }: { items: AssignmentListItem[]; owner: boolean; memberCount: number; now: Date }) {
  if (items.length === 0) {
    return <p className="text-slate-600 dark:text-slate-400">{owner ? 'No assignments yet.' : 'No assignments yet. Nothing to do!'}</p>;
  }
  return (
    <ul className="flex flex-col gap-2" aria-label="Assignments">
      {items.map((a) => {
        const overdue = a.dueAt.getTime() < now.getTime();
        return (
          <li key={a.id}>
            <Link
              href={`/assignments/${a.id}`}
              className="flex flex-col gap-1 rounded-lg bg-slate-50 px-3 py-3 hover:bg-brand-50 sm:flex-row sm:items-center sm:justify-between dark:bg-slate-800/60 dark:hover:bg-brand-900/30"
              data-testid="assignment-item"
            >
              <div className="min-w-0">
                <p className="font-semibold">{a.title}</p>
                <p className={`text-xs ${overdue ? 'font-semibold text-orange-700 dark:text-orange-300' : 'text-slate-500 dark:text-slate-400'}`}>
                  {overdue ? 'Was due' : 'Due'} <LocalTime iso={a.dueAt.toISOString()} /> · {a.questionCount} questions
                  {a.attemptsAllowed > 1 ? ` · ${a.attemptsAllowed} attempts` : ''}
                  {a.deckTitle ? ` · ${a.deckTitle}` : ''}
                </p>
              </div>
              {owner ? (
                <span className="text-sm font-medium">
                  {a.submittedCount}/{memberCount} submitted
                </span>
              ) : (
                <span className="flex items-center gap-2">
                  {a.best && (
                    <span className="text-sm font-medium">
                      {a.best.correct}/{a.best.total}
                    </span>
                  )}
                  <StatusBadge status={a.status!} />
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
