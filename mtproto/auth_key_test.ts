// The client side of the auth-key exchange against core.telegram.org/mtproto/samples-auth_key:
// given the page's random values and server answers, the client sends the page's bytes where
// they do not depend on randomness the page does not print (RSA_PAD's key, the DH secret b), and
// everything else is checked against independent computations (BigInt modPow, node:crypto).
// Then every security check of the exchange, each on a scripted server answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { initCore } from "../core/mod.ts";
import { deserialize, serialize } from "../tl/mod.ts";
import { exchangeAuthKey } from "./auth_key.ts";
import type { RsaPublicKey } from "./rsa_keys.ts";
import { TELEGRAM_KEYS } from "./testdata_test.ts";

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
}
function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), o += p.length;
  return out;
}
function sha1(...parts: Uint8Array[]): Uint8Array {
  const h = createHash("sha1");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}
function big(b: Uint8Array): bigint {
  return BigInt("0x" + (toHex(b) || "0"));
}
function bytes256(v: bigint): Uint8Array {
  return fromHex(v.toString(16).padStart(512, "0"));
}

/** AES-256-IGE from node:crypto ECB blocks (independent of the WASM core). */
function ige(data: Uint8Array, key: Uint8Array, iv: Uint8Array, encrypt: boolean): Uint8Array {
  const c = encrypt
    ? createCipheriv("aes-256-ecb", key, null).setAutoPadding(false)
    : createDecipheriv("aes-256-ecb", key, null).setAutoPadding(false);
  const out = new Uint8Array(data.length);
  let x = iv.slice(encrypt ? 0 : 16, encrypt ? 16 : 32),
    y = iv.slice(encrypt ? 16 : 0, encrypt ? 32 : 16);
  for (let i = 0; i < data.length; i += 16) {
    const block = data.subarray(i, i + 16);
    const t = block.map((b, j) => b ^ x[j]);
    const r = new Uint8Array(c.update(t)).map((b, j) => b ^ y[j]);
    out.set(r, i);
    x = r;
    y = block.slice();
  }
  return out;
}
function tmpKeyIv(newNonce: Uint8Array, serverNonce: Uint8Array) {
  const a = sha1(newNonce, serverNonce),
    b = sha1(serverNonce, newNonce),
    c = sha1(newNonce, newNonce);
  return {
    key: concat(a, b.subarray(0, 12)),
    iv: concat(b.subarray(12, 20), c, newNonce.subarray(0, 4)),
  };
}

