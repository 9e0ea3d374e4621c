import type { TakeStateJson } from './take-types';

type Item = NonNullable<TakeStateJson['lastReview']>[number];

function choiceText(item: Item): string {
  if (item.yourChoice === null) return 'Not answered';
  if (typeof item.yourChoice === 'string') return item.yourChoice;
  return item.yourChoice.map((i) => item.options?.[i] ?? '?').join('; ');
}

/** Per-question review after submitting: your answer, the right one, the explanation. */
export function AttemptReview({ items }: { items: Item[] }) {
  return (
    <section aria-labelledby="review-heading" className="card flex flex-col gap-3">
      <h2 id="review-heading" className="text-lg font-bold">
        Your answers
      </h2>
      <ol className="flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.index} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
            <p className="font-medium">
              <span aria-hidden className={item.feedback.correct ? 'text-emerald-600' : 'text-red-600'}>
                {item.feedback.correct ? '✓' : '✗'}
              </span>{' '}
              <span className="sr-only">{item.feedback.correct ? 'Right:' : 'Wrong:'}</span>
              {item.index + 1}. {item.prompt}
            </p>
            <p className="mt-1 text-sm">
              <span className="text-slate-500 dark:text-slate-400">You:</span> {choiceText(item)}
            </p>
            {!item.feedback.correct && (
              <p className="text-sm">
                <span className="text-slate-500 dark:text-slate-400">Answer:</span> {item.feedback.answerText}
              </p>
            )}
            {item.feedback.explanation && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{item.feedback.explanation}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
