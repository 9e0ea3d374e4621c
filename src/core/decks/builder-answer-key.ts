/**
 * Answer keys given apart from the questions: a table (`| 1 | B |`, `| Q | Answer |` header) or a
 * list (`1. B`, `2) A, C`, `3 - d`) under a heading or label that says "answer". Returns the
 * letters per question number, and the document lines that held them (not facts to draft).
 */
import type { DocLine } from './builder-text';

const TABLE_ROW = /^\s*\|?\s*(?:Q\s*)?(\d{1,3})\s*\|\s*((?:\(?[A-Fa-f]\)?\s*(?:,|and|&|\/)?\s*)+)\s*\|/i;
const LIST_ROW = /^\s*(?:[-*]\s+)?(?:Q\s*)?(\d{1,3})\s*[.):\-–]\s*((?:\(?[A-Fa-f]\)?\s*(?:,|and|&|\/)?\s*)+)\s*$/i;
const KEY_HEADING = /^\s*(?:#{1,6}\s+|\*\*)?.*\b(answers?|answer key|solutions?)\b/i;

export interface AnswerKey {
  /** Question number → 0-based option indexes. */
  byNumber: Map<number, number[]>;
  /** Document line numbers that belong to the key. */
  lines: Set<number>;
}

export function findAnswerKey(lines: DocLine[]): AnswerKey {
  const byNumber = new Map<number, number[]>();
  const used = new Set<number>();
  let inKey = false;
  for (const l of lines) {
    const t = l.text;
    if (KEY_HEADING.test(t) && !TABLE_ROW.test(t) && !LIST_ROW.test(t)) {
      inKey = true;
      continue;
    }
    if (/^\s*#{1,6}\s/.test(t)) {
      inKey = false;
      continue;
    }
    if (!inKey) continue;
    const m = TABLE_ROW.exec(t) ?? LIST_ROW.exec(t);
    if (!m) continue;
    const letters = [...m[2].toLowerCase().matchAll(/(?<![a-z])[a-f](?![a-z])/g)].map((x) => 'abcdef'.indexOf(x[0]));
    if (letters.length === 0) continue;
    byNumber.set(Number(m[1]), [...new Set(letters)].sort((a, b) => a - b));
    used.add(l.line);
  }
  // why: two or fewer rows under an "answers" heading are more likely prose than a key.
  if (byNumber.size < 2) return { byNumber: new Map(), lines: new Set() };
  return { byNumber, lines: used };
}
