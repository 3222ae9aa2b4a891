import type { Buffer } from "node:buffer";
import { TlError } from "./tl_error.ts";
import { bufferView, encodeUtf8Loop, nativeBuffer } from "./utf8.ts";
import { writerOfNewGroup, writerTable } from "./dispatch.ts";
import { BOOL_FALSE_ID, BOOL_TRUE_ID, VECTOR_ID } from "./ids.ts";

/** TL is little-endian: aligned ints can go through an `Int32Array` on little-endian machines. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function invalid(what: string, value: unknown): TlError {
  const shown = typeof value === "bigint" ? `${value}n` : typeof value;
  return new TlError("TL_INVALID_VALUE", `cannot write ${shown} as TL ${what}`);
}

/**
 * Writes TL values into a growing buffer. `long` takes a `bigint` (a safe-integer `number` is
 * accepted too); `int128`/`int256` take 16/32 bytes; `bytes` a `Uint8Array`; `string` is encoded
 * as UTF-8. Values that cannot be written raise a {@link TlError} (`TL_INVALID_VALUE`).
 *
 * @example
 * ```ts
 * import { TlWriter } from "./mod.ts";
 * const w = new TlWriter();
 * w.long(1n);
 * const ping = { _: "ping", pingId: 1n };
 * w.object(ping);
 * const bytes = w.result(); // 8 + 12 bytes
 * ```
 */
export class TlWriter {
  /** The buffer written so far (valid up to {@link TlWriter.pos}); replaced when it grows. */
  buf: Uint8Array;
  /** Number of bytes written. */
  pos = 0;
  #dv: DataView;
  #i32: Int32Array;
  #text: Buffer | undefined;

  constructor(size = 1024) {
    this.buf = this.#dv = this.#i32 = undefined as never;
    this.#use(new Uint8Array(Math.max(16, size)));
  }

