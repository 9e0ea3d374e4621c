import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeckData } from '@/core/decks/card-types';
import { checkDeckFiles } from '@/core/decks/deck-check';
import { toExportCsv, toExportJson } from '@/core/decks/deck-export';
import { importDeckText } from '@/core/decks/import-text';
import { ROOT_DIR } from './notes-fixture';

const DECK_DIR = path.join(ROOT_DIR, 'content/decks');
const builtIn = checkDeckFiles(
  readdirSync(DECK_DIR)
    .filter((f) => f.endsWith('.deck'))
    .map((name) => ({ name, text: readFileSync(path.join(DECK_DIR, name), 'utf8') })),
).decks;

/** Every kind, with the awkward bits: quotes, separators, newlines, a needs-key draft, accepted answers. */
const AWKWARD: DeckData = {
  id: 'awkward',
  title: 'Awkward',
  description: 'Edge cases',
  source: 'notes.md',
  cards: [
    { key: 'b', kind: 'basic', prompt: 'What is "SQS", really?', answer: 'A queue,\nfully managed', section: 'AWS › SQS', tags: ['sqs', 'aws'], explanation: 'Line one\nline two' },
    { key: 'c', kind: 'cloze', prompt: 'Up to {{c1::256 KB}} per {{c2::message}}', answer: 'Up to 256 KB per message', section: 'AWS › SQS › Limits' },
    { key: 'm', kind: 'mcq', prompt: 'FIFO throughput?', answer: '300', options: ['30', '300', '3,000', 'a | pipe'], correct: [1], section: 'AWS › FIFO' },
    { key: 'mu', kind: 'multi', prompt: 'Pick two', answer: 'A; C', options: ['A', 'B', 'C'], correct: [0, 2], section: 'AWS › FIFO' },
    { key: 'd', kind: 'mcq', prompt: 'Unkeyed draft?', answer: '', options: ['x', 'y'], correct: [], section: 'AWS › FIFO', needsAnswerKey: true },
    { key: 't', kind: 'tf', prompt: 'SNS is a queue.', answer: 'False', options: ['True', 'False'], correct: [1], section: 'AWS › SNS' },
    { key: 'ty', kind: 'type', prompt: 'Queue service?', answer: 'SQS', accepted: ['Simple Queue Service'], section: 'AWS › SQS' },
  ],
};

function imported(text: string) {
  const r = importDeckText(text, { deckId: 'ignored', title: 'Ignored' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('our exports round-trip: export → import → identical', () => {
  it('JSON: every built-in deck comes back identical (ids, kinds, options, keys, explanations, sections, tags)', () => {
    const r = imported(JSON.stringify(toExportJson(builtIn)));
    expect(r.format).toBe('studyroom-json');
    expect(r.rowErrors).toEqual([]);
    expect(r.decks).toEqual(builtIn);
  });

  it('JSON: every kind and awkward text, including drafts without a key and accepted answers', () => {
    expect(imported(JSON.stringify(toExportJson([AWKWARD]))).decks).toEqual([AWKWARD]);
  });

  it('CSV: every built-in card comes back identical, grouped into its deck', () => {
    const r = imported(toExportCsv(builtIn));
    expect(r.format).toBe('studyroom-csv');
    expect(r.rowErrors).toEqual([]);
    // why: the CSV has no title/description columns; the cards are what must survive.
    expect(r.decks.map((d) => [d.id, d.cards])).toEqual(builtIn.map((d) => [d.id, d.cards]));
  });

  it('CSV: every kind and awkward text, including pipes inside options and accepted answers', () => {
    expect(imported(toExportCsv([AWKWARD])).decks[0].cards).toEqual(AWKWARD.cards);
  });

  it('keeps the good cards and lists each bad one with its line or position and reason', () => {
    const csv = toExportCsv([AWKWARD]).replace('m,awkward,mcq,', 'm,awkward,quiz,').replace(',A | B | C,0 2,', ',A | B | C,0 9,');
    const lineOf = (start: string) => csv.split('\n').findIndex((l) => l.startsWith(start)) + 1;
    const r = imported(csv);
    expect(r.decks[0].cards.map((c) => c.key)).toEqual(['b', 'c', 'd', 't', 'ty']);
    expect(r.rowErrors.map((e) => e.line)).toEqual([lineOf('m,awkward,'), lineOf('mu,awkward,')]);
    expect(r.rowErrors[0].message).toMatch(/unknown kind 'quiz'/);
    expect(r.rowErrors[1].message).toBe("'correct' points past the last option");

    const json = toExportJson([AWKWARD]);
    (json.decks[0].cards[0] as { kind: string }).kind = 'flashcard';
    json.decks[0].cards[1].id = 'Bad Id';
    const j = imported(JSON.stringify(json));
    expect(j.decks[0].cards).toHaveLength(5);
    expect(j.rowErrors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^deck 1 \('awkward'\), card 1: kind: /),
      expect.stringMatching(/^deck 1 \('awkward'\), card 2 \('Bad Id'\): card id 'Bad Id' may only hold/),
    ]);
  });

  it('refuses unusable files with one clear message', () => {
    const bad = (text: string) => {
      const r = importDeckText(text, { deckId: 'x', title: 'X' });
      return r.ok ? 'accepted' : r.errors.map((e) => e.message).join(' / ');
    };
    expect(bad('{"decks": [')).toMatch(/^not valid JSON/);
    expect(bad('{"cards": []}')).toMatch(/^not a deck export: decks: /);
    expect(bad(`${toExportCsv([AWKWARD]).split('\n')[0]}\n"b,awkward,basic,S,unclosed\n`)).toBe('quoted field is never closed (unbalanced quotes): nothing was imported');
  });
});
