'use client';
import type { CardData } from '@/core/decks/card-types';
import { KindBadge } from './kinds';

export type Draft = CardData & { uid: number };

/** Enough rows to show the whole text without a scrollbar in most cases. */
const rowsFor = (text: string, perRow = 70) => Math.min(10, Math.max(1, Math.ceil(text.length / perRow) + (text.match(/\n/g)?.length ?? 0)));

interface Props {
  draft: Draft;
  position: number;
  errors: string[] | undefined;
  onChange: (next: Draft) => void;
  onDelete: () => void;
}

/** Editing one builder draft: prompt, answer or options with the correct one, section; or delete it. */
export function DraftEditor({ draft, position, errors, onChange, onDelete }: Props) {
  const id = `draft-${draft.uid}`;
  const choice = draft.kind === 'mcq' || draft.kind === 'multi';
  const correct = new Set(draft.correct ?? []);
  const needsKey = choice && correct.size === 0;
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });

  function setCorrect(i: number) {
    const next = draft.kind === 'multi' ? (correct.has(i) ? [...correct].filter((x) => x !== i) : [...correct, i].sort()) : [i];
    const options = draft.options ?? [];
    set({
      correct: next,
      answer: next.map((x) => options[x]).join('; '),
      needsAnswerKey: next.length === 0,
    });
  }

  return (
    <li
      id={id}
      data-testid="draft"
      className={`card flex flex-col gap-3 ${errors ? 'ring-2 ring-red-500' : needsKey ? 'ring-2 ring-amber-400' : ''}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold tabular-nums text-slate-500">#{position}</span>
        <KindBadge kind={draft.kind} />
        {needsKey && (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
            Needs answer key
          </span>
        )}
        <button type="button" onClick={onDelete} className="btn btn-secondary ml-auto px-3 py-1 text-sm" aria-label={`Delete draft ${position}`}>
          Delete
        </button>
      </div>
      {errors && (
        <ul role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-200">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      <label className="flex flex-col gap-1 text-sm font-medium">
        {draft.kind === 'cloze' ? 'Text (wrap the hidden part in {{c1::…}})' : 'Prompt'}
        <textarea className="field" rows={rowsFor(draft.prompt) + 1} value={draft.prompt} onChange={(e) => set({ prompt: e.target.value })} />
      </label>
      {choice ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Options (choose the correct {draft.kind === 'multi' ? 'ones' : 'one'})</legend>
          {(draft.options ?? []).map((o, i) => (
            <div key={i} className="flex items-center gap-2">
              <input
                type={draft.kind === 'multi' ? 'checkbox' : 'radio'}
                name={`${id}-correct`}
                className="h-5 w-5 shrink-0 accent-emerald-600"
                checked={correct.has(i)}
                onChange={() => setCorrect(i)}
                aria-label={`Option ${i + 1} is correct`}
              />
              <textarea
                className="field resize-y py-1.5"
                rows={rowsFor(o, 60)}
                value={o}
                aria-label={`Option ${i + 1}`}
                onChange={(e) => {
                  const options = [...(draft.options ?? [])];
                  options[i] = e.target.value;
                  set({ options });
                }}
              />
            </div>
          ))}
        </fieldset>
      ) : draft.kind !== 'cloze' ? (
        <label className="flex flex-col gap-1 text-sm font-medium">
          Answer
          <textarea className="field" rows={rowsFor(draft.answer)} value={draft.answer} onChange={(e) => set({ answer: e.target.value })} />
        </label>
      ) : null}
      <label className="flex flex-col gap-1 text-sm font-medium">
        Section
        <input className="field py-1.5" value={draft.section} onChange={(e) => set({ section: e.target.value })} />
      </label>
    </li>
  );
}
