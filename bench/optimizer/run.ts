/**
 * `npm run bench:optimizer`: fits FSRS-6 with fsrs-rs (worker thread) on a simulated history of
 * 100,000 reviews and prints time and memory; the last line is one JSON object. Not a test: nothing
 * here passes or fails on timing. Options: --reviews N (default 100000), --seed N.
 */
import { parseArgs } from 'node:util';
import { simulateRevlog } from '../../src/core/optimizer';
import { optimizeRevlog } from '../../src/server/optimizer/optimize';

const { values } = parseArgs({ options: { reviews: { type: 'string' }, seed: { type: 'string' } } });
const reviews = Number(values.reviews ?? 100_000);
const seed = Number(values.seed ?? 1);
// A non-default student, so the fit has something to find.
const TRUE_W = [0.6, 2.0, 4.5, 12.0, 6.8, 0.7, 1.8, 0.02, 1.9, 0.25, 1.1, 1.6, 0.08, 0.35, 1.8, 0.4, 2.5, 0.7, 0.4, 0.15, 0.35];

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const t0 = performance.now();
const rows = simulateRevlog({ w: TRUE_W, reviews, seed, startMs: Date.UTC(2026, 0, 5, 9), spreadDays: 365 });
const tSim = performance.now();
let peakHeap = process.memoryUsage().heapUsed;
let lastPct = -1;
const result = await optimizeRevlog(rows, { holdout: 0.2, seed }, ({ done, total }) => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
  if (pct >= lastPct + 10) {
    lastPct = pct;
    console.log(`fitting… ${pct}%`);
  }
});
const tFit = performance.now();
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
const r = result.report;
console.log(`simulated ${rows.length} reviews of ${r.cards} cards in ${Math.round(tSim - t0)} ms`);
console.log(`held-out log loss default ${r.default.logLoss.toFixed(4)} fitted ${r.fitted.logLoss.toFixed(4)}; RMSE(bins) default ${r.default.rmseBins.toFixed(4)} fitted ${r.fitted.rmseBins.toFixed(4)}`);
console.log(
  JSON.stringify({
    bench: 'optimizer',
    reviews: rows.length,
    cards: r.cards,
    heldOutCards: r.holdoutCards.length,
    fitAndEvaluateMs: Math.round(tFit - tSim),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakMainHeapMb: mb(peakHeap),
    defaultLogLoss: Number(r.default.logLoss.toFixed(4)),
    fittedLogLoss: Number(r.fitted.logLoss.toFixed(4)),
    defaultRmseBins: Number(r.default.rmseBins.toFixed(4)),
    fittedRmseBins: Number(r.fitted.rmseBins.toFixed(4)),
    cpus: (await import('node:os')).cpus().length,
    node: process.version,
  }),
);
