import Link from 'next/link';

const TOOLS = [
  { path: 'sessions', label: 'Host a live session', hint: 'and see past ones' },
  { path: 'reports', label: 'Reports', hint: 'sessions, assignments, students' },
  { path: 'insight', label: 'Insight', hint: 'what the class is forgetting' },
  { path: 'warmup', label: 'Warm-up', hint: 'quiz the most-forgotten cards' },
];

/** The instructor's class tools, for the class page. Students see how live sessions work instead. */
export function ClassToolsLinks({ classId, owner }: { classId: string; owner: boolean }) {
  if (!owner) {
    return (
      <p className="text-slate-600 dark:text-slate-400">
        Your instructor runs live quizzes for this class: join with the PIN on the screen while signed in, and what you miss comes back in
        your review.
      </p>
    );
  }
  const base = `/classes/${encodeURIComponent(classId)}`;
  return (
    <ul className="grid gap-2 sm:grid-cols-2" data-testid="class-tools">
      {TOOLS.map((t) => (
        <li key={t.path}>
          <Link
            href={`${base}/${t.path}`}
            className="flex min-h-12 flex-col justify-center rounded-lg bg-slate-50 px-4 py-2 hover:bg-brand-50 dark:bg-slate-800/60 dark:hover:bg-slate-800"
          >
            <span className="font-semibold text-brand-600 dark:text-brand-100">{t.label}</span>
            <span className="text-sm text-slate-600 dark:text-slate-400">{t.hint}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
