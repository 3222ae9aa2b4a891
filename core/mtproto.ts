import { CoreError } from "./errors.ts";
import { bytes } from "./input.ts";
import { paddingRandom, type RandomSource } from "./random.ts";
import { check, core, readBytes, scratch, wipe, writeBytes } from "./wasm.ts";
import { type NativeCrypto, nativeCrypto, nativeHash, smallMessageBytes } from "./native.ts";
import { ige256Decrypt, ige256Encrypt } from "./ige.ts";
import { kdfV2With } from "./kdf.ts";
import type { FrameEncoder } from "./framing.ts";

function hash(native: NativeCrypto, alg: "sha1" | "sha256", ...parts: Uint8Array[]): Uint8Array {
  return nativeHash(native, alg, parts);
}

/**
 * auth_key_id by auth key object, so that a message costs no SHA-1 of the 256-byte key; no copy
 * of any key is kept. Auth keys are treated as immutable: a key changed in place keeps its old id
 * here, and messages then fail the auth_key_id check rather than go out under a wrong key.
 */
const keyIds = new WeakMap<Uint8Array, Uint8Array>();

function keyIdOf(authKey: Uint8Array): Uint8Array {
  let id = keyIds.get(authKey);
  if (id === undefined) {
    id = authKeyId(authKey);
    keyIds.set(authKey, id);
  }
  return id;
}

/** aes_key and aes_iv of MTProto 2.0 for `msgKey` and direction `x` (mtproto.rs `kdf`). */
function kdfNative(
  native: NativeCrypto,
  authKey: Uint8Array,
  msgKey: Uint8Array,
  x: number,
): [Uint8Array, Uint8Array] {
  const sha256 = (a: Uint8Array, b: Uint8Array) => nativeHash(native, "sha256", [a, b]);
  const { key, iv } = kdfV2With(sha256, authKey, msgKey, x);
  return [key, iv];
}

/**
 * sealMessage with node:crypto hashes and IGE encryption as one native AES-CBC pass (Node and
 * Bun, where that is faster than SHA-256 and AES in WASM); identical bytes.
 */
function sealNative(
  native: NativeCrypto,
  authKey: Uint8Array,
  data: Uint8Array,
  padding: Uint8Array,
  x: number,
): Uint8Array {
  const body = new Uint8Array(data.length + padding.length);
  body.set(data);
  body.set(padding, data.length);
  const msgKey = hash(native, "sha256", authKey.subarray(88 + x, 120 + x), body).subarray(8, 24);
  const [key, iv] = kdfNative(native, authKey, msgKey, x);
  const out = new Uint8Array(24 + body.length);
  out.set(keyIdOf(authKey));
  out.set(msgKey, 8);
  out.set(ige256Encrypt(body, key, iv), 24);
  return out;
}

/** Statuses of the core (core/wasm.ts `check`), so both paths throw the same errors. */
const AUTH_KEY_ID_MISMATCH = -3, MSG_KEY_MISMATCH = -4, BAD_PADDING = -5, BAD_DATA_LENGTH = -6;
const BAD_MESSAGE_LENGTH = -12;

/**
 * openMessage with node:crypto's hashes around the core's IGE decryption (one crossing): the
 * same checks in the same order as mtproto.rs `open`.
 */
function openNative(
  native: NativeCrypto,
  authKey: Uint8Array,
  message: Uint8Array,
  x: number,
): Uint8Array {
  if (message.length < 24 + 32 + 16 || (message.length - 24) % 16 !== 0) {
    check(BAD_MESSAGE_LENGTH, "openMessage");
  }
  const id = keyIdOf(authKey);
  for (let i = 0; i < 8; i++) if (message[i] !== id[i]) check(AUTH_KEY_ID_MISMATCH, "openMessage");
  const msgKey = message.subarray(8, 24);
  const [key, iv] = kdfNative(native, authKey, msgKey, x);
  const body = ige256Decrypt(message.subarray(24), key, iv);
  const expected = hash(native, "sha256", authKey.subarray(88 + x, 120 + x), body);
  let diff = 0;
  for (let i = 0; i < 16; i++) diff |= expected[8 + i] ^ msgKey[i];
  if (diff !== 0) check(MSG_KEY_MISMATCH, "openMessage");
  const len = new DataView(body.buffer, body.byteOffset, body.length).getUint32(28, true);
  if (len % 4 !== 0 || len > body.length - 32) check(BAD_DATA_LENGTH, "openMessage");
  const pad = body.length - 32 - len;
  if (pad < 12 || pad > 1024) check(BAD_PADDING, "openMessage");
  return body.subarray(0, 32 + len);
}

