'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './api-client';

/** Owner controls: guests in live sessions, archive / restore. */
export function ClassSettings({ classId, allowGuests, archived }: { classId: string; allowGuests: boolean; archived: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function patch(body: Record<string, unknown>, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    setError(null);
    const res = await callApi('PATCH', `/api/classes/${classId}`, body);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      <label className={`flex items-start gap-3 text-sm ${archived ? 'opacity-60' : ''}`}>
        <input
          type="checkbox"
          className="mt-1 h-5 w-5"
          checked={allowGuests}
          disabled={busy || archived}
          onChange={(e) => patch({ allowGuests: e.target.checked })}
        />
        <span>
          <span className="font-semibold">Allow guests in live sessions</span>
          <br />
          <span className="text-slate-600 dark:text-slate-400">People without an account may join this class&apos;s live games with a nickname.</span>
        </span>
      </label>
      <div>
        {archived ? (
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => patch({ archived: false })}>
            Restore class
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-secondary text-red-700 dark:text-red-300"
            disabled={busy}
            onClick={() => patch({ archived: true }, 'Archive this class? It becomes read-only and no one can join it until you restore it.')}
          >
            Archive class
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
