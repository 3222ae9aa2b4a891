// RSA_PAD against an independent decryption: a test RSA key (generated once by node:crypto, the
// private exponent kept here), JS BigInt for RSA, node:crypto for SHA-256 and AES (IGE from ECB).
import { test } from "node:test";
import assert from "node:assert/strict";
import { bigintToBytes, bytesToBigint, initCore, rsaPad } from "./mod.ts";
import { nodeHash, refIge, refModPow, sameBytes } from "../testing/crypto_reference.ts";
import { SeededRandom } from "../testing/random.ts";

const n = BigInt(
  "0x96408799c1b6c4f17bb1fce5d429a11f9a9e9d05b9abb87506f2118d7c9588932c492425fc74df0542f0a05eb71850e1a7955fb6d2d0a39ce9439c20ac16ef6cec77a969a7fce51318d486566233f54f0dfd720556eb7ec4d92ca2129ecacfff917ae0a2ba0857b8e387143fa05aa687c333a15261c7d5f53265aff77757001339290286d6e9891001d3f39188d9712d6f8c14d372c3296d1e7d8ca2ac0eecd340c830781fa8cdcfffe52fb3a4884bcf94d7ca7dc3edb32d69b3b86fb37d55a70dc87a892acd8e11098f8b66cf0b2d5896db4517ba522d6912c594bbba332750aba88a43fb5479a5c8072f81e4e6af51afc497ddabf0fab616a1fbf44e6a2d39",
);
const d = BigInt(
  "0x110ca73e73a86e4a6321802ba1b2ac1b7a977d44a72c14d125bdbdef66c7ce90b9b59e7e177ab90c5f2b501d534c357057ac77e9165cb1b626538351c3495277931124868e570074f56c3746b1dbc8be24dda1acb8af5e0a0f05352a64fda952cc22abff171a477efdc5880f0cbe809756f782baa7090eaea53e7bf45a24c3879e5f9f31f81bb282f68feb0b02f82ba4c58e18f18249d1215788d1a1ed260612e945f7af78a3867da51a75a75532a41c93b0e51142440da187768e6203edf6be38013bb06fcf36cf9e349f0b266ec2502d868ce7985cb577dade8665cd5e2a378b6139ca233180c8a55e25fe1c3a5fe7b96727c3575b627aea8cd28453f85381",
);
const e = 65537n;

/** Undoes RSA_PAD (core.telegram.org/mtproto/auth_key) step by step; returns the data. */
function unpad(
  encrypted: Uint8Array,
  dataLength: number,
): { data: Uint8Array; tempKey: Uint8Array } {
  const keyAesEncrypted = bigintToBytes(refModPow(bytesToBigint(encrypted), d, n), 256)!;
  const aesEncrypted = keyAesEncrypted.subarray(32);
  const hash = nodeHash("sha256", aesEncrypted);
  const tempKey = keyAesEncrypted.subarray(0, 32).map((b, i) => b ^ hash[i]);
  const dataWithHash = refIge(aesEncrypted, tempKey, new Uint8Array(32), false);
  const dataWithPadding = dataWithHash.slice(0, 192).reverse();
  assert.equal(
    sameBytes(dataWithHash.subarray(192), nodeHash("sha256", tempKey, dataWithPadding)),
    undefined,
    "SHA256(temp_key + data_with_padding)",
  );
  return { data: dataWithPadding.subarray(0, dataLength), tempKey };
}

test("rsaPad decrypts back to the data under an independent implementation", async () => {
  await initCore();
  const r = new SeededRandom(22);
  for (let i = 0; i < 16; i++) {
    const data = r.bytes(i === 0 ? 144 : r.int(145));
    let drawn: Uint8Array = new Uint8Array(0);
    const encrypted = rsaPad(data, n, e, (len) => (drawn = r.bytes(len)));
    assert.equal(encrypted.length, 256);
    assert.ok(bytesToBigint(encrypted) < n);
    const { data: back, tempKey } = unpad(encrypted, data.length);
    assert.equal(sameBytes(back, data), undefined, `input ${i}`);
    // The padding and temp_key come from the injected randomness: one of the drawn keys.
    const keys = drawn.subarray(192 - data.length);
    const used = Array.from(
      { length: keys.length / 32 },
      (_, k) => keys.subarray(32 * k, 32 * k + 32),
    )
      .some((k) => sameBytes(k, tempKey) === undefined);
    assert.ok(used, `input ${i}: temp_key is one of the drawn keys`);
  }
});
