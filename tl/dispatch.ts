/**
 * The dispatch tables of {@link TlReader.object} (reader by constructor id) and
 * {@link TlWriter.object} (writer by TL name). They start empty: the reader and writer primitives
 * know no schema, and the top of tl/ (`tl/mod.ts`) installs the generated tables into them once.
 * So the primitives (which the session-string code uses alone) load without the ~40 000 lines of
 * generated code, and no module of tl/ imports the generated code and is imported by it.
 *
 * @module
 */
import type { TlReader } from "./reader.ts";
import type { TlWriter } from "./writer.ts";

/** Reads one object whose constructor id was just read. */
export type ReadFn = (r: TlReader) => unknown;
/** Writes one object with its constructor id. */
export type WriteFn = (w: TlWriter, o: unknown) => void;

/**
 * The readers by constructor id in an open-addressing table: a multiplicative hash and a linear
 * probe beat `Map#get`, whose keys above 2^30 are heap numbers.
 */
const SLOTS = 8192;
const slotIds = new Uint32Array(SLOTS);
const slotReaders: (ReadFn | undefined)[] = new Array(SLOTS).fill(undefined);
let installed = 0;

/** Adds readers by constructor id (a later reader of the same id replaces the earlier). */
export function installReaders(readers: Iterable<[number, ReadFn]>): void {
  for (const [id, read] of readers) {
    let slot = Math.imul(id, 0x9e3779b1) >>> 19;
    while (slotReaders[slot] !== undefined && slotIds[slot] !== id >>> 0) {
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (slotReaders[slot] === undefined && ++installed > SLOTS / 2) {
      throw new RangeError("more TL readers than the dispatch table holds");
    }
    slotIds[slot] = id;
    slotReaders[slot] = read;
  }
}

/** The reader of constructor `id`, or `undefined` when none is installed. */
export function readerOf(id: number): ReadFn | undefined {
  let slot = Math.imul(id, 0x9e3779b1) >>> 19;
  for (;;) {
    const read = slotReaders[slot];
    if (read === undefined || slotIds[slot] === id) return read;
    slot = (slot + 1) & (SLOTS - 1);
  }
}

/** Writers by TL name in a plain object: a dictionary lookup on interned names beats `Map#get`. */
export const writerTable: Record<string, WriteFn | undefined> = Object.create(null);

/** Adds writers by TL name. */
export function installWriters(writers: Iterable<[string, WriteFn]>): void {
  for (const [name, write] of writers) writerTable[name] = write;
}
