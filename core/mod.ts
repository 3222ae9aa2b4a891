/**
 * The TypeScript face of irenogram's WebAssembly core: MTProto crypto and transport framing.
 * `await initCore()` once; every other function is synchronous.
 *
 * @example
 * ```ts
 * import { crc32, initCore } from "@x/irenogram/core";
 * await initCore();
 * crc32(new TextEncoder().encode("123456789")); // 0xcbf43926
 * ```
 *
 * Calling convention of the module (for code that adds exports): see core-rs/README.md and
 * core/wasm.ts. Bytes are copied into a scratch buffer in WebAssembly memory, the export works on
 * them in place or writes next to them, and the result is copied out; one crossing per unit of
 * work.
 *
 * @module
 */
import { loadCore } from "./wasm.ts";
import { loadNative, NATIVE_AT_START } from "./native.ts";
export { loadNativeLater, NATIVE_AT_START, NATIVE_LATER_MS } from "./native.ts";

export { IrenogramError } from "../errors.ts";
export { CoreError, type CoreErrorCode } from "./errors.ts";
export { paddingRandom, pooledRandom, type RandomSource, secureRandom } from "./random.ts";
export { crc32 } from "./crc32.ts";
export { Ctr256 } from "./ctr.ts";
export { ige256Decrypt, ige256Encrypt } from "./ige.ts";
export { sha1, sha256 } from "./sha.ts";
export { authKeyId, openMessage, sealFramed, sealMessage, type Sender } from "./mtproto.ts";
export { type AesKeyIv, mtprotoKdf, mtprotoKdfV1 } from "./kdf.ts";
export { decryptDhInner, encryptDhInner, rsaPad, tmpAesKeyIv } from "./handshake.ts";
export { checkDhGroup, dhExchange, type DhResult, factorizePQ, modPow } from "./bigmath.ts";
export { bigintToBytes, bytesToBigint } from "../encoding/bytes.ts";
export {
  type AcceptOptions,
  acceptTransport,
  type ClientTransport,
  createTransport,
  DEFAULT_MAX_FRAME_SIZE,
  type Frame,
  FrameDecoder,
  FrameEncoder,
  MAX_FRAME_SIZE_LIMIT,
  type ObfuscationOptions,
  TransportError,
  type TransportErrorCode,
  type TransportInfo,
  type TransportKind,
  type TransportOptions,
} from "./framing.ts";

/**
 * Loads the WebAssembly core (and node:crypto on Node and Bun, where it is faster for AES-CTR and
 * SHA); idempotent.
 */
export async function initCore(): Promise<void> {
  await Promise.all([loadCore(), loadNative()]);
}

/**
 * What a starting client awaits: the WebAssembly core, and node:crypto too where
 * {@link NATIVE_AT_START} says so (Node). Elsewhere (Deno, Bun) call {@link loadNativeLater} afterwards;
 * results are identical on either path, only speed differs.
 */
export async function initCoreForStart(): Promise<void> {
  await (NATIVE_AT_START ? initCore() : loadCore());
}
