/** Text helpers for the document-to-deck builder: input checks, normalisation, inline Markdown. */

import { MAX_INPUT_BYTES, decodeText, textProblem, tooLargeError } from './text-decode';

export const MAX_DOCUMENT_BYTES = MAX_INPUT_BYTES;

export interface DocLine {
  text: string;
  /** 1-based line in the source document. */
  line: number;
}

/**
 * Bytes are decoded with encoding detection (UTF-8 ± BOM, UTF-16 with BOM, Windows-1252); text is
 * checked the same way. Returns the text, or the one reason it is not a study document.
 */
export function readDocument(input: string | Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (typeof input !== 'string') return decodeText(input);
  const bytes = new TextEncoder().encode(input).length;
  if (bytes > MAX_DOCUMENT_BYTES) return { ok: false, error: tooLargeError(bytes) };
  const problem = textProblem(input);
  return problem ? { ok: false, error: problem } : { ok: true, text: input };
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
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/<\/?(?:sup|sub|em|i|b|strong|u|span|small|mark|kbd|br)\b[^>]*>/gi, '')
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
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth += 1;
    else if ((ch === ')' || ch === ']') && depth > 0) depth -= 1;
    // why: never split inside parentheses ("(e.g. SQS. Then ...)") — a prompt cut there is broken.
    else if (depth === 0 && /[.!?]/.test(ch) && /^\s+[A-Z0-9["'(]/.test(text.slice(i + 1, i + 3)) && !/\b(e\.g|i\.e|etc|vs)\.$/i.test(text.slice(Math.max(0, i - 4), i + 1))) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}
