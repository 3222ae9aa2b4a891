// Bad input gives a typed CoreError, never a trap; every check of openMessage has its own code.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  CoreError,
  Ctr256,
  decryptDhInner,
  dhExchange,
  encryptDhInner,
  factorizePQ,
  ige256Encrypt,
  initCore,
  IrenogramError,
  modPow,
  openMessage,
  rsaPad,
  sealMessage,
  sha256,
} from "./mod.ts";
import { concatBytes as concat, fromHex } from "../encoding/bytes.ts";
import { SeededRandom } from "../testing/random.ts";

const is = (code: string) => (e: unknown) =>
  e instanceof CoreError && e instanceof IrenogramError && e.code === code;

test("wrong key, IV and block lengths give CORE_BAD_INPUT", async () => {
  await initCore();
  const key = new Uint8Array(32), iv = new Uint8Array(32);
  assert.throws(() => ige256Encrypt(new Uint8Array(15), key, iv), is("CORE_BAD_INPUT"));
  assert.throws(() => ige256Encrypt(new Uint8Array(16), key.subarray(1), iv), is("CORE_BAD_INPUT"));
  assert.throws(
    () => ige256Encrypt(new Uint8Array(16), key, iv.subarray(16)),
    is("CORE_BAD_INPUT"),
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => ige256Encrypt([1, 2] as any, key, iv), is("CORE_BAD_INPUT"));
  assert.throws(() => new Ctr256(key, iv), is("CORE_BAD_INPUT"));
  // deno-lint-ignore no-explicit-any
  assert.throws(() => sha256("abc" as any), is("CORE_BAD_INPUT"));
  const ctr = new Ctr256(key, iv.subarray(0, 16));
  ctr.free();
  assert.throws(() => ctr.process(new Uint8Array(1)), is("CORE_BAD_INPUT"));
});

test("modPow and factorizePQ reject out-of-range numbers", async () => {
  await initCore();
  assert.throws(() => modPow(2n, 3n, 10n), is("CORE_BAD_INPUT"));
  assert.throws(() => modPow(2n, 3n, -7n), is("CORE_BAD_INPUT"));
  assert.throws(() => modPow(2n, -1n, 7n), is("CORE_BAD_INPUT"));
  assert.throws(() => modPow(2n, 3n, (1n << 2048n) + 1n), is("CORE_BAD_INPUT"));
  assert.throws(() => modPow(2n, 1n << 2048n, 7n), is("CORE_BAD_INPUT"));
  assert.throws(() => factorizePQ(1n << 64n), is("CORE_BAD_INPUT"));
  assert.throws(() => factorizePQ(3n), is("CORE_BAD_INPUT"));
  assert.throws(() => factorizePQ(0x7fffffffffffffe7n), is("CORE_NOT_FOUND")); // a prime
});

function sealed(r: SeededRandom, authKey: Uint8Array, inner: Uint8Array) {
  return sealMessage(authKey, inner, "server", (n) => r.bytes(n));
}

test("openMessage: every failed check has its code, and flipping any byte is caught", async () => {
  await initCore();
  const r = new SeededRandom(7);
  const authKey = r.bytes(256);
  const body = r.bytes(64);
  const inner = concat(r.bytes(28), new Uint8Array([64, 0, 0, 0]), body);
  const msg = sealed(r, authKey, inner);
  assert.deepEqual(openMessage(authKey, msg, "server"), inner);
  assert.throws(() => openMessage(authKey, msg, "client"), is("CORE_MSG_KEY_MISMATCH"));
  assert.throws(() => openMessage(r.bytes(256), msg, "server"), is("CORE_AUTH_KEY_ID_MISMATCH"));
  assert.throws(
    () => openMessage(authKey, msg.subarray(0, msg.length - 1), "server"),
    is("CORE_BAD_MESSAGE_LENGTH"),
  );
  assert.throws(
    () => openMessage(authKey, msg.subarray(0, 40), "server"),
    is("CORE_BAD_MESSAGE_LENGTH"),
  );
  assert.throws(
    () => openMessage(authKey, new Uint8Array(0), "server"),
    is("CORE_BAD_MESSAGE_LENGTH"),
  );
  for (let i = 8; i < msg.length; i++) {
    const bad = msg.slice();
    bad[i] ^= 1 << (i % 8);
    assert.throws(() => openMessage(authKey, bad, "server"), is("CORE_MSG_KEY_MISMATCH"));
  }
  for (let i = 0; i < 8; i++) {
    const bad = msg.slice();
    bad[i] ^= 0x80;
    assert.throws(() => openMessage(authKey, bad, "server"), is("CORE_AUTH_KEY_ID_MISMATCH"));
  }
});

test("openMessage: message_data_length and padding checks (valid msg_key, bad contents)", async () => {
  await initCore();
  const r = new SeededRandom(8);
  const authKey = r.bytes(256);
  // The sealer does not look at message_data_length, so a correctly keyed message can lie.
  const lie = (len: number, bodyLen: number) =>
    sealed(
      r,
      authKey,
      concat(r.bytes(28), new Uint8Array(new Uint32Array([len]).buffer), r.bytes(bodyLen)),
    );
  assert.throws(
    () => openMessage(authKey, lie(0xffff_fff0, 16), "server"),
    is("CORE_BAD_DATA_LENGTH"),
  );
  assert.throws(() => openMessage(authKey, lie(18, 32), "server"), is("CORE_BAD_DATA_LENGTH"));
  // Claims less than it carries: the rest counts as padding, more than 1024 bytes of it.
  assert.throws(() => openMessage(authKey, lie(0, 1200), "server"), is("CORE_BAD_PADDING"));
  // Claims 8 bytes of the padding as message: only 8 bytes of padding left.
  const zeros = (n: number) => new Uint8Array(n); // no extra padding blocks: 64 + 16 bytes
  const inner = concat(r.bytes(28), new Uint8Array([40, 0, 0, 0]), r.bytes(32));
  const msg = sealMessage(authKey, inner, "server", zeros);
  assert.equal(msg.length, 24 + 80);
  assert.throws(() => openMessage(authKey, msg, "server"), is("CORE_BAD_PADDING"));
});

