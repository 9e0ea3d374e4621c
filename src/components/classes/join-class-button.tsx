'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './api-client';

/** The confirm button on a join link (a POST, so merely opening the link never enrols anyone). */
export function JoinClassButton({ code }: { code: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function join() {
    setBusy(true);
    const res = await callApi<{ class: { id: string } }>('POST', '/api/classes/join', { code });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push(`/classes/${res.data.class.id}`);
    router.refresh();
  }
  return (
    <>
      <button type="button" onClick={join} disabled={busy} className="btn btn-primary py-3 text-lg">
        {busy ? 'Joining…' : 'Join this class'}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </>
  );
}