  /** Every view of the buffer changes with it: one place, so none is left on an old buffer. */
  #use(next: Uint8Array): void {
    this.buf = next;
    this.#dv = new DataView(next.buffer);
    this.#i32 = new Int32Array(next.buffer);
    this.#text = undefined;
  }

  #grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.#use(next);
  }

  /**
   * Forgets what was written. A buffer grown beyond `maxKeep` bytes is replaced by a small one,
   * so that one huge object does not pin its memory.
   */
  reset(maxKeep = Infinity): void {
    this.pos = 0;
    if (this.buf.length > maxKeep) this.#use(new Uint8Array(1024));
  }

  /** Overwrites the int at `at` (a length written before its body was known). */
  intAt(at: number, v: number): void {
    this.#dv.setInt32(at, v, true);
  }

  /** A copy of the bytes written. */
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  /** A 32-bit `int`; values up to 2^32 - 1 are written as their two's complement. */
  int(v: number): void {
    if ((v | 0) !== v && (v >>> 0) !== v) throw invalid("int", v);
    const p = this.pos;
    if (p + 4 > this.buf.length) this.#grow(4);
    if ((p & 3) === 0 && LITTLE_ENDIAN) this.#i32[p >> 2] = v;
    else this.#dv.setInt32(p, v, true);
    this.pos = p + 4;
  }

  /** A 64-bit `long`. */
  long(v: bigint): void {
    if (typeof v !== "bigint") {
      if (!Number.isSafeInteger(v)) throw invalid("long", v);
      v = BigInt(v);
    }
    if (this.pos + 8 > this.buf.length) this.#grow(8);
    this.#dv.setBigInt64(this.pos, v, true);
    this.pos += 8;
  }

  /** A `double`. */
  double(v: number): void {
    if (typeof v !== "number") throw invalid("double", v);
    if (this.pos + 8 > this.buf.length) this.#grow(8);
    this.#dv.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  /** Raw bytes, no header. */
  raw(v: Uint8Array): void {
    if (this.pos + v.length > this.buf.length) this.#grow(v.length);
    this.buf.set(v, this.pos);
    this.pos += v.length;
  }

  /** A 128-bit value given as its 16 bytes in wire order. */
  int128(v: Uint8Array): void {
    if (!(v instanceof Uint8Array) || v.length !== 16) throw invalid("int128", v);
    this.raw(v);
  }

  /** A 256-bit value given as its 32 bytes in wire order. */
  int256(v: Uint8Array): void {
    if (!(v instanceof Uint8Array) || v.length !== 32) throw invalid("int256", v);
    this.raw(v);
  }

  #header(len: number, p: number): number {
    const b = this.buf;
    if (len < 254) {
      b[p] = len;
      return p + 1;
    }
    b[p] = 254;
    b[p + 1] = len;
    b[p + 2] = len >> 8;
    b[p + 3] = len >> 16;
    return p + 4;
  }

  #pad(p: number): void {
    const b = this.buf;
    while ((p - this.pos) & 3) b[p++] = 0;
    this.pos = p;
  }

  /** A TL `bytes` value. */
  bytes(v: Uint8Array): void {
    if (!(v instanceof Uint8Array)) throw invalid("bytes", v);
    const len = v.length;
    if (len > 0xffffff) throw invalid("bytes (longer than 16 MiB)", v);
    if (this.pos + len + 7 > this.buf.length) this.#grow(len + 7);
    const p = this.#header(len, this.pos);
    this.buf.set(v, p);
    this.#pad(p + len);
  }

  /** A TL `string`, encoded as UTF-8. */
  string(s: string): void {
    if (typeof s !== "string") throw invalid("string", s);
    const n = s.length;
    if (n > 0x555555) throw invalid("string (longer than 16 MiB)", s);
    if (this.pos + 3 * n + 7 > this.buf.length) this.#grow(3 * n + 7);
    const start = this.pos;
    // UTF-8 takes n..3n bytes: guess the header size from n and fix it up when the guess was short.
    const at = n < 254 ? start + 1 : start + 4;
    let len: number;
    if (nativeBuffer && n > 8) {
      len = (this.#text ??= bufferView(this.buf)).write(s, at);
    } else {
      len = encodeUtf8Loop(s, this.buf, at);
    }
    if (at === start + 1 && len >= 254) this.buf.copyWithin(start + 4, at, at + len);
    const p = this.#header(len, start);
    this.#pad(p + len);
  }

  /** A boxed `Bool`. */
  bool(v: boolean): void {
    if (typeof v !== "boolean") throw invalid("Bool", v);
    this.int(v ? BOOL_TRUE_ID : BOOL_FALSE_ID);
  }

  /** Any TL object, boxed (with its constructor id), chosen by its `_`. */
  object(o: { _: string }): void {
    const write = o == null ? undefined : writerTable[o._] ?? writerOfNewGroup(o._);
    if (write === undefined) {
      const name = o == null ? String(o) : String(o._);
      throw new TlError("TL_INVALID_VALUE", `cannot write unknown TL object "${name}"`);
    }
    write(this, o);
  }

  #vectorHeader(n: number): void {
    const p = this.pos;
    if (p + 8 > this.buf.length) this.#grow(8);
    if ((p & 3) === 0 && LITTLE_ENDIAN) {
      this.#i32[p >> 2] = VECTOR_ID;
      this.#i32[(p >> 2) + 1] = n;
    } else {
      this.#dv.setInt32(p, VECTOR_ID, true);
      this.#dv.setInt32(p + 4, n, true);
    }
    this.pos = p + 8;
  }

  /** A boxed `Vector<T>`, each element written by `write`. */
  vector<T>(write: (w: TlWriter, v: T) => void, items: readonly T[]): void {
    this.#vectorHeader(items.length);
    for (let i = 0; i < items.length; i++) write(this, items[i]);
  }

  /** A bare `vector<t>` (no vector id). */
  bareVector<T>(write: (w: TlWriter, v: T) => void, items: readonly T[]): void {
    this.int(items.length);
    for (let i = 0; i < items.length; i++) write(this, items[i]);
  }

  /** `Vector<int>`. */
  vectorInt(items: readonly number[]): void {
    this.#vectorHeader(items.length);
    for (let i = 0; i < items.length; i++) this.int(items[i]);
  }

  /** `Vector<long>`. */
  vectorLong(items: readonly bigint[]): void {
    this.#vectorHeader(items.length);
    for (let i = 0; i < items.length; i++) this.long(items[i]);
  }

  /** `Vector<string>`. */
  vectorString(items: readonly string[]): void {
    this.#vectorHeader(items.length);
    for (let i = 0; i < items.length; i++) this.string(items[i]);
  }

  /** `Vector<bytes>`. */
  vectorBytes(items: readonly Uint8Array[]): void {
    this.#vectorHeader(items.length);
    for (let i = 0; i < items.length; i++) this.bytes(items[i]);
  }

  /** `Vector<T>` of boxed objects. */
  vectorObject(items: readonly { _: string }[]): void {
    this.#vectorHeader(items.length);
    for (let i = 0; i < items.length; i++) this.object(items[i]);
  }
}
