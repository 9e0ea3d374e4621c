import { STATUS_LABELS, type AssignmentStatus } from '@/core/assignments/assignment-status';

const STYLES: Record<AssignmentStatus, string> = {
  not_started: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
  in_progress: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100',
  submitted: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100',
  late: 'bg-orange-100 text-orange-900 dark:bg-orange-900/40 dark:text-orange-100',
};

export function StatusBadge({ status }: { status: AssignmentStatus }) {
  return (
    <span className={`inline-block shrink-0 rounded-full px-2.5 py-0.5 text-xs font-semibold ${STYLES[status]}`} data-testid="assignment-status">
      {STATUS_LABELS[status]}
    </span>
  );
}
