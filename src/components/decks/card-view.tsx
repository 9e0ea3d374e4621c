import type { CardData } from '@/core/decks/card-types';
import { ClozeText } from './cloze-text';
import { displayText } from './display-text';
import { KindBadge } from './kinds';

/** One card in full: kind, prompt, options with the correct ones marked, answer, explanation, tags, provenance. */
export function CardView({ card }: { card: CardData }) {
  const correct = new Set(card.correct ?? []);
  const choice = card.options && card.options.length > 0;
  return (
    <article className="card flex flex-col gap-3" data-testid="deck-card" aria-labelledby={`card-${card.key}`}>
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={card.kind} />
        {card.needsAnswerKey && (
          <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 dark:bg-red-900/50 dark:text-red-100">
            Needs answer key
          </span>
        )}
      </div>
      <h3 id={`card-${card.key}`} className="whitespace-pre-line font-semibold leading-snug">
        {card.kind === 'cloze' ? <ClozeText prompt={card.prompt} hidden={false} /> : displayText(card.prompt)}
      </h3>
      {choice && (
        <ul className="flex flex-col gap-1.5 text-sm">
          {card.options!.map((o, i) => (
            <li
              key={i}
              className={`flex gap-2 rounded-lg px-3 py-1.5 ring-1 ${
                correct.has(i)
                  ? 'bg-emerald-50 font-medium text-emerald-950 ring-emerald-300 dark:bg-emerald-950/60 dark:text-emerald-50 dark:ring-emerald-700'
                  : 'ring-slate-200 dark:ring-slate-700'
              }`}
            >
              <span aria-hidden="true" className="w-4 shrink-0">
                {correct.has(i) ? '✓' : ''}
              </span>
              <span className="whitespace-pre-line">{displayText(o)}</span>
              {correct.has(i) && <span className="sr-only">(correct)</span>}
            </li>
          ))}
        </ul>
      )}
      {!choice && card.kind !== 'cloze' && (
        <p className="whitespace-pre-line text-sm">
          <span className="font-semibold text-slate-600 dark:text-slate-300">Answer: </span>
          {displayText(card.answer)}
        </p>
      )}
      {card.accepted && card.accepted.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">Also accepted: {card.accepted.join(', ')}</p>
      )}
      {card.explanation && (
        <p className="whitespace-pre-line border-l-4 border-slate-200 pl-3 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
          {displayText(card.explanation)}
        </p>
      )}
      <footer className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <span>From: {card.section}</span>
        {card.tags?.map((t) => (
          <span key={t} className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">
            #{t}
          </span>
        ))}
      </footer>
    </article>
  );
}
