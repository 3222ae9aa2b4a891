/**
 * Helpers for testing code that uses irenogram (and irenogram itself).
 *
 * @module
 */
export { SeededRandom } from "./random.ts";
