/**
 * Exam-question blocks: a stem (a scenario paragraph and/or a question line) followed by
 * lettered options ("A. text", "A) text", "a) text", optionally as "- A. text" bullets),
 * optionally followed by the key: "Answer: C", "Ans: d", "**Correct answer:** B, D" (several
 * letters make a multi-select question), also inside a `<details>` block, with any explanation
 * lines after it. Keys may instead come from an answer table or list at the end of the document
 * (see builder-answer-key.ts).
 */
import { isBlank, plainInline, type DocLine } from './builder-text';

export interface ExamQuestion {
  stem: string;
  options: string[];
  /** Indexes of the correct options when the document states them (more than one: multi-select). */
  correct?: number[];
  /** The number the document gives the question ("12." → 12), to match an answer table. */
  number?: number;
  explanation?: string;
  line: number;
  /** Indexes (into the section's lines) consumed by this question. */
  used: number[];
}

const OPTION = /^\s*(?:[-*•]\s+)?\(?([A-Fa-f])[.)]\s+(\S.*)$/;
/** "Answer: B", "Ans: d", "**Correct answer:** B, D", "Correct answers - (A) and (C)". */
const ANSWER = /^\s*(?:[-*•>]\s+)?(?:\*\*|__)?(?:correct\s+)?(?:answers?|ans)\.?\s*(?:key)?\s*(?:\*\*|__)?\s*[:\-–]\s*(?:\*\*|__)?\s*((?:\(?[A-Fa-f]\)?(?:\s*(?:,|and|&|\/)\s*|\s+)?)+)(?:\*\*|__)?\s*(?:[.:\-–—]\s*(.*))?$/iu;
/** Lines that wrap an answer without saying anything: `<details>`, `<summary>Answer</summary>`, `</details>`. */
const WRAPPER = /^\s*(<\/?details\b[^>]*>|<summary\b.*<\/summary>)\s*(<summary\b.*<\/summary>)?\s*$/i;
const EXPLANATION = /^\s*(?:\*\*|__)?(?:explanation|why|reason)\s*(?:\*\*|__)?\s*[:\-–]\s*(?:\*\*|__)?\s*(.+)$/i;
const NUMBER = /^\s*(?:Q(?:uestion)?\s*)?(\d{1,3})[.):]\s+/i;
const LETTERS = 'abcdef';

export function findExamQuestions(lines: DocLine[]): ExamQuestion[] {
  const questions: ExamQuestion[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i += 1) {
    const first = OPTION.exec(lines[i].text);
    if (!first || first[1].toLowerCase() !== 'a' || used.has(i)) continue;
    const optionIdx = collectOptions(lines, i);
    if (optionIdx.length < 2) continue;
    const stemIdx = collectStem(lines, i, used);
    if (stemIdx.length === 0) continue;
    const stemLines = stemIdx.map((k) => plainInline(lines[k].text));
    const numbered = NUMBER.exec(stemLines[0]);
    if (numbered) stemLines[0] = stemLines[0].slice(numbered[0].length);
    const q: ExamQuestion = {
      stem: stemLines.join('\n'),
      options: optionIdx.map((k) => plainInline(OPTION.exec(lines[k].text)?.[2] ?? '')),
      line: lines[stemIdx[0]].line,
      used: [...stemIdx, ...optionIdx],
    };
    if (numbered) q.number = Number(numbered[1]);
    readKey(lines, optionIdx[optionIdx.length - 1] + 1, q);
    q.used.forEach((k) => used.add(k));
    questions.push(q);
    i = Math.max(...q.used);
  }
  return questions;
}

/** Reads the answer line (and explanation) after the options, skipping `<details>` wrappers. */
function readKey(lines: DocLine[], from: number, q: ExamQuestion): void {
  let k = nextNonBlank(lines, from);
  const wrappers: number[] = [];
  while (k >= 0 && WRAPPER.test(lines[k].text)) {
    wrappers.push(k);
    k = nextNonBlank(lines, k + 1);
  }
  const answer = k >= 0 ? ANSWER.exec(plainInline(lines[k].text).replace(/^\s*>\s*/, '')) ?? ANSWER.exec(lines[k].text) : null;
  if (!answer) return;
  const letters = [...answer[1].toLowerCase().matchAll(/(?<![a-z])[a-f](?![a-z])/g)].map((m) => LETTERS.indexOf(m[0]));
  if (letters.length === 0 || letters.some((i) => i >= q.options.length)) return;
  q.correct = [...new Set(letters)].sort((a, b) => a - b);
  q.used.push(...wrappers, k);
  const explanation: string[] = answer[2] ? [plainInline(answer[2])] : [];
  let e = k + 1;
  for (; e < lines.length && !isBlank(lines[e]); e += 1) {
    const t = lines[e].text;
    if (WRAPPER.test(t)) {
      q.used.push(e);
      continue;
    }
    if (OPTION.test(t) || NUMBER.test(t)) break;
    const m = EXPLANATION.exec(plainInline(t));
    explanation.push(m ? m[1] : plainInline(t));
    q.used.push(e);
  }
  // A closing </details> after the explanation belongs to the question too.
  const close = nextNonBlank(lines, e);
  if (close >= 0 && /^\s*<\/details>\s*$/i.test(lines[close].text)) q.used.push(close);
  const text = explanation.filter((x) => x !== '').join('\n');
  if (text) q.explanation = text;
}

function collectOptions(lines: DocLine[], start: number): number[] {
  const idx: number[] = [];
  for (let k = start; k < lines.length; k += 1) {
    if (isBlank(lines[k])) continue;
    const m = OPTION.exec(lines[k].text);
    if (!m || m[1].toLowerCase() !== LETTERS[idx.length]) break;
    idx.push(k);
  }
  return idx;
}

/**
 * The stem is the paragraph right above option A; when that paragraph is a lone question line,
 * the scenario paragraph above it belongs to the stem too.
 */
function collectStem(lines: DocLine[], optionA: number, used: Set<number>): number[] {
  const para = paragraphAbove(lines, optionA, used);
  if (para.length === 0) return [];
  const text = para.map((k) => lines[k].text).join(' ').trim();
  if (para.length === 1 && text.endsWith('?')) {
    const scenario = paragraphAbove(lines, para[0], used);
    const scenarioText = scenario.map((k) => lines[k].text).join(' ').trim();
    if (scenario.length > 0 && !scenarioText.endsWith(':') && !scenarioText.endsWith('?')) return [...scenario, ...para];
  }
  return para;
}

/** Indexes of the contiguous prose lines ending just above `before` (blank lines skipped first). */
function paragraphAbove(lines: DocLine[], before: number, used: Set<number>): number[] {
  let k = before - 1;
  while (k >= 0 && isBlank(lines[k])) k -= 1;
  const para: number[] = [];
  while (k >= 0 && !isBlank(lines[k]) && !used.has(k) && !OPTION.exec(lines[k].text) && !/^\s*[-*•]\s/.test(lines[k].text)) {
    para.unshift(k);
    k -= 1;
  }
  return para;
}

function nextNonBlank(lines: DocLine[], from: number): number {
  for (let k = from; k < lines.length; k += 1) if (!isBlank(lines[k])) return k;
  return -1;
}
