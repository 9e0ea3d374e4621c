'use client';
import { useState } from 'react';

/** A read-only value with a Copy button. */
export function CopyField({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  const shown = value;
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(shown);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</span>
      <div className="flex items-center gap-2">
        <output className={`min-w-0 flex-1 truncate rounded-lg bg-slate-100 px-3 py-2 dark:bg-slate-800 ${mono ? 'font-mono text-2xl font-bold tracking-[0.3em]' : 'text-sm'}`}>
          {shown}
        </output>
        <button type="button" onClick={copy} className="btn btn-secondary shrink-0 px-3 py-1.5 text-sm" aria-label={`Copy ${label.toLowerCase()}`}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
