'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './api-client';

export interface PublishedDeck {
  id: string;
  title: string;
  description: string;
  builtIn: boolean;
  cardCount: number;
}

export interface UsableDeck {
  id: string;
  title: string;
  builtIn: boolean;
  cardCount: number;
}

/** Decks published to the class; the owner can publish more (built-in or own) and unpublish. */
export function ClassDecks({
  classId,
  decks,
  usable,
  canEdit,
}: {
  classId: string;
  decks: PublishedDeck[];
  usable?: UsableDeck[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const published = new Set(decks.map((d) => d.id));
  const choices = (usable ?? []).filter((d) => !published.has(d.id));
  const [choice, setChoice] = useState('');

  async function run(method: string, url: string, body?: unknown) {
    setBusy(true);
    setError(null);
    const res = await callApi(method, url, body);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setChoice('');
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      {decks.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{canEdit ? 'No decks published yet.' : 'Your instructor has not published decks yet.'}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Published decks">
          {decks.map((d) => (
            <li key={d.id} className="flex items-center justify-between gap-3 rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
              <div className="min-w-0">
                <Link href={`/decks/${encodeURIComponent(d.id)}`} className="font-medium hover:text-brand-600 hover:underline dark:hover:text-brand-100">
                  {d.title}
                </Link>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {d.cardCount} cards{d.builtIn ? ' · built-in' : ''}
                </p>
              </div>
              {canEdit && (
                <button
                  type="button"
                  className="btn btn-secondary shrink-0 px-3 py-1 text-sm"
                  disabled={busy}
                  onClick={() => run('DELETE', `/api/classes/${classId}/decks/${encodeURIComponent(d.id)}`)}
                  aria-label={`Unpublish ${d.title}`}
                >
                  Unpublish
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && choices.length > 0 && (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) void run('POST', `/api/classes/${classId}/decks`, { deckId: choice });
          }}
        >
          <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
            Publish a deck
            <select className="field" value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">Choose a deck…</option>
              <optgroup label="Built-in decks">
                {choices.filter((d) => d.builtIn).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title} ({d.cardCount})
                  </option>
                ))}
              </optgroup>
              {choices.some((d) => !d.builtIn) && (
                <optgroup label="Your decks">
                  {choices.filter((d) => !d.builtIn).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title} ({d.cardCount})
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy || !choice}>
            Publish
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
