// MTProxy secrets: the accepted forms, and no secret in any error message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseProxySecret } from "./connection.ts";

test("proxy secret: hex and base64, plain, dd and ee", () => {
  const key = "0123456789abcdef0123456789abcdef";
  assert.equal(parseProxySecret(key).length, 16);
  assert.equal(parseProxySecret("dd" + key)[0], 0xdd);
  assert.equal(parseProxySecret("dd" + key).length, 17);
  const b64 = btoa(String.fromCharCode(0xdd, ...new Uint8Array(16).fill(7))).replace(/=+$/, "");
  assert.equal(parseProxySecret(b64).length, 17);
  const urlSafe = btoa(String.fromCharCode(...new Uint8Array(16).fill(0xfb))).replace(/\+/g, "-")
    .replace(/\//g, "_");
  assert.deepEqual(parseProxySecret(urlSafe), new Uint8Array(16).fill(0xfb));
  const ee = "ee" + key +
    Array.from(new TextEncoder().encode("example.com"), (b) => b.toString(16).padStart(2, "0"))
      .join("");
  assert.equal(parseProxySecret(ee)[0], 0xee);
  assert.equal(parseProxySecret(ee).length, 17 + "example.com".length);
  for (const bad of ["", "00", "zz" + key, "dd" + key + "00", key.slice(2), "ee" + key]) {
    assert.throws(() => parseProxySecret(bad), (e: Error & { code?: string }) => {
      assert.equal(e.code, "MTPROTO_BAD_OPTIONS");
      assert.ok(bad.length < 8 || !e.message.includes(bad));
      return true;
    });
  }
});
