/**
 * Cloze deletions: `{{c1::hidden text}}` or `{{c1::hidden text::hint}}`.
 * All deletions of a card are hidden together (one card per note, unlike Anki's one per cN).
 */

const DELETION = /\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/gs;

export interface ClozeDeletion {
  index: number;
  text: string;
  hint?: string;
}

export function clozeDeletions(prompt: string): ClozeDeletion[] {
  const found: ClozeDeletion[] = [];
  for (const m of prompt.matchAll(DELETION)) {
    const deletion: ClozeDeletion = { index: Number(m[1]), text: m[2] };
    if (m[3] !== undefined) deletion.hint = m[3];
    found.push(deletion);
  }
  return found;
}

export function hasCloze(prompt: string): boolean {
  return clozeDeletions(prompt).some((d) => d.text.trim() !== '');
}

/** The full text, deletions revealed (the back of the card). */
export function clozeAnswer(prompt: string): string {
  return prompt.replace(DELETION, (_all, _n: string, text: string) => text);
}

/** The front of the card: each deletion shown as `[...]` or `[hint]`. */
export function clozeFront(prompt: string): string {
  return prompt.replace(DELETION, (_all, _n: string, _text: string, hint?: string) =>
    hint ? `[${hint}]` : '[...]',
  );
}

/** Wraps the given exact substrings (first occurrence each) in `{{c1::...}}`; null if none is found. */
export function makeCloze(text: string, targets: string[]): string | null {
  let out = text;
  let made = 0;
  for (const target of targets) {
    if (!target) continue;
    const at = findOutsideCloze(out, target);
    if (at < 0) continue;
    out = `${out.slice(0, at)}{{c1::${target}}}${out.slice(at + target.length)}`;
    made += 1;
  }
  return made > 0 ? out : null;
}

function findOutsideCloze(text: string, target: string): number {
  let from = 0;
  while (from <= text.length) {
    const at = text.indexOf(target, from);
    if (at < 0) return -1;
    const before = text.slice(0, at);
    const open = before.lastIndexOf('{{c');
    const close = before.lastIndexOf('}}');
    if (open <= close) return at;
    from = at + 1;
  }
  return -1;
}
