/**
 * V8 settings for the server process; imported first by server/index.ts.
 *
 * why --no-lazy-feedback-allocation: by default V8 runs a function's first calls without inline
 * caches. A room's hot loops (closing a question for every player, the per-player fan-out) run
 * once per phase, so in a fresh process the first reveal of a 1,000-player room took about three
 * times as long as the later ones (bench:room). Allocating the caches at the first call costs a
 * little memory per function and makes the first reveal as fast as the rest.
 */
import v8 from 'node:v8';

v8.setFlagsFromString('--no-lazy-feedback-allocation');
