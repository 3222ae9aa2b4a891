/**
 * The dispatch tables of {@link TlReader.object} (reader by constructor id) and
 * {@link TlWriter.object} (writer by TL name). They start empty: the reader and writer primitives
 * know no schema, and the top of tl/ (`tl/mod.ts`) hands them the generated code once. So the
 * primitives (which the session-string code uses alone) load without the ~40 000 lines of
 * generated code, and no module of tl/ imports the generated code and is imported by it.
 *
 * The generated readers and writers come in {@link GROUPS} groups (by {@link readerGroupOf} of
 * the constructor id, {@link writerGroupOf} of the TL name), each a function that defines its
 * members and adds them here. A group is installed the first time a lookup misses in it: loading
 * the library then costs no table building and no function objects for the ~2400 constructors
 * and functions, and a process compiles and installs only the groups of what it reads and writes
 * (a bot's login and `getMe`, with a `TestServer` in the same process, install about a quarter).
 *
 * @module
 */
import type { TlReader } from "./reader.ts";
import type { TlWriter } from "./writer.ts";

/** Reads one object whose constructor id was just read. */
export type ReadFn = (r: TlReader) => unknown;
/** Writes one object with its constructor id. */
export type WriteFn = (w: TlWriter, o: unknown) => void;
/** One group of generated readers: adds each of its readers by constructor id. */
export type ReaderGroup = (add: (id: number, read: ReadFn) => void) => void;
/** One group of generated writers: adds each of its writers by TL name. */
export type WriterGroup = (add: (name: string, write: WriteFn) => void) => void;

/** How many groups the generated readers and writers come in (a power of two). */
export const GROUPS = 64;

/** The group of the reader of constructor `id` (its low bits: ids are CRC32s, evenly spread). */
export function readerGroupOf(id: number): number {
  return id & (GROUPS - 1);
}

/** The group of the writer of TL name `name` (FNV-1a of its UTF-16 code units). */
export function writerGroupOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h & (GROUPS - 1);
}

/**
 * The readers by constructor id in an open-addressing table: a multiplicative hash and a linear
 * probe beat `Map#get`, whose keys above 2^30 are heap numbers.
 */
const SLOTS = 8192;
const slotIds = new Uint32Array(SLOTS);
const slotReaders: (ReadFn | undefined)[] = new Array(SLOTS).fill(undefined);
let installed = 0;
/** The reader groups not installed yet (`undefined` once installed), by group. */
const readerGroups: (ReaderGroup | undefined)[] = [];
let readerGroupsLeft = 0;

/** Adds one reader by constructor id (a later reader of the same id replaces the earlier). */
function addReader(id: number, read: ReadFn): void {
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

/** Adds readers by constructor id (a later reader of the same id replaces the earlier). */
export function installReaders(readers: Iterable<[number, ReadFn]>): void {
  for (const [id, read] of readers) addReader(id, read);
}

/** Hands over the generated reader groups, each installed when a lookup first misses in it. */
export function installReaderGroups(groups: readonly ReaderGroup[]): void {
  if (groups.length !== GROUPS) throw new RangeError(`expected ${GROUPS} TL reader groups`);
  for (let g = 0; g < GROUPS; g++) {
    if (readerGroups[g] === undefined) readerGroupsLeft++;
    readerGroups[g] = groups[g];
  }
}

/** The reader of constructor `id`, or `undefined` when none is installed. */
export function readerOf(id: number): ReadFn | undefined {
  let slot = Math.imul(id, 0x9e3779b1) >>> 19;
  for (;;) {
    const read = slotReaders[slot];
    if (read === undefined) return readerGroupsLeft === 0 ? undefined : readerOfNewGroup(id);
    if (slotIds[slot] === id) return read;
    slot = (slot + 1) & (SLOTS - 1);
  }
}

/** A miss: installs the group of `id` if it is still waiting, then looks again. */
function readerOfNewGroup(id: number): ReadFn | undefined {
  const g = readerGroupOf(id);
  const group = readerGroups[g];
  if (group === undefined) return undefined;
  readerGroups[g] = undefined;
  readerGroupsLeft--;
  group(addReader);
  return readerOf(id);
}

/** Writers by TL name in a plain object: a dictionary lookup on interned names beats `Map#get`. */
export const writerTable: Record<string, WriteFn | undefined> = Object.create(null);
/** The writer groups not installed yet (`undefined` once installed), by group. */
const writerGroups: (WriterGroup | undefined)[] = [];

function addWriter(name: string, write: WriteFn): void {
  writerTable[name] = write;
}

/** Adds writers by TL name. */
export function installWriters(writers: Iterable<[string, WriteFn]>): void {
  for (const [name, write] of writers) addWriter(name, write);
}

/** Hands over the generated writer groups, each installed when a lookup first misses in it. */
export function installWriterGroups(groups: readonly WriterGroup[]): void {
  if (groups.length !== GROUPS) throw new RangeError(`expected ${GROUPS} TL writer groups`);
  for (let g = 0; g < GROUPS; g++) writerGroups[g] = groups[g];
}

/**
 * The writer of TL name `name` when {@link writerTable} has none yet: installs its group if it
 * is still waiting and looks again (`undefined` for a name no group knows, or not a string).
 */
export function writerOfNewGroup(name: unknown): WriteFn | undefined {
  if (typeof name !== "string") return undefined;
  const g = writerGroupOf(name);
  const group = writerGroups[g];
  if (group === undefined) return undefined;
  writerGroups[g] = undefined;
  group(addWriter);
  return writerTable[name];
}
