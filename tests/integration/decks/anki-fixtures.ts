/**
 * Test packages in Anki's current layout (`collection.anki21b`: a zstd-compressed SQLite file),
 * built here from Anki's documented schema because no tool installable here writes that layout.
 * Only the tables and columns an importer reads are created (notes, cards, revlog, decks, col).
 * The zstd frames use raw and RLE blocks (valid zstd that needs no compressor); the reader
 * decompresses them with fzstd like any other zstd data.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { writeZip } from '@/server/decks/anki/zip';

const MAX_BLOCK = 128 * 1024;

function frameHeader(): Buffer {
  // Magic, then a descriptor without content size/checksum/dictionary, then an 8 MiB window.
  return Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 13 << 3]);
}

function blockHeader(last: boolean, type: 0 | 1, size: number): Buffer {
  const v = (last ? 1 : 0) | (type << 1) | (size << 3);
  return Buffer.from([v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff]);
}

/** A zstd frame holding `data` in raw (stored) blocks. */
export function zstdRaw(data: Buffer): Buffer {
  const parts = [frameHeader()];
  for (let i = 0; i < data.length || i === 0; i += MAX_BLOCK) {
    const chunk = data.subarray(i, i + MAX_BLOCK);
    parts.push(blockHeader(i + MAX_BLOCK >= data.length, 0, chunk.length), chunk);
  }
  return Buffer.concat(parts);
}

/** A tiny zstd frame that expands to `bytes` zero bytes (RLE blocks): a decompression bomb. */
export function zstdBomb(bytes: number): Buffer {
  const parts = [frameHeader()];
  for (let left = bytes; left > 0; left -= MAX_BLOCK) {
    parts.push(blockHeader(left <= MAX_BLOCK, 1, Math.min(left, MAX_BLOCK)), Buffer.from([0]));
  }
  return Buffer.concat(parts);
}

export interface FixtureNote {
  id: number;
  guid: string;
  fields: string[];
  tags: string;
  /** [card id, ord, deck id] */
  cards: [number, number, number][];
}

const DAY = 86_400_000;
export const T0 = Date.parse('2026-01-05T09:00:00Z');

export const NOTES: FixtureNote[] = [
  { id: 1, guid: 'g-reversed', fields: ['<b>chien</b>', 'dog'], tags: ' french animals ', cards: [[101, 0, 10], [102, 1, 10]] },
  { id: 2, guid: 'g-cloze', fields: ['Paris is the {{c1::capital}} of {{c2::France::country}}.', 'Back <i>extra</i>'], tags: '', cards: [[201, 0, 11], [202, 1, 11]] },
  { id: 3, guid: 'g-basic', fields: ['Sound check [sound:bell.mp3]', 'ding<script>steal()</script>'], tags: 'audio', cards: [[301, 0, 11]] },
];

/** [revlog id (ms), card id, ease, type]: card 101 answered good, good, again, good; one manual reschedule. */
export const REVLOG: [number, number, number, number][] = [
  [T0, 101, 3, 0],
  [T0 + 1 * DAY, 101, 3, 1],
  [T0 + 4 * DAY, 101, 1, 1],
  [T0 + 5 * DAY, 101, 3, 2],
  [T0 + 6 * DAY, 101, 0, 4],
  [T0 + 2 * DAY, 201, 4, 0],
];

/** The SQLite bytes of a current-schema collection holding NOTES, their cards, REVLOG and two decks. */
export function currentSchemaCollection(): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'anki21b-'));
  try {
    const file = path.join(dir, 'c.db');
    const db = new Database(file);
    db.exec(`
      CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
        dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
        dconf text not null, tags text not null);
      CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
        tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
      CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
        usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
        reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null,
        flags integer not null, data text not null);
      CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
        lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
      CREATE TABLE decks (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null,
        common blob not null, kind blob not null);
      INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '');
    `);
    db.prepare('INSERT INTO decks VALUES (?, ?, 0, 0, x\'\', x\'\')').run(10, 'Languages\u001fFrench');
    db.prepare('INSERT INTO decks VALUES (?, ?, 0, 0, x\'\', x\'\')').run(11, 'Languages\u001fGeography');
    for (const n of NOTES) {
      db.prepare('INSERT INTO notes VALUES (?, ?, 1, 0, 0, ?, ?, ?, 0, 0, \'\')').run(n.id, n.guid, n.tags, n.fields.join('\u001f'), n.fields[0]);
      for (const [cid, ord, did] of n.cards) db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 2, 2, 0, 1, 2500, 1, 0, 0, 0, 0, 0, \'\')').run(cid, n.id, did, ord);
    }
    for (const [id, cid, ease, type] of REVLOG) db.prepare('INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, 5000, ?)').run(id, cid, ease, type);
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A .colpkg/.apkg in the current layout: the dummy legacy collection Anki adds, plus collection.anki21b. */
export function currentSchemaPackage(collection = zstdRaw(currentSchemaCollection())): Buffer {
  return writeZip([
    { name: 'collection.anki2', data: Buffer.from('SQLite format 3\u0000 (dummy: please update Anki)') },
    { name: 'collection.anki21b', data: collection },
    { name: 'media', data: zstdRaw(Buffer.alloc(0)) },
  ]);
}
