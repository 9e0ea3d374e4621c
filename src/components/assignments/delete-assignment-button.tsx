'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../classes/api-client';

export function DeleteAssignmentButton({ id, classId }: { id: string; classId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm('Delete this assignment and every student attempt? This cannot be undone.')) return;
    const res = await callApi('DELETE', `/api/assignments/${id}`);
    if (!res.ok) return setError(res.message);
    router.push(`/classes/${classId}`);
    router.refresh();
  }
  return (
    <div>
      <button type="button" className="btn btn-secondary text-red-700 dark:text-red-300" onClick={remove}>
        Delete assignment
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
