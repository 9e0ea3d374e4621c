'use client';
import { useState } from 'react';
import { callApi } from '../classes/api-client';

/** Title and description of an own deck, saved on demand. */
export function DeckMetaForm({ deckId, title, description }: { deckId: string; title: string; description: string }) {
  const [t, setT] = useState(title);
  const [d, setD] = useState(description);
  const [msg, setMsg] = useState<string | null>(null);
  const dirty = t !== title || d !== description;
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const res = await callApi('PATCH', `/api/editor/decks/${deckId}`, { title: t, description: d });
    setMsg(res.ok ? 'Saved.' : res.message);
  }
  return (
    <form onSubmit={save} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
        Deck title
        <input className="field font-semibold" value={t} onChange={(e) => (setT(e.target.value), setMsg(null))} required maxLength={120} />
      </label>
      <label className="flex flex-[2] flex-col gap-1 text-sm font-medium">
        Description
        <input className="field" value={d} onChange={(e) => (setD(e.target.value), setMsg(null))} maxLength={1000} />
      </label>
      <button type="submit" className="btn btn-secondary" disabled={!dirty && !msg}>
        Save deck
      </button>
      {msg && (
        <span role="status" className="text-sm">
          {msg}
        </span>
      )}
    </form>
  );
}
