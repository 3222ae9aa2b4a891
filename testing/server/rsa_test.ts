/**
 * The server's RSA side against independent implementations: fingerprints of Telegram's own
 * keys as GramJS lists them, GramJS's SHA-1-padded encryption and core's RSA_PAD decrypted.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPublicKey } from "node:crypto";
import bigInt from "big-integer";
import { _serverKeys, encrypt as gramjsEncrypt } from "telegram/crypto/RSA.js";
import { initCore, rsaPad, secureRandom } from "../../core/mod.ts";
import { rsaFingerprint, ServerRsaKey } from "./rsa.ts";
import { serialize } from "../../tl/mod.ts";

await initCore();

test("rsa: fingerprints of Telegram's production keys match GramJS's table", () => {
  assert.ok(_serverKeys.size >= 2);
  for (const [fingerprint, key] of _serverKeys) {
    const n = BigInt(key.n.toString());
    const ours = BigInt.asIntN(64, rsaFingerprint(n, BigInt(key.e)));
    assert.equal(ours.toString(), fingerprint);
  }
});

test("rsa: the fixed key's PEM is PKCS#1 and its fingerprint follows from it", () => {
  const key = ServerRsaKey.fixed();
  assert.match(key.pem, /^-----BEGIN RSA PUBLIC KEY-----\n/);
  const jwk = createPublicKey(key.pem).export({ format: "jwk" });
  const n = BigInt("0x" + Buffer.from(jwk.n!, "base64url").toString("hex"));
  assert.equal(n, key.n);
  assert.equal(rsaFingerprint(n, 65537n), key.fingerprint);
});

test("rsa: GramJS's SHA-1-padded encryption and core's RSA_PAD both decrypt", async () => {
  const key = ServerRsaKey.fixed();
  const signed = BigInt.asIntN(64, key.fingerprint).toString();
  _serverKeys.set(signed, { n: bigInt(key.n.toString()), e: 65537 });
  // A p_q_inner_data_dc (the SHA-1 form finds the data's end by parsing it).
  const data = serialize({
    _: "p_q_inner_data_dc",
    pq: secureRandom(8),
    p: secureRandom(4),
    q: secureRandom(4),
    nonce: secureRandom(16),
    serverNonce: secureRandom(16),
    newNonce: secureRandom(32),
    dc: 2,
  });
  const viaGramjs = await gramjsEncrypt(bigInt(signed), Buffer.from(data));
  const old = key.decrypt(new Uint8Array(viaGramjs!));
  assert.equal(old?.padding, "sha1");
  assert.deepEqual(old!.data, data);
  const padded = key.decrypt(rsaPad(data, key.n, key.e));
  assert.equal(padded?.padding, "rsa_pad");
  assert.deepEqual(padded!.data.subarray(0, data.length), data);
  assert.equal(key.decrypt(secureRandom(256).fill(0xff, 0, 1)), undefined, "c >= n");
  assert.equal(key.decrypt(secureRandom(255)), undefined, "garbage");
});
