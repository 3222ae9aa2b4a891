// auth.bindTempAuthKey's encrypted_message (MTProto 1.0 under the permanent key) against bytes
// computed independently (tests/fixtures/kdf/make.py: hashlib + pyaes, written from
// core.telegram.org/method/auth.bindTempAuthKey), and the TestServer's reading of them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initCore } from "../core/mod.ts";
import { fromHex, toHex } from "../encoding/bytes.ts";
import { deserialize } from "../tl/mod.ts";
import { openMessageV1 } from "../testing/server/protocol.ts";
import { authKeyIdLong, bindTempAuthKeyQuery } from "./temp_key_binding.ts";

interface BindVector {
  permKey: string;
  tempKey: string;
  nonce: string;
  random16: string;
  tempSessionId: string;
  expiresAt: number;
  msgId: string;
  padding: string;
  encryptedMessage: string;
}

const vectors: { bindTempAuthKey: BindVector[] } = JSON.parse(
  readFileSync(new URL("../tests/fixtures/kdf/vectors.json", import.meta.url), "utf8"),
);

const long = (hex: string) => new DataView(fromHex(hex).buffer).getBigInt64(0, true);

/** A RandomSource handing out `chunks` in order, each of exactly the length asked. */
function scripted(chunks: Uint8Array[]) {
  let i = 0;
  return (n: number) => {
    const c = chunks[i++];
    assert.ok(c !== undefined, `random source asked a ${i}th time`);
    assert.equal(n, c.length, `random draw ${i}`);
    return c.slice();
  };
}

test("bindTempAuthKey: encrypted_message equals the independently computed bytes", async () => {
  await initCore();
  assert.ok(vectors.bindTempAuthKey.length >= 3);
  for (const v of vectors.bindTempAuthKey) {
    const query = bindTempAuthKeyQuery({
      permKey: fromHex(v.permKey),
      tempKey: fromHex(v.tempKey),
      tempSessionId: long(v.tempSessionId),
      expiresAt: v.expiresAt,
      random: scripted([fromHex(v.nonce), fromHex(v.random16), fromHex(v.padding)]),
    }, BigInt(v.msgId));
    assert.equal(toHex(query.encryptedMessage), v.encryptedMessage);
    assert.equal(query.nonce, long(v.nonce));
    assert.equal(query.permAuthKeyId, authKeyIdLong(fromHex(v.permKey)));
    assert.equal(query.expiresAt, v.expiresAt);
  }
});

test("bindTempAuthKey: the TestServer opens the known bytes and refuses any changed byte", async () => {
  await initCore();
  for (const v of vectors.bindTempAuthKey) {
    const perm = fromHex(v.permKey), message = fromHex(v.encryptedMessage);
    const inner = openMessageV1(perm, message);
    assert.ok(inner !== undefined);
    const view = new DataView(inner.buffer, inner.byteOffset, inner.length);
    assert.equal(view.getBigInt64(16, true), BigInt(v.msgId));
    assert.equal(view.getInt32(24, true), 0);
    const bind = deserialize(inner.subarray(32)) as unknown as Record<string, unknown>;
    assert.equal(bind._, "bind_auth_key_inner");
    assert.equal(bind.nonce, long(v.nonce));
    assert.equal(bind.tempAuthKeyId, authKeyIdLong(fromHex(v.tempKey)));
    assert.equal(bind.permAuthKeyId, authKeyIdLong(perm));
    assert.equal(bind.tempSessionId, long(v.tempSessionId));
    assert.equal(bind.expiresAt, v.expiresAt);
    // auth_key_id, msg_key and the ciphertext are each checked.
    for (const at of [0, 7, 8, 23, 24, message.length - 1]) {
      const bad = message.slice();
      bad[at] ^= 0x01;
      assert.equal(openMessageV1(perm, bad), undefined, `byte ${at}`);
    }
    assert.equal(openMessageV1(fromHex(v.tempKey), message), undefined);
  }
});
