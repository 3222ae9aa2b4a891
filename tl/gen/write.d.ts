/**
 * Straight-line writers of every constructor and function, by TL name.
 *
 * @module
 */
import type { TlWriter } from "../writer.ts";
/** Writer of each constructor and function (with its id), by TL name. */
export declare const writers: Map<string, (w: TlWriter, o: unknown) => void>;
/** Constructor id of each constructor and function, by TL name. */
export declare const ids: Map<string, number>;
