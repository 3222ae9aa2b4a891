/**
 * Straight-line readers of every constructor and function, by constructor id.
 *
 * @module
 */
import type { TlReader } from "../reader.ts";
type Reader = (r: TlReader) => unknown;
/** Reader of each constructor and function, by constructor id (unsigned). */
export declare const readers: Map<number, Reader>;
/** Readers of function results that a boxed object read cannot decode (vectors of bare values). */
export declare const resultReaders: Map<string, Reader>;
/** Generic functions (`{X:Type}`), whose result is that of their `query`. */
export declare const genericFunctions: ReadonlySet<string>;
export {};
