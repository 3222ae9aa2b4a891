/**
 * The server side of Telegram's two-step verification (SRP-2048, core.telegram.org/api/srp): the
 * verifier `v = g^x mod p` from a password with Telegram's KDF
 * (`SHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow`), a fresh challenge `B = k·v + g^b` per
 * `account.getPassword`, and the proof `M1` checked on `auth.checkPassword`. A client whose SRP is
 * wrong gets `PASSWORD_HASH_INVALID`, exactly as from Telegram.
 *
 * @module
 */
import type * as Crypto from "node:crypto";
import { nodeModule } from "../../runtime/runtime.ts";
import { bigintToBytes, bytesToBigint, modPow } from "../../core/mod.ts";
// Loaded when used, not when imported: the testing entry loads in a browser bundle.
const { createHash, pbkdf2Sync, randomBytes } = nodeModule<typeof Crypto>("node:crypto");

/** Telegram's 2048-bit safe prime, used for SRP as for the auth-key DH exchange; g = 3. */
export const SRP_P_HEX =
  "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b";
const P = BigInt("0x" + SRP_P_HEX);
const G = 3;
const P_BYTES = bigintToBytes(P, 256)!;
const G_BYTES = bigintToBytes(BigInt(G), 256)!;

function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

function pad256(n: bigint): Uint8Array {
  return bigintToBytes(n, 256)!;
}

/** SH(data, salt) = H(salt | data | salt). */
function saltedHash(data: Uint8Array, salt: Uint8Array): Uint8Array {
  return sha256(salt, data, salt);
}

/** x = PH2(password, salt1, salt2) as Telegram defines it. */
export function passwordHash(password: string, salt1: Uint8Array, salt2: Uint8Array): Uint8Array {
  const ph1 = saltedHash(saltedHash(new TextEncoder().encode(password), salt1), salt2);
  const kdf = new Uint8Array(pbkdf2Sync(ph1, salt1, 100000, 64, "sha512"));
  return saltedHash(kdf, salt2);
}

/** The stored side of a password: salts and verifier (never the password itself). */
export interface SrpSecret {
  salt1: Uint8Array;
  salt2: Uint8Array;
  verifier: bigint;
  hint?: string;
}

/** The KDF algorithm object (`current_algo` / `new_algo`) for `account.password`. */
export function algoObject(salt1: Uint8Array, salt2: Uint8Array): {
  _: "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow";
  salt1: Uint8Array;
  salt2: Uint8Array;
  g: number;
  p: Uint8Array;
} {
  return {
    _: "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow",
    salt1,
    salt2,
    g: G,
    p: P_BYTES,
  };
}

/**
 * Makes the verifier of `password`. salt1 is 40 bytes (Telegram's 8 + the client's 32), salt2 16.
 */
export function makeSrpSecret(password: string, hint?: string): SrpSecret {
  const salt1 = new Uint8Array(randomBytes(40));
  const salt2 = new Uint8Array(randomBytes(16));
  const x = bytesToBigint(passwordHash(password, salt1, salt2));
  return { salt1, salt2, verifier: modPow(BigInt(G), x, P), hint };
}

/** One outstanding challenge: `srp_id`, `B` and the secret exponent `b`. */
export interface SrpChallenge {
  srpId: bigint;
  bBytes: Uint8Array;
  b: bigint;
  B: bigint;
}

/** A fresh challenge for `account.getPassword`: B = k·v + g^b mod p, k = H(p | g). */
export function makeChallenge(secret: SrpSecret): SrpChallenge {
  const k = bytesToBigint(sha256(P_BYTES, G_BYTES));
  for (let attempt = 0; attempt < 8; attempt++) {
    const b = bytesToBigint(new Uint8Array(randomBytes(256))) % P;
    const B = (k * secret.verifier + modPow(BigInt(G), b, P)) % P;
    if (B <= 1n || B >= P - 1n) continue;
    const id = new DataView(randomBytes(8).buffer).getBigInt64(0, true);
    return { srpId: id, bBytes: pad256(B), b, B };
  }
  throw new Error("could not draw an SRP challenge");
}

/** Why a proof was refused, as Telegram's error message says it. */
export type SrpRefusal = "SRP_A_INVALID" | "PASSWORD_HASH_INVALID";

/**
 * Checks the client's `A` and `M1` against `challenge`; returns null when the client proved it
 * knows the password.
 */
export function checkProof(
  secret: SrpSecret,
  challenge: SrpChallenge,
  aBytes: Uint8Array,
  m1: Uint8Array,
): SrpRefusal | null {
  if (aBytes.length > 256) return "SRP_A_INVALID";
  const A = bytesToBigint(aBytes);
  if (A <= 1n || A >= P - 1n) return "SRP_A_INVALID";
  const aPad = pad256(A);
  const u = bytesToBigint(sha256(aPad, challenge.bBytes));
  if (u === 0n) return "SRP_A_INVALID";
  const s = modPow((A * modPow(secret.verifier, u, P)) % P, challenge.b, P);
  const kBytes = sha256(pad256(s));
  const hp = sha256(P_BYTES), hg = sha256(G_BYTES);
  const xored = hp.map((x, i) => x ^ hg[i]);
  const expected = sha256(
    xored,
    sha256(secret.salt1),
    sha256(secret.salt2),
    aPad,
    challenge.bBytes,
    kBytes,
  );
  if (m1.length !== 32) return "PASSWORD_HASH_INVALID";
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= expected[i] ^ m1[i];
  return diff === 0 ? null : "PASSWORD_HASH_INVALID";
}
