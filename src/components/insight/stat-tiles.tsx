/** A row of headline numbers. */
export function StatTiles({ items }: { items: Array<{ label: string; value: string; hint?: string }> }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((i) => (
        <div key={i.label} className="card py-3">
          <dt className="text-sm text-slate-600 dark:text-slate-400">{i.label}</dt>
          <dd className="text-2xl font-black tabular-nums">{i.value}</dd>
          {i.hint && <dd className="text-xs text-slate-500">{i.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
