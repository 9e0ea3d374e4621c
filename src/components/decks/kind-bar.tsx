import { CARD_KINDS, type CardKind } from '@/core/decks/card-types';
import { KIND_LABELS } from './kinds';

const BAR: Record<CardKind, string> = {
  basic: 'bg-sky-500',
  cloze: 'bg-amber-500',
  mcq: 'bg-violet-500',
  multi: 'bg-fuchsia-500',
  tf: 'bg-emerald-500',
  type: 'bg-rose-500',
};
const DOT = BAR;

/** A deck's mix of card kinds as one stacked bar with a legend of counts. */
export function KindBar({ byKind }: { byKind: Record<CardKind, number> }) {
  const total = CARD_KINDS.reduce((a, k) => a + byKind[k], 0);
  const present = CARD_KINDS.filter((k) => byKind[k] > 0);
  if (total === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
        {present.map((k) => (
          <div key={k} className={BAR[k]} style={{ width: `${(byKind[k] / total) * 100}%` }} />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-300" aria-label="Cards by kind">
        {present.map((k) => (
          <li key={k} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${DOT[k]}`} />
            {KIND_LABELS[k]} {byKind[k]}
          </li>
        ))}
      </ul>
    </div>
  );
}