const PAGE_REQ_PQ_MULTI = fromHex(
  "0000000000000000D4720600503DC56514000000F18E7EBE406709F612FADFBEC3F0289D0AA67EEF",
);
const PAGE_RES_PQ = fromHex(
  "000000000000000001D83175503DC565A800000063241605406709F612FADFBEC3F0289D0AA67EEFE11DBC3B" +
    "C97D91A26154F932AF01994308256595EDB776679700000015C4B51C03000000A5B7F709355FC30B216BE86C" +
    "022BB4C385FD64DE851D9DD0",
);
const PAGE_REQ_DH_PARAMS = fromHex(
  "0000000000000000D8720600503DC56540010000BEE412D7406709F612FADFBEC3F0289D0AA67EEFE11DBC3B" +
    "C97D91A26154F932AF019943045A300D4B000000046A26DB6500000085FD64DE851D9DD0FE000100B80632B3" +
    "F0D1AB28EFAE2CF974C4A2D51A77FCB6DEFD415E1EC284CAB2B5F88D5C4C5B19AFF5E940CE14CCB6A7F340EC" +
    "88DF7C1F091FB6F7323B047C02DC63212D0DEBE4B3B7A0310E26DB1289CBA24112DF37506C90DEAB797623E4" +
    "AFF4643D2A921891346BC176C4E1CCE14F64FA59526DD021EFFA428E8F8ACEEB96DBD4729E99BBB26DDDC744" +
    "D584B732415DFFE20418953F4EAFC81DADE5C6606A1E7FAA3EDB90F36ECF405422C97C360CC31A444B1EEB6C" +
    "33D62C5802165C72BBC85D1ADBCCD17988DE7F43DA0F340502744B52B196A78EF1ED1372C6EA1232603FDB9C" +
    "28F7F8783F29098FFD0FE9B066C460ECBA0A2962B82398C1B32D3DCB3BC3A59E",
);
const PAGE_SERVER_DH_PARAMS_OK = fromHex(
  "0000000000000000014C6E1E513DC565C40200005C07E8D0406709F612FADFBEC3F0289D0AA67EEFE11DBC3B" +
    "C97D91A26154F932AF019943FE5002006AD7DD5D8B2526C761ABE50E93C82A6F331B1EAE0AD011893DA976E3" +
    "771D4AA45209D234FEA65642985386B817BF8980F517F6D32DBEB47E34534556F950DDF960DB721A48480231" +
    "619161112682C6046D5629C71CD1EC8061DFCDD704703EC7A8AEBDCBD159579FC8886D9FA51E009AF49B5AB9" +
    "0C7628EB81C9788A2EB6AC0E757A7DEBE3D949F80A990BEDB4D2DBAE43F00328B82F4D8FC83A9B9CFEEF467E" +
    "1593BB4579EE32412F167A780CFA517650BD0EB51CBFB50E3AFE978839466131FCD956711E63614F006A55ED" +
    "35ED2B1F833C29F4FD7A84F0C8F1C10DFC1A1AAF9A8A57108DECF206E3968406F0FB25E922DF154F497B5152" +
    "7E4834202FAB477A137D0A99D1C347196FBA10699F52EA56F01EF93829B310A5C97DB95FD57E64417E526EB9" +
    "20D261157C6E38791BDD5389EEB744E075D952DB33A8151207D0AB3C629E30A723A5205F8FA18398937ED271" +
    "4A4E76A5F4512508A4BE1B4D6AE46FD156C6F06347AF5E07CE49279195133B07CCE4BC6775D88F3611180D23" +
    "C4C70946619AD759AB9F183A385CCF9BF19315FADBE8A4FDC748AF52DF930345909C870DE4B48901E9F90E56" +
    "D74CA534D8E1FE3A35A92A18D676958EB8FC3D82F9CEE308DF2A9E4CCD23FF89EA255B9EEDBC337814887966" +
    "6FFC2E19A431CBB57AE1A010FFE5CB39ABF131ADD9E90BF969A112C435509B78960E0B20031C822190841561" +
    "E8390446227660BBACCF3D53574BFBA33BF476E3BDC9EB680AA2A17FD6756F652725ED0313E5EB0FD6A9C8C9" +
    "49EEFBE809A89311BF20F40055CA25FD169DC13EE14B315092FDE4184638D849682FD862",
);
const PAGE_DH_GEN_OK = fromHex(
  "00000000000000000100BE91513DC5657400000034F7CB3B406709F612FADFBEC3F0289D0AA67EEFE11DBC3B" +
    "C97D91A26154F932AF0199431142871352165E59E1124036B48B97D3",
);

const nonce = fromHex("406709F612FADFBEC3F0289D0AA67EEF");
const serverNonce = fromHex("E11DBC3BC97D91A26154F932AF019943");
const newNonce = fromHex("A8BBC849512DAC6C67B6EFD9157D6CA7377A1776307D84265C6BE9BDCF802AC1");
/** The DH secret of these tests (the page does not print its own b). */
const b = new Uint8Array(256).map((_, i) => (i * 151 + 7) & 0xff);
/** The local clock the tests pretend (ms). */
const NOW = 1707425000_000;

function powmod(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  base %= mod;
  for (; exp > 0n; exp >>= 1n) {
    if (exp & 1n) r = (r * base) % mod;
    base = (base * base) % mod;
  }
  return r;
}

/** The page's server_DH_inner_data, decrypted here with node:crypto. */
function pageServerInner() {
  const body = PAGE_SERVER_DH_PARAMS_OK.subarray(20);
  const ok = deserialize(body) as { encryptedAnswer: Uint8Array };
  const { key, iv } = tmpKeyIv(newNonce, serverNonce);
  const plain = ige(ok.encryptedAnswer, key, iv, false);
  return deserialize(plain.subarray(20)) as {
    _: "server_DH_inner_data";
    nonce: Uint8Array;
    serverNonce: Uint8Array;
    g: number;
    dhPrime: Uint8Array;
    gA: Uint8Array;
    serverTime: number;
  };
}

