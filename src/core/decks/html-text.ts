/**
 * HTML study notes → the Markdown-like text the builder reads: headings become `#` lines, list
 * items `- ` bullets, table rows `| a | b |` lines, bold and code keep their marks. Scripts, styles
 * and comments are dropped with their content; nothing is ever rendered as HTML.
 */
import { stripHtml } from './anki-import';

/** True when the document is HTML rather than text or Markdown that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.trimStart().slice(0, 2000).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return head.startsWith('<') && (text.match(/<\/(h[1-6]|p|li|div|section|table)>/gi)?.length ?? 0) >= 2;
}

export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_m, n: string, inner: string) => `\n\n${'#'.repeat(Number(n))} ${oneLine(inner)}\n\n`)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<tr\b[^>]*>/gi, '\n|')
    .replace(/<\/(td|th)\s*>/gi, ' |')
    .replace(/<(td|th)\b[^>]*>/gi, ' ')
    .replace(/<\/?(strong|b)\b[^>]*>/gi, '**')
    .replace(/<\/?code\b[^>]*>/gi, '`')
    .replace(/<\/(p|div|ul|ol|table|section|article|blockquote|pre|dl)\s*>/gi, '\n\n')
    .replace(/<(p|div|ul|ol|table|section|article|blockquote|pre|dl)\b[^>]*>/gi, '\n\n')
    .replace(/<dt\b[^>]*>/gi, '\n- **')
    .replace(/<\/dt\s*>/gi, '**: ')
    .replace(/<\/?dd\b[^>]*>/gi, ' ');
  return stripHtml(text)
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\*\*\s*\*\*/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function oneLine(inner: string): string {
  return stripHtml(inner.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}
