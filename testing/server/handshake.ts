/**
 * The server side of the auth-key exchange (core.telegram.org/mtproto/auth_key), one instance per
 * connection: req_pq_multi / req_pq → resPQ, req_DH_params → server_DH_params_ok,
 * set_client_DH_params → dh_gen_ok / dh_gen_retry / dh_gen_fail, with every check a server
 * makes. Anything out of order or inconsistent ends the exchange (the connection is dropped, as
 * Telegram does).
 *
 * @module
 */
import {
  bigintToBytes,
  bytesToBigint,
  decryptDhInner,
  encryptDhInner,
  modPow,
  type RandomSource,
  sha1,
} from "../../core/mod.ts";
import { type AnyTlObject, type Api, serialize, TlReader } from "../../tl/mod.ts";
import type { HostileMode } from "./hostile.ts";
import type { ServerRsaKey } from "./rsa.ts";

/** Telegram's 2048-bit safe DH prime (core.telegram.org/mtproto/samples-auth_key), with g = 3. */
const DH_PRIME_HEX =
  "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b";
export const DH_PRIME = BigInt("0x" + DH_PRIME_HEX);
const DH_PRIME_BYTES = bigintToBytes(DH_PRIME, 256)!;
const DH_G = 3;
/** g^a and g^b must lie in [2^(2048-64), dh_prime - 2^(2048-64)]. */
const RANGE_LOW = 1n << 1984n;

/** A key the exchange produced. */
export interface NewAuthKey {
  key: Uint8Array;
  /** auth_key_id as a signed 64-bit value (as TL reads it from the wire). */
  id: bigint;
  /** The first server salt: new_nonce[0..8] XOR server_nonce[0..8], as a signed long. */
  salt: bigint;
  /** Temporary keys (p_q_inner_data_temp*): when the key stops being valid, server seconds. */
  expiresAt?: number;
  /** Which RSA padding the client used (for tests that check a client's form). */
  padding: "rsa_pad" | "sha1";
}

/** What the connection does after a handshake message. */
export type HandshakeStep =
  | { reply: AnyTlObject; key?: NewAuthKey }
  | { drop: string };

/** What the exchange needs from its server. */
export interface HandshakeHost {
  readonly dcId: number;
  /** Server time in seconds (clock skew applied). */
  now(): number;
  readonly rsaKeys: readonly ServerRsaKey[];
  hostile(): HostileMode | null;
  /** Whether an auth key with this id exists already (a collision asks for dh_gen_retry). */
  keyExists(id: bigint): boolean;
  readonly random: RandomSource;
}

/** The handshake's functions; anything else in a plaintext message ends the connection. */
export const HANDSHAKE_FUNCTIONS: ReadonlySet<string> = new Set([
  "req_pq",
  "req_pq_multi",
  "req_DH_params",
  "set_client_DH_params",
]);

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** Primes below 2^16, for trial division of 31-bit candidates. */
const SMALL_PRIMES: number[] = (() => {
  const sieve = new Uint8Array(1 << 16);
  const out: number[] = [];
  for (let i = 2; i < sieve.length; i++) {
    if (sieve[i]) continue;
    out.push(i);
    for (let j = i * i; j < sieve.length; j += i) sieve[j] = 1;
  }
  return out;
})();

function isPrime31(n: number): boolean {
  for (const p of SMALL_PRIMES) {
    if (p * p > n) return true;
    if (n % p === 0) return false;
  }
  return true;
}

/** A random prime in [2^30, 2^31): pq then fits 62 bits, like Telegram's. */
function randomPrime(random: RandomSource): number {
  for (;;) {
    const b = random(4);
    const n = (((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 1 | 0x4000_0001) >>> 0;
    if (isPrime31(n)) return n;
  }
}

function longOf(bytes: Uint8Array, offset: number): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 8).getBigInt64(0, true);
}

/** `new_nonce_hash{1,2,3}`: the low 128 bits of SHA1(new_nonce + [n] + auth_key_aux_hash). */
function newNonceHash(newNonce: Uint8Array, n: number, auxHash: Uint8Array): Uint8Array {
  return sha1(newNonce, new Uint8Array([n]), auxHash).slice(4, 20);
}

type Stage = "idle" | "pq_sent" | "dh_sent" | "done";

/** One connection's auth-key exchange. */
export class ServerHandshake {
  readonly #host: HandshakeHost;
  #stage: Stage = "idle";
  #nonce: Uint8Array = new Uint8Array(16);
  #serverNonce: Uint8Array = new Uint8Array(16);
  #pq: Uint8Array = new Uint8Array(8);
  #p: Uint8Array = new Uint8Array(4);
  #q: Uint8Array = new Uint8Array(4);
  #newNonce: Uint8Array = new Uint8Array(32);
  #a = 0n;
  #expiresIn: number | undefined;
  #padding: "rsa_pad" | "sha1" = "rsa_pad";
  /** auth_key_aux_hash of the key refused with dh_gen_retry (the next retry_id), if any. */
  #retryAux: Uint8Array | undefined;
  #retries = 0;

