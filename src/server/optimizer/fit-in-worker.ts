import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TrainingItems } from '@/core/optimizer';

export interface FitProgress {
  /** Training steps done and planned, as fsrs-rs counts them (0 of 0 until it starts). */
  done: number;
  total: number;
}

type WorkerMessage =
  | { type: 'progress-memory'; memory: SharedArrayBuffer; pointer: number }
  | { type: 'done'; params: number[]; log: string[] }
  | { type: 'error'; message: string; log: string[] };

/**
 * Path of the worker script, from the project root. why: the worker must run as the plain file Node
 * loads (it loads fsrs-browser's wasm itself), so Next's bundler is told to leave it alone below.
 */
const WORKER_FILE = path.join(process.cwd(), 'src', 'server', 'optimizer', 'fit-worker.mjs');

/**
 * Fits FSRS-6's 21 parameters with fsrs-rs on a worker thread. `onProgress` is called about four
 * times a second while it runs. Rejects with fsrs-rs's message when it refuses the data.
 */
export function fitInWorker(items: TrainingItems, onProgress?: (p: FitProgress) => void): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, {
      workerData: { ratings: items.ratings, deltaDays: items.deltaDays, lengths: items.lengths },
      // why: a worker inherits the parent's stdout; fsrs-rs panics print there and would corrupt --json output.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let poll: ReturnType<typeof setInterval> | undefined;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (poll) clearInterval(poll);
      fn();
      void worker.terminate();
    };
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress-memory') {
        if (!onProgress) return;
        const view = new Uint32Array(msg.memory);
        const at = msg.pointer >>> 2;
        poll = setInterval(() => onProgress({ done: Atomics.load(view, at), total: Atomics.load(view, at + 1) }), 250);
      } else if (msg.type === 'done') {
        finish(() => resolve(msg.params));
      } else {
        finish(() => reject(new Error(`fsrs-rs could not fit these reviews: ${msg.message}`)));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`optimizer worker stopped (exit code ${code})`))));
  });
}
