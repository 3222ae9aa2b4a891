/**
 * Straight-line writers of every constructor and function, by TL name.
 *
 * @module
 */
import type { WriterGroup } from "../dispatch.ts";
/** The writers of every constructor and function (with its id; and of the service objects) in
 * groups by `writerGroupOf(name)`, installed on first use by tl/dispatch.ts. */
export declare const writerGroups: WriterGroup[];
/** Constructor id of each constructor and function, by TL name (built on first use). */
export declare const ids: ReadonlyMap<string, number>;
