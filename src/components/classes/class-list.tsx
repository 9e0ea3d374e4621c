import Link from 'next/link';
import type { ClassSummary } from '@/server/classes/class-service';

/** Cards for the classes on /classes; archived ones are shown muted, in their own list. */
export function ClassList({ classes, label }: { classes: ClassSummary[]; label: string }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2" aria-label={label}>
      {classes.map((c) => (
        <li key={c.id} className={`card flex flex-col gap-2 ${c.archived ? 'opacity-75' : ''}`} data-testid="class-item">
          <div className="flex items-start justify-between gap-3">
            <h3 className="text-lg font-bold leading-tight">
              <Link href={`/classes/${c.id}`} className="hover:text-brand-600 hover:underline dark:hover:text-brand-100">
                {c.name}
              </Link>
            </h3>
            {c.archived ? (
              <span className="shrink-0 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium dark:bg-slate-700">Archived</span>
            ) : c.role === 'owner' ? (
              <span className="shrink-0 rounded bg-brand-50 px-2 py-0.5 font-mono text-sm font-semibold tracking-widest text-brand-700 dark:bg-brand-900/50 dark:text-brand-100">
                {c.joinCode}
              </span>
            ) : null}
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {c.term ? `${c.term} · ` : ''}
            {c.role === 'owner' ? `${c.memberCount} ${c.memberCount === 1 ? 'student' : 'students'}` : `Instructor: ${c.ownerName}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
