/** Assignment status for one student, from their attempts (pure). */
export type AssignmentStatus = 'not_started' | 'in_progress' | 'submitted' | 'late';

export interface AttemptLike {
  number: number;
  submittedAt: Date | null;
  late: boolean;
}

/** An open attempt wins; otherwise the latest submitted attempt decides submitted vs late. */
export function assignmentStatus(attempts: readonly AttemptLike[]): AssignmentStatus {
  if (attempts.length === 0) return 'not_started';
  if (attempts.some((a) => a.submittedAt === null)) return 'in_progress';
  const last = attempts.reduce((a, b) => (b.number > a.number ? b : a));
  return last.late ? 'late' : 'submitted';
}

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Submitted',
  late: 'Submitted late',
};
