/**
 * Splitting a study document into sections. Markdown `#`/`##` headings when the document has any;
 * otherwise the notes' own style: a short title-like line alone between blank lines.
 */
import { isBlank, normalizeLines, plainInline, wordCount, type DocLine } from './builder-text';

export interface DocSection {
  /** The full heading path under the document title, `A › B › C`. */
  heading: string;
  /** The section's own heading (the last part of the path). */
  title: string;
  line: number;
  /** Body lines, heading excluded. */
  lines: DocLine[];
}

export interface SplitDocument {
  /** A single top `#` title above `##` sections, if the document has one. */
  title?: string;
  /** Non-blank lines before the first heading. */
  preamble: DocLine[];
  sections: DocSection[];
}

const MD_HEADING = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const IMAGE_ONLY = /^\s*!\[[^\]]*\]\([^)]*\)\s*$/;

/** The headings of a document, in order (what the builder turns into sections). */
export function listSections(text: string): string[] {
  return splitDocument(normalizeLines(text)).sections.map((s) => s.heading);
}

export function splitDocument(lines: DocLine[]): SplitDocument {
  const md = markdownHeadings(lines);
  const headingAt = new Map<number, { path: string; title: string }>();
  let title: string | undefined;
  if (md.length > 0) {
    const top = md.filter((h) => h.level === 1);
    const hasSecond = md.some((h) => h.level === 2);
    // why: every heading level is a section, filed under its full path, so facts under
    // `### Shards` land in `Kinesis › Data Streams › Shards` rather than in their parent.
    const stack: MdHeading[] = [];
    for (const h of md) {
      if (h.level === 1 && top.length === 1 && hasSecond && h.index === md[0].index) {
        title = h.text;
        continue;
      }
      while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop();
      stack.push(h);
      headingAt.set(h.index, { path: stack.map((x) => x.text).join(' › '), title: h.text });
    }
  } else {
    lines.forEach((l, i) => {
      if (isPlainHeading(lines, i)) headingAt.set(i, { path: plainInline(l.text), title: plainInline(l.text) });
    });
  }

  const preamble: DocLine[] = [];
  const sections: DocSection[] = [];
  let current: DocSection | null = null;
  lines.forEach((l, i) => {
    const heading = headingAt.get(i);
    if (heading !== undefined) {
      current = { heading: heading.path, title: heading.title, line: l.line, lines: [] };
      sections.push(current);
    } else if (current) {
      current.lines.push(l);
    } else if (!isBlank(l) && !(title !== undefined && MD_HEADING.test(l.text))) {
      preamble.push(l);
    }
  });
  // A heading whose only content is sub-headings is part of their paths, not a section of its own.
  return { title, preamble, sections: sections.filter((x) => md.length === 0 || x.lines.some((l) => !isBlank(l) && !IMAGE_ONLY.test(l.text))) };
}

interface MdHeading {
  index: number;
  level: number;
  text: string;
}

function markdownHeadings(lines: DocLine[]): MdHeading[] {
  const found: MdHeading[] = [];
  let inFence = false;
  lines.forEach((l, index) => {
    if (FENCE.test(l.text)) inFence = !inFence;
    if (inFence) return;
    const m = MD_HEADING.exec(l.text);
    if (m) found.push({ index, level: m[1].length, text: headingText(m[2]) });
  });
  return found;
}

/** Heading text without Markdown marks, leading numbering or emoji ("1. 🚀 Launch" → "Launch"). */
function headingText(raw: string): string {
  let text = plainInline(raw);
  // why: "1. 📨 Queues" and "📨 1. Queues" both file as "Queues"; numbering and emoji are decoration.
  for (let before = ''; before !== text; ) {
    before = text;
    text = text
      .replace(/^(?:[\p{Extended_Pictographic}\u200d\ufe0f]+\s*)+/u, '')
      .replace(/^(?:\d+\.)*\d+[.)]?\s+(?=\S)/, '')
      .trim();
  }
  return text || plainInline(raw);
}

/**
 * A plain-text heading: alone between blank lines, short, title-like. Excludes what the notes
 * put alone on a line without being a heading: questions ("Which ... choose?"), labels
 * ("Use Case:"), sentences, list items ("1. Standard Queue" belongs to its section) and
 * equations ("User Pools = Who you are").
 */
export function isPlainHeading(lines: DocLine[], i: number): boolean {
  if (!isBlank(lines[i - 1]) || !isBlank(lines[i + 1])) return false;
  const t = lines[i].text.trim();
  if (t === '' || t.length > 80 || wordCount(t) > 10) return false;
  if (/[.,;:!?]$/.test(t)) return false;
  if (/^([-*+•>|]|\d+[.)]\s|[A-Za-z][.)]\s)/.test(t)) return false;
  if (/\s=\s|^=|=$/.test(t)) return false;
  const firstLetter = /\p{L}/u.exec(plainInline(t));
  return firstLetter !== null && firstLetter[0] === firstLetter[0].toUpperCase() && firstLetter[0] !== firstLetter[0].toLowerCase();
}
