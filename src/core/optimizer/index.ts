/**
 * Pure parts of fitting FSRS-6 parameters to a review history: the revlog format, the seeded split
 * by card, the FSRS-6 forward pass (ts-fsrs's formulas) and the metrics. The fit itself (fsrs-rs)
 * runs in src/server/optimizer on a worker thread.
 */
export * from './fit-plan';
export * from './history';
export * from './items';
export * from './metrics';
export * from './model';
export * from './params';
export * from './prng';
export * from './revlog';
export * from './simulate';
export * from './split';
