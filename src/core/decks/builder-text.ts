/** Text helpers for the document-to-deck builder: input checks, normalisation, inline Markdown. */

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export interface DocLine {
  text: string;
  /** 1-based line in the source document. */
  line: number;
}

/** Returns a reason the input is not a study document, or null when it looks like text. */
export function rejectInput(input: string | Uint8Array): string | null {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;
  if (bytes > MAX_DOCUMENT_BYTES) {
    return `the document is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`;
  }
  if (typeof input !== 'string' && input.includes(0)) return 'this looks like a binary file (it contains NUL bytes), not a text document';
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  if (text.includes('\u0000')) return 'this looks like a binary file (it contains NUL bytes), not a text document';
  if (text.replace(/[\s\u00a0\uFEFF]/g, '') === '') return 'the document is empty';
  let odd = 0;
  for (const ch of text) {
    // why: C0/C1 control characters and U+FFFD (undecodable bytes) are what binary data turns into.
    if (/[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/.test(ch)) odd += 1;
  }
  if (odd / text.length > 0.1) return 'this looks like a binary file (mostly non-printable characters), not a text document';
  return null;
}

export function decodeInput(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
}

/** BOM, CRLF, non-breaking and other odd spaces, trailing spaces: all normalised away. */
export function normalizeLines(text: string): DocLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ text: raw.replace(/[\u00a0\u2007\u202f\u200b\u3000]/g, ' ').replace(/\s+$/, ''), line: i + 1 }));
}

export function isBlank(line: DocLine | undefined): boolean {
  return line === undefined || line.text.trim() === '';
}

/** Markdown links, escapes, emphasis and code marks removed; spaces collapsed. */
export function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a?: string, b?: string) => a ?? b ?? '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Bold, `code` and link-text spans (the notes link their named terms), in order, without marks. */
export function emphasisedTerms(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.matchAll(/\*\*(.+?)\*\*|__(.+?)__|`([^`]+)`|(?<!!)\[([^\]]+)\]\([^)]*\)/g)) {
    const term = plainInline(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').replace(/[:\s]+$/, '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** Upper-cases a leading plain word ("messages are" -> "Messages are"), not identifiers like "ecr:Get". */
export function capitalise(text: string): string {
  return /^[a-z]+(?:[\s,;.)]|$)/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Splits prose into sentences without breaking on "e.g." style abbreviations. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9["'(])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
