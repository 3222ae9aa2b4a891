import type { Buffer } from "node:buffer";
import { gunzipSync } from "../runtime/inflate.ts";
import { hexId, TlError } from "./tl_error.ts";
import { readerOf } from "./dispatch.ts";
import { BOOL_FALSE_ID, BOOL_TRUE_ID, GZIP_PACKED_ID, VECTOR_ID } from "./ids.ts";
import { bufferView, decodeUtf8From, latin1Slice, nextInputId, utf8Slice } from "./utf8.ts";

// Kept here too for code that imported them from the reader before tl/ids.ts existed.
export { BOOL_FALSE_ID, BOOL_TRUE_ID, GZIP_PACKED_ID, VECTOR_ID } from "./ids.ts";

/** Deeper nesting than any real object (rich text inside page blocks stays far below). */
const MAX_DEPTH = 200;

/** TL is little-endian: aligned ints can come from an `Int32Array` on little-endian machines. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function truncated(need: number, at: number, end: number): TlError {
  return new TlError(
    "TL_TRUNCATED",
    `TL input truncated: ${need} bytes needed at offset ${at}, ${Math.max(0, end - at)} left`,
  );
}

/**
 * Reads TL values from bytes, never trusting them: every length and count is checked against
 * what is left before anything is allocated, and any problem is a {@link TlError}.
 *
 * `long` is read as `bigint`; `string` as UTF-8; `gzip_packed` is inflated transparently by
 * {@link TlReader.object}. `bytes`, `int128` and `int256` are read as `Uint8Array` views into the
 * input (no copy, as parsing a large result would otherwise spend most of its time copying):
 * do not reuse the input buffer while the objects read from it are alive, or copy them.
 *
 * @example
 * ```ts
 * import { serialize, TlReader } from "./mod.ts";
 * const r = new TlReader(serialize({ _: "ping", pingId: 7n }));
 * r.uint(); // 0x7abe77ec, ping's constructor id
 * r.long(); // 7n
 * ```
 */
export class TlReader {
  /** The input. */
  readonly buf: Uint8Array;
  /** Current offset into {@link TlReader.buf}. */
  pos: number;
  /** Offset where the readable part of {@link TlReader.buf} ends. */
  readonly end: number;
  /** Current object nesting depth. */
  depth = 0;
  /** Largest size one `gzip_packed` may inflate to (64 MiB unless changed). */
  static maxInflatedSize = 64 * 1024 * 1024;
  readonly #dv: DataView;
  /** Whole-buffer `Int32Array` for aligned reads, when the input starts 4-aligned. */
  readonly #i32: Int32Array | undefined;
  readonly #offset: number;
  /** Where this reader starts: the Latin-1 decoding covers from here to the end. */
  readonly #base: number;
  #text: Buffer | undefined;
  #ascii: string | undefined;
  /** Identifies this reader's input to {@link decodeUtf8From}. */
  readonly #inputId = nextInputId();

  constructor(buf: Uint8Array, start = 0, end: number = buf.length) {
    if (start < 0 || end > buf.length || start > end) {
      throw new TlError("TL_TRUNCATED", `reader bounds ${start}..${end} outside 0..${buf.length}`);
    }
    this.buf = buf;
    this.pos = start;
    this.#base = start;
    this.end = end;
    this.#dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.#offset = buf.byteOffset;
    this.#i32 = LITTLE_ENDIAN && (buf.byteOffset & 3) === 0
      ? new Int32Array(buf.buffer, 0, buf.buffer.byteLength >> 2)
      : undefined;
  }

  /** Bytes left to read. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** A reader over the next `n` bytes (this reader does not move), at the same depth. */
  sub(n: number): TlReader {
    if (n < 0 || this.pos + n > this.end) throw truncated(n, this.pos, this.end);
    const r = new TlReader(this.buf, this.pos, this.pos + n);
    r.depth = this.depth;
    return r;
  }

