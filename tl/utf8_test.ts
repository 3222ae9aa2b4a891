import { test } from "node:test";
import assert from "node:assert/strict";
import { TlReader } from "./reader.ts";
import { decodeUtf8From, nextInputId, wasmUtf8 } from "./utf8.ts";
import { SeededRandom } from "../testing/random.ts";
import { concatBytes as concat } from "../encoding/bytes.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A random string mixing 1- to 4-byte UTF-8 characters (no lone surrogates). */
function randomText(rng: SeededRandom, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    const kind = rng.int(4);
    const cp = kind === 0
      ? rng.int(0x80)
      : kind === 1
      ? 0x80 + rng.int(0x780)
      : kind === 2
      ? (0x800 + rng.int(0xf800 - 0x800 - 0x800)) // skips the surrogates below
      : 0x10000 + rng.int(0x100000);
    s += String.fromCodePoint(kind === 2 && cp >= 0xd800 ? cp + 0x800 : cp);
  }
  return s;
}

/** `bytes` placed at `at` inside a larger input, so that offsets and alignment vary. */
function embed(bytes: Uint8Array, at: number, tail: number): Uint8Array {
  const input = new Uint8Array(at + bytes.length + tail).fill(0xab);
  input.set(bytes, at);
  return input;
}

test("wasm UTF-8 decoding: known answers", () => {
  for (const s of ["hello мир", "привет 🎉 x", "é", "€", "𝄞", "a\u0000b", "\uffff\u{10ffff}"]) {
    const input = embed(encoder.encode(s), 3, 5);
    const got = decodeUtf8From(input, 0, input.length, nextInputId(), 3, input.length - 5);
    assert.equal(got, wasmUtf8 ? s : undefined);
  }
});

test("wasm UTF-8 decoding matches TextDecoder on random well-formed text", () => {
  const rng = new SeededRandom(7);
  for (let i = 0; i < 400; i++) {
    const s = randomText(rng, rng.int(300));
    const bytes = encoder.encode(s);
    const at = rng.int(9);
    const input = embed(bytes, at, rng.int(9));
    const got = decodeUtf8From(input, 0, input.length, nextInputId(), at, at + bytes.length);
    if (wasmUtf8) assert.equal(got, s);
    else assert.equal(got, undefined);
  }
});

test("wasm UTF-8 decoding declines ill-formed sequences", () => {
  const bad = [
    [0x80],
    [0xc0, 0x80],
    [0xc1, 0xbf],
    [0xe0, 0x80, 0x80],
    [0xed, 0xa0, 0x80],
    [0xe2, 0x82],
    [0xf0, 0x80, 0x80, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xf5, 0x80, 0x80, 0x80],
    [0xc3, 0x41],
    [0x41, 0x42, 0x43, 0x44, 0xf0, 0x9f, 0x8e],
  ];
  for (const seq of bad) {
    const input = embed(Uint8Array.from(seq), 1, 2);
    const got = decodeUtf8From(input, 0, input.length, nextInputId(), 1, 1 + seq.length);
    assert.equal(got, undefined, `accepted ${seq.map((b) => b.toString(16))}`);
  }
});

/** A TL `string` blob of `payload`. */
function blob(payload: Uint8Array): Uint8Array {
  const head = payload.length < 254 ? 1 : 4;
  const out = new Uint8Array((head + payload.length + 3) & ~3);
  if (head === 1) out[0] = payload.length;
  else out.set([254, payload.length & 0xff, (payload.length >> 8) & 0xff, payload.length >> 16]);
  out.set(payload, head);
  return out;
}

test("TlReader.string equals TextDecoder on random bytes, well-formed or not", () => {
  const rng = new SeededRandom(11);
  const payloads: Uint8Array[] = [];
  for (let i = 0; i < 300; i++) {
    const n = rng.int(i % 10 === 0 ? 600 : 40);
    payloads.push(
      i % 2 === 0
        ? encoder.encode(randomText(rng, n))
        // Mostly high bytes, so that sequences are started, broken and truncated.
        : Uint8Array.from(rng.bytes(n), (b) => (b & 1 ? b | 0x80 : b)),
    );
  }
  const r = new TlReader(concat(...payloads.map(blob)));
  for (const p of payloads) assert.equal(r.string(), decoder.decode(p));
  assert.equal(r.remaining, 0);
});

test("interleaved readers each decode their own input", () => {
  const a = ["мир один", "мир два", "мир три"], b = ["🎉 uno", "🎉 dos", "🎉 tres"];
  const ra = new TlReader(concat(...a.map((s) => blob(encoder.encode(s)))));
  const rb = new TlReader(concat(...b.map((s) => blob(encoder.encode(s)))));
  for (let i = 0; i < 3; i++) {
    assert.equal(ra.string(), a[i]);
    assert.equal(rb.string(), b[i]);
  }
});

test("a large input and a long string grow the wasm memory", () => {
  const long = "длинная строка ".repeat(4000); // ~ 112 KB of UTF-8
  const filler = new Uint8Array(300_000);
  const input = concat(blob(filler), blob(encoder.encode(long)), blob(encoder.encode("ещё")));
  const r = new TlReader(input);
  assert.equal(r.bytes().length, filler.length);
  assert.equal(r.string(), long);
  assert.equal(r.string(), "ещё");
});
