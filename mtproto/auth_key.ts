/**
 * The auth-key exchange (core.telegram.org/mtproto/auth_key) from the client's side, with every
 * check of the security guidelines (core.telegram.org/mtproto/security_guidelines):
 * req_pq_multi → req_DH_params (RSA_PAD over p_q_inner_data_dc, or _temp_dc for a temporary key)
 * → set_client_DH_params, retried on dh_gen_retry.
 *
 * The exchange is transport-agnostic: it gets a function that sends one unencrypted message body
 * and resolves with the body of the answer (see {@link PlainChannel}).
 *
 * @module
 */
import {
  bigintToBytes,
  bytesToBigint,
  CoreError,
  decryptDhInner,
  dhExchange,
  encryptDhInner,
  factorizePQ,
  type RandomSource,
  rsaPad,
  secureRandom,
  sha1,
} from "../core/mod.ts";
import { type AnyTlObject, type Api, deserialize, serialize, type TlError } from "../tl/mod.ts";
import { MtprotoError } from "./errors.ts";
import type { RsaPublicKey } from "./rsa_keys.ts";

export type { RsaPublicKey };

/** Sends one unencrypted MTProto message body and resolves with the answer's body. */
export type PlainChannel = (body: Uint8Array) => Promise<Uint8Array>;

/** Options of {@link exchangeAuthKey}. */
export interface AuthKeyExchangeOptions {
  /** The configured server keys; a resPQ offering none of them fails with `MTPROTO_SECURITY`. */
  keys: readonly RsaPublicKey[];
  /** The DC as p_q_inner_data_dc carries it: +10000 for test DCs, negative for media DCs. */
  dc: number;
  /** Create a temporary key valid this many seconds (p_q_inner_data_temp_dc). */
  expiresIn?: number;
  /** Randomness (nonces, the DH secret, paddings); tests pass the sample's values. */
  random?: RandomSource;
  /** The local clock in milliseconds (for the clock offset from server_time). */
  now?: () => number;
  /** dh_gen_retry answers accepted before giving up (default 5). */
  maxRetries?: number;
}

/** What a completed exchange gives. */
export interface AuthKeyExchangeResult {
  /** The 2048-bit auth key (secret: store it, never log it). */
  authKey: Uint8Array;
  /** The first server salt: new_nonce[0..8] XOR server_nonce[0..8], as a signed long. */
  serverSalt: bigint;
  /** server_time minus the local time, in seconds. */
  timeOffset: number;
}

function security(message: string, cause?: unknown): MtprotoError {
  return new MtprotoError("MTPROTO_SECURITY", `auth key exchange: ${message}`, { cause });
}

