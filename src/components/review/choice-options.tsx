'use client';

const LETTERS = 'ABCDEFGHI';

interface Props {
  options: string[];
  /** Indexes picked by the student. */
  chosen: number[];
  /** Shown after answering: marks right and wrong options. */
  correct: number[] | null;
  multi: boolean;
  onPick(index: number): void;
}

/** Answer options as big buttons (keys 1-4 or A-D); after answering, right/wrong are marked. */
export function ChoiceOptions({ options, chosen, correct, multi, onPick }: Props) {
  const answered = correct !== null;
  return (
    <ol className="mt-4 grid gap-2 sm:grid-cols-2" aria-label={multi ? 'Options (pick all that apply)' : 'Options'}>
      {options.map((text, i) => {
        const picked = chosen.includes(i);
        const right = answered && correct.includes(i);
        const wrong = answered && picked && !right;
        const tone = right
          ? 'bg-emerald-50 ring-emerald-500 dark:bg-emerald-950'
          : wrong
            ? 'bg-rose-50 ring-rose-500 dark:bg-rose-950'
            : picked
              ? 'bg-brand-50 ring-brand-500 dark:bg-brand-900'
              : 'bg-white ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:ring-slate-600 dark:hover:bg-slate-700';
        return (
          <li key={i}>
            <button
              type="button"
              disabled={answered}
              aria-pressed={picked}
              onClick={() => onPick(i)}
              className={`flex min-h-14 w-full items-start gap-3 rounded-lg px-4 py-3 text-left ring-2 transition-colors disabled:cursor-default ${tone}`}
            >
              <span className="mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded bg-slate-200 text-sm font-bold dark:bg-slate-700">
                {LETTERS[i]}
              </span>
              <span className="flex-1">{text}</span>
              {right && <span className="font-bold text-emerald-700 dark:text-emerald-300" aria-label="correct answer">✓</span>}
              {wrong && <span className="font-bold text-rose-700 dark:text-rose-300" aria-label="your wrong answer">✗</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
