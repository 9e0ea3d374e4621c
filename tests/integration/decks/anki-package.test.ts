import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readAnkiPackage as independentReader } from 'anki-reader';
import { describe, expect, it } from 'vitest';
import type { CardData, DeckData } from '@/core/decks/card-types';
import { parseDeckFile } from '@/core/decks/deck-file';
import { MAX_COLLECTION_BYTES, MAX_PACKAGE_BYTES, readAnkiPackage } from '@/server/decks/anki/read-package';
import { writeAnkiPackage } from '@/server/decks/anki/write-package';
import { ZipError, listZip, readZipEntry, writeZip } from '@/server/decks/anki/zip';
import { deflateRawSync } from 'node:zlib';
import { T0, currentSchemaCollection, currentSchemaPackage, zstdBomb, zstdRaw } from './anki-fixtures';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/anki/basic-anki-apkg-export.apkg');
const NOW = new Date('2026-01-05T09:00:00Z');
const DAY = 86_400_000;

function read(buf: Buffer, title = 'Imported') {
  const r = readAnkiPackage(buf, { title });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('Anki package import: legacy collection.anki2 made by anki-apkg-export', () => {
  const r = read(readFileSync(FIXTURE), 'Capitals');

  it('imports Basic notes with HTML turned into plain text, tags and the deck path as the section', () => {
    expect(r.layout).toBe('collection.anki2');
    expect(r.decks[0].cards.map((c) => [c.kind, c.prompt, c.answer, c.section, c.tags])).toEqual([
      ['basic', 'What is the capital of France?', 'Paris', 'Capitals › Europe', ['geography', 'europe']],
      ['basic', 'Capital of Portugal?', 'Lisbon\non the Tagus', 'Capitals › Europe', ['geography']],
      ['basic', 'Which city is the capital of Spain?', 'Madrid & nowhere else', 'Capitals › Europe', undefined],
    ]);
    expect(JSON.stringify(r.decks[0])).not.toMatch(/<script|alert\(1\)|<img|<b>/);
  });

  it('reports media references and leaves out a note with an empty back, saying why', () => {
    expect(r.warnings).toEqual(['1 media file(s) are referred to but not imported (images and sounds are left out): flag.png']);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].message).toMatch(/empty front or back/);
  });

  it('gives the same card ids on a second import, so review history follows', () => {
    expect(read(readFileSync(FIXTURE), 'Capitals').decks[0].cards.map((c) => c.key)).toEqual(r.decks[0].cards.map((c) => c.key));
  });
});

describe('Anki package import: current zstd collection.anki21b (Anki schema 18)', () => {
  const r = read(currentSchemaPackage(), 'Languages');
  const cards = r.decks[0].cards;

  it('reads Basic-and-reversed as two cards, Cloze as one card per cloze number, sub-decks as sections', () => {
    expect(r.layout).toBe('collection.anki21b');
    expect(cards.map((c) => [c.kind, c.prompt, c.answer, c.section])).toEqual([
      ['basic', 'chien', 'dog', 'Languages › French'],
      ['basic', 'dog', 'chien', 'Languages › French'],
      ['cloze', 'Paris is the {{c1::capital}} of France.', 'Paris is the capital of France.', 'Languages › Geography'],
      ['cloze', 'Paris is the capital of {{c1::France::country}}.', 'Paris is the capital of France.', 'Languages › Geography'],
      ['basic', 'Sound check', 'ding', 'Languages › Geography'],
    ]);
    expect(cards[0].tags).toEqual(['french', 'animals']);
    expect(cards[2].explanation).toBe('Back extra');
    expect(r.warnings[0]).toMatch(/bell\.mp3/);
  });

  it('carries the review history, without manual reschedules', () => {
    const reviews = r.decks[0].reviews ?? {};
    expect(reviews[cards[0].key]).toEqual([
      { at: new Date(T0).toISOString(), rating: 3 },
      { at: new Date(T0 + DAY).toISOString(), rating: 3 },
      { at: new Date(T0 + 4 * DAY).toISOString(), rating: 1 },
      { at: new Date(T0 + 5 * DAY).toISOString(), rating: 3 },
    ]);
    expect(reviews[cards[2].key]).toEqual([{ at: new Date(T0 + 2 * DAY).toISOString(), rating: 4 }]);
    expect(reviews[cards[1].key]).toBeUndefined();
  });

  it('every imported card is a valid deck-file card', () => {
    for (const c of cards) expect(parseDeckFile(`deck: x\ntitle: X\n\n=== ${c.key}\nkind: ${c.kind}\nsection: ${c.section}\nprompt: ${c.prompt.replace(/\n/g, '\n  ')}\n${c.kind === 'basic' ? `answer: ${c.answer.replace(/\n/g, '\n  ')}\n` : ''}`).errors).toEqual([]);
  });
});

