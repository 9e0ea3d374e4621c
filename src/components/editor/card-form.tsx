'use client';
import { CARD_KINDS, type CardKind } from '@/core/decks/card-types';
import type { CardDraft, DraftErrors, DraftOption } from '@/core/decks/card-draft';
import { FieldErrors } from './field-errors';

const KIND_NAMES: Record<CardKind, string> = { basic: 'Basic', cloze: 'Cloze', mcq: 'Choice', multi: 'Multi', tf: 'True/false', type: 'Type' };

/** Switching kind keeps what still fits (prompt, section, explanation) and seeds the new kind's fields. */
export function changeKind(d: CardDraft, kind: CardKind): CardDraft {
  const needsOptions = (kind === 'mcq' || kind === 'multi') && d.options.length < 2;
  let options = needsOptions ? [0, 1, 2, 3].map((i) => ({ text: '', correct: i === 0 })) : d.options;
  if (kind === 'mcq' && options.filter((o) => o.correct).length > 1) {
    const first = options.findIndex((o) => o.correct);
    options = options.map((o, i) => ({ ...o, correct: i === first }));
  }
  const answer = kind === 'tf' ? (d.answer === 'false' ? 'false' : 'true') : d.kind === 'tf' ? '' : d.answer;
  return { ...d, kind, options, answer };
}

