import Link from 'next/link';

const TABS = [
  { key: 'sessions', label: 'Live sessions' },
  { key: 'reports', label: 'Reports' },
  { key: 'insight', label: 'Insight' },
  { key: 'warmup', label: 'Warm-up' },
] as const;

export type ClassTab = (typeof TABS)[number]['key'];

/** Breadcrumb back to the class and the instructor's tabs (sessions, reports, insight, warm-up). */
export function ClassNav({ classId, className, current }: { classId: string; className: string; current: ClassTab }) {
  const base = `/classes/${encodeURIComponent(classId)}`;
  return (
    <div className="flex flex-col gap-3">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={base} className="text-brand-600 hover:underline dark:text-brand-100">
          ← {className}
        </Link>
      </nav>
      <nav aria-label="Class tools">
        <ul className="flex flex-wrap gap-2">
          {TABS.map((t) => (
            <li key={t.key}>
              <Link
                href={`${base}/${t.key}`}
                aria-current={t.key === current ? 'page' : undefined}
                className={`inline-flex min-h-10 items-center rounded-full px-4 text-sm font-semibold ${
                  t.key === current
                    ? 'bg-brand-600 text-white'
                    : 'bg-slate-100 text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700'
                }`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
