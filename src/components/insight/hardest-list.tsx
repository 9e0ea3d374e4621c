import { fmtPct, fmtSeconds } from './format';

export interface HardestItem {
  index: number;
  prompt: string;
  accuracy: number | null;
  avgResponseMs: number | null;
  answer: string;
}

/** The questions most people got wrong, hardest first. */
export function HardestList({ items }: { items: HardestItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="hardest" className="flex flex-col gap-3">
      <h2 id="hardest" className="text-xl font-bold">Hardest questions</h2>
      <ol className="flex flex-col gap-2" data-testid="hardest">
        {items.map((q) => (
          <li key={q.index} className="card flex flex-col gap-1 py-3">
            <p className="font-semibold">
              Q{q.index + 1}. {q.prompt}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {fmtPct(q.accuracy)} correct · average {fmtSeconds(q.avgResponseMs)} · answer:{' '}
              <span className="font-medium text-slate-900 dark:text-slate-100">{q.answer}</span>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