/** The card fields for every kind; errors come from the deck file rules (validateCardDraft). */
export function CardForm({
  draft,
  errors,
  sections,
  onChange,
}: {
  draft: CardDraft;
  errors: DraftErrors;
  sections: string[];
  onChange: (d: CardDraft) => void;
}) {
  const set = (patch: Partial<CardDraft>) => onChange({ ...draft, ...patch });
  const setOption = (i: number, patch: Partial<DraftOption>) =>
    set({ options: draft.options.map((o, j) => (j === i ? { ...o, ...patch } : patch.correct && draft.kind === 'mcq' ? { ...o, correct: false } : o)) });
  const described = (f: keyof DraftErrors) => (errors[f]?.length ? `err-${f}` : undefined);

  return (
    <div className="flex flex-col gap-4">
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Kind</legend>
        <div className="flex flex-wrap gap-1" role="radiogroup">
          {CARD_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={draft.kind === k}
              onClick={() => onChange(changeKind(draft, k))}
              className={`rounded-lg px-3 py-1.5 text-sm font-semibold ring-1 ${draft.kind === k ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white ring-slate-300 hover:bg-slate-100 dark:bg-slate-800 dark:ring-slate-600'}`}
            >
              {KIND_NAMES[k]}
            </button>
          ))}
        </div>
      </fieldset>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Section
        <input
          className="field"
          list="editor-sections"
          value={draft.section}
          onChange={(e) => set({ section: e.target.value })}
          placeholder="Topic › Heading"
          aria-invalid={!!errors.section}
          aria-describedby={described('section')}
        />
        <datalist id="editor-sections">
          {sections.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <FieldErrors id="err-section" errors={errors.section} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {draft.kind === 'cloze' ? 'Text with deletions' : 'Prompt'}
        <textarea
          className="field min-h-24"
          value={draft.prompt}
          onChange={(e) => set({ prompt: e.target.value })}
          aria-invalid={!!errors.prompt}
          aria-describedby={described('prompt')}
          placeholder={draft.kind === 'cloze' ? 'Lambda runs for at most {{c1::15 minutes}}.' : 'The question'}
        />
        {draft.kind === 'cloze' && <span className="text-xs font-normal text-slate-500">Hide text with {'{{c1::hidden text}}'}; add a hint with {'{{c1::text::hint}}'}.</span>}
        <FieldErrors id="err-prompt" errors={errors.prompt} />
      </label>

      {(draft.kind === 'basic' || draft.kind === 'type') && (
        <label className="flex flex-col gap-1 text-sm font-medium">
          Answer
          <textarea
            className="field min-h-16"
            value={draft.answer}
            onChange={(e) => set({ answer: e.target.value })}
            aria-invalid={!!errors.answer}
            aria-describedby={described('answer')}
          />
          <FieldErrors id="err-answer" errors={errors.answer} />
        </label>
      )}
      {draft.kind === 'type' && (
        <label className="flex flex-col gap-1 text-sm font-medium">
          Also accept (one per line)
          <textarea
            className="field min-h-16"
            value={draft.accepted.join('\n')}
            onChange={(e) => set({ accepted: e.target.value.split('\n') })}
            aria-describedby={described('accepted')}
          />
          <span className="text-xs font-normal text-slate-500">Case, spaces and punctuation are ignored when checking.</span>
          <FieldErrors id="err-accepted" errors={errors.accepted} />
        </label>
      )}
      {draft.kind === 'tf' && (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">Correct answer</legend>
          <div className="flex gap-2">
            {['true', 'false'].map((v) => (
              <label key={v} className={`flex-1 cursor-pointer rounded-lg px-3 py-2 text-center font-semibold ring-1 ${draft.answer === v ? 'bg-emerald-100 ring-emerald-500 dark:bg-emerald-900/50' : 'ring-slate-300 dark:ring-slate-600'}`}>
                <input type="radio" className="sr-only" checked={draft.answer === v} onChange={() => set({ answer: v })} />
                {v === 'true' ? 'True' : 'False'}
              </label>
            ))}
          </div>
          <FieldErrors id="err-answer" errors={errors.answer} />
        </fieldset>
      )}
      {(draft.kind === 'mcq' || draft.kind === 'multi') && (
        <fieldset className="flex flex-col gap-2" aria-describedby={described('options')}>
          <legend className="text-sm font-medium">
            Options <span className="font-normal text-slate-500">({draft.kind === 'mcq' ? 'mark the one correct option' : 'mark every correct option'})</span>
          </legend>
          {draft.options.map((o, i) => (
            <div key={i} className="flex items-center gap-2">
              <label className="flex items-center gap-1 text-xs font-medium">
                <input
                  type={draft.kind === 'mcq' ? 'radio' : 'checkbox'}
                  name="correct-option"
                  className="h-5 w-5"
                  checked={o.correct}
                  onChange={(e) => setOption(i, { correct: draft.kind === 'mcq' ? true : e.target.checked })}
                  aria-label={`Option ${i + 1} is correct`}
                />
              </label>
              <input
                className={`field ${o.correct ? 'border-emerald-500' : ''}`}
                value={o.text}
                onChange={(e) => setOption(i, { text: e.target.value })}
                aria-label={`Option ${i + 1}`}
              />
              <button
                type="button"
                className="btn btn-secondary px-2 py-1 text-sm"
                onClick={() => set({ options: draft.options.filter((_, j) => j !== i) })}
                aria-label={`Remove option ${i + 1}`}
              >
                ✕
              </button>
            </div>
          ))}
          {draft.options.length < 12 && (
            <button type="button" className="btn btn-secondary self-start px-3 py-1 text-sm" onClick={() => set({ options: [...draft.options, { text: '', correct: false }] })}>
              Add option
            </button>
          )}
          <FieldErrors id="err-options" errors={errors.options} />
        </fieldset>
      )}
      <label className="flex flex-col gap-1 text-sm font-medium">
        Explanation <span className="sr-only">(optional)</span>
        <textarea className="field min-h-16" value={draft.explanation} onChange={(e) => set({ explanation: e.target.value })} placeholder="Why the answer is right (optional)" />
        <FieldErrors id="err-explanation" errors={errors.explanation} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Tags
        <input className="field" value={draft.tags} onChange={(e) => set({ tags: e.target.value })} placeholder="comma, separated" />
        <FieldErrors id="err-tags" errors={errors.tags} />
      </label>
      <FieldErrors id="err-card" errors={errors.card} />
    </div>
  );
}
