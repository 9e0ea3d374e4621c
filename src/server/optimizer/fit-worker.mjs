// @ts-check
// Runs fsrs-rs (the optimizer Anki uses, built to WebAssembly by the fsrs-browser package) in a
// worker thread, so a fit never blocks the server's event loop. Plain JavaScript on purpose: a
// worker file is loaded by Node directly, under tsx, Next's server or Vitest alike.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

// why: fsrs-browser's rayon helper module reads `self.addEventListener` when it loads (it expects a
// browser worker). We never start its thread pool (fsrs-rs then runs on this one thread), so an
// inert `self` that exists only in this worker's global scope is enough. Upstream:
// https://github.com/open-spaced-repetition/fsrs-browser (no Node entry point as of 5.2.0).
/** @type {any} */ (globalThis).self ??= { addEventListener() {}, removeEventListener() {} };

/** @type {string[]} */
const lines = [];
// why: fsrs-rs logs every epoch's loss with console.log; keep it out of the CLI's JSON on stdout.
console.log = (...args) => lines.push(args.join(' '));
console.info = console.log;
/** @type {string[]} */
const errors = [];
// why: a Rust panic arrives as console.error text followed by an opaque "unreachable" trap.
console.error = (...args) => errors.push(args.join(' '));

const require = createRequire(import.meta.url);
// why the comments: Next's bundler traces this file from the route handlers; the package must stay
// a plain Node import (it is also in serverExternalPackages).
const { initSync, Fsrs, Progress } = await import(/* turbopackIgnore: true */ 'fsrs-browser');
const wasm = readFileSync(require.resolve(/* turbopackIgnore: true */ 'fsrs-browser/fsrs_browser_bg.wasm'));
// The wasm memory is shared (it was built for threads): the parent reads progress from it directly.
const memory = new WebAssembly.Memory({ initial: 18, maximum: 16384, shared: true });
initSync({ module: wasm, memory });

const { ratings, deltaDays, lengths } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const fsrs = new Fsrs();
const progress = Progress.new();
port.postMessage({ type: 'progress-memory', memory: memory.buffer, pointer: progress.pointer() });
try {
  const w = fsrs.computeParameters(ratings, deltaDays, lengths, progress, true);
  port.postMessage({ type: 'done', params: Array.from(w), log: lines });
} catch (err) {
  const panic = errors.join('\n').split('\n').find((l) => l.trim() && !l.startsWith('panicked at') && !/^(Stack|Error)/.test(l));
  const message = panic?.trim() ?? (err instanceof Error ? err.message : String(err));
  port.postMessage({ type: 'error', message, log: lines });
}