  /** A signed 32-bit `int`. */
  int(): number {
    const p = this.pos;
    if (p + 4 > this.end) throw truncated(4, p, this.end);
    this.pos = p + 4;
    const i32 = this.#i32;
    return i32 !== undefined && (p & 3) === 0
      ? i32[(this.#offset + p) >> 2]
      : this.#dv.getInt32(p, true);
  }

  /** An unsigned 32-bit value (constructor ids). */
  uint(): number {
    const p = this.pos;
    if (p + 4 > this.end) throw truncated(4, p, this.end);
    this.pos = p + 4;
    const i32 = this.#i32;
    return i32 !== undefined && (p & 3) === 0
      ? i32[(this.#offset + p) >> 2] >>> 0
      : this.#dv.getUint32(p, true);
  }

  /** The next unsigned 32-bit value, without moving. */
  peekUint(): number {
    if (this.pos + 4 > this.end) throw truncated(4, this.pos, this.end);
    return this.#dv.getUint32(this.pos, true);
  }

  /** A signed 64-bit `long`. */
  long(): bigint {
    const p = this.pos;
    if (p + 8 > this.end) throw truncated(8, p, this.end);
    this.pos = p + 8;
    return this.#dv.getBigInt64(p, true);
  }

  /** A 64-bit IEEE `double`. */
  double(): number {
    const p = this.pos;
    if (p + 8 > this.end) throw truncated(8, p, this.end);
    this.pos = p + 8;
    return this.#dv.getFloat64(p, true);
  }

  /** `n` raw bytes (a view into the input). */
  raw(n: number): Uint8Array {
    const p = this.pos;
    if (n < 0 || p + n > this.end) throw truncated(n, p, this.end);
    this.pos = p + n;
    // The constructor is about twice as fast as `subarray`, which looks up a species first.
    return new Uint8Array(this.buf.buffer, this.#offset + p, n);
  }

  /** A 128-bit value as its 16 bytes, in wire order. */
  int128(): Uint8Array {
    return this.raw(16);
  }

  /** A 256-bit value as its 32 bytes, in wire order. */
  int256(): Uint8Array {
    return this.raw(32);
  }

  /** Reads a `bytes`/`string` header; returns the payload length and leaves `pos` on it. */
  #blob(): number {
    const p = this.pos, end = this.end, b = this.buf;
    if (p + 4 > end) {
      // The shortest blob (empty, 1-byte header, 3 padding bytes) takes 4 bytes.
      throw truncated(4, p, end);
    }
    let len = b[p], head = 1;
    if (len === 254) {
      len = b[p + 1] | (b[p + 2] << 8) | (b[p + 3] << 16);
      head = 4;
    } else if (len === 255) {
      throw new TlError("TL_INVALID_LENGTH", `invalid bytes length prefix 0xff at offset ${p}`);
    }
    const total = (head + len + 3) & ~3;
    if (p + total > end) throw truncated(total, p, end);
    this.pos = p + head;
    return len;
  }

  /** A TL `bytes` value (a view into the input). */
  bytes(): Uint8Array {
    const start = this.pos;
    const len = this.#blob();
    const p = this.pos;
    this.pos = start + ((p - start + len + 3) & ~3);
    return new Uint8Array(this.buf.buffer, this.#offset + p, len);
  }

  /**
   * A TL `string`, decoded as UTF-8 (invalid sequences become U+FFFD). ASCII strings, most of
   * them, are cut from one Latin-1 decoding of the whole input instead of paying a native call
   * each; like `bytes`, they may keep that decoding alive.
   */
  string(): string {
    const start = this.pos;
    const len = this.#blob();
    const p = this.pos;
    this.pos = start + ((p - start + len + 3) & ~3);
    if (!this.#isAscii(p, len)) {
      return decodeUtf8From(this.buf, this.#base, this.end, this.#inputId, p, p + len) ??
        utf8Slice(this.#buffer(), p, p + len);
    }
    const base = this.#base;
    const ascii = this.#ascii ??= latin1Slice(this.#buffer(), base, this.end);
    return ascii.substring(p - base, p - base + len);
  }

  /** Whether `buf[p, p + len)` is ASCII, four bytes at a time where aligned. */
  #isAscii(p: number, len: number): boolean {
    const b = this.buf, end = p + len, i32 = this.#i32;
    let i = p;
    if (i32 !== undefined && len >= 16) {
      while ((i & 3) !== 0) if (b[i++] >= 0x80) return false;
      const off = this.#offset;
      for (; i + 4 <= end; i += 4) if ((i32[(off + i) >> 2] & 0x80808080) !== 0) return false;
    }
    for (; i < end; i++) if (b[i] >= 0x80) return false;
    return true;
  }

  #buffer(): Buffer {
    return this.#text ??= bufferView(this.buf);
  }

  /** A boxed `Bool`. */
  bool(): boolean {
    const id = this.uint();
    if (id === BOOL_TRUE_ID) return true;
    if (id === BOOL_FALSE_ID) return false;
    throw new TlError("TL_UNEXPECTED_CONSTRUCTOR", `expected a Bool, got ${hexId(id)}`);
  }

  /**
   * Any boxed object, dispatched on its constructor id. `gzip_packed` is inflated and its content
   * returned; `boolTrue`/`boolFalse` give `true`/`false`; a bare `vector` is read as a vector of
   * boxed objects (use {@link readResult} for vectors of numbers).
   */
  object<T = unknown>(): T {
    const id = this.uint();
    const read = readerOf(id);
    if (read === undefined) return this.#special(id) as T;
    if (++this.depth > MAX_DEPTH) throw this.#tooDeep();
    const value = read(this);
    this.depth--;
    return value as T;
  }

  #tooDeep(): TlError {
    return new TlError("TL_TOO_DEEP", `TL objects nested deeper than ${MAX_DEPTH} levels`);
  }

  #special(id: number): unknown {
    switch (id) {
      case GZIP_PACKED_ID: {
        const inner = this.gunzip();
        inner.depth = this.depth + 1;
        if (inner.depth > MAX_DEPTH) throw this.#tooDeep();
        return inner.object();
      }
      case BOOL_TRUE_ID:
        return true;
      case BOOL_FALSE_ID:
        return false;
      case VECTOR_ID: {
        const n = this.#count(4);
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) out.push(this.object());
        return out;
      }
    }
    throw new TlError("TL_UNKNOWN_CONSTRUCTOR", `unknown TL constructor ${hexId(id)}`);
  }

  /**
   * Reads the `packed_data` of a `gzip_packed` (its id already read) and returns a reader over the
   * inflated bytes, at most {@link TlReader.maxInflatedSize} long.
   */
  gunzip(): TlReader {
    const packed = this.bytes();
    const out = gunzipSync(packed, TlReader.maxInflatedSize);
    if ("failure" in out) {
      throw out.failure === "unsupported"
        ? new TlError(
          "TL_GZIP_UNSUPPORTED",
          "gzip_packed needs a synchronous inflater (node:zlib), absent here",
        )
        : out.failure === "tooLarge"
        ? new TlError(
          "TL_GZIP_TOO_LARGE",
          `gzip_packed inflates beyond ${TlReader.maxInflatedSize} bytes`,
        )
        : new TlError("TL_GZIP_INVALID", "gzip_packed payload does not inflate");
    }
    return new TlReader(out.bytes);
  }

  /** Reads a vector count and checks that `n` elements of at least `size` bytes fit. */
  #count(size: number): number {
    const n = this.uint();
    if (n * size > this.end - this.pos) {
      throw new TlError(
        "TL_TRUNCATED",
        `TL vector of ${n} elements does not fit in the ${this.end - this.pos} bytes left`,
      );
    }
    return n;
  }

  #vectorHeader(size: number): number {
    const id = this.uint();
    if (id !== VECTOR_ID) {
      throw new TlError("TL_UNEXPECTED_CONSTRUCTOR", `expected a vector, got ${hexId(id)}`);
    }
    return this.#count(size);
  }