/** Who sealed a message: `"client"` (x = 0 in the key derivation) or `"server"` (x = 8). */
export type Sender = "client" | "server";

function x(sender: Sender): number {
  if (sender === "client") return 0;
  if (sender === "server") return 8;
  throw new CoreError("CORE_BAD_INPUT", `sender must be "client" or "server"`);
}

/**
 * Seals an MTProto 2.0 message in one call: random padding (12..1024 bytes, here up to 139),
 * msg_key = middle of SHA-256(auth_key part + plaintext), AES key/IV derivation, AES-256-IGE.
 * `data` is the inner data: salt, session_id, msg_id, seq_no, message_data_length and the
 * message (at least 32 bytes, a multiple of 4). Returns auth_key_id + msg_key + encrypted data.
 *
 * @example
 * ```ts
 * import { initCore, sealMessage } from "@x/irenogram/core";
 * await initCore();
 * const authKey = new Uint8Array(256).fill(7);
 * // salt, session_id, msg_id, seq_no, then message_data_length (4) and the message itself
 * const inner = new Uint8Array(36);
 * new DataView(inner.buffer).setInt32(28, 4, true);
 * const wire = sealMessage(authKey, inner, "client");
 * ```
 */
export function sealMessage(
  authKey: Uint8Array,
  data: Uint8Array,
  sender: Sender,
  random: RandomSource = paddingRandom,
): Uint8Array {
  const { dir, padding } = sealStart(authKey, data, sender, random);
  const total = 24 + data.length + padding;
  const native = nativeCrypto(data.length < smallMessageBytes ? "seal-small" : "seal");
  if (native !== undefined) return sealNative(native, authKey, data, random(padding), dir);
  const id = keyIdOf(authKey);
  // Layout: auth key (256) | its auth_key_id (8) | message.
  const p = scratch(264 + total);
  sealAt(p, p + 264, authKey, id, data, random(padding), dir, "sealMessage");
  return readBytes(p + 264, total);
}

/**
 * `encoder.encode(sealMessage(authKey, data, sender, random))`, the same bytes, with the message
 * sealed where the frame is built in WebAssembly memory: one copy in and one out instead of two
 * each, and no sealed message left to collect. (Messages that go through node:crypto are sealed
 * and framed as two steps.)
 *
 * @example
 * ```ts
 * import { createTransport, initCore, sealFramed } from "@x/irenogram/core";
 * await initCore();
 * const { encoder } = createTransport("intermediate");
 * const inner = new Uint8Array(36); // salt .. message_data_length (4), then the message
 * new DataView(inner.buffer).setInt32(28, 4, true);
 * const frame = sealFramed(encoder, new Uint8Array(256).fill(7), inner, "client");
 * ```
 */
export function sealFramed(
  encoder: FrameEncoder,
  authKey: Uint8Array,
  data: Uint8Array,
  sender: Sender,
  random: RandomSource = paddingRandom,
): Uint8Array {
  if (nativeCrypto(data?.length < smallMessageBytes ? "seal-small" : "seal") !== undefined) {
    return encoder.encode(sealMessage(authKey, data, sender, random));
  }
  // The random draws in sealMessage's order (its length byte, then the padding).
  const { dir, padding } = sealStart(authKey, data, sender, random);
  const pad = random(padding);
  const id = keyIdOf(authKey); // before the fill: computing it uses (and wipes) the scratch
  return encoder.encodeInPlace(24 + data.length + padding, (at) => {
    // The key and its id in the scratch buffer; the message where the frame's payload goes.
    sealAt(scratch(264), at, authKey, id, data, pad, dir, "sealFramed");
  });
}

