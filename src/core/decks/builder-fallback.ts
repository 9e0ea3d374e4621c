/**
 * The card for a section whose content made no card of its own (plain bullets without a
 * term/definition shape, or a short paragraph): every heading with content gets at least one.
 */
import { capitalise, isBlank, plainInline, sentences, wordCount, type DocLine } from './builder-text';

const BULLET = /^\s*(?:[-*+•]|\d+[.)])\s+(.*)$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** `path` is the section's heading path (`Prometheus › Overview`). */
export function fallbackDraft(lines: DocLine[], path: string): { prompt: string; answer: string } | null {
  const parts = path.split('›').map((p) => p.trim());
  const own = parts[parts.length - 1];
  // why: "Overview", "Introduction" and the like are about their parent heading.
  const subject = /^(overview|introduction|intro|summary|about|basics|general)$/i.test(own) && parts.length > 1 ? parts[parts.length - 2] : own;
  const prose: string[] = [];
  const bullets: string[] = [];
  let inFence = false;
  for (const l of lines) {
    if (FENCE.test(l.text)) inFence = !inFence;
    if (inFence || isBlank(l) || /^\s*!\[[^\]]*\]\([^)]*\)\s*$/.test(l.text) || /^\s*#{1,6}\s/.test(l.text)) continue;
    const b = BULLET.exec(l.text);
    if (b) bullets.push(plainInline(b[1]));
    else prose.push(plainInline(l.text));
  }
  const items = bullets.filter((b) => b !== '' && wordCount(b) <= 20).slice(0, 8);
  if (items.length >= 2) return { prompt: `What are the key points of ${subject}?`, answer: items.join('\n') };
  const text = sentences(prose.join(' ')).slice(0, 2).join(' ');
  if (text === '' || wordCount(text) < 4 || wordCount(text) > 80) return null;
  return { prompt: `What is ${subject}?`, answer: capitalise(text) };
}
