/**
 * SQLite only, by nature: the checkpointer copies SQLite's write-ahead log back into the database
 * file (server/db-checkpointer.ts); a PostgreSQL server does its own. vitest.config.ts leaves this
 * file out of the PostgreSQL pass (TEST_DB=postgres), and it opens its own SQLite files whatever
 * TEST_DB says.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../../server/db-checkpointer';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-ckpt-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A WAL database whose own connection never checkpoints, with about `mb` MB waiting in the log. */
function walDatabase(name: string, mb: number) {
  const file = path.join(dir, name);
  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('wal_autocheckpoint = 0');
  conn.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = conn.prepare('INSERT INTO t (body) VALUES (?)');
  conn.transaction(() => {
    for (let i = 0; i < mb * 256; i++) insert.run('x'.repeat(4000));
  })();
  return { file, conn, insert };
}

async function until(check: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('background WAL checkpointer', () => {
  it('copies the log into the database file while the writer keeps writing', async () => {
    const { file, conn, insert } = walDatabase('a.db', 2);
    expect(fs.statSync(file).size).toBeLessThan(100_000);
    const checkpointer = await startCheckpointer(file, { everyMs: 20 });
    // Writes go on meanwhile and are never refused.
    for (let i = 0; i < 50; i++) insert.run(`during ${i}`);
    await until(() => fs.statSync(file).size > 2_000_000);
    await checkpointer.stop();
    expect(conn.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 * 256 + 50 });
    conn.close();
    // What a fresh connection reads from the file is everything written.
    const again = new Database(file, { readonly: true });
    expect(again.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 * 256 + 50 });
    again.close();
  });

  it('gives up, so the server checkpoints itself, when checkpoints keep failing and the log grows past its limit', async () => {
    const { file, conn, insert } = walDatabase('b.db', 1);
    // A reader that never finishes: no checkpoint can copy the frames written after its snapshot.
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM t').get();
    let failure: Error | null = null;
    const checkpointer = await startCheckpointer(file, { everyMs: 10, maxWalBytes: 512 * 1024, onFailure: (err) => (failure = err) });
    const more = conn.transaction(() => {
      for (let i = 0; i < 256; i++) insert.run('y'.repeat(4000));
    });
    more();
    await until(() => failure !== null);
    expect(String(failure)).toMatch(/checkpoints in a row could not finish and the log is \d+ bytes/);
    reader.exec('COMMIT');
    reader.close();
    await checkpointer.stop();
    conn.close();
  });

  it('refuses to start on a file that does not exist', async () => {
    await expect(startCheckpointer(path.join(dir, 'missing.db'))).rejects.toThrow();
  });
});