/** server_DH_params_ok around `inner` (SHA1 + data + padding, AES-IGE with the temp key). */
function serverDhParamsOk(inner: Record<string, unknown>): Uint8Array {
  const data = serialize({ ...pageServerInner(), ...inner } as never);
  const padded = concat(sha1(data), data, new Uint8Array((16 - ((20 + data.length) % 16)) % 16));
  const { key, iv } = tmpKeyIv(newNonce, serverNonce);
  return serialize({
    _: "server_DH_params_ok",
    nonce,
    serverNonce,
    encryptedAnswer: ige(padded, key, iv, true),
  });
}

/** The page's random values in the order the client draws them; a counter stream for the rest. */
/** The DH secrets the client drew in the current run (the first is `b`). */
let drawn: Uint8Array[] = [];

function pageRandom(): (n: number) => Uint8Array {
  let n16 = 0, n32 = 0, state = 1;
  drawn = [];
  return (n) => {
    if (n === 16 && n16++ === 0) return nonce.slice();
    if (n === 32 && n32++ === 0) return newNonce.slice();
    if (n === 256 && drawn.length === 0) return drawn.push(b.slice()), b.slice();
    if (n === 256) return drawn[drawn.push(b.map((x) => x ^ drawn.length)) - 1].slice();
    return Uint8Array.from(
      { length: n },
      () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24,
    );
  };
}

const key0 = TELEGRAM_KEYS[0]; // c3b42b026ce86b21, listed in the page's resPQ
const keys: RsaPublicKey[] = [{
  n: BigInt("0x" + key0.nHex),
  e: 65537n,
  fingerprint: key0.fingerprint,
}];

type Answer = (body: Uint8Array, step: number) => Uint8Array;

/** The client against scripted answers; records what it sent. */
function run(answers: Answer[], options: { maxRetries?: number } = {}) {
  const sent: Uint8Array[] = [];
  const promise = exchangeAuthKey((body) => {
    sent.push(body.slice());
    const answer = answers[sent.length - 1];
    if (answer === undefined) return Promise.reject(new Error("no more answers"));
    return Promise.resolve(answer(body, sent.length - 1));
  }, { keys, dc: 2, random: pageRandom(), now: () => NOW, ...options });
  return { promise, sent };
}

/** The client's auth key, computed independently from its set_client_DH_params. */
function clientKey(setClientDhParams: Uint8Array, secret: Uint8Array = b) {
  const msg = deserialize(setClientDhParams) as { encryptedData: Uint8Array };
  const { key, iv } = tmpKeyIv(newNonce, serverNonce);
  const plain = ige(msg.encryptedData, key, iv, false);
  const inner = deserialize(plain.subarray(20)) as { gB: Uint8Array; retryId: bigint };
  const len = serialize(inner as never).length;
  assert.equal(toHex(sha1(plain.subarray(20, 20 + len))), toHex(plain.subarray(0, 20)), "SHA1");
  const s = pageServerInner();
  const p = big(s.dhPrime);
  const authKey = bytes256(powmod(big(s.gA), big(secret), p));
  return { inner, authKey, gB: bytes256(powmod(BigInt(s.g), big(secret), p)) };
}

function dhGen(name: string, n: number, hashOf: (authKey: Uint8Array) => Uint8Array | undefined) {
  return (body: Uint8Array, step: number) => {
    const { authKey } = clientKey(body, drawn[step - 2]);
    const aux = sha1(authKey).subarray(0, 8);
    const hash = hashOf(authKey) ?? sha1(newNonce, Uint8Array.of(n), aux).subarray(4, 20);
    return serialize({ _: name, nonce, serverNonce, [`newNonceHash${n}`]: hash } as never);
  };
}

const resPq: Answer = () => PAGE_RES_PQ.subarray(20);
const pageDhOk: Answer = () => PAGE_SERVER_DH_PARAMS_OK.subarray(20);
const ok = dhGen("dh_gen_ok", 1, () => undefined);

