'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './api-client';

export interface RosterMember {
  userId: string;
  name: string;
  email: string;
  joinedAt: string;
}

/** The class roster with Remove buttons (owner view). */
export function Roster({ classId, members, readOnly }: { classId: string; members: RosterMember[]; readOnly: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function remove(m: RosterMember) {
    if (!window.confirm(`Remove ${m.name} from this class? Their past answers stay in the reports.`)) return;
    setBusyId(m.userId);
    setError(null);
    const res = await callApi('DELETE', `/api/classes/${classId}/members/${encodeURIComponent(m.userId)}`);
    setBusyId(null);
    if (!res.ok) return setError(res.message);
    router.refresh();
  }

  if (members.length === 0) return <p className="text-slate-600 dark:text-slate-400">No students yet. Share the code or link above.</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Students">
        {members.map((m) => (
          <li key={m.userId} className="flex items-center justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="truncate font-medium">{m.name}</p>
              <p className="truncate text-xs text-slate-500 dark:text-slate-400">{m.email}</p>
            </div>
            {!readOnly && (
              <button
                type="button"
                className="btn btn-secondary shrink-0 px-3 py-1 text-sm"
                disabled={busyId === m.userId}
                onClick={() => remove(m)}
                aria-label={`Remove ${m.name}`}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </>
  );
}