  /** A boxed `Vector<T>` whose elements `read` reads; `size` is the least size of one element. */
  vector<T>(read: (r: TlReader) => T, size = 4): T[] {
    const n = this.#vectorHeader(size);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read(this));
    return out;
  }

  /** A bare `vector<t>` (no vector id). */
  bareVector<T>(read: (r: TlReader) => T, size = 4): T[] {
    const n = this.#count(size);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read(this));
    return out;
  }

  /** `Vector<int>`. */
  vectorInt(): number[] {
    const n = this.#vectorHeader(4);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(this.int());
    return out;
  }

  /** `Vector<long>`. */
  vectorLong(): bigint[] {
    const n = this.#vectorHeader(8);
    const out: bigint[] = [];
    for (let i = 0; i < n; i++) out.push(this.long());
    return out;
  }

  /** `Vector<string>`. */
  vectorString(): string[] {
    const n = this.#vectorHeader(4);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.string());
    return out;
  }

  /** `Vector<bytes>`. */
  vectorBytes(): Uint8Array[] {
    const n = this.#vectorHeader(4);
    const out: Uint8Array[] = [];
    for (let i = 0; i < n; i++) out.push(this.bytes());
    return out;
  }

  /** `Vector<T>` of a boxed type. */
  vectorObject<T>(): T[] {
    const n = this.#vectorHeader(4);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(this.object<T>());
    return out;
  }
}
