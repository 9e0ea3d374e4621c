/**
 * Decks → an .apkg in Anki's schema-11 layout (`collection.anki2` + `media`), which every Anki
 * version since 2.1 imports. The SQLite file is built with better-sqlite3 in a private temp dir.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cardToAnkiNote } from '@/core/decks/anki-export-notes';
import type { DeckData } from '@/core/decks/card-types';
import { writeZip } from './zip';
import { SCHEMA_11, deckJson, deckConfJson, modelsJson, BASIC_MODEL_ID, CLOZE_MODEL_ID } from './schema11';

/** `now` is passed in so that a package's ids and times are reproducible in tests. */
export function writeAnkiPackage(decks: DeckData[], now: Date): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'apkg-out-'));
  try {
    const file = path.join(dir, 'collection.anki2');
    const db = new Database(file);
    try {
      fillCollection(db, decks, now);
    } finally {
      db.close();
    }
    return writeZip([
      { name: 'collection.anki2', data: readFileSync(file) },
      { name: 'media', data: Buffer.from('{}') },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fillCollection(db: Database.Database, decks: DeckData[], now: Date): void {
  const ms = now.getTime();
  const sec = Math.floor(ms / 1000);
  db.exec(SCHEMA_11);
  const deckIds = new Map<string, number>();
  let nextDeckId = ms;
  const deckIdFor = (name: string): number => {
    const parts = name.split('::');
    // why: Anki needs every parent deck of `A::B::C` to exist too.
    for (let i = 1; i <= parts.length; i += 1) {
      const n = parts.slice(0, i).join('::');
      if (!deckIds.has(n)) deckIds.set(n, (nextDeckId += 1));
    }
    return deckIds.get(name)!;
  };
  const insertNote = db.prepare(
    'INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)',
  );
  const insertCard = db.prepare(
    'INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data) VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)',
  );
  let id = ms * 1000;
  let position = 0;
  db.transaction(() => {
    for (const deck of decks) {
      for (const card of deck.cards) {
        const note = cardToAnkiNote(deck, card);
        const did = deckIdFor(note.deckName);
        const nid = (id += 1);
        const sortField = note.fields[0].replace(/<[^>]*>/g, ' ').trim();
        const tags = note.tags.length > 0 ? ` ${note.tags.join(' ')} ` : '';
        insertNote.run(nid, note.guid, note.model === 'cloze' ? CLOZE_MODEL_ID : BASIC_MODEL_ID, sec, tags, note.fields.join('\u001f'), sortField, checksum(sortField), '');
        insertCard.run((id += 1), nid, did, 0, sec, (position += 1), '');
      }
    }
    const deckObjects: Record<string, unknown> = { '1': deckJson(1, 'Default', sec) };
    for (const [name, did] of deckIds) deckObjects[String(did)] = deckJson(did, name, sec);
    db.prepare(
      'INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags) VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)',
    ).run(
      sec,
      ms,
      ms,
      JSON.stringify({ nextPos: position + 1, estTimes: true, activeDecks: [1], sortType: 'noteFld', timeLim: 0, sortBackwards: false, addToCur: true, curDeck: 1, newSpread: 0, dueCounts: true, curModel: String(BASIC_MODEL_ID), collapseTime: 1200 }),
      JSON.stringify(modelsJson(sec)),
      JSON.stringify(deckObjects),
      JSON.stringify({ '1': deckConfJson(sec) }),
      '{}',
    );
  })();
}

/** Anki's duplicate-check checksum: the first 8 hex digits of the SHA-1 of the sort field. */
function checksum(text: string): number {
  return parseInt(createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8), 16);
}
