import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/core/decks/builder';
import { numericTargets } from '@/core/decks/builder-facts';
import { parseQuantity, sameAmount } from '@/core/decks/builder-numbers';
import type { CardData } from '@/core/decks/card-types';
import { clozeAnswer, clozeDeletions } from '@/core/decks/cloze';
import { ROOT_DIR } from './notes-fixture';

/** Public, licensed study notes and the AWS seed document, read in place (shared/ sits beside the repo). */
const NOTES_DIR = path.resolve(ROOT_DIR, '../shared/study-notes');
const SEED = path.resolve(ROOT_DIR, '../shared/seed/aws-study-notes.txt');

function cardsOf(file: string): CardData[] {
  const r = buildDeck(readFileSync(file), { id: 'notes', title: 'Notes' });
  if (!r.ok) throw new Error(`${file}: ${r.error}`);
  return r.deck.cards;
}

/** Every cloze that hides a number hides a whole token the recogniser found in the full statement. */
function expectWholeNumberClozes(cards: CardData[]): number {
  let seen = 0;
  for (const c of cards.filter((x) => x.kind === 'cloze')) {
    const tokens = numericTargets(clozeAnswer(c.prompt));
    for (const d of clozeDeletions(c.prompt).filter((x) => /\d/.test(x.text))) {
      seen += 1;
      // A small bare number is clozed only as an emphasised term ("**2**"), never as part of one.
      if (!tokens.includes(d.text)) expect(d.text, `${c.key}: ${c.prompt}`).toMatch(/^\d$/);
    }
    for (const m of c.prompt.matchAll(/\{\{c\d+::(.*?)\}\}/g)) {
      const before = c.prompt[(m.index ?? 0) - 1] ?? ' ';
      const after = c.prompt.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 2);
      expect(before, `${c.key}: ${c.prompt}`).not.toMatch(/[\p{L}\p{N},.]/u);
      expect(after, `${c.key}: ${c.prompt}`).not.toMatch(/^[\p{L}\p{N}]|^[,.]\d/u);
    }
  }
  return seen;
}

/** Numeric multiple choice: 4 options of the answer's unit family, exactly one equal to the answer. */
function numericChoices(cards: CardData[]): CardData[] {
  return cards.filter((c) => c.kind === 'mcq' && c.key.includes('-how-much-'));
}

function expectSameUnitChoices(choices: CardData[]): void {
  for (const c of choices) {
    const where = `${c.key}: ${c.prompt}`;
    const answer = parseQuantity(c.answer);
    expect(answer, where).not.toBeNull();
    if (!answer) continue;
    const options = c.options ?? [];
    expect(options, where).toHaveLength(4);
    expect(new Set(options).size, where).toBe(4);
    for (const o of options) expect(parseQuantity(o)?.family, `${where} / ${o}`).toBe(answer.family);
    const equal = options.flatMap((o, i) => {
      const q = parseQuantity(o);
      return q && sameAmount(q, answer) ? [i] : [];
    });
    expect(equal, where).toEqual(c.correct);
    expect(c.prompt, where).not.toContain(c.answer);
  }
}

describe('number cards from the AWS seed document', () => {
  const cards = cardsOf(SEED);

  it('clozes and asks about its limits, sizes and durations, under the right section', () => {
    const hidden = cards.flatMap((c) => (c.kind === 'cloze' ? clozeDeletions(c.prompt).map((d) => d.text) : []));
    expect(hidden).toEqual(expect.arrayContaining(['256 KB', '14 days', '30 seconds', '12 hours', '300 messages per second', '1 MB/sec', '35 days']));
    expect(cards).toContainEqual(expect.objectContaining({ kind: 'basic', answer: 'Up to 15 minutes', section: 'Notes › Lambda' }));
    expect(cards).toContainEqual(expect.objectContaining({ kind: 'basic', prompt: expect.stringMatching(/range of memory\?$/), answer: '128 MB to 10 GB' }));
    expect(expectWholeNumberClozes(cards)).toBeGreaterThanOrEqual(15);
  });

  it('turns numbers into multiple choice whose wrong options are other amounts of the same unit in the document', () => {
    const choices = numericChoices(cards);
    expect(choices.length).toBeGreaterThanOrEqual(6);
    expectSameUnitChoices(choices);
    const size = choices.find((c) => c.answer === '256 KB');
    expect(size).toMatchObject({ section: 'Notes › Producing + Consuming from SQS' });
    const retention = choices.find((c) => c.answer === '14 days' && /retained/.test(c.prompt));
    expect(retention?.options?.every((o) => parseQuantity(o)?.family === 'duration')).toBe(true);
  });

  it('asks the Amazon MQ comparison as a question', () => {
    expect(cards).toContainEqual(expect.objectContaining({ prompt: 'Unlike SQS or SNS, which one is designed for compatibility with existing enterprise systems?', answer: 'Amazon MQ', section: 'Notes › Amazon MQ' }));
  });
});

describe('number cards from the public study notes', () => {
  const files = readdirSync(NOTES_DIR).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md');

  it.each(files)('%s: number clozes hide whole tokens and numeric choices keep one unit and one correct option', (file) => {
    const cards = cardsOf(path.join(NOTES_DIR, file));
    expectWholeNumberClozes(cards);
    expectSameUnitChoices(numericChoices(cards));
  });

  it('keeps "300 syscalls" whole in the CKS notes', () => {
    const cards = cardsOf(path.join(NOTES_DIR, 'cks-security-callouts-tables.md'));
    expect(cards.some((c) => c.kind === 'cloze' && clozeDeletions(c.prompt).some((d) => d.text === '300 syscalls'))).toBe(true);
  });
});
