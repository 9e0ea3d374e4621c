/**
 * Anki packages (.apkg, .colpkg) → a deck with review history. Handles the legacy
 * `collection.anki2` / `collection.anki21` SQLite files and the current zstd-compressed
 * `collection.anki21b`. The collection is written to a private temp file and opened read-only
 * with better-sqlite3; every limit is checked before anything is unpacked past it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Decompress } from 'fzstd';
import { ankiToDeck, type AnkiCollection } from '@/core/decks/anki-notes';
import type { DeckError } from '@/core/decks/deck-lex';
import type { ImportedDeck } from '@/core/decks/export-import';
import { formatByteLimit } from '@/core/decks/text-decode';
import { ZipError, listZip, readZipEntry } from './zip';

/** Largest package accepted: 16,777,216 bytes (16 MiB). */
export const MAX_PACKAGE_BYTES = 16 * 1024 * 1024;
/** Largest collection database once unpacked: 268,435,456 bytes (256 MiB). */
export const MAX_COLLECTION_BYTES = 256 * 1024 * 1024;

export type PackageResult =
  | { ok: true; decks: ImportedDeck[]; skipped: DeckError[]; warnings: string[]; layout: string }
  | { ok: false; error: string };

const LAYOUTS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

export function readAnkiPackage(buf: Buffer, meta: { title: string; id?: string }): PackageResult {
  if (buf.length === 0) return { ok: false, error: 'the package is empty' };
  if (buf.length > MAX_PACKAGE_BYTES) {
    return { ok: false, error: `the package is ${buf.length.toLocaleString('en-US')} bytes; the limit is ${formatByteLimit(MAX_PACKAGE_BYTES)}` };
  }
  let db: Buffer;
  let layout: string;
  try {
    const entries = listZip(buf);
    const found = LAYOUTS.map((name) => entries.find((e) => e.name === name)).find((e) => e !== undefined);
    if (!found) return { ok: false, error: 'not an Anki package: it holds no collection.anki2, collection.anki21 or collection.anki21b' };
    layout = found.name;
    const raw = readZipEntry(buf, found, MAX_COLLECTION_BYTES);
    db = layout === 'collection.anki21b' ? unzstd(raw, MAX_COLLECTION_BYTES) : raw;
  } catch (err) {
    if (err instanceof ZipError) return { ok: false, error: `not a readable Anki package: ${err.message}` };
    throw err;
  }
  if (db.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') {
    return { ok: false, error: `${layout} in the package is not an SQLite database` };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'apkg-'));
  try {
    const file = path.join(dir, 'collection.sqlite');
    writeFileSync(file, db, { mode: 0o600 });
    const col = readCollection(file);
    if (typeof col === 'string') return { ok: false, error: `${layout} in the package is not a readable Anki collection (${col})` };
    const result = ankiToDeck(col, { id: meta.id ?? 'import', title: meta.title });
    if (result.deck.cards.length === 0) {
      return { ok: false, error: `the package holds no card that could be imported${result.skipped.length > 0 ? ` (${result.skipped[0].message})` : ''}` };
    }
    return { ok: true, decks: [result.deck], skipped: result.skipped, warnings: result.warnings, layout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** zstd with a cap on the output, checked chunk by chunk as it is produced. */
function unzstd(data: Buffer, max: number): Buffer {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const d = new Decompress((chunk) => {
    total += chunk.length;
    if (total > max) throw new ZipError(`collection.anki21b unpacks to more than ${max.toLocaleString('en-US')} bytes, the limit`);
    chunks.push(chunk);
  });
  try {
    d.push(new Uint8Array(data.buffer, data.byteOffset, data.length), true);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(`collection.anki21b is not valid zstd data (${(err as Error).message})`);
  }
  return Buffer.concat(chunks);
}

interface NoteRow {
  id: number;
  guid: string;
  flds: string;
  tags: string;
}

/** The notes, cards, deck names and review log; a message when the tables are not Anki's. */
function readCollection(file: string): AnkiCollection | string {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const notes = (sqlite.prepare('SELECT id, guid, flds, tags FROM notes').all() as NoteRow[]).map((n) => ({
      id: Number(n.id),
      guid: String(n.guid),
      fields: String(n.flds).split('\u001f'),
      tags: String(n.tags ?? '').trim(),
    }));
    const names = deckNames(sqlite);
    const cards = (sqlite.prepare('SELECT id, nid, ord, did FROM cards').all() as { id: number; nid: number; ord: number; did: number }[]).map(
      (c) => ({ id: Number(c.id), noteId: Number(c.nid), ord: Number(c.ord), deckName: names.get(Number(c.did)) ?? '' }),
    );
    const revlog = (sqlite.prepare('SELECT id, cid, ease, type FROM revlog').all() as { id: number; cid: number; ease: number; type: number }[]).map(
      (r) => ({ id: Number(r.id), cardId: Number(r.cid), ease: Number(r.ease), type: Number(r.type) }),
    );
    return { notes, cards, revlog };
  } catch (err) {
    return (err as Error).message;
  } finally {
    sqlite?.close();
  }
}

/** Deck id → name: the `decks` table in the current schema, `col.decks` JSON in the legacy one. */
function deckNames(sqlite: Database.Database): Map<number, string> {
  const names = new Map<number, string>();
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decks'").get();
  if (hasTable) {
    for (const d of sqlite.prepare('SELECT id, name FROM decks').all() as { id: number; name: string }[]) {
      // why: the current schema separates deck path parts with U+001F instead of '::'.
      names.set(Number(d.id), String(d.name).split('\u001f').join('::'));
    }
    return names;
  }
  const row = sqlite.prepare('SELECT decks FROM col LIMIT 1').get() as { decks?: string } | undefined;
  try {
    const decks = JSON.parse(row?.decks || '{}') as Record<string, { id: number; name: string }>;
    for (const d of Object.values(decks)) names.set(Number(d.id), String(d.name));
  } catch {
    // why: a collection with unreadable deck names still has readable cards; sections fall back to the title.
  }
  return names;
}
