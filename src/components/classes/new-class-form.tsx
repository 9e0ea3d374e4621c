'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './api-client';

/** Instructor form: name + optional term; goes to the new class on success. */
export function NewClassForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await callApi<{ class: { id: string } }>('POST', '/api/classes', {
      name: String(form.get('name') ?? ''),
      term: String(form.get('term') ?? '') || undefined,
    });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push(`/classes/${res.data.class.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="card flex flex-col gap-3" aria-labelledby="new-class-heading">
      <h2 id="new-class-heading" className="text-lg font-bold">
        New class
      </h2>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
          Name
          <input name="name" required maxLength={80} className="field" placeholder="Cloud Fundamentals" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium sm:w-40">
          Term <span className="sr-only">(optional)</span>
          <input name="term" maxLength={40} className="field" placeholder="Spring 2026" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create class'}
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
