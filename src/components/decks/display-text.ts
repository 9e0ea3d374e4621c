/**
 * Deck files wrap long values over indented lines, and those wraps come back as "\n". A wrap in
 * mid-sentence is joined with a space; a break after a sentence, or before a list item, is kept
 * (the builder's bullet answers), so callers render the result with `white-space: pre-line`.
 */
export function displayText(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1].trimEnd();
    const next = lines[i];
    const keep = /[.!?:]$/.test(prev) || /^\s*([-*•]|\d+[.)])\s/.test(next);
    out += (keep ? '\n' : ' ') + next;
  }
  return out;
}
