export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="card mx-auto max-w-xl text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-2 text-slate-600 dark:text-slate-400">{children}</div>
    </div>
  );
}
