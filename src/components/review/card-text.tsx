/**
 * why: deck files wrap long fields over several lines; a single line break is a wrap, a blank line
 * a paragraph break.
 */
export function unwrap(text: string): string {
  return text.replace(/([^\n])\n(?!\n)/g, '$1 ');
}

/** Card text as plain text (never HTML). */
export function CardText({ text, className = '' }: { text: string; className?: string }) {
  return <p className={`whitespace-pre-line ${className}`}>{unwrap(text)}</p>;
}

const DELETION = /\{\{c\d+::(.*?)(?:::.*?)?\}\}/gs;

/** A cloze card's back: the full sentence with the deletions highlighted. */
export function ClozeBack({ prompt }: { prompt: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  prompt = unwrap(prompt);
  for (const m of prompt.matchAll(DELETION)) {
    parts.push(prompt.slice(last, m.index));
    parts.push(
      <mark key={m.index} className="rounded bg-brand-100 px-1 font-semibold text-brand-900 dark:bg-brand-900 dark:text-brand-50">
        {m[1]}
      </mark>,
    );
    last = m.index + m[0].length;
  }
  parts.push(prompt.slice(last));
  return <p className="whitespace-pre-line text-xl leading-relaxed">{parts}</p>;
}
