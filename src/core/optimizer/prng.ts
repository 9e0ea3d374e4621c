/** Seeded PRNG: the game's mulberry32 (same seed, same sequence, on every machine), in [0, 1). */
export { mulberry32 as seededRandom } from '../game/prng';