  constructor(host: HandshakeHost) {
    this.#host = host;
  }

  /** Answers one plaintext handshake message. */
  handle(query: AnyTlObject): HandshakeStep {
    switch (query._) {
      case "req_pq":
      case "req_pq_multi":
        return this.#reqPq(query.nonce);
      case "req_DH_params":
        return this.#reqDhParams(query);
      case "set_client_DH_params":
        return this.#setClientDhParams(query);
      default:
        return { drop: `${query._} is not a handshake message` };
    }
  }

  #reqPq(nonce: Uint8Array): HandshakeStep {
    const random = this.#host.random;
    this.#stage = "pq_sent";
    this.#nonce = nonce.slice();
    this.#serverNonce = random(16);
    let p = randomPrime(random), q = randomPrime(random);
    while (q === p) q = randomPrime(random);
    if (p > q) [p, q] = [q, p];
    this.#p = bigintToBytes(BigInt(p), 4)!;
    this.#q = bigintToBytes(BigInt(q), 4)!;
    this.#pq = bigintToBytes(BigInt(p) * BigInt(q), 8)!;
    this.#retryAux = undefined;
    this.#retries = 0;
    const fingerprints = this.#host.hostile() === "unknownFingerprint"
      ? [longOf(random(8), 0)]
      : this.#host.rsaKeys.map((k) => BigInt.asIntN(64, k.fingerprint));
    return {
      reply: {
        _: "resPQ",
        nonce: this.#nonce,
        serverNonce: this.#serverNonce,
        pq: this.#pq,
        serverPublicKeyFingerprints: fingerprints,
      },
    };
  }

  #reqDhParams(q: Api.ReqDHParams): HandshakeStep {
    if (this.#stage !== "pq_sent") return { drop: "req_DH_params out of order" };
    if (!equal(q.nonce, this.#nonce)) return { drop: "req_DH_params: wrong nonce" };
    if (!equal(q.serverNonce, this.#serverNonce)) {
      return { drop: "req_DH_params: wrong server_nonce" };
    }
    if (!equal(q.p, this.#p) || !equal(q.q, this.#q)) {
      return { drop: "req_DH_params: wrong p or q" };
    }
    const fingerprint = BigInt.asUintN(64, q.publicKeyFingerprint);
    const key = this.#host.rsaKeys.find((k) => k.fingerprint === fingerprint);
    if (key === undefined) return { drop: "req_DH_params: unknown public key fingerprint" };
    const plain = key.decrypt(q.encryptedData);
    if (plain === undefined) return { drop: "req_DH_params: encrypted_data does not decrypt" };
    let inner: AnyTlObject;
    try {
      inner = new TlReader(plain.data).object<AnyTlObject>();
    } catch {
      return { drop: "req_DH_params: encrypted_data holds no TL object" };
    }
    if (
      inner._ !== "p_q_inner_data" && inner._ !== "p_q_inner_data_dc" &&
      inner._ !== "p_q_inner_data_temp" && inner._ !== "p_q_inner_data_temp_dc"
    ) return { drop: `req_DH_params: ${inner._} instead of p_q_inner_data` };
    if (!equal(inner.pq, this.#pq) || !equal(inner.p, this.#p) || !equal(inner.q, this.#q)) {
      return { drop: "p_q_inner_data: wrong pq, p or q" };
    }
    if (!equal(inner.nonce, this.#nonce) || !equal(inner.serverNonce, this.#serverNonce)) {
      return { drop: "p_q_inner_data: wrong nonce or server_nonce" };
    }
    if ("dc" in inner) {
      // The DC as the client numbers it: negative for media, +10000 for test DCs.
      const dc = Math.abs(inner.dc) % 10000;
      if (dc !== this.#host.dcId) return { drop: `p_q_inner_data: dc ${inner.dc} is not this DC` };
    }
    if ("expiresIn" in inner) {
      if (inner.expiresIn <= 0) return { drop: "p_q_inner_data_temp: expires_in must be positive" };
      this.#expiresIn = inner.expiresIn;
    } else this.#expiresIn = undefined;
    this.#padding = plain.padding;
    this.#newNonce = inner.newNonce.slice();
    return { reply: this.#serverDhParams() };
  }

  #serverDhParams(): AnyTlObject {
    const hostile = this.#host.hostile();
    let gA: bigint;
    do {
      // A 320-bit secret: g_a is as spread over the group as with a 2048-bit one (what clients
      // check), and the two exponentiations cost a sixth (this server protects no secrets).
      this.#a = bytesToBigint(this.#host.random(40));
      gA = modPow(BigInt(DH_G), this.#a, DH_PRIME);
    } while (gA < RANGE_LOW || gA > DH_PRIME - RANGE_LOW);
    let prime = DH_PRIME_BYTES;
    // A 2048-bit odd number keeping g = 3's condition (p mod 3 = 2) that is not a safe prime.
    if (hostile === "unsafeDhPrime") prime = bigintToBytes(DH_PRIME + 24n, 256)!;
    const inner: Api.ServerDHInnerData = {
      _: "server_DH_inner_data",
      nonce: this.#nonce,
      serverNonce: this.#serverNonce,
      g: hostile === "gOutOfRange" ? 8 : DH_G,
      dhPrime: prime,
      gA: bigintToBytes(hostile === "gAOutOfRange" ? 1n : gA, 256)!,
      serverTime: Math.floor(this.#host.now()),
    };
    this.#stage = "dh_sent";
    return {
      _: "server_DH_params_ok",
      nonce: this.#nonce,
      serverNonce: this.#serverNonce,
      encryptedAnswer: encryptDhInner(
        serialize(inner),
        this.#newNonce,
        this.#serverNonce,
        this.#host.random,
      ),
    };
  }

  #setClientDhParams(q: Api.SetClientDHParams): HandshakeStep {
    if (this.#stage !== "dh_sent") return { drop: "set_client_DH_params out of order" };
    if (!equal(q.nonce, this.#nonce) || !equal(q.serverNonce, this.#serverNonce)) {
      return { drop: "set_client_DH_params: wrong nonce or server_nonce" };
    }
    let inner: AnyTlObject;
    try {
      const data = decryptDhInner(q.encryptedData, this.#newNonce, this.#serverNonce);
      inner = new TlReader(data).object<AnyTlObject>();
    } catch {
      return { drop: "set_client_DH_params: encrypted_data does not decrypt" };
    }
    if (inner._ !== "client_DH_inner_data") {
      return { drop: `set_client_DH_params: ${inner._} instead of client_DH_inner_data` };
    }
    if (!equal(inner.nonce, this.#nonce) || !equal(inner.serverNonce, this.#serverNonce)) {
      return { drop: "client_DH_inner_data: wrong nonce or server_nonce" };
    }
    const expectedRetry = this.#retryAux === undefined ? 0n : longOf(this.#retryAux, 0);
    const gB = inner.gB.length <= 256 ? bytesToBigint(inner.gB) : 0n;
    if (
      inner.retryId !== expectedRetry || gB <= 1n || gB >= DH_PRIME - 1n || gB < RANGE_LOW ||
      gB > DH_PRIME - RANGE_LOW
    ) {
      this.#stage = "done";
      const aux = this.#retryAux ?? new Uint8Array(8);
      return { reply: this.#answer("dh_gen_fail", newNonceHash(this.#newNonce, 3, aux)) };
    }
    const key = bigintToBytes(modPow(gB, this.#a, DH_PRIME), 256)!;
    const digest = sha1(key);
    const aux = digest.slice(0, 8);
    const id = longOf(digest, 12);
    if (this.#host.keyExists(id) && this.#retries < 8) {
      // A key id already in use: the client must start over with a new g_b (dh_gen_retry).
      this.#retries++;
      this.#retryAux = aux;
      return { reply: this.#answer("dh_gen_retry", newNonceHash(this.#newNonce, 2, aux)) };
    }
    this.#stage = "done";
    const hash1 = newNonceHash(this.#newNonce, 1, aux);
    if (this.#host.hostile() === "wrongNewNonceHash") hash1[0] ^= 0xff;
    const salt = longOf(this.#newNonce, 0) ^ longOf(this.#serverNonce, 0);
    const expiresAt = this.#expiresIn === undefined
      ? undefined
      : Math.floor(this.#host.now()) + this.#expiresIn;
    this.#a = 0n;
    return {
      reply: this.#answer("dh_gen_ok", hash1),
      key: { key, id, salt: BigInt.asIntN(64, salt), expiresAt, padding: this.#padding },
    };
  }

  #answer(
    name: "dh_gen_ok" | "dh_gen_retry" | "dh_gen_fail",
    hash: Uint8Array,
  ): AnyTlObject {
    const base = { nonce: this.#nonce, serverNonce: this.#serverNonce };
    if (name === "dh_gen_ok") return { _: name, ...base, newNonceHash1: hash };
    if (name === "dh_gen_retry") return { _: name, ...base, newNonceHash2: hash };
    return { _: name, ...base, newNonceHash3: hash };
  }
}