test("sealMessage rejects bad data and bad random sources", async () => {
  await initCore();
  const authKey = new Uint8Array(256);
  assert.throws(() => sealMessage(authKey, new Uint8Array(30), "client"), is("CORE_BAD_INPUT"));
  assert.throws(() => sealMessage(authKey, new Uint8Array(34), "client"), is("CORE_BAD_INPUT"));
  assert.throws(
    () => sealMessage(authKey.subarray(1), new Uint8Array(32), "client"),
    is("CORE_BAD_INPUT"),
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => sealMessage(authKey, new Uint8Array(32), "bob" as any), is("CORE_BAD_INPUT"));
});

test("DH: bad prime, bad g and out-of-range values are refused", async () => {
  await initCore();
  const r = new SeededRandom(9);
  const p = fromHex(
    "C71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F48198A0AA7C14058229493D22530F4DBFA336F6E0AC925139543AED44CCE7C3720FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F642477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4A4A695811051907E162753B56B0F6B410DBA74D8A84B2A14B3144E0EF1284754FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959D956850CE929851F0D8115F635B105EE2E4E15D04B2454BF6F4FADF034B10403119CD8E3B92FCC5B",
  );
  const gA = r.bytes(256);
  gA[0] = 0x40;
  assert.ok(dhExchange(p, 3, gA).sharedKey.length === 256);
  assert.throws(() => dhExchange(p, 8, gA), is("CORE_DH_BAD_G"));
  assert.throws(() => dhExchange(p, 2, gA), is("CORE_DH_BAD_G"));
  const one = new Uint8Array(256);
  one[255] = 1;
  assert.throws(() => dhExchange(p, 3, one), is("CORE_DH_BAD_VALUE"));
  const big = p.slice();
  big[255] -= 1; // p - 1
  assert.throws(() => dhExchange(p, 3, big), is("CORE_DH_BAD_VALUE"));
  const small = new Uint8Array(256);
  small[8] = 0xff; // below 2^(2048-64)
  assert.throws(() => dhExchange(p, 3, small), is("CORE_DH_BAD_VALUE"));
  const composite = p.slice();
  composite[255] += 2; // p + 2 (odd, same top bits): not a safe prime
  assert.throws(
    () => dhExchange(composite, 3, gA),
    (e) => is("CORE_DH_BAD_PRIME")(e) || is("CORE_DH_BAD_G")(e),
  );
  const halfBits = p.slice();
  halfBits[0] = 0x47; // 2047 bits
  assert.throws(() => dhExchange(halfBits, 3, gA), is("CORE_DH_BAD_PRIME"));
});

test("temp-key answers: a wrong hash, a bad length, bad nonces", async () => {
  await initCore();
  const r = new SeededRandom(10);
  const nn = r.bytes(32), sn = r.bytes(16);
  const enc = encryptDhInner(r.bytes(100), nn, sn);
  assert.equal(decryptDhInner(enc, nn, sn).length, 100);
  const bad = enc.slice();
  bad[50] ^= 1;
  assert.throws(() => decryptDhInner(bad, nn, sn), is("CORE_HASH_MISMATCH"));
  assert.throws(() => decryptDhInner(enc.subarray(1), nn, sn), is("CORE_BAD_MESSAGE_LENGTH"));
  // The shortest accepted length, where most paddings leave no room: a typed error, no trap.
  for (let i = 0; i < 50; i++) {
    assert.throws(() => decryptDhInner(r.bytes(32), nn, sn), is("CORE_HASH_MISMATCH"));
  }
  assert.throws(() => decryptDhInner(enc, nn.subarray(1), sn), is("CORE_BAD_INPUT"));
});

test("rsaPad: data over 144 bytes and a small modulus are refused", async () => {
  await initCore();
  const n = (1n << 2047n) + 12345n;
  assert.throws(() => rsaPad(new Uint8Array(145), n, 65537n), is("CORE_BAD_INPUT"));
  assert.throws(() => rsaPad(new Uint8Array(10), 1n << 1000n, 65537n), is("CORE_BAD_INPUT"));
  assert.throws(() => rsaPad(new Uint8Array(10), n, 0n), is("CORE_BAD_INPUT"));
});

test("functions called before initCore would throw CORE_NOT_INITIALIZED (message is stable)", () => {
  // Other tests may have initialised the shared module already; check the error type itself.
  const e = new CoreError("CORE_NOT_INITIALIZED", "call `await initCore()` first");
  assert.ok(e instanceof IrenogramError);
  assert.equal(e.code, "CORE_NOT_INITIALIZED");
  assert.equal(e.name, "CoreError");
});

test("rsaPad with a random source that never gives a usable temp_key fails, never loops", async () => {
  await initCore();
  // A constant source repeats one temp_key; with this n it gives a number above n every time.
  const n = (1n << 2047n) + 12345n;
  assert.throws(
    () => rsaPad(new Uint8Array(10), n, 65537n, (len) => new Uint8Array(len).fill(0xff)),
    {
      code: "CORE_NOT_FOUND",
    },
  );
});
