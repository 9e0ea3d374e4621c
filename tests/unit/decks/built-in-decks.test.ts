import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, listSections } from '@/core/decks/builder';
import { checkDeckFiles } from '@/core/decks/deck-check';
import { sectionHeading } from '@/core/decks/deck-file';
import { ROOT_DIR, readAwsNotes } from './notes-fixture';

/** The shipped built-in decks checked against the shipped source document they were made from. */
const DECK_DIR = path.join(ROOT_DIR, 'content/decks');
const files = readdirSync(DECK_DIR)
  .filter((f) => f.endsWith('.deck'))
  .map((name) => ({ name, text: readFileSync(path.join(DECK_DIR, name), 'utf8') }));
const checked = checkDeckFiles(files);
const cards = checked.decks.flatMap((d) => d.cards.map((c) => ({ ...c, deck: d.id })));
const notes = readAwsNotes();

describe('built-in decks (content/decks)', () => {
  it('parse as built-in decks without a single problem', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(checked.problems).toEqual([]);
  });

  it('hold at least 150 cards, each with a section and a unique id', () => {
    expect(cards.length).toBeGreaterThanOrEqual(150);
    for (const c of cards) expect(c.section.trim(), `${c.deck}/${c.key}`).not.toBe('');
    const keys = cards.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of checked.decks) expect(new Set(d.cards.map((c) => c.key)).size).toBe(d.cards.length);
    expect(new Set(checked.decks.map((d) => d.id)).size).toBe(checked.decks.length);
  });

  it('cover every section of the study document with at least 2 cards', () => {
    const sections = listSections(notes);
    expect(sections.length).toBeGreaterThanOrEqual(40);
    const perHeading = new Map<string, number>();
    for (const c of cards) perHeading.set(sectionHeading(c.section), (perHeading.get(sectionHeading(c.section)) ?? 0) + 1);
    const thin = sections.filter((s) => (perHeading.get(s) ?? 0) < 2).map((s) => `${s}: ${perHeading.get(s) ?? 0}`);
    expect(thin).toEqual([]);
  });

  it('name only sections that exist in the document', () => {
    const sections = new Set(listSections(notes));
    const unknown = [...new Set(cards.map((c) => sectionHeading(c.section)))].filter((h) => !sections.has(h));
    expect(unknown).toEqual([]);
  });

  it('have at least 90 multiple-choice cards with exactly 4 options and one correct option', () => {
    const mcq = cards.filter((c) => c.kind === 'mcq');
    const wellFormed = mcq.filter(
      (c) => c.options?.length === 4 && c.correct?.length === 1 && c.correct[0] >= 0 && c.correct[0] < 4 && !c.needsAnswerKey,
    );
    expect(wellFormed.length).toBe(mcq.length);
    expect(mcq.length).toBeGreaterThanOrEqual(90);
    for (const c of mcq) expect(c.answer).toBe(c.options![c.correct![0]]);
  });
});

describe('the exam deck', () => {
  const built = buildDeck(notes, { id: 'notes' });
  if (!built.ok) throw new Error(built.error);
  const questions = built.deck.cards.filter((c) => c.kind === 'mcq' && c.key.includes('-q-'));
  const exam = checked.decks.find((d) => d.id === 'exam');

  it('the builder finds the six exam questions of the document', () => {
    expect(questions).toHaveLength(6);
    for (const q of questions) expect(q.options).toHaveLength(4);
  });

  it.each(questions.map((q, i) => [i + 1, q] as const))('holds exam question %i word for word, answered and explained', (_n, q) => {
    expect(exam).toBeDefined();
    const card = exam!.cards.find((c) => c.prompt === q.prompt);
    expect(card, `stem not found word for word: ${q.prompt.slice(0, 60)}…`).toBeDefined();
    expect(card!.kind).toBe('mcq');
    expect(card!.options).toEqual(q.options);
    expect(card!.correct).toHaveLength(1);
    expect(card!.answer).toBe(q.options![card!.correct![0]]);
    expect(card!.explanation?.length ?? 0).toBeGreaterThan(40);
    expect(card!.needsAnswerKey).toBeUndefined();
  });
});

describe('display of built-in card text', () => {
  it('joins the deck files’ mid-sentence wraps and keeps real line breaks', async () => {
    const { displayText } = await import('@/components/decks/display-text');
    const ecr = cards.find((c) => c.answer.startsWith('Developers or CI/CD pipelines push Docker images to ECR'))!;
    expect(ecr.answer).toContain('\n');
    expect(displayText(ecr.answer)).not.toContain('\n');
    const workflows = cards.find((c) => c.answer.startsWith('Standard Workflows: long-running'))!;
    expect(displayText(workflows.answer).split('\n')).toEqual([
      'Standard Workflows: long-running (up to 1 year) with detailed execution history.',
      'Express Workflows: short duration and high throughput, ideal for event-driven apps.',
    ]);
    expect(displayText('Key points:\n- one\n- two')).toBe('Key points:\n- one\n- two');
  });
});
