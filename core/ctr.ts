import { CoreError } from "./errors.ts";
import { bytes } from "./input.ts";
import {
  checkGeneration,
  core,
  freeHandle,
  generation,
  handleRegistry,
  readBytes,
  scratch,
  wipe,
  writeBytes,
} from "./wasm.ts";
import { nativeCrypto, plain } from "./native.ts";

const CHUNK = 1 << 20;
const streams = handleRegistry("ctr256_free");

/**
 * AES-256-CTR as a stream (128-bit big-endian counter): each `process` call continues the
 * keystream where the previous one stopped, so chunking never changes the bytes. Encryption and
 * decryption are the same operation. An obfuscated connection keeps one per direction.
 *
 * The state lives in WebAssembly memory: `free()` it (or use `using`) when done; a forgotten
 * stream is freed when garbage-collected.
 *
 * @example
 * ```ts
 * import { Ctr256, initCore } from "@x/irenogram/core";
 * await initCore();
 * const key = new Uint8Array(32), iv = new Uint8Array(16);
 * using enc = new Ctr256(key, iv);
 * const a = enc.process(new Uint8Array(10)), b = enc.process(new Uint8Array(6));
 * ```
 */
export class Ctr256 {
  #handle = 0;
  readonly #generation = generation();
  #native: { update(data: Uint8Array): Uint8Array; final(): Uint8Array } | undefined;
  #freed = false;

  /** A stream from a 32-byte key and a 16-byte initial counter block. */
  constructor(key: Uint8Array, iv: Uint8Array) {
    bytes(key, "key", 32);
    bytes(iv, "iv", 16);
    const c = core();
    const native = nativeCrypto("ctr");
    if (native !== undefined) {
      this.#native = native.createCipheriv("aes-256-ctr", key, iv);
      return;
    }
    const p = scratch(48);
    writeBytes(p, key);
    writeBytes(p + 32, iv);
    this.#handle = c.ctr256_new(p, p + 32);
    wipe(p, 48);
    if (this.#handle === 0) throw new CoreError("CORE_OUT_OF_MEMORY", "cannot allocate a stream");
    streams.register(this, [this.#handle, this.#generation], this);
  }

  /** Encrypts (or decrypts) `data` with the next keystream bytes; returns a new array. */
  process(data: Uint8Array): Uint8Array {
    bytes(data, "data");
    if (this.#freed) throw new CoreError("CORE_BAD_INPUT", "this Ctr256 was freed");
    if (this.#native !== undefined) return plain(this.#native.update(data));
    checkGeneration(this.#generation, "Ctr256");
    const c = core();
    if (data.length <= CHUNK) {
      const p = scratch(data.length);
      writeBytes(p, data);
      c.ctr256_apply(this.#handle, p, data.length);
      return readBytes(p, data.length);
    }
    const out = new Uint8Array(data.length);
    for (let off = 0; off < data.length; off += CHUNK) {
      const part = data.subarray(off, off + CHUNK);
      const p = scratch(part.length);
      writeBytes(p, part);
      c.ctr256_apply(this.#handle, p, part.length);
      out.set(readBytes(p, part.length), off);
    }
    return out;
  }

  /** Frees the state in WebAssembly memory; the stream cannot be used afterwards. */
  free(): void {
    this.#freed = true;
    // final() releases the cipher's native state now: Deno keeps it (about 1 KB) until then,
    // so dropping the object without final() grew memory with every stream.
    const native = this.#native;
    this.#native = undefined;
    if (native !== undefined) {
      try {
        native.final();
      } catch { /* CTR has no padding: final() neither fails nor returns bytes */ }
    }
    if (this.#handle === 0) return;
    streams.unregister(this);
    freeHandle("ctr256_free", this.#handle, this.#generation);
    this.#handle = 0;
  }

  /** {@link Ctr256.free}, for `using`. */
  [Symbol.dispose](): void {
    this.free();
  }
}