test("samples-auth_key: the client's messages and key for the page's values", async () => {
  await initCore();
  const { promise, sent } = run([resPq, pageDhOk, ok]);
  const result = await promise;
  // req_pq_multi: the page's body exactly.
  assert.equal(toHex(sent[0]), toHex(PAGE_REQ_PQ_MULTI.subarray(20)));
  // req_DH_params: the page's nonces, p and q byte for byte; our configured key's fingerprint;
  // 256 bytes of RSA_PAD output (its random temp key is not on the page).
  const page = PAGE_REQ_DH_PARAMS.subarray(20);
  assert.equal(toHex(sent[1].subarray(0, 52)), toHex(page.subarray(0, 52)));
  const req = deserialize(sent[1]) as { publicKeyFingerprint: bigint; encryptedData: Uint8Array };
  assert.equal(req.publicKeyFingerprint, keys[0].fingerprint);
  assert.equal(req.encryptedData.length, 256);
  assert.equal(sent[1].length, page.length);
  // set_client_DH_params: client_DH_inner_data with retry_id 0 and g_b = 3^b mod dh_prime.
  const { inner, authKey, gB } = clientKey(sent[2]);
  assert.equal(inner.retryId, 0n);
  assert.equal(toHex(inner.gB), toHex(gB));
  assert.equal(toHex(result.authKey), toHex(authKey));
  const salt = new Uint8Array(8).map((_, i) => newNonce[i] ^ serverNonce[i]);
  assert.equal(result.serverSalt, new DataView(salt.buffer).getBigInt64(0, true));
  assert.equal(result.timeOffset, 1707425105 - NOW / 1000);
});

test("samples-auth_key: the page's dh_gen_ok does not match our key (new_nonce_hash1 checked)", async () => {
  await initCore();
  const { promise } = run([resPq, pageDhOk, () => PAGE_DH_GEN_OK.subarray(20)]);
  await assert.rejects(promise, { code: "MTPROTO_SECURITY", message: /new_nonce_hash1/ });
});

async function refused(answers: Answer[], code: string, message: RegExp) {
  await initCore();
  const { promise } = run(answers);
  await assert.rejects(promise, (e: Error & { code?: string }) => {
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    return true;
  });
}

function resPqWith(o: Record<string, unknown>): Answer {
  return () => serialize({ ...deserialize(PAGE_RES_PQ.subarray(20)), ...o } as never);
}

test("auth key security: resPQ with another nonce", () =>
  refused([resPqWith({ nonce: new Uint8Array(16) })], "MTPROTO_SECURITY", /nonce/));

test("auth key security: no configured fingerprint offered", () =>
  refused([resPqWith({ serverPublicKeyFingerprints: [1n, 2n] })], "MTPROTO_SECURITY", /key/));

test("auth key security: pq that is not a product of two primes", () =>
  refused([resPqWith({ pq: fromHex("FFFFFFFFFFFFFFC5") })], "MTPROTO_SECURITY", /pq/));

test("auth key security: server_DH_params with another server_nonce", () =>
  refused(
    [resPq, () => {
      const o = deserialize(PAGE_SERVER_DH_PARAMS_OK.subarray(20));
      return serialize({ ...o, serverNonce: new Uint8Array(16) } as never);
    }],
    "MTPROTO_SECURITY",
    /server_nonce/,
  ));

test("auth key security: encrypted_answer tampered with", () =>
  refused(
    [resPq, () => {
      const o = deserialize(PAGE_SERVER_DH_PARAMS_OK.subarray(20)) as {
        encryptedAnswer: Uint8Array;
      };
      const e = o.encryptedAnswer.slice();
      e[100] ^= 1;
      return serialize({ ...o, encryptedAnswer: e } as never);
    }],
    "MTPROTO_SECURITY",
    /SHA1/,
  ));

test("auth key security: server_DH_params_fail (right and wrong hash)", async () => {
  const fail = (hash: Uint8Array): Answer => () =>
    serialize({ _: "server_DH_params_fail", nonce, serverNonce, newNonceHash: hash });
  await refused(
    [resPq, fail(sha1(newNonce).subarray(4, 20))],
    "MTPROTO_HANDSHAKE_FAILED",
    /refused/,
  );
  await refused([resPq, fail(new Uint8Array(16))], "MTPROTO_SECURITY", /new_nonce_hash/);
});

