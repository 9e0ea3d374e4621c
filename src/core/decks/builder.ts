/**
 * Document -> draft deck. Splits a study document (plain notes or Markdown) into its sections and
 * drafts cards from each: basic term/definition cards, clozes on numbers and named terms, and
 * mcq drafts (needsAnswerKey) from exam-question blocks. Never throws on bad input.
 */
import { CARD_KINDS, type CardData, type CardKind, type DeckData } from './card-types';
import { clozeAnswer } from './cloze';
import { findAnswerKey } from './builder-answer-key';
import { findExamQuestions, type ExamQuestion } from './builder-exam';
import { draftFacts } from './builder-facts';
import { splitDocument } from './builder-sections';
import { normalizeLines, readDocument } from './builder-text';
import { htmlToText, looksLikeHtml } from './html-text';
import { unwrapBlocks } from './builder-blocks';
import { fallbackDraft } from './builder-fallback';
import { siblingChoices, type PairFact } from './builder-choices';
import { idProblem } from './deck-validate';
import { slugify, uniqueKey } from './slug';

export { listSections } from './builder-sections';

export interface BuildOptions {
  /** Deck id (`[a-z0-9-]+`); default "draft". */
  id?: string;
  /** Deck title; default the document's `#` title, else "Draft deck". */
  title?: string;
  /** First part of each card's section (`Topic › Heading`); default the title. */
  topic?: string;
  /** Source document name stored in the deck header. */
  source?: string;
}

export interface BuildSummary {
  sections: string[];
  draftsByKind: Record<CardKind, number>;
  draftsBySection: Record<string, number>;
  warnings: string[];
}

export type BuildResult =
  | { ok: true; deck: DeckData; summary: BuildSummary }
  | { ok: false; error: string };

export function buildDeck(input: string | Uint8Array, options: BuildOptions = {}): BuildResult {
  const read = readDocument(input);
  if (!read.ok) return read;
  const id = options.id ?? 'draft';
  const idIssue = idProblem(id);
  if (idIssue) return { ok: false, error: `deck ${idIssue}` };

  // why: HTML notes are read through their structure (headings, lists, tables), not as raw tags.
  const lines = unwrapBlocks(normalizeLines(looksLikeHtml(read.text) ? htmlToText(read.text) : read.text));
  let doc = splitDocument(lines);
  const warnings: string[] = [];
  const headed = doc.sections.length > 0;
  if (!headed) {
    // why: a list of practice questions or a page of notes without headings is still usable;
    // its cards go under one section named after the deck.
    const name = options.title ?? 'Notes';
    doc = { preamble: [], sections: [{ heading: name, title: name, line: 1, lines }] };
    warnings.push('line 1: no headings found, so every card is filed under one section');
  }
  const title = options.title ?? doc.title ?? 'Draft deck';
  const topic = options.topic ?? title;
  if (doc.preamble.length > 0) {
    warnings.push(`line ${doc.preamble[0].line}: ${doc.preamble.length} line(s) before the first heading were not used`);
  }

  const taken = new Set<string>();
  const cards: CardData[] = [];
  const draftsBySection: Record<string, number> = {};
  const key = findAnswerKey(doc.sections.flatMap((s) => s.lines));
  const pairs: PairFact[] = [];
  for (const s of doc.sections) {
    const section = `${topic} › ${s.heading}`;
    const head = slugify(s.heading, 24) || 'section';
    const before = cards.length;
    const questions = findExamQuestions(s.lines);
    const used = new Set(questions.flatMap((q) => q.used.map((k) => s.lines[k].line)));
    for (const q of questions) {
      if (q.options.length !== 4) warnings.push(`line ${q.line}: exam question has ${q.options.length} options, not 4`);
      if (q.correct === undefined && q.number !== undefined) {
        const fromKey = key.byNumber.get(q.number);
        if (fromKey && fromKey.every((i) => i < q.options.length)) q.correct = fromKey;
      }
      cards.push(examCard(q, uniqueKey(`${head}-q-${slugify(q.stem, 28)}`, taken), section));
    }
    const rest = s.lines.filter((l) => !used.has(l.line) && !key.lines.has(l.line));
    for (const d of draftFacts(rest, s.title)) {
      const key = uniqueKey(`${head}-${slugify(d.basis, 28) || 'fact'}`, taken);
      if (d.kind === 'basic' && d.pair) pairs.push({ ...d.pair, definition: d.answer, section, keyPrefix: head });
      if (d.kind === 'basic') cards.push({ key, kind: 'basic', prompt: d.prompt, answer: d.answer, section });
      else cards.push({ key, kind: 'cloze', prompt: d.prompt, answer: clozeAnswer(d.prompt), section });
    }
    if (cards.length === before && headed) {
      const fb = fallbackDraft(rest, `${topic} › ${s.heading}`);
      if (fb) cards.push({ key: uniqueKey(`${head}-key-points`, taken), kind: 'basic', prompt: fb.prompt, answer: fb.answer, section });
    }
    draftsBySection[s.heading] = cards.length - before;
    if (cards.length === before) warnings.push(`line ${s.line}: section '${s.heading}' produced no drafts`);
  }

  for (const c of siblingChoices(pairs, taken)) {
    cards.push(c);
    draftsBySection[sectionHeadingOf(c.section, topic)] = (draftsBySection[sectionHeadingOf(c.section, topic)] ?? 0) + 1;
  }
  if (cards.length === 0) {
    return { ok: false, error: 'no card could be drafted: the document has no headings, term/definition lines, facts with numbers or exam questions the builder recognises' };
  }
  const draftsByKind = Object.fromEntries(CARD_KINDS.map((k) => [k, 0])) as Record<CardKind, number>;
  for (const c of cards) draftsByKind[c.kind] += 1;
  const deck: DeckData = {
    id,
    title,
    description: options.source ? `Draft cards built from ${options.source}.` : 'Draft cards built from a study document.',
    cards,
  };
  if (options.source) deck.source = options.source;
  return { ok: true, deck, summary: { sections: doc.sections.map((s) => s.heading), draftsByKind, draftsBySection, warnings } };
}

function sectionHeadingOf(section: string, topic: string): string {
  return section.startsWith(`${topic} › `) ? section.slice(topic.length + 3) : section;
}

/** An exam question as a card: mcq, multi when the key names several options, flagged when unkeyed. */
function examCard(q: ExamQuestion, key: string, section: string): CardData {
  const correct = q.correct ?? [];
  const card: CardData = {
    key,
    kind: correct.length > 1 ? 'multi' : 'mcq',
    prompt: q.stem,
    answer: correct.map((i) => q.options[i]).join('; '),
    options: q.options,
    correct,
    section,
  };
  if (q.explanation) card.explanation = q.explanation;
  if (correct.length === 0) card.needsAnswerKey = true;
  return card;
}

/** Human-readable summary for the CLI (one section per line, with its draft count). */
export function formatBuildSummary(summary: BuildSummary): string {
  const lines = [`${summary.sections.length} section(s):`];
  for (const s of summary.sections) lines.push(`  ${String(summary.draftsBySection[s] ?? 0).padStart(3)}  ${s}`);
  const kinds = CARD_KINDS.filter((k) => summary.draftsByKind[k] > 0).map((k) => `${k} ${summary.draftsByKind[k]}`);
  lines.push(`drafts: ${kinds.join(', ') || 'none'}`);
  for (const w of summary.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}
