/**
 * Exam-question blocks: a stem (a scenario paragraph and/or a question line) followed by
 * lettered options ("A. text", "A) text", "a) text", optionally as "- A. text" bullets),
 * optionally followed by an "Answer: C" line.
 */
import { isBlank, plainInline, type DocLine } from './builder-text';

export interface ExamQuestion {
  stem: string;
  options: string[];
  /** Index of the correct option when the document states it. */
  correct?: number;
  line: number;
  /** Indexes (into the section's lines) consumed by this question. */
  used: number[];
}

const OPTION = /^\s*(?:[-*•]\s+)?\(?([A-Fa-f])[.)]\s+(\S.*)$/;
const ANSWER = /^\s*(?:[-*•]\s+)?(?:correct\s+)?answer\s*(?:key)?\s*[:\-–]\s*\(?([A-Fa-f])\)?(?![\p{L}])/iu;
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
    const q: ExamQuestion = {
      stem: stemIdx.map((k) => plainInline(lines[k].text)).join('\n'),
      options: optionIdx.map((k) => plainInline(OPTION.exec(lines[k].text)?.[2] ?? '')),
      line: lines[stemIdx[0]].line,
      used: [...stemIdx, ...optionIdx],
    };
    const after = nextNonBlank(lines, optionIdx[optionIdx.length - 1] + 1);
    const answer = after >= 0 ? ANSWER.exec(lines[after].text) : null;
    if (answer) {
      const idx = LETTERS.indexOf(answer[1].toLowerCase());
      if (idx < q.options.length) q.correct = idx;
      q.used.push(after);
    }
    q.used.forEach((k) => used.add(k));
    questions.push(q);
    i = Math.max(...q.used);
  }
  return questions;
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
