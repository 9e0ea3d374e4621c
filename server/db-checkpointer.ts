/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread, so the
 * server's own connection never has to.
 *
 * why: in WAL mode the connection whose commit pushes the log past 1,000 pages copies it back
 * (a checkpoint) inside that commit, with a disk flush. On the server that connection is
 * Prisma's, on the event loop: while a 1,000-player room wrote its answers, every few seconds
 * one write-behind flush took 15-35 ms instead of under 10 (bench:room), and every ack and
 * fan-out waited behind it. Here a second connection checkpoints in PASSIVE mode (it never
 * blocks readers or writers) on its own thread; the server's connection stops checkpointing
 * only once this one runs, and starts again if it ever fails.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain CommonJS, run with `eval`: nothing for Next's bundler or tsx to transform.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
let timer = null;
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // Another connection is checkpointing or the file is locked: try again next time.
    if (!/SQLITE_BUSY|SQLITE_LOCKED/.test(String(err && err.code))) parentPort.postMessage({ type: 'error', message: String(err && err.message) });
  }
};
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  tick();
  db.close();
  parentPort.postMessage({ type: 'stopped' });
});
timer = setInterval(tick, workerData.everyMs);
parentPort.postMessage({ type: 'ready' });
`;

/**
 * Starts checkpointing `file` every `everyMs`. Resolves once the worker has the file open;
 * rejects if it cannot open it. `onFailure` runs if the worker dies later.
 */
export function startCheckpointer(file: string, opts: { everyMs?: number; onFailure?: (err: Error) => void } = {}): Promise<Checkpointer> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs: opts.everyMs ?? 500 } });
  // why: a checkpoint in flight must not keep a stopping process alive.
  worker.unref();
  let stopped = false;
  return new Promise((resolve, reject) => {
    let ready = false;
    const fail = (err: Error) => {
      if (stopped) return;
      if (!ready) reject(err);
      else opts.onFailure?.(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`checkpointer exited with code ${code}`)));
    worker.on('message', (m: { type: string; message?: string }) => {
      if (m.type === 'error') console.error(`db checkpointer: ${m.message}`);
      if (m.type !== 'ready') return;
      ready = true;
      resolve({
        async stop() {
          if (stopped) return;
          stopped = true;
          const done = new Promise<void>((r) => worker.on('message', (msg: { type: string }) => msg.type === 'stopped' && r()));
          worker.postMessage('stop');
          await Promise.race([done, new Promise((r) => setTimeout(r, 2000))]);
          await worker.terminate();
        },
      });
    });
  });
}