/** The checks of a seal, its direction, and its padding's length (drawn from `random`). */
function sealStart(
  authKey: Uint8Array,
  data: Uint8Array,
  sender: Sender,
  random: RandomSource,
): { dir: number; padding: number } {
  bytes(authKey, "authKey", 256);
  bytes(data, "data");
  const dir = x(sender);
  checkData(data);
  const extra = random(1)[0] & 7;
  return { dir, padding: 12 + ((16 - ((data.length + 12) % 16)) % 16) + 16 * extra };
}

/**
 * Seals in WebAssembly memory: the key and its id go to `keyAt` (264 bytes, wiped after), the
 * message to `at` (24 bytes for auth_key_id and msg_key, then `data`, then `pad`).
 */
function sealAt(
  keyAt: number,
  at: number,
  authKey: Uint8Array,
  id: Uint8Array,
  data: Uint8Array,
  pad: Uint8Array,
  dir: number,
  what: string,
): void {
  writeBytes(keyAt, authKey);
  writeBytes(keyAt + 256, id);
  writeBytes(at + 24, data);
  writeBytes(at + 24 + data.length, pad);
  try {
    check(core().mtproto_seal(keyAt, at, 24 + data.length + pad.length, data.length, dir), what);
  } finally {
    wipe(keyAt, 256);
  }
}

/** Inner data of a message: at least 32 bytes (the header), a multiple of 4. */
function checkData(data: Uint8Array): void {
  if (data.length < 32 || data.length % 4 !== 0) {
    throw new CoreError(
      "CORE_BAD_INPUT",
      `data must be at least 32 bytes and a multiple of 4, got ${data.length}`,
    );
  }
}

/**
 * Opens an MTProto 2.0 message sealed by `sender`, with every check of the protocol
 * description: auth_key_id, length, msg_key against the decrypted data, message_data_length
 * (a multiple of 4, within the data) and padding length (12..1024). Returns the inner data
 * (salt .. message, without padding). Failures throw `CoreError` (`CORE_AUTH_KEY_ID_MISMATCH`,
 * `CORE_BAD_MESSAGE_LENGTH`, `CORE_MSG_KEY_MISMATCH`, `CORE_BAD_DATA_LENGTH`, `CORE_BAD_PADDING`).
 */
export function openMessage(authKey: Uint8Array, message: Uint8Array, sender: Sender): Uint8Array {
  bytes(authKey, "authKey", 256);
  bytes(message, "message");
  const dir = x(sender);
  if (message.length > 0x7fff_ffff) {
    throw new CoreError("CORE_BAD_MESSAGE_LENGTH", "openMessage: message too long");
  }
  const native = nativeCrypto(message.length < smallMessageBytes ? "open-small" : "open");
  if (native !== undefined) return openNative(native, authKey, message, dir);
  const id = keyIdOf(authKey);
  const c = core();
  const p = scratch(264 + message.length);
  writeBytes(p, authKey);
  writeBytes(p + 256, id);
  writeBytes(p + 264, message);
  try {
    const len = check(c.mtproto_open(p, p + 264, message.length, dir), "openMessage");
    return readBytes(p + 264 + 24, len);
  } finally {
    wipe(p, 256);
  }
}

/** auth_key_id: the 64 lower-order bits of SHA-1(auth_key), 8 bytes as sent on the wire. */
export function authKeyId(authKey: Uint8Array): Uint8Array {
  bytes(authKey, "authKey", 256);
  const p = scratch(256 + 8);
  writeBytes(p, authKey);
  core().mtproto_auth_key_id(p, p + 256);
  wipe(p, 256);
  return readBytes(p + 256, 8);
}
