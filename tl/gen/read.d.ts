/**
 * Straight-line readers of every constructor and function, by constructor id.
 *
 * @module
 */
import type { TlReader } from "../reader.ts";
import type { ReaderGroup } from "../dispatch.ts";
type Reader = (r: TlReader) => unknown;
/** The readers of every constructor and function (and of `rpc_result`, `msg_container`) in
 * groups by `readerGroupOf(id)`, installed on first use by tl/dispatch.ts. */
export declare const readerGroups: ReaderGroup[];
/** Readers of function results that a boxed object read cannot decode (vectors of bare values). */
export declare const resultReaders: Map<string, Reader>;
/** Generic functions (`{X:Type}`), whose result is that of their `query`. */
export declare const genericFunctions: ReadonlySet<string>;
export {};
