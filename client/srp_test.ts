/**
 * Known answers for the 2FA SRP proof: Pyrogram's and Telethon's compute_password_check (run
 * live where the Python venv is installed; their answers for the first case are also pinned
 * here), driven with the same fixed secret `a`; and the checks that refuse bad server values.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { Api } from "../tl/mod.ts";
import { computePasswordCheck } from "./srp.ts";
import { ClientError } from "./errors.ts";

const P =
  "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b";

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const unhex = (s: string) => Uint8Array.from(s.match(/../g)!, (x) => parseInt(x, 16));
const pattern = (mul: number, add: number) =>
  hex(Uint8Array.from({ length: 256 }, (_, i) => (i * mul + add) % 256));

interface Case {
  p: string;
  g: number;
  salt1: string;
  salt2: string;
  a: string;
  b: string;
  srp_id: number;
  password: string;
}

const cases: Case[] = [
  {
    p: P,
    g: 3,
    salt1: "0102030405060708",
    salt2: "a1a2a3a4a5a6a7a8a9aaabacadaeaf",
    a: pattern(13, 5),
    b: pattern(29, 11),
    srp_id: 1234567890123,
    password: "hunter2 ✓",
  },
  {
    p: P,
    g: 3,
    salt1: "ff".repeat(40),
    salt2: "00".repeat(16),
    a: "00".repeat(8) + pattern(17, 3).slice(16), // leading zero bytes in the secret
    b: pattern(101, 77),
    srp_id: 1,
    password: "",
  },
  {
    p: P,
    g: 3,
    salt1: "5a".repeat(8),
    salt2: "c3".repeat(16),
    a: pattern(7, 200),
    b: pattern(3, 1),
    srp_id: 2 ** 52,
    password: "пароль с пробелами and 🙂",
  },
];

/** Pyrogram's and Telethon's answers for cases[0] (tests/fixtures/python/srp_check.py). */
const PINNED = {
  B: "afdadb68ca58b7fbfcd87455a4cfc0009268a24c6bcdb9c900f7d76631fd5d45007bdb9ef33e5e246d6a413a00c7cbd4a8f67c37f3ec2395a1ce7cb45daf0576529ec48f465b19c8586c581524bce85938c2115adc481291d91ff1880461e799f1b4644f12c79dab8139a2d8aca07632a581a260f8094ca3b1c015236fd1ecc081c044722498af259a845504da7da4469880c7b09623dbb35b7b3b7b165412957bcd5a12a1f816d4168fc86afa254518309f8799ee189b5d36c3b23a567be25e8934ed5056b7a1dd38204e98688db9069f2f7475c1b19c7ecaf4c5d2edea596d89d90c34b069e3cfae3606e9a9276ca80029ef4d7a36af5fb6a21313c583f0db",
  A: "9304912dd01ed7a95d976f2bc7707ca99022165c315b84929eed67953750e4f10bd94924cdb215fd156b3d6b435ba0ce2c4e820d9d040074e5315064cb7fa4e4d15f5e23ab9607108c1a3f4fc034f1f6f05f1d797534b725cb6c988e57bf30e672b31fc95ff68d6e8765247ecdb36df4540aac08b481711ae4a53062de3a602785e92275a3494683c3c4918bc8b64db0c38cb653a4f3c72d94b8128f8909ad16da38027a837c5b8a740e295ea3f5df7602c6fbee35d5201957e3dde9b1b7d748c2c4f5ab7bfd9464ae02062aea9d642b067fea326b5bfc5d3ef14a17c0a767146e0b4096f0d7180ce93bfbded69fcc8d79582b0e487df2ce67380e38a75fac6c",
  M1: "e85ae634f91563f75c101a36c5c356402699d636f4c044f5bf031c4663a3d238",
};

const script = fileURLToPath(new URL("../tests/fixtures/python/srp_check.py", import.meta.url));
const python = process.env.IRENOGRAM_PYTHON ||
  ["../.cache/venv-irenogram/bin/python", "../../.cache/venv-irenogram/bin/python"]
    .map((p) => fileURLToPath(new URL(p, import.meta.url))).find((p) => existsSync(p));
