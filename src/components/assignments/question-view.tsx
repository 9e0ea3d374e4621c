'use client';
import type { AnswerFeedback, PublicQuestion } from './take-types';

const HINTS: Record<PublicQuestion['kind'], string> = {
  mcq: 'Choose one answer',
  multi: 'Choose every answer that applies',
  tf: 'True or false?',
  type: 'Type your answer',
};

/**
 * One question with big tap targets. Before the answer is checked the learner picks options (or
 * types); afterwards the options show which were right (green) and which wrong pick they made (red).
 */
export function QuestionView({
  question,
  selected,
  typed,
  feedback,
  disabled,
  onToggle,
  onType,
}: {
  question: PublicQuestion;
  selected: number[];
  typed: string;
  feedback: AnswerFeedback | null;
  disabled: boolean;
  onToggle: (index: number) => void;
  onType: (text: string) => void;
}) {
  const key = new Set(feedback?.correctIndexes ?? []);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{question.section}</p>
        <h2 className="mt-1 whitespace-pre-line text-xl font-bold leading-snug sm:text-2xl" id="question-prompt">
          {question.prompt}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{HINTS[question.kind]}</p>
      </div>
      {question.kind === 'type' ? (
        <label className="flex flex-col gap-1">
          <span className="sr-only">Your answer</span>
          <input
            className="field py-3 text-lg"
            value={typed}
            onChange={(e) => onType(e.target.value)}
            disabled={disabled || feedback !== null}
            maxLength={200}
            autoComplete="off"
            autoFocus
            aria-describedby="question-prompt"
          />
        </label>
      ) : (
        <div role={question.kind === 'multi' ? 'group' : 'radiogroup'} aria-labelledby="question-prompt" className="grid gap-2 sm:grid-cols-2">
          {(question.options ?? []).map((text, i) => {
            const picked = selected.includes(i);
            let tone = picked
              ? 'bg-brand-600 text-white ring-brand-600'
              : 'bg-white ring-slate-300 hover:bg-brand-50 dark:bg-slate-800 dark:ring-slate-600 dark:hover:bg-slate-700';
            if (feedback) {
              if (key.has(i)) tone = 'bg-emerald-100 text-emerald-950 ring-emerald-500 dark:bg-emerald-900/50 dark:text-emerald-50';
              else if (picked) tone = 'bg-red-100 text-red-950 ring-red-500 dark:bg-red-900/50 dark:text-red-50';
              else tone = 'bg-white opacity-60 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700';
            }
            return (
              <button
                key={i}
                type="button"
                role={question.kind === 'multi' ? 'checkbox' : 'radio'}
                aria-checked={picked}
                disabled={disabled || feedback !== null}
                onClick={() => onToggle(i)}
                className={`flex min-h-14 items-center gap-3 rounded-xl px-4 py-3 text-left text-base font-medium ring-2 transition-colors disabled:cursor-default ${tone}`}
              >
                <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-black/10 text-sm font-bold" aria-hidden>
                  {i + 1}
                </span>
                <span className="min-w-0 break-words">{text}</span>
                {feedback && key.has(i) && <span className="ml-auto text-sm font-bold">✓</span>}
                {feedback && picked && !key.has(i) && <span className="ml-auto text-sm font-bold">✗</span>}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** The right/wrong panel shown after checking an answer. */
export function FeedbackPanel({ feedback, kind }: { feedback: AnswerFeedback; kind: PublicQuestion['kind'] }) {
  return (
    <div
      role="status"
      className={`rounded-xl p-4 ${feedback.correct ? 'bg-emerald-50 text-emerald-950 dark:bg-emerald-900/40 dark:text-emerald-50' : 'bg-red-50 text-red-950 dark:bg-red-900/40 dark:text-red-50'}`}
    >
      <p className="text-lg font-bold">{feedback.correct ? 'Correct!' : 'Not quite.'}</p>
      {(!feedback.correct || kind === 'type') && (
        <p className="mt-1">
          <span className="font-semibold">Answer:</span> {feedback.answerText}
        </p>
      )}
      {feedback.explanation && <p className="mt-2 text-sm">{feedback.explanation}</p>}
    </div>
  );
}
