'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './api-client';

/** Lets a student leave a class. */
export function LeaveClassButton({ classId, userId }: { classId: string; userId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function leave() {
    if (!window.confirm('Leave this class? You can join again with its code.')) return;
    const res = await callApi('DELETE', `/api/classes/${classId}/members/${encodeURIComponent(userId)}`);
    if (!res.ok) return setError(res.message);
    router.push('/classes');
    router.refresh();
  }
  return (
    <div>
      <button type="button" onClick={leave} className="btn btn-secondary text-sm">
        Leave class
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