const hasLibraries = python !== undefined &&
  spawnSync(python, ["-c", "import pyrogram, telethon"]).status === 0;

function state(c: Case, B: string): Api.AccountPassword {
  return {
    _: "account.password",
    hasPassword: true,
    currentAlgo: {
      _: "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow",
      salt1: unhex(c.salt1),
      salt2: unhex(c.salt2),
      g: c.g,
      p: unhex(c.p),
    },
    srpB: unhex(B),
    srpId: BigInt(c.srp_id),
    newAlgo: { _: "passwordKdfAlgoUnknown" },
    newSecureAlgo: { _: "securePasswordKdfAlgoUnknown" },
    secureRandom: new Uint8Array(0),
  };
}

const fixed = (a: string) => (n: number) => unhex(a).slice(0, n);

test("srp: the proof for a pinned case equals Pyrogram's and Telethon's", async () => {
  const proof = await computePasswordCheck(
    state(cases[0], PINNED.B),
    cases[0].password,
    fixed(cases[0].a),
  );
  assert.equal(hex(proof.A), PINNED.A);
  assert.equal(hex(proof.M1), PINNED.M1);
  assert.equal(proof.srpId, 1234567890123n);
});

test("srp: every case equals Pyrogram and Telethon run live, and their server side accepts it", {
  // Under CI the venv is installed (.ci/setup): a missing one fails instead of skipping.
  skip: hasLibraries || process.env.CI === "true"
    ? false
    : "the Python venv with pyrogram and telethon is not installed",
  timeout: 60_000,
}, async () => {
  for (const c of cases) {
    assert.ok(hasLibraries, "IRENOGRAM_PYTHON with pyrogram and telethon is needed");
    const run = spawnSync(python!, [script], {
      input: JSON.stringify(c),
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const py = JSON.parse(run.stdout);
    assert.equal(py.server_accepts, true);
    assert.deepEqual(py.pyrogram, py.telethon, "the two Python libraries agree");
    const proof = await computePasswordCheck(state(c, py.B), c.password, fixed(c.a));
    assert.equal(hex(proof.A), py.pyrogram.A, `A for ${JSON.stringify(c.password)}`);
    assert.equal(hex(proof.M1), py.pyrogram.M1, `M1 for ${JSON.stringify(c.password)}`);
    assert.equal(proof.A.length, 256);
  }
});

test("srp: another password gives another proof", async () => {
  const a = await computePasswordCheck(state(cases[0], PINNED.B), "hunter2", fixed(cases[0].a));
  assert.notEqual(hex(a.M1), PINNED.M1);
});

const refused = (e: unknown) => {
  assert.ok(e instanceof ClientError);
  assert.equal(e.code, "CLIENT_PASSWORD_UNSUPPORTED");
  assert.doesNotMatch(e.message, /hunter2/);
  return true;
};

test("srp: bad server values are refused with CLIENT_PASSWORD_UNSUPPORTED", async () => {
  const good = state(cases[0], PINNED.B);
  const algo = good
    .currentAlgo as Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
  const variants: Api.AccountPassword[] = [
    { ...good, srpB: new Uint8Array(256) }, // B = 0
    { ...good, srpB: unhex(P) }, // B = p
    { ...good, srpB: new Uint8Array(257).fill(1) }, // more than 2048 bits
    { ...good, currentAlgo: { ...algo, g: 8 } }, // not a generator Telegram allows
    { ...good, currentAlgo: { ...algo, p: unhex(P.slice(0, -2) + "5d") } }, // not a safe prime
    { ...good, currentAlgo: { _: "passwordKdfAlgoUnknown" } },
    { ...good, currentAlgo: undefined, srpB: undefined },
  ];
  for (const v of variants) {
    await assert.rejects(computePasswordCheck(v, "hunter2", fixed(cases[0].a)), refused);
  }
});
