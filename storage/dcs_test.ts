import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dcAddress, isKnownDc, isTestDcHost, TELEGRAM_DCS } from "./dcs.ts";

/** Pyrogram's own table (tests/fixtures/session_strings/make.sh). */
const pyrogram = JSON.parse(
  readFileSync(
    new URL("../tests/fixtures/session_strings/dcs_pyrogram.json", import.meta.url),
    "utf8",
  ),
);

/** IPv6 text to its eight numbers, so that differently compressed spellings compare equal. */
function ipv6(text: string): number[] {
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.map((g) => parseInt(g, 16));
}

test("the DC table equals Pyrogram's", () => {
  const same = (
    ours: Readonly<Record<number, string>>,
    theirs: Record<string, string>,
    v6 = false,
  ) =>
    assert.deepEqual(
      Object.entries(ours).map(([k, v]) => [k, v6 ? ipv6(v) : v]),
      Object.entries(theirs).map(([k, v]) => [k, v6 ? ipv6(v) : v]),
    );
  same(TELEGRAM_DCS.test, pyrogram.TEST);
  same(TELEGRAM_DCS.prod, pyrogram.PROD);
  same(TELEGRAM_DCS.prodMedia, pyrogram.PROD_MEDIA);
  same(TELEGRAM_DCS.testIpv6, pyrogram.TEST_IPV6, true);
  same(TELEGRAM_DCS.prodIpv6, pyrogram.PROD_IPV6, true);
});

test("dcAddress: production on 443, test on 80, media and IPv6 variants, unknown DCs", () => {
  assert.deepEqual(dcAddress(2, false), { host: "149.154.167.51", port: 443 });
  assert.deepEqual(dcAddress(2, true), { host: "149.154.167.40", port: 80 });
  assert.deepEqual(dcAddress(4, false, { media: true }), { host: "149.154.164.250", port: 443 });
  assert.deepEqual(dcAddress(1, false, { media: true }), { host: "149.154.175.53", port: 443 });
  assert.deepEqual(dcAddress(203, false, { ipv6: true }), {
    host: "2a0a:f280:203:a:5000::100",
    port: 443,
  });
  assert.deepEqual(dcAddress(3, true, { ipv6: true }), { host: "2001:b28:f23d:f003::e", port: 80 });
  assert.equal(dcAddress(4, true), undefined);
  assert.equal(dcAddress(0, false), undefined);
  assert.equal(dcAddress(6, false), undefined);
  assert.equal(isKnownDc(203, false), true);
  assert.equal(isKnownDc(203, true), false);
  // inherited object keys are not DCs
  assert.equal(isKnownDc("constructor" as unknown as number, false), false);
  assert.equal(isTestDcHost("149.154.175.117"), true);
  assert.equal(isTestDcHost("149.154.175.100"), false);
});
