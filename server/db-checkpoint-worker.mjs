// @ts-check
/**
 * The worker thread of db-checkpointer.ts: a second connection to the SQLite file that copies
 * the write-ahead log back into it (PASSIVE: it never blocks the server's readers or writers).
 * Plain JavaScript checked by TypeScript (tsconfig.workers.json): a worker file is loaded by
 * Node itself, which runs no TypeScript, whoever starts the server (tsx, Vitest).
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @typedef {import('./db-checkpointer').CheckpointWorkerData} CheckpointWorkerData */
/** @typedef {import('./db-checkpointer').CheckpointWorkerMessage} CheckpointWorkerMessage */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const data = /** @type {CheckpointWorkerData} */ (workerData);
const db = new Database(data.file, { fileMustExist: true });
const walFile = `${data.file}-wal`;
let failures = 0;

/** @param {CheckpointWorkerMessage} message */
const send = (message) => port.postMessage(message);

const walBytes = () => {
  try {
    return fs.statSync(walFile).size;
  } catch {
    return 0;
  }
};

function tick() {
  try {
    // log: frames in the log; checkpointed: frames copied. A reader still on an older snapshot
    // (or a write racing in) keeps frames from being copied; the next tick catches up.
    const [row] = /** @type {Array<{ busy: number; log: number; checkpointed: number }>} */ (db.pragma('wal_checkpoint(PASSIVE)'));
    failures = row && (row.busy || row.checkpointed < row.log) ? failures + 1 : 0;
  } catch (err) {
    failures++;
    const code = String(/** @type {{ code?: unknown }} */ (err).code ?? '');
    // why quiet: another connection checkpointing or holding the lock is routine; anything else is not.
    if (!/SQLITE_BUSY|SQLITE_LOCKED/.test(code)) send({ type: 'error', message: String(/** @type {Error} */ (err).message) });
  }
  // why both: a long read can hold checkpoints back harmlessly for a while; a log that keeps
  // growing while every checkpoint fails would fill the disk, so the server's own connection
  // must take over.
  if (failures >= 20) {
    const bytes = walBytes();
    if (bytes > data.maxWalBytes) {
      clearInterval(timer);
      send({ type: 'give-up', failures, walBytes: bytes, message: `${failures} checkpoints in a row could not finish and the log is ${bytes} bytes` });
    }
  }
}

const timer = setInterval(tick, data.everyMs);
port.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  tick();
  db.close();
  send({ type: 'stopped' });
});
send({ type: 'ready' });
