/**
 * A current-layout Anki collection for the benchmark: notes, cards, decks and a review log, built
 * from Anki's documented schema with better-sqlite3, and a zstd frame of raw blocks around it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export function zstdRawFrame(data: Buffer): Buffer {
  const max = 128 * 1024;
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 13 << 3])];
  for (let i = 0; i < data.length; i += max) {
    const chunk = data.subarray(i, i + max);
    const v = (i + max >= data.length ? 1 : 0) | (chunk.length << 3);
    parts.push(Buffer.from([v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff]), chunk);
  }
  return Buffer.concat(parts);
}

export function currentSchemaCollectionOf(notes: number, reviewsPerCard: number): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-anki21b-'));
  try {
    const file = path.join(dir, 'c.db');
    const db = new Database(file);
    db.exec(`
      CREATE TABLE col (id integer primary key, decks text not null);
      CREATE TABLE notes (id integer primary key, guid text not null, tags text not null, flds text not null);
      CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null);
      CREATE TABLE revlog (id integer primary key, cid integer not null, ease integer not null, type integer not null);
      CREATE TABLE decks (id integer primary key not null, name text not null);
      INSERT INTO decks VALUES (1, 'Bench\u001fPart');
    `);
    const t0 = Date.parse('2025-01-01T00:00:00Z');
    db.transaction(() => {
      for (let n = 1; n <= notes; n += 1) {
        const cloze = n % 3 === 0;
        db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?)').run(n, `g${n}`, 'bench', cloze ? `Fact ${n} is {{c1::${n} MB}}.\u001f` : `<b>Front ${n}</b>\u001fBack ${n}<br>more`);
        db.prepare('INSERT INTO cards VALUES (?, ?, 1, 0)').run(n, n);
        for (let r = 0; r < reviewsPerCard; r += 1) db.prepare('INSERT INTO revlog VALUES (?, ?, ?, 1)').run(t0 + n * 1000 + r * 86_400_000, n, 1 + ((n + r) % 4));
      }
    })();
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