describe('Anki package import: bad packages get one clear message', () => {
  const message = (buf: Buffer) => {
    const res = readAnkiPackage(buf, { title: 'T' });
    return res.ok ? 'accepted' : res.error;
  };

  it('refuses empty, oversized, non-ZIP and collection-less files', () => {
    expect(message(Buffer.alloc(0))).toBe('the package is empty');
    expect(message(Buffer.alloc(MAX_PACKAGE_BYTES + 1))).toBe('the package is 16,777,217 bytes; the limit is 16,777,216 bytes (16 MiB)');
    expect(message(Buffer.from('just some text, not a zip'))).toMatch(/^not a readable Anki package: not a ZIP archive/);
    expect(message(writeZip([{ name: 'notes.txt', data: Buffer.from('hi') }]))).toMatch(/holds no collection\.anki2/);
  });

  it('refuses a malformed SQLite collection and a collection without Anki tables', () => {
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(2000, 0x5a)]);
    expect(message(writeZip([{ name: 'collection.anki2', data: garbage }]))).toMatch(/^collection\.anki2 in the package is not a readable Anki collection/);
    expect(message(writeZip([{ name: 'collection.anki2', data: Buffer.from('hello') }]))).toBe('collection.anki2 in the package is not an SQLite database');
    expect(message(currentSchemaPackage(Buffer.from('not zstd at all')))).toMatch(/collection\.anki21b is not valid zstd data/);
  });

  it('caps what a zstd collection unpacks to (a 16 KB bomb declaring 300 MB)', () => {
    const bomb = zstdBomb(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(20_000);
    expect(message(currentSchemaPackage(bomb))).toBe(
      `not a readable Anki package: collection.anki21b unpacks to more than ${MAX_COLLECTION_BYTES.toLocaleString('en-US')} bytes, the limit`,
    );
  });

  it('caps what a deflated ZIP entry inflates to, whatever sizes the archive declares', () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const zip = writeZip([{ name: 'collection.anki2', data: zeros }]);
    const [entry] = listZip(zip);
    expect(entry.compressedSize).toBeLessThan(10_000);
    expect(() => readZipEntry(zip, { ...entry, size: 10 }, 1024 * 1024)).toThrow(ZipError);
    expect(() => readZipEntry(zip, entry, 1024 * 1024)).toThrow(/unpacks to more than 1,048,576 bytes/);
    expect(readZipEntry(zip, entry, zeros.length).equals(zeros)).toBe(true);
    expect(deflateRawSync(zeros).length).toBe(entry.compressedSize);
  });

  it('reads a collection as zstd only when it really is (the raw-block frame round-trips)', () => {
    const col = currentSchemaCollection();
    expect(read(currentSchemaPackage(zstdRaw(col))).decks[0].cards).toHaveLength(5);
  });
});

const DECK: DeckData = {
  id: 'mixed',
  title: 'Mixed kinds',
  description: '',
  cards: [
    { key: 'b1', kind: 'basic', prompt: 'What is <SQS>?', answer: 'A queue & more', section: 'AWS › SQS', tags: ['aws', 'queues'] },
    { key: 'c1', kind: 'cloze', prompt: 'SQS keeps messages up to {{c1::14 days}}.', answer: 'SQS keeps messages up to 14 days.', section: 'AWS › SQS › Limits', explanation: 'The default is 4 days.' },
    { key: 'm1', kind: 'mcq', prompt: 'FIFO throughput?', answer: '300', options: ['30', '300', '3,000'], correct: [1], section: 'AWS › SQS' },
    { key: 't1', kind: 'tf', prompt: 'SNS is a queue.', answer: 'False', options: ['True', 'False'], correct: [1], section: 'AWS › SNS' },
  ],
};

describe('Anki package export', () => {
  const apkg = writeAnkiPackage([DECK], NOW);

  it('is read by an independent reader (anki-reader): decks, notes and templates as Anki would show them', async () => {
    const { collection } = await independentReader(new Blob([new Uint8Array(apkg)]));
    const decks = Object.values(collection.getDecks());
    expect(decks.map((d) => d.getRawDeck().name).sort()).toEqual(['Default', 'Mixed kinds', 'Mixed kinds::SNS', 'Mixed kinds::SQS', 'Mixed kinds::SQS::Limits']);
    const fields = decks.flatMap((d) => Object.values(d.getCards()).map((c) => c.getOrderedFields()));
    expect(fields).toContainEqual(['What is &lt;SQS&gt;?', 'A queue &amp; more']);
    expect(fields).toContainEqual(['SQS keeps messages up to {{c1::14 days}}.', 'The default is 4 days.']);
    expect(fields).toContainEqual(['FIFO throughput?<br>A. 30<br>B. 300<br>C. 3,000', 'B. 300']);
    expect(fields).toContainEqual(['SNS is a queue.<br>A. True<br>B. False', 'B. False']);
    const sqs = decks.find((d) => d.getRawDeck().name === 'Mixed kinds::SQS')!;
    const [question] = Object.values(sqs.getCards())[0].getQuestions();
    expect(question.getQuestionString()).toBe('What is &lt;SQS&gt;?');
  });

  it('reads back through our importer with the same prompts, answers, tags and sections', () => {
    const back = read(apkg, 'Mixed kinds').decks[0].cards;
    const byPrompt = new Map(back.map((c) => [c.prompt, c]));
    expect(byPrompt.get('What is <SQS>?')).toMatchObject({ kind: 'basic', answer: 'A queue & more', tags: ['aws', 'queues'], section: 'Mixed kinds › SQS' });
    expect(byPrompt.get('SQS keeps messages up to {{c1::14 days}}.')).toMatchObject({ kind: 'cloze', explanation: 'The default is 4 days.', section: 'Mixed kinds › SQS › Limits' });
    expect(back.find((c: CardData) => c.prompt.startsWith('FIFO throughput?'))?.answer).toBe('B. 300');
  });

  it('is reproducible for a given time', () => {
    expect(writeAnkiPackage([DECK], NOW).equals(apkg)).toBe(true);
  });
});
