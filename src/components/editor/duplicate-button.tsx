'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../classes/api-client';

export function DuplicateButton({ deckId, title }: { deckId: string; title: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    const res = await callApi<{ deck: { id: string } }>('POST', `/api/editor/decks/${deckId}/duplicate`);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    router.push(`/editor/${res.data.deck.id}`);
  }
  return (
    <>
      <button type="button" className="btn btn-secondary px-3 py-1 text-sm" onClick={run} disabled={busy} aria-label={`Duplicate ${title} to edit`}>
        {busy ? 'Copying…' : 'Duplicate to edit'}
      </button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </>
  );
}
