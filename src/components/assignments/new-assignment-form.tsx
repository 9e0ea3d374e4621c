'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { callApi } from '../classes/api-client';
import type { AssignmentSourceOptions } from '@/server/assignments/assignment-options';

function defaultDue(): string {
  const d = new Date();
  d.setDate(d.getDate() + 7);
  d.setHours(23, 59, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Instructor form: a deck (+ sections) or a question set, N questions, due date, attempts. */
export function NewAssignmentForm({ classId, options, preferredDeckIds }: { classId: string; options: AssignmentSourceOptions; preferredDeckIds: string[] }) {
  const router = useRouter();
  const decks = useMemo(
    () => [...options.decks].sort((a, b) => Number(preferredDeckIds.includes(b.id)) - Number(preferredDeckIds.includes(a.id))),
    [options.decks, preferredDeckIds],
  );
  const [source, setSource] = useState<'deck' | 'set'>('deck');
  const [deckId, setDeckId] = useState(decks[0]?.id ?? '');
  const [setId, setSetId] = useState(options.questionSets[0]?.id ?? '');
  const [sections, setSections] = useState<string[]>([]);
  const [due, setDue] = useState(defaultDue);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const deck = decks.find((d) => d.id === deckId);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const dueAt = new Date(due);
    if (Number.isNaN(dueAt.getTime())) return setError('Choose a due date.');
    setBusy(true);
    setError(null);
    const res = await callApi('POST', `/api/classes/${classId}/assignments`, {
      title: String(form.get('title') ?? ''),
      ...(source === 'deck' ? { deckId, ...(sections.length ? { sections } : {}) } : { questionSetId: setId }),
      questionCount: Number(form.get('questionCount')),
      dueAt: dueAt.toISOString(),
      attemptsAllowed: Number(form.get('attemptsAllowed')),
    });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setOpen(false);
    setSections([]);
    router.refresh();
  }

  if (!open) {
    return (
      <button type="button" className="btn btn-primary self-start" onClick={() => setOpen(true)} disabled={decks.length === 0 && options.questionSets.length === 0}>
        New assignment
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700" aria-label="New assignment">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Title
        <input name="title" required maxLength={120} className="field" placeholder="Week 3: queues" />
      </label>
      {options.questionSets.length > 0 && (
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Questions from</legend>
          <label className="flex items-center gap-2">
            <input type="radio" checked={source === 'deck'} onChange={() => setSource('deck')} /> A deck
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" checked={source === 'set'} onChange={() => setSource('set')} /> A saved question set
          </label>
        </fieldset>
      )}
      {source === 'deck' ? (
        <>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Deck
            <select className="field" value={deckId} onChange={(e) => (setDeckId(e.target.value), setSections([]))}>
              {decks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title} ({d.quizCount} quiz questions){preferredDeckIds.includes(d.id) ? ' · published' : ''}
                </option>
              ))}
            </select>
          </label>
          {deck && deck.sections.length > 1 && (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">
                Sections {sections.length ? `(${sections.length} chosen)` : '(all)'}
              </summary>
              <div className="mt-2 grid max-h-56 gap-1 overflow-y-auto sm:grid-cols-2">
                {deck.sections.map((s) => (
                  <label key={s} className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      className="mt-0.5"
                      checked={sections.includes(s)}
                      onChange={(e) => setSections((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))}
                    />
                    {s}
                  </label>
                ))}
              </div>
            </details>
          )}
        </>
      ) : (
        <label className="flex flex-col gap-1 text-sm font-medium">
          Question set
          <select className="field" value={setId} onChange={(e) => setSetId(e.target.value)}>
            {options.questionSets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.cardCount} cards)
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Questions
          <input name="questionCount" type="number" min={1} max={50} defaultValue={10} required className="field" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Due
          <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} required className="field" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Attempts allowed
          <input name="attemptsAllowed" type="number" min={1} max={10} defaultValue={1} required className="field" />
        </label>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        The questions are drawn once now, so every student gets the same quiz. Late submissions are accepted and marked late.
      </p>
      <div className="flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create assignment'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
          Cancel
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