function failed(message: string, cause?: unknown): MtprotoError {
  return new MtprotoError("MTPROTO_HANDSHAKE_FAILED", `auth key exchange: ${message}`, { cause });
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

function draw(random: RandomSource, n: number): Uint8Array {
  const b = random(n);
  if (!(b instanceof Uint8Array) || b.length !== n) throw failed("the random source failed");
  return b;
}

/** Reads an answer of one of the expected constructors; anything else is a failure. */
function expect<T extends AnyTlObject>(body: Uint8Array, ...names: T["_"][]): T {
  let obj: AnyTlObject;
  try {
    obj = deserialize(body);
  } catch (e) {
    throw failed(`malformed answer (${(e as TlError).code ?? "error"})`, e);
  }
  if (!names.includes(obj?._ as T["_"])) {
    throw failed(`expected ${names.join(" or ")}, got ${String(obj?._)}`);
  }
  return obj as T;
}

/** The nonce and server_nonce echoed by every answer after resPQ. */
function checkNonces(
  answer: { nonce: Uint8Array; serverNonce: Uint8Array },
  nonce: Uint8Array,
  serverNonce: Uint8Array,
): void {
  if (!equal(answer.nonce, nonce)) throw security("the server did not echo our nonce");
  if (!equal(answer.serverNonce, serverNonce)) throw security("server_nonce changed");
}

/** new_nonce_hash{n}: the lower 128 bits of SHA1(new_nonce + n + auth_key_aux_hash). */
function newNonceHash(newNonce: Uint8Array, n: number, auxHash: Uint8Array): Uint8Array {
  return sha1(newNonce, Uint8Array.of(n), auxHash).subarray(4, 20);
}

/** A 256-byte big-endian value from TL bytes (a shorter one is left-padded; longer is refused). */
function to256(v: Uint8Array, what: string): Uint8Array {
  if (v.length > 256) throw security(`${what} longer than 2048 bits`);
  if (v.length === 256) return v;
  const out = new Uint8Array(256);
  out.set(v, 256 - v.length);
  return out;
}

/** Big-endian bytes of a positive number, minimal length (p and q of req_DH_params). */
function minimal(v: bigint): Uint8Array {
  let len = 1;
  while (v >> BigInt(8 * len) !== 0n) len++;
  return bigintToBytes(v, len)!;
}

/**
 * Runs one auth-key exchange over `send`. Fails with `MTPROTO_SECURITY` when the server fails a
 * check, `MTPROTO_HANDSHAKE_FAILED` otherwise (dh_gen_fail, too many retries, malformed answers).
 *
 * @example
 * ```ts
 * // `send` carries unencrypted messages over a fresh connection to DC 2.
 * async function newKey(send: PlainChannel, keys: RsaPublicKey[]): Promise<Uint8Array> {
 *   const { authKey } = await exchangeAuthKey(send, { keys, dc: 2 });
 *   return authKey;
 * }
 * ```
 */
export async function exchangeAuthKey(
  send: PlainChannel,
  options: AuthKeyExchangeOptions,
): Promise<AuthKeyExchangeResult> {
  const random = options.random ?? secureRandom;
  const now = options.now ?? Date.now;

  // 1. req_pq_multi → resPQ
  const nonce = draw(random, 16);
  const resPq = expect<Api.ResPQ>(await send(serialize({ _: "req_pq_multi", nonce })), "resPQ");
  if (!equal(resPq.nonce, nonce)) throw security("the server did not echo our nonce");
  const serverNonce = resPq.serverNonce;
  const key = options.keys.find((k) => resPq.serverPublicKeyFingerprints.includes(k.fingerprint));
  if (key === undefined) throw security("the server offered no configured public key");
  if (resPq.pq.length < 1 || resPq.pq.length > 8) throw security("pq is not a 64-bit number");
  const pqValue = bytesToBigint(resPq.pq);
  let p: bigint, q: bigint;
  try {
    [p, q] = factorizePQ(pqValue);
  } catch (e) {
    throw security("pq is not a product of two primes", e);
  }

  // 2. req_DH_params with p_q_inner_data_dc (or _temp_dc) under RSA_PAD
  const newNonce = draw(random, 32);
  const common = { pq: resPq.pq, p: minimal(p), q: minimal(q), nonce, serverNonce, newNonce };
  const inner = options.expiresIn === undefined
    ? serialize({ _: "p_q_inner_data_dc", ...common, dc: options.dc })
    : serialize({
      _: "p_q_inner_data_temp_dc",
      ...common,
      dc: options.dc,
      expiresIn: options.expiresIn,
    });
  const encryptedData = rsaPad(inner, key.n, key.e, random);
  inner.fill(0);
  const dhParams = expect<Api.ServerDHParamsOk | Api.ServerDHParamsFail>(
    await send(serialize({
      _: "req_DH_params",
      nonce,
      serverNonce,
      p: common.p,
      q: common.q,
      publicKeyFingerprint: key.fingerprint,
      encryptedData,
    })),
    "server_DH_params_ok",
    "server_DH_params_fail",
  );
  checkNonces(dhParams, nonce, serverNonce);
  if (dhParams._ === "server_DH_params_fail") {
    if (!equal(dhParams.newNonceHash, sha1(newNonce).subarray(4, 20))) {
      throw security("server_DH_params_fail with a wrong new_nonce_hash");
    }
    throw failed("the server refused req_DH_params");
  }
  let answer: Uint8Array;
  try {
    answer = decryptDhInner(dhParams.encryptedAnswer, newNonce, serverNonce);
  } catch (e) {
    throw security("encrypted_answer does not decrypt to its SHA1", e);
  }
  const dhInner = expect<Api.ServerDHInnerData>(answer, "server_DH_inner_data");
  checkNonces(dhInner, nonce, serverNonce);
  const timeOffset = dhInner.serverTime - Math.floor(now() / 1000);
  const dhPrime = to256(dhInner.dhPrime, "dh_prime");
  const gA = to256(dhInner.gA, "g_a");

  // 3. set_client_DH_params, repeated on dh_gen_retry
  let retryId = 0n;
  const maxRetries = options.maxRetries ?? 5;
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    let gB: Uint8Array, authKey: Uint8Array;
    try {
      ({ publicValue: gB, sharedKey: authKey } = dhExchange(
        dhPrime,
        dhInner.g,
        gA,
        draw(random, 256),
        random,
      ));
    } catch (e) {
      if (e instanceof CoreError) throw security(`DH parameters refused (${e.code})`, e);
      throw e;
    }
    const clientInner = serialize({ _: "client_DH_inner_data", nonce, serverNonce, retryId, gB });
    const result = expect<Api.DhGenOk | Api.DhGenRetry | Api.DhGenFail>(
      await send(serialize({
        _: "set_client_DH_params",
        nonce,
        serverNonce,
        encryptedData: encryptDhInner(clientInner, newNonce, serverNonce, random),
      })),
      "dh_gen_ok",
      "dh_gen_retry",
      "dh_gen_fail",
    );
    checkNonces(result, nonce, serverNonce);
    const auxHash = sha1(authKey).subarray(0, 8);
    if (result._ === "dh_gen_ok") {
      if (!equal(result.newNonceHash1, newNonceHash(newNonce, 1, auxHash))) {
        authKey.fill(0);
        throw security("dh_gen_ok with a wrong new_nonce_hash1");
      }
      const salt = new Uint8Array(8);
      for (let i = 0; i < 8; i++) salt[i] = newNonce[i] ^ serverNonce[i];
      newNonce.fill(0);
      const serverSalt = new DataView(salt.buffer).getBigInt64(0, true);
      return { authKey, serverSalt, timeOffset };
    }
    authKey.fill(0);
    if (result._ === "dh_gen_fail") {
      if (!equal(result.newNonceHash3, newNonceHash(newNonce, 3, auxHash))) {
        throw security("dh_gen_fail with a wrong new_nonce_hash3");
      }
      throw failed("the server answered dh_gen_fail");
    }
    if (!equal(result.newNonceHash2, newNonceHash(newNonce, 2, auxHash))) {
      throw security("dh_gen_retry with a wrong new_nonce_hash2");
    }
    retryId = new DataView(auxHash.buffer, auxHash.byteOffset, 8).getBigInt64(0, true);
  }
  throw failed(`still dh_gen_retry after ${maxRetries} retries`);
}
