// PEM parsing and fingerprints, against node:crypto's PEM encoder and Telegram's published
// fingerprints (../shared/telegram/public_keys.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPublicKey } from "node:crypto";
import { initCore } from "../core/mod.ts";
import { parseRsaPublicKey } from "./rsa_keys.ts";
import { TELEGRAM_KEYS } from "./testdata_test.ts";

function b64url(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2).map((_, i) => parseInt(hex.substr(i * 2, 2), 16));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function pems(nHex: string): { pkcs1: string; spki: string } {
  const key = createPublicKey({ key: { kty: "RSA", n: b64url(nHex), e: "AQAB" }, format: "jwk" });
  return {
    pkcs1: key.export({ type: "pkcs1", format: "pem" }).toString(),
    spki: key.export({ type: "spki", format: "pem" }).toString(),
  };
}

test("rsa_keys: Telegram's fingerprints from PKCS#1 and SPKI PEMs", async () => {
  await initCore();
  for (const k of TELEGRAM_KEYS) {
    const { pkcs1, spki } = pems(k.nHex);
    for (const pem of [pkcs1, spki]) {
      const parsed = parseRsaPublicKey(pem);
      assert.equal(parsed.fingerprint, k.fingerprint);
      assert.equal(parsed.n, BigInt("0x" + k.nHex));
      assert.equal(parsed.e, 65537n);
    }
  }
});

test("rsa_keys: malformed PEMs are MTPROTO_BAD_OPTIONS", async () => {
  await initCore();
  const bad = [
    "",
    "-----BEGIN RSA PUBLIC KEY-----\n!!!\n-----END RSA PUBLIC KEY-----",
    "-----BEGIN RSA PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----",
    "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----",
    // a 512-bit key
    createPublicKey({
      key: { kty: "RSA", n: b64url("c1".repeat(64)), e: "AQAB" },
      format: "jwk",
    }).export({ type: "pkcs1", format: "pem" }).toString(),
  ];
  for (const pem of bad) {
    assert.throws(() => parseRsaPublicKey(pem), { code: "MTPROTO_BAD_OPTIONS" });
  }
});
