/**
 * The client side of Telegram's two-step verification (core.telegram.org/api/srp): from
 * `account.getPassword`'s answer and the password, the `InputCheckPasswordSRP` that
 * `auth.checkPassword` takes. The password never leaves this function; only the SRP proof does.
 *
 * @module
 */
import type { Api } from "../tl/mod.ts";
import {
  bigintToBytes,
  bytesToBigint,
  checkDhGroup,
  initCore,
  modPow,
  type RandomSource,
  secureRandom,
  sha256,
} from "../core/mod.ts";
import { ClientError } from "./errors.ts";

type Algo = Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;

const ALGO = "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow";

function unsupported(message: string): never {
  throw new ClientError("CLIENT_PASSWORD_UNSUPPORTED", message);
}

/**
 * x of the SRP exchange: SHA256(salt2 | PBKDF2-HMAC-SHA512(SHA256(salt2 | SHA256(salt1 | password
 * | salt1) | salt2), salt1, 100000) | salt2), as Telegram defines it.
 */
export async function passwordHash(algo: Algo, password: string): Promise<Uint8Array> {
  await initCore();
  const hash1 = sha256(algo.salt1, new TextEncoder().encode(password), algo.salt1);
  const hash2 = sha256(algo.salt2, hash1, algo.salt2);
  // WebCrypto is in Deno, Bun and Node 20 alike; its PBKDF2 is native and async.
  const key = await crypto.subtle.importKey("raw", copy(hash2), "PBKDF2", false, ["deriveBits"]);
  const hash3 = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-512", salt: copy(algo.salt1), iterations: 100_000 },
      key,
      512,
    ),
  );
  return sha256(algo.salt2, hash3, algo.salt2);
}

/** A copy on a plain ArrayBuffer, as WebCrypto's types ask (TL values may be views). */
const copy = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

const pad256 = (n: bigint) => bigintToBytes(n, 256)!;

/**
 * The SRP proof of `password` for the account's current password settings `state` (what
 * `account.getPassword` returned). `random` supplies the 256-byte secret `a` (tests inject one).
 *
 * Checks first what core.telegram.org/api/srp asks a client to check: the algorithm is the one
 * Telegram uses, `p` is a 2048-bit safe prime with a valid generator `g`, and `B` is in
 * `(0, p)` and the derived `g_b` is not zero. Anything else is refused with
 * `CLIENT_PASSWORD_UNSUPPORTED`.
 *
 * @example
 * ```ts
 * import { Client } from "@x/irenogram";
 * import { TestServer, type TestWorld } from "@x/irenogram/testing";
 * // Offline, a user of a TestServer (on Telegram: your apiId, apiHash and phone number instead).
 * await using server = await TestServer.start();
 * const world = server.world as TestWorld;
 * const { code } = world.addUser({ phone: "15550001", firstName: "Alice", password: "hunter2" });
 * // start() proves the password itself (auth.checkPassword); other methods take the proof too.
 * await using app = new Client(":memory:", {
 *   ...server.clientOptions(),
 *   phoneNumber: "15550001",
 *   phoneCode: code,
 *   password: "hunter2",
 * });
 * await app.start();
 * const state = await app.invoke({ _: "account.getPassword" });
 * const proof = await computePasswordCheck(state, "hunter2");
 * console.log(proof._); // "inputCheckPasswordSRP"
 * ```
 */
export async function computePasswordCheck(
  state: Api.AccountPassword,
  password: string,
  random: RandomSource = secureRandom,
): Promise<Api.InputCheckPasswordSRP> {
  const algo = state.currentAlgo;
  if (algo === undefined || state.srpB === undefined || state.srpId === undefined) {
    unsupported("the account has no password set, or the server sent no SRP parameters");
  }
  if (algo._ !== ALGO) unsupported(`unknown password algorithm ${algo._}`);
  await initCore();
  if (algo.p.length !== 256) unsupported("the SRP prime is not 2048 bits");
  try {
    checkDhGroup(algo.p, algo.g);
  } catch (e) {
    throw new ClientError("CLIENT_PASSWORD_UNSUPPORTED", "the SRP group fails the safety checks", {
      cause: e,
    });
  }
  const p = bytesToBigint(algo.p);
  const g = BigInt(algo.g);
  const gBytes = pad256(g);
  const bBytes = state.srpB;
  const B = bytesToBigint(bBytes);
  if (B <= 0n || B >= p || bBytes.length > 256) {
    unsupported("the server's SRP value B is out of range");
  }
  const srpB = pad256(B);

  const x = bytesToBigint(await passwordHash(algo, password));
  const k = bytesToBigint(sha256(algo.p, gBytes));
  const kgx = (k * modPow(g, x, p)) % p;
  const gB = (((B - kgx) % p) + p) % p;
  if (gB === 0n) unsupported("the server's SRP value B is degenerate");

  // u = H(A | B) must not be zero; a zero has probability 2^-256, the bound only keeps a
  // broken random source from looping forever.
  for (let attempt = 0; attempt < 8; attempt++) {
    const aBytes = random(256);
    const a = bytesToBigint(aBytes);
    const A = modPow(g, a, p);
    const ABytes = pad256(A);
    const u = bytesToBigint(sha256(ABytes, srpB));
    if (u === 0n || A <= 1n) continue;
    // g_b^(a + u·x): p is prime, so the exponent may be taken mod p - 1 (and stays < 2^2048).
    const S = modPow(gB, (a + u * x) % (p - 1n), p);
    const K = sha256(pad256(S));
    const hp = sha256(algo.p), hg = sha256(gBytes);
    const xored = hp.map((byte, i) => byte ^ hg[i]);
    const M1 = sha256(xored, sha256(algo.salt1), sha256(algo.salt2), ABytes, srpB, K);
    return { _: "inputCheckPasswordSRP", srpId: state.srpId, A: ABytes, M1 };
  }
  unsupported("could not pick an SRP secret (the random source repeats a degenerate value)");
}
