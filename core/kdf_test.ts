// MTProto's two key derivations against known answers computed by an independent implementation
// (tests/fixtures/kdf/make.py: hashlib, written from core.telegram.org), and against the key and
// IV that sealMessage/openMessage actually use.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  CoreError,
  ige256Decrypt,
  initCore,
  mtprotoKdf,
  mtprotoKdfV1,
  openMessage,
  sealMessage,
  type Sender,
} from "./mod.ts";
import { fromHex, toHex } from "../encoding/bytes.ts";
import { nodeHash } from "../testing/crypto_reference.ts";
import { SeededRandom } from "../testing/random.ts";

interface KdfVector {
  version: "1.0" | "2.0";
  sender: Sender;
  authKey: string;
  msgKey: string;
  key: string;
  iv: string;
}

const vectors: { kdf: KdfVector[] } = JSON.parse(
  readFileSync(new URL("../tests/fixtures/kdf/vectors.json", import.meta.url), "utf8"),
);

test("kdf: MTProto 2.0 and 1.0 key/iv derivations give the known answers (both directions)", async () => {
  await initCore();
  const seen = new Set<string>();
  for (const v of vectors.kdf) {
    const derive = v.version === "2.0" ? mtprotoKdf : mtprotoKdfV1;
    const { key, iv } = derive(fromHex(v.authKey), fromHex(v.msgKey), v.sender);
    const where = `${v.version} ${v.sender} ${v.authKey.slice(0, 8)}`;
    assert.equal(toHex(key), v.key, where);
    assert.equal(toHex(iv), v.iv, where);
    seen.add(`${v.version}/${v.sender}/${v.authKey.startsWith("00")}`);
  }
  // Both versions, both directions, a key with a leading zero byte among them.
  assert.equal(seen.size, 8);
});

test("kdf: the exported MTProto 2.0 derivation is the one sealMessage and openMessage use", async () => {
  await initCore();
  const r = new SeededRandom(12);
  for (let i = 0; i < 20; i++) {
    const authKey = r.bytes(256);
    if (i % 4 === 0) authKey[0] = 0;
    const data = r.bytes(32 + 4 * r.int(64));
    new DataView(data.buffer).setInt32(28, data.length - 32, true);
    for (const sender of ["client", "server"] as const) {
      const sealed = sealMessage(authKey, data, sender, (n) => r.bytes(n));
      const msgKey = sealed.subarray(8, 24);
      const { key, iv } = mtprotoKdf(authKey, msgKey, sender);
      const plain = ige256Decrypt(sealed.subarray(24), key, iv);
      assert.equal(toHex(plain.subarray(0, data.length)), toHex(data));
      // msg_key = middle of SHA-256(auth_key[88+x..120+x] + plaintext with padding), x = 0 / 8.
      const x = sender === "client" ? 0 : 8;
      const expected = nodeHash("sha256", authKey.subarray(88 + x, 120 + x), plain);
      assert.equal(toHex(msgKey), toHex(expected.subarray(8, 24)));
      assert.equal(toHex(openMessage(authKey, sealed, sender)), toHex(data));
    }
  }
});

test("kdf: wrong inputs are CORE_BAD_INPUT", async () => {
  await initCore();
  const bad = (f: () => unknown) =>
    assert.throws(f, (e) => e instanceof CoreError && e.code === "CORE_BAD_INPUT");
  for (const derive of [mtprotoKdf, mtprotoKdfV1]) {
    bad(() => derive(new Uint8Array(255), new Uint8Array(16), "client"));
    bad(() => derive(new Uint8Array(256), new Uint8Array(15), "client"));
    bad(() => derive(new Uint8Array(256), new Uint8Array(16), "nobody" as Sender));
    bad(() => derive([] as unknown as Uint8Array, new Uint8Array(16), "server"));
  }
});
