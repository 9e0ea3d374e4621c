'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../classes/api-client';

export function NewDeckForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const res = await callApi<{ deck: { id: string } }>('POST', '/api/editor/decks', {
      title: String(form.get('title') ?? ''),
      description: String(form.get('description') ?? ''),
    });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push(`/editor/${res.data.deck.id}`);
  }
  return (
    <form onSubmit={onSubmit} className="card flex flex-col gap-3" aria-labelledby="new-deck-heading">
      <h2 id="new-deck-heading" className="text-lg font-bold">
        New deck
      </h2>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
          Title
          <input name="title" required maxLength={120} className="field" placeholder="Lambda limits" />
        </label>
        <label className="flex flex-[2] flex-col gap-1 text-sm font-medium">
          Description <span className="sr-only">(optional)</span>
          <input name="description" maxLength={1000} className="field" placeholder="Optional" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Create deck
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
