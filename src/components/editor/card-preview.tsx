'use client';
import { clozeAnswer, clozeFront } from '@/core/decks/cloze';
import type { CardDraft } from '@/core/decks/card-draft';

const KIND_LABEL: Record<CardDraft['kind'], string> = {
  basic: 'Flashcard',
  cloze: 'Cloze',
  mcq: 'Multiple choice',
  multi: 'Choose all that apply',
  tf: 'True / false',
  type: 'Type the answer',
};

/** How the card will look to a student: the front (as asked) and the back (after answering). */
export function CardPreview({ draft }: { draft: CardDraft }) {
  const options = draft.kind === 'tf' ? [{ text: 'True', correct: draft.answer !== 'false' }, { text: 'False', correct: draft.answer === 'false' }] : draft.options;
  const choice = draft.kind === 'mcq' || draft.kind === 'multi' || draft.kind === 'tf';
  const front = draft.kind === 'cloze' ? clozeFront(draft.prompt) : draft.prompt;
  const back =
    draft.kind === 'cloze'
      ? clozeAnswer(draft.prompt)
      : choice
        ? options.filter((o) => o.correct).map((o) => o.text).join('; ')
        : draft.answer;
  const accepted = draft.kind === 'type' ? draft.accepted.filter((a) => a.trim()) : [];
  return (
    <div className="flex flex-col gap-3" aria-label="Card preview">
      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Front · {KIND_LABEL[draft.kind]}
          {draft.section ? ` · ${draft.section}` : ''}
        </p>
        <p className="mt-2 whitespace-pre-line text-lg font-semibold">{front || <span className="text-slate-400">The prompt appears here</span>}</p>
        {choice && (
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {options.map((o, i) => (
              <li key={i} className="flex items-center gap-2 rounded-lg px-3 py-2 ring-1 ring-slate-300 dark:ring-slate-600">
                <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-bold dark:bg-slate-800">{i + 1}</span>
                <span className="min-w-0 break-words">{o.text || <span className="text-slate-400">(empty option)</span>}</span>
              </li>
            ))}
          </ul>
        )}
        {draft.kind === 'type' && <div className="mt-3 rounded-lg border border-dashed border-slate-300 px-3 py-2 text-slate-400 dark:border-slate-600">Type your answer…</div>}
      </div>
      <div className="rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200 dark:bg-emerald-900/30 dark:ring-emerald-800">
        <p className="text-xs font-semibold uppercase tracking-wide text-emerald-800 dark:text-emerald-200">Back</p>
        <p className="mt-2 whitespace-pre-line font-semibold">{back || <span className="text-slate-400">The answer appears here</span>}</p>
        {accepted.length > 0 && <p className="mt-1 text-sm">Also accepted: {accepted.join(', ')}</p>}
        {draft.explanation.trim() && <p className="mt-2 whitespace-pre-line text-sm">{draft.explanation}</p>}
        {draft.tags.trim() && (
          <p className="mt-2 flex flex-wrap gap-1">
            {draft.tags
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean)
              .map((t) => (
                <span key={t} className="rounded bg-white/70 px-1.5 py-0.5 text-xs dark:bg-slate-800">
                  {t}
                </span>
              ))}
          </p>
        )}
      </div>
    </div>
  );
}
