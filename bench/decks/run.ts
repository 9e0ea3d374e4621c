/**
 * Deck import/export benchmark: `npm run bench:decks [-- --cards 2000 --reviews 20]`.
 *
 * In process, on this machine: writes an .apkg of --cards cards (our exporter), reads it back (our
 * package reader: unzip, SQLite, notes → cards), builds a current-layout (zstd) package with
 * --reviews review-log rows per card and reads that, round-trips the same deck through our JSON and
 * CSV exports, and drafts decks from the public study notes in ../shared/study-notes. Each step is
 * timed as the median of 5 runs after a warm-up. The last line is one JSON object with the figures.
 * Not part of `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDeck } from '../../src/core/decks/builder';
import type { CardData, DeckData } from '../../src/core/decks/card-types';
import { toExportCsv, toExportJson } from '../../src/core/decks/deck-export';
import { importDeckText } from '../../src/core/decks/import-text';
import { readAnkiPackage } from '../../src/server/decks/anki/read-package';
import { writeAnkiPackage } from '../../src/server/decks/anki/write-package';
import { currentSchemaCollectionOf, zstdRawFrame } from './anki21b';
import { writeZip } from '../../src/server/decks/anki/zip';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const CARDS = arg('cards', 2_000);
const REVIEWS = arg('reviews', 20);
const log = (msg: string) => console.log(`[bench:decks] ${msg}`);

function median(fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[2]! * 10) / 10;
}

function deckOf(n: number): DeckData {
  const cards: CardData[] = [];
  for (let i = 0; i < n; i += 1) {
    const section = `Bench › Section ${i % 40}`;
    if (i % 4 === 0) cards.push({ key: `c${i}`, kind: 'cloze', prompt: `Fact ${i} holds {{c1::${i} KB}} of data.`, answer: `Fact ${i} holds ${i} KB of data.`, section });
    else if (i % 4 === 1) cards.push({ key: `c${i}`, kind: 'mcq', prompt: `Question ${i}?`, answer: `right ${i}`, options: [`wrong ${i}a`, `right ${i}`, `wrong ${i}b`, `wrong ${i}c`], correct: [1], section, explanation: `Because ${i}.` });
    else cards.push({ key: `c${i}`, kind: 'basic', prompt: `What is term ${i}?`, answer: `Definition number ${i}, with <html> & "quotes".`, section, tags: ['bench', `t${i % 7}`] });
  }
  return { id: 'bench', title: 'Bench', description: '', cards };
}

const deck = deckOf(CARDS);
const now = new Date('2026-01-05T09:00:00Z');
let apkg: Buffer = Buffer.alloc(0);
const exportMs = median(() => {
  apkg = writeAnkiPackage([deck], now);
});
let imported = 0;
const importMs = median(() => {
  const r = readAnkiPackage(apkg, { title: 'Bench' });
  if (!r.ok) throw new Error(r.error);
  imported = r.decks[0].cards.length;
});
log(`apkg: ${CARDS} cards, ${apkg.length} bytes; export ${exportMs} ms, import ${importMs} ms (${imported} cards back)`);

const collection = currentSchemaCollectionOf(CARDS, REVIEWS);
const current = writeZip([{ name: 'collection.anki21b', data: zstdRawFrame(collection) }]);
let reviews = 0;
const currentMs = median(() => {
  const r = readAnkiPackage(current, { title: 'Bench' });
  if (!r.ok) throw new Error(r.error);
  reviews = Object.values(r.decks[0].reviews ?? {}).reduce((n, l) => n + l.length, 0);
});
log(`anki21b: ${CARDS} notes, ${reviews} reviews; import ${currentMs} ms`);

const json = JSON.stringify(toExportJson([deck]));
const csv = toExportCsv([deck]);
const jsonMs = median(() => importDeckText(json, { deckId: 'x', title: 'X' }));
const csvMs = median(() => importDeckText(csv, { deckId: 'x', title: 'X' }));
log(`round trip import: JSON ${jsonMs} ms, CSV ${csvMs} ms`);

const notesDir = path.resolve('../shared/study-notes');
const notes = fs.existsSync(notesDir) ? fs.readdirSync(notesDir).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md') : [];
const built: Record<string, { ms: number; cards: number }> = {};
for (const f of notes) {
  const bytes = fs.readFileSync(path.join(notesDir, f));
  let cards = 0;
  const ms = median(() => {
    const r = buildDeck(bytes, { id: 'notes' });
    cards = r.ok ? r.deck.cards.length : 0;
  });
  built[f] = { ms, cards };
  log(`build ${f}: ${cards} cards in ${ms} ms`);
}

console.log(
  JSON.stringify({
    bench: 'decks',
    cards: CARDS,
    apkgBytes: apkg.length,
    apkgExportMs: exportMs,
    apkgImportMs: importMs,
    anki21bReviews: reviews,
    anki21bImportMs: currentMs,
    jsonImportMs: jsonMs,
    csvImportMs: csvMs,
    build: built,
  }),
);
