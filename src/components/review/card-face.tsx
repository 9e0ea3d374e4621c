'use client';
import { useEffect, useRef } from 'react';
import { isChoiceKind } from './answer-check';
import { ClozeBack, CardText } from './card-text';
import { ChoiceOptions } from './choice-options';
import type { StudyCard } from './review-api';

interface Props {
  card: StudyCard;
  revealed: boolean;
  answer: { choice: number[]; typed: string; correct: boolean | null };
  onPick(i: number): void;
  onType(text: string): void;
  onSubmit(): void;
}

const QUEUE_LABEL = { new: 'New', learning: 'Learning', review: 'Review' } as const;

/** The card: front, and on reveal the answer, the verdict for answered kinds and the source section. */
export function CardFace({ card, revealed, answer, onPick, onType, onSubmit }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (card.kind === 'type' && !revealed) input.current?.focus();
    if (revealed && document.activeElement === input.current) input.current?.blur();
  }, [card.id, card.kind, revealed]);

  return (
    <article className="card min-h-64" aria-live="polite" data-testid="study-card" data-card-id={card.id}>
      <div className="mb-3 flex flex-wrap items-center gap-2 text-xs font-medium text-slate-600 dark:text-slate-400">
        <span className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{QUEUE_LABEL[card.queue]}</span>
        <span>{card.deckTitle}</span>
        {card.leech && <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900 dark:bg-amber-950 dark:text-amber-100">leech</span>}
      </div>

      {card.kind === 'cloze' && revealed ? <ClozeBack prompt={card.prompt} /> : <CardText text={card.front} className="text-xl leading-relaxed" />}

      {isChoiceKind(card.kind) && card.options && (
        <ChoiceOptions
          options={card.options}
          chosen={answer.choice}
          correct={revealed ? (card.correct ?? []) : null}
          multi={card.kind === 'multi'}
          onPick={onPick}
        />
      )}

      {card.kind === 'type' && (
        <form
          className="mt-4"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <label htmlFor="typed-answer" className="text-sm font-medium">
            Your answer
          </label>
          <input
            id="typed-answer"
            ref={input}
            className="field mt-1 text-lg"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={200}
            value={answer.typed}
            readOnly={revealed}
            onChange={(e) => onType(e.target.value)}
          />
        </form>
      )}

      {revealed && (
        <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-700" data-testid="answer-side">
          {answer.correct !== null && (
            <p
              className={`mb-2 font-bold ${answer.correct ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'}`}
              data-testid="verdict"
            >
              {answer.correct ? '✓ Right' : '✗ Not quite'}
            </p>
          )}
          {card.kind !== 'cloze' && !isChoiceKind(card.kind) && (
            <CardText text={card.back} className="text-lg font-semibold" />
          )}
          {card.kind === 'type' && card.accepted && card.accepted.length > 0 && (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Also accepted: {card.accepted.join(', ')}</p>
          )}
          {card.explanation && <CardText text={card.explanation} className="mt-3 text-slate-700 dark:text-slate-300" />}
          {card.section && (
            <p className="mt-3 text-sm text-slate-500 dark:text-slate-400" data-testid="card-source">
              From: {card.section}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
