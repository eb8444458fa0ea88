/** Seeded random numbers for generated inputs and timings (core/seeded-random.ts). */
export { seededRandom } from '../core/seeded-random.js';
