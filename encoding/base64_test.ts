import { test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import {
  checkBase64,
  decodeBase64,
  decodeBase64Portable,
  encodeBase64,
  encodeBase64Portable,
} from "./base64.ts";

const enc = new TextEncoder();

// RFC 4648 section 10.
const RFC = [
  ["", ""],
  ["f", "Zg=="],
  ["fo", "Zm8="],
  ["foo", "Zm9v"],
  ["foob", "Zm9vYg=="],
  ["fooba", "Zm9vYmE="],
  ["foobar", "Zm9vYmFy"],
];

test("base64: RFC 4648 vectors, native and portable paths, padded and not", () => {
  for (const [plain, b64] of RFC) {
    const bytes = enc.encode(plain);
    const bare = b64.replace(/=+$/, "");
    assert.equal(encodeBase64(bytes), b64);
    assert.equal(encodeBase64Portable(bytes, "base64", true), b64);
    assert.equal(encodeBase64(bytes, { pad: false }), bare);
    assert.equal(encodeBase64(bytes, { alphabet: "base64url", pad: true }), b64);
    assert.equal(encodeBase64Portable(bytes, "base64url", false), bare);
    for (const text of [b64, bare]) {
      assert.deepEqual(decodeBase64(text), bytes);
      assert.deepEqual(decodeBase64(text, "base64url"), bytes);
      assert.deepEqual(decodeBase64Portable(text), bytes);
    }
  }
});

test("base64: both alphabets agree with node:buffer on 600 pseudo-random inputs", () => {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  for (let n = 0; n < 600; n++) {
    const bytes = Uint8Array.from({ length: n % 97 }, next);
    const buf = Buffer.from(bytes);
    for (const alphabet of ["base64", "base64url"] as const) {
      const expected = buf.toString(alphabet).replace(/=+$/, "");
      const padded = expected + "=".repeat((4 - (expected.length % 4)) % 4);
      assert.equal(encodeBase64(bytes, { alphabet, pad: false }), expected);
      assert.equal(encodeBase64(bytes, { alphabet }), padded);
      assert.equal(encodeBase64Portable(bytes, alphabet, false), expected);
      assert.deepEqual(decodeBase64(expected, alphabet), bytes);
      assert.deepEqual(decodeBase64Portable(padded), bytes);
      assert.deepEqual(checkBase64(expected), {
        alphabet: /[-_]/.test(expected) ? "base64url" : "base64",
      });
    }
  }
});

test("base64: a result is a plain Uint8Array, never a Buffer", () => {
  assert.equal(decodeBase64("AQID").constructor, Uint8Array);
  assert.equal(decodeBase64Portable("AQID").constructor, Uint8Array);
});

test("base64: checkBase64 rejects everything but the one canonical text", () => {
  const bad: [string, RegExp][] = [
    ["AQ*D", /outside the base64 alphabet/],
    ["AQ\u00e9D", /outside the base64 alphabet/],
    ["a-b+", /mixes/],
    ["AQIDB", /whole number of bytes/],
    ["AQI==", /padding/],
    ["AQ===", /padding/],
    ["AR", /non-canonical/], // "AQ" is the canonical text of [1]
    ["AQJ", /non-canonical/],
  ];
  for (const [text, why] of bad) {
    const r = checkBase64(text);
    assert.ok("problem" in r, text);
    assert.match(r.problem, why);
  }
  assert.deepEqual(checkBase64("AQ=="), { alphabet: "base64" });
  assert.deepEqual(checkBase64("-_8"), { alphabet: "base64url" });
  assert.deepEqual(checkBase64("+/8"), { alphabet: "base64" });
});
