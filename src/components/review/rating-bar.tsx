'use client';
import type { RatingPreview } from '@/server/review/study-card';

const NAMES = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;
const TONES = {
  1: 'ring-rose-400 text-rose-800 dark:text-rose-200',
  2: 'ring-amber-400 text-amber-800 dark:text-amber-200',
  3: 'ring-emerald-500 text-emerald-800 dark:text-emerald-200',
  4: 'ring-sky-500 text-sky-800 dark:text-sky-200',
} as const;

interface Props {
  previews: RatingPreview[];
  suggested: 1 | 2 | 3 | 4 | null;
  busy: boolean;
  onRate(rating: 1 | 2 | 3 | 4): void;
}

/** Again / Hard / Good / Easy with the next interval on each (keys 1-4). */
export function RatingBar({ previews, suggested, busy, onRate }: Props) {
  return (
    <div role="group" aria-label="How well did you know it?" className="grid grid-cols-4 gap-2">
      {previews.map((p) => (
        <button
          key={p.rating}
          type="button"
          disabled={busy}
          onClick={() => onRate(p.rating)}
          aria-keyshortcuts={String(p.rating)}
          className={`flex min-h-16 flex-col items-center justify-center rounded-lg bg-white px-1 py-2 ring-2 transition hover:bg-slate-50 disabled:opacity-50 dark:bg-slate-800 dark:hover:bg-slate-700 ${TONES[p.rating]} ${
            suggested === p.rating ? 'shadow-lg ring-4' : ''
          }`}
        >
          <span className="text-xs text-slate-500 dark:text-slate-400">{p.label}</span>
          <span className="font-semibold">{NAMES[p.rating]}</span>
          <span className="hidden text-xs text-slate-400 sm:block">{p.rating}</span>
        </button>
      ))}
    </div>
  );
}
