import { clozeDeletions } from '@/core/decks/cloze';

const DELETION = /\{\{c\d+::(.*?)(?:::(.*?))?\}\}/gs;

/**
 * A cloze prompt as text: `hidden` shows each deletion as a blank (or its hint), otherwise the
 * deletions are revealed and highlighted. Rendered as React text nodes, never as HTML.
 */
export function ClozeText({ prompt, hidden }: { prompt: string; hidden: boolean }) {
  if (clozeDeletions(prompt).length === 0) return <>{prompt}</>;
  const parts: React.ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of prompt.matchAll(DELETION)) {
    if (m.index > last) parts.push(prompt.slice(last, m.index));
    parts.push(
      hidden ? (
        <span key={n++} className="rounded bg-amber-100 px-1 font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
          [{m[2] ?? '…'}]
        </span>
      ) : (
        <mark key={n++} className="rounded bg-amber-200 px-1 font-semibold text-amber-950 dark:bg-amber-700 dark:text-amber-50">
          {m[1]}
        </mark>
      ),
    );
    last = m.index + m[0].length;
  }
  if (last < prompt.length) parts.push(prompt.slice(last));
  return <>{parts}</>;
}
