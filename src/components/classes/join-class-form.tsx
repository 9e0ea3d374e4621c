'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './api-client';

/** Student box: type the class code from the instructor; goes to the class on success. */
export function JoinClassForm({ initialCode = '' }: { initialCode?: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await callApi<{ class: { id: string } }>('POST', '/api/classes/join', { code });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push(`/classes/${res.data.class.id}`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="card flex flex-col gap-3" aria-labelledby="join-class-heading">
      <h2 id="join-class-heading" className="text-lg font-bold">
        Join a class
      </h2>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
          Class code
          <input
            name="code"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            required
            maxLength={12}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="field font-mono text-xl tracking-[0.3em]"
            placeholder="ABC234"
          />
        </label>
        <button type="submit" className="btn btn-primary py-3 text-lg" disabled={busy || code.trim().length === 0}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
