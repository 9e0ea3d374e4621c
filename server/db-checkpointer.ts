/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread, so the
 * server's own connection never has to.
 *
 * why: in WAL mode the connection whose commit pushes the log past 1,000 pages copies it back
 * (a checkpoint) inside that commit, with a disk flush. On the server that connection is
 * Prisma's, on the event loop: while a 1,000-player room wrote its answers, every few seconds
 * one write-behind flush took 15-35 ms instead of under 10 (bench:room), and every ack and
 * fan-out waited behind it. Here a second connection checkpoints in PASSIVE mode (it never
 * blocks readers or writers) on its own thread (db-checkpoint-worker.mjs); the server's
 * connection stops checkpointing only once this one runs, and starts again if it ever fails or
 * gives up.
 */
import { Worker } from 'node:worker_threads';

/** What the worker (db-checkpoint-worker.mjs) is started with. */
export interface CheckpointWorkerData {
  file: string;
  everyMs: number;
  /** Give up (and let the server checkpoint itself) once checkpoints keep failing and the log is this big. */
  maxWalBytes: number;
}

/** Messages the worker sends to the server thread. */
export type CheckpointWorkerMessage =
  | { type: 'ready' }
  | { type: 'stopped' }
  | { type: 'error'; message: string }
  /** Checkpoints have failed `failures` times in a row while the log grew to `walBytes`: stop relying on the worker. */
  | { type: 'give-up'; failures: number; walBytes: number; message: string };

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `file` every `everyMs`. Resolves once the worker has the file open;
 * rejects if it cannot open it. `onFailure` runs if the worker dies later, or gives up because
 * checkpoints keep failing while the log passes `maxWalBytes` (default 64 MiB): the caller then
 * lets its own connection checkpoint again.
 */
export function startCheckpointer(
  file: string,
  opts: { everyMs?: number; maxWalBytes?: number; onFailure?: (err: Error) => void } = {},
): Promise<Checkpointer> {
  const workerData: CheckpointWorkerData = { file, everyMs: opts.everyMs ?? 500, maxWalBytes: opts.maxWalBytes ?? 64 * 1024 * 1024 };
  const worker = new Worker(new URL('./db-checkpoint-worker.mjs', import.meta.url), { workerData });
  // why: a checkpoint in flight must not keep a stopping process alive.
  worker.unref();
  let stopped = false;
  return new Promise((resolve, reject) => {
    let ready = false;
    const fail = (err: Error) => {
      if (stopped) return;
      stopped = true;
      if (!ready) reject(err);
      else opts.onFailure?.(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`checkpointer exited with code ${code}`)));
    worker.on('message', (m: CheckpointWorkerMessage) => {
      if (m.type === 'error') console.error(`db checkpointer: ${m.message}`);
      if (m.type === 'give-up') {
        console.error(`db checkpointer: giving up: ${m.message}`);
        fail(new Error(m.message));
        void worker.terminate();
      }
      if (m.type !== 'ready') return;
      ready = true;
      resolve({
        async stop() {
          if (stopped) return;
          stopped = true;
          const done = new Promise<void>((r) => worker.on('message', (msg: CheckpointWorkerMessage) => msg.type === 'stopped' && r()));
          worker.postMessage('stop');
          await Promise.race([done, new Promise((r) => setTimeout(r, 2000))]);
          await worker.terminate();
        },
      });
    });
  });
}