test("auth key security: dh_prime not a safe prime, or not 2048 bits", async () => {
  const p = big(pageServerInner().dhPrime);
  // Same residues mod 24 as p, so that g = 3 passes its condition and the prime test decides.
  const short = (p >> 8n) - ((p >> 8n) % 24n) + (p % 24n);
  await refused(
    [resPq, () => serverDhParamsOk({ dhPrime: bytes256(p + 24n) })],
    "MTPROTO_SECURITY",
    /CORE_DH_BAD_PRIME/,
  );
  await refused(
    [resPq, () => serverDhParamsOk({ dhPrime: bytes256(short).subarray(1) })],
    "MTPROTO_SECURITY",
    /CORE_DH_BAD_PRIME/,
  );
});

test("auth key security: g outside 2..7 or failing its condition on dh_prime", async () => {
  for (const g of [1, 2, 8]) {
    await refused([resPq, () => serverDhParamsOk({ g })], "MTPROTO_SECURITY", /CORE_DH_BAD_G/);
  }
});

test("auth key security: g_a outside (2^1984, dh_prime - 2^1984)", async () => {
  const p = big(pageServerInner().dhPrime);
  for (const gA of [1n, 2n, (1n << 1984n) - 1n, p - 1n, p - (1n << 1984n) + 1n]) {
    await refused(
      [resPq, () => serverDhParamsOk({ gA: bytes256(gA) })],
      "MTPROTO_SECURITY",
      /CORE_DH_BAD_VALUE/,
    );
  }
});

test("auth key security: dh_gen_ok/retry/fail with wrong hashes; dh_gen_fail", async () => {
  const zero = () => new Uint8Array(16);
  await refused([resPq, pageDhOk, dhGen("dh_gen_ok", 1, zero)], "MTPROTO_SECURITY", /hash1/);
  await refused([resPq, pageDhOk, dhGen("dh_gen_retry", 2, zero)], "MTPROTO_SECURITY", /hash2/);
  await refused([resPq, pageDhOk, dhGen("dh_gen_fail", 3, zero)], "MTPROTO_SECURITY", /hash3/);
  await refused(
    [resPq, pageDhOk, dhGen("dh_gen_fail", 3, () => undefined)],
    "MTPROTO_HANDSHAKE_FAILED",
    /dh_gen_fail/,
  );
});

test("auth key: dh_gen_retry sends retry_id = auth_key_aux_hash of the failed attempt", async () => {
  await initCore();
  const retry = dhGen("dh_gen_retry", 2, () => undefined);
  const { promise, sent } = run([resPq, pageDhOk, retry, ok]);
  const result = await promise;
  const first = clientKey(sent[2]).authKey;
  const aux = sha1(first).subarray(0, 8);
  const second = deserialize(sent[3]) as { encryptedData: Uint8Array };
  const { key, iv } = tmpKeyIv(newNonce, serverNonce);
  const inner = deserialize(ige(second.encryptedData, key, iv, false).subarray(20)) as {
    retryId: bigint;
  };
  assert.equal(inner.retryId, new DataView(aux.buffer, aux.byteOffset).getBigInt64(0, true));
  assert.equal(result.authKey.length, 256);
});

test("auth key: endless dh_gen_retry gives up", async () => {
  await initCore();
  const retry = dhGen("dh_gen_retry", 2, () => undefined);
  const { promise, sent } = run([resPq, pageDhOk, retry, retry, retry], { maxRetries: 2 });
  await assert.rejects(promise, { code: "MTPROTO_HANDSHAKE_FAILED", message: /retries/ });
  assert.equal(sent.length, 5);
});

test("auth key: malformed answers are MTPROTO_HANDSHAKE_FAILED", async () => {
  await refused([() => new Uint8Array([1, 2, 3])], "MTPROTO_HANDSHAKE_FAILED", /malformed/);
  await refused(
    [() => serialize({ _: "ping", pingId: 1n })],
    "MTPROTO_HANDSHAKE_FAILED",
    /expected resPQ/,
  );
});
