/**
 * Transport framing of the WebAssembly core against its peers, measured in one process: GramJS's
 * packet codecs (npm `telegram`: Buffer concatenation, async readers, its CTR) and a plain JS
 * codec written here, with node:crypto's native AES-256-CTR for the obfuscated rows. Prints a
 * table with ratios and writes its section of bench/README.md.
 *
 *   deno run -A bench/framing_bench.ts · bun bench/framing_bench.ts · node npm/bench/framing_bench.js
 */
import { Buffer } from "node:buffer";
import { createCipheriv } from "node:crypto";
// GramJS's modules import each other in a cycle that only resolves from its index.
import "telegram/network/index.js";
import { AbridgedPacketCodec } from "telegram/network/connection/TCPAbridged.js";
import { FullPacketCodec } from "telegram/network/connection/TCPFull.js";
import { CTR as GramCtr } from "telegram/crypto/CTR.js";
import { acceptTransport, createTransport, initCore, type TransportKind } from "../core/mod.ts";
import { fmt, measure, measureAsync, runtimeName, table, writeSection } from "./report.ts";
import { secureRandom } from "../core/random.ts";
import { concatBytes as concat } from "../encoding/bytes.ts";

await initCore();

const KiB = 1024;
const rand = secureRandom;
const rows: string[][] = [];

/** One row: µs per operation, ours against each peer (ratio > 1: we are faster). */
function row(op: string, ours: number, peers: { gramjs?: number; js?: number }) {
  const us = (ms: number | undefined) => (ms === undefined ? "—" : fmt(ms * 1e3));
  const ratio = (ms: number | undefined) => (ms === undefined ? "—" : `${fmt(ms / ours)}×`);
  rows.push([op, us(ours), us(peers.gramjs), ratio(peers.gramjs), us(peers.js), ratio(peers.js)]);
  console.log(rows[rows.length - 1].join(" | "));
}

// ---- the plain JS codec (the baseline a TypeScript-only library would write) ---------------

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function jsCrc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function jsEncode(kind: TransportKind, payload: Uint8Array, seqno = 0): Uint8Array {
  if (kind === "abridged") {
    const words = payload.length >> 2;
    const head = words < 127 ? 1 : 4;
    const out = new Uint8Array(head + payload.length);
    if (head === 1) out[0] = words;
    else out.set([0x7f, words & 0xff, (words >> 8) & 0xff, words >> 16]);
    out.set(payload, head);
    return out;
  }
  const full = kind === "full";
  const out = new Uint8Array(payload.length + (full ? 12 : 4));
  const view = new DataView(out.buffer);
  view.setUint32(0, full ? payload.length + 12 : payload.length, true);
  if (full) {
    view.setUint32(4, seqno, true);
    out.set(payload, 8);
    view.setUint32(8 + payload.length, jsCrc32(out.subarray(0, 8 + payload.length)), true);
  } else {
    out.set(payload, 4);
  }
  return out;
}

/** An intermediate-transport stream decoder: accumulate, then cut whole frames. */
class JsIntermediateDecoder {
  #buf = new Uint8Array(0);

  push(chunk: Uint8Array): Uint8Array[] {
    const buf = new Uint8Array(this.#buf.length + chunk.length);
    buf.set(this.#buf);
    buf.set(chunk, this.#buf.length);
    const frames: Uint8Array[] = [];
    let at = 0;
    const view = new DataView(buf.buffer);
    while (buf.length - at >= 4) {
      const len = view.getUint32(at, true);
      if (buf.length - at - 4 < len) break;
      frames.push(buf.slice(at + 4, at + 4 + len));
      at += 4 + len;
    }
    this.#buf = buf.slice(at);
    return frames;
  }
}

function nodeCtr() {
  const c = createCipheriv("aes-256-ctr", rand(32), rand(16));
  return (data: Uint8Array) => new Uint8Array(c.update(data));
}

/** GramJS's codecs read through an async reader; this one serves a prepared stream. */
function gramReader(stream: Buffer) {
  let at = 0;
  const read = (n: number) => {
    const out = stream.subarray(at, at + n);
    at += n;
    return Promise.resolve(out);
  };
  return { read, readExactly: read, reset: () => (at = 0) };
}

// ---- encoding ------------------------------------------------------------------------------

for (const size of [KiB, 64 * KiB]) {
  const payload = rand(size);
  const buffer = Buffer.from(payload);
  const label = size >= 65536 ? "64 KiB" : "1 KiB";

  const abridged = createTransport("abridged");
  const gramAbridged = new AbridgedPacketCodec(undefined as never);
  row(`encode ${label}, abridged`, measure(() => abridged.encoder.encode(payload)), {
    gramjs: measure(() => gramAbridged.encodePacket(buffer)),
    js: measure(() => jsEncode("abridged", payload)),
  });
  abridged.free();

  const full = createTransport("full");
  const gramFull = new FullPacketCodec(undefined as never);
  row(`encode ${label}, full (CRC32)`, measure(() => full.encoder.encode(payload)), {
    gramjs: measure(() => gramFull.encodePacket(buffer)),
    js: measure(() => jsEncode("full", payload)),
  });
  full.free();

  const obf = createTransport("intermediate", { obfuscation: { dcId: 2 } });
  const gramCtr = new GramCtr(Buffer.from(rand(32)), Buffer.from(rand(16)));
  const native = nodeCtr();
  row(`encode ${label}, obfuscated`, measure(() => obf.encoder.encode(payload)), {
    gramjs: measure(() => gramCtr.encrypt(gramAbridged.encodePacket(buffer))),
    js: measure(() => native(jsEncode("intermediate", payload))),
  });
  obf.free();
}

// ---- decoding: a stream of frames delivered in 16 KiB chunks --------------------------------

for (const [count, size] of [[64, KiB], [16, 64 * KiB]]) {
  const payloads = Array.from({ length: count }, () => rand(size));
  const plain = Buffer.concat(payloads.map((p) => jsEncode("intermediate", p)));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < plain.length; at += 16 * KiB) {
    chunks.push(plain.subarray(at, at + 16 * KiB));
  }
  const label = `decode ${count} × ${size >= 65536 ? "64 KiB" : "1 KiB"}`;

  const t = createTransport("intermediate");
  const ours = measure(() => {
    let n = 0;
    for (const c of chunks) n += t.decoder.push(c).length;
    if (n !== count) throw new Error("lost frames");
  });
  t.free();
  const js = new JsIntermediateDecoder();
  const jsTime = measure(() => {
    for (const c of chunks) js.push(c);
  });
  // GramJS has no intermediate codec here; its abridged reader on the same payloads.
  const gramStream = Buffer.concat(payloads.map((p) => jsEncode("abridged", p)));
  const reader = gramReader(gramStream);
  const gramAbridged = new AbridgedPacketCodec(undefined as never);
  const gramTime = await measureAsync(async () => {
    reader.reset();
    for (let i = 0; i < count; i++) await gramAbridged.readPacket(reader as never);
  });
  row(`${label}, intermediate`, ours, { gramjs: gramTime, js: jsTime });

  // Obfuscated: every run is a fresh connection with the same header (a fixed random source),
  // so the stream the server encrypted once decodes every time.
  const header = rand(64);
  header[0] = 1;
  const fixed = () => header.slice();
  const obfuscation = { dcId: 2 };
  const setup = createTransport("intermediate", { obfuscation, random: fixed });
  const server = acceptTransport();
  server.push(setup.init);
  const reply = server.replyEncoder();
  const encrypted = concat(...payloads.map((p) => reply.encode(p)));
  const encChunks: Uint8Array[] = [];
  for (let at = 0; at < encrypted.length; at += 16 * KiB) {
    encChunks.push(encrypted.subarray(at, at + 16 * KiB));
  }
  reply.free();
  server.free();
  setup.free();
  const obfTime = measure(() => {
    const client = createTransport("intermediate", { obfuscation, random: fixed });
    let n = 0;
    for (const c of encChunks) n += client.decoder.push(c).length;
    client.free();
    if (n !== count) throw new Error("lost frames");
  });
  const nativeTime = measure(() => {
    const decrypt = nodeCtr();
    const d = new JsIntermediateDecoder();
    for (const c of chunks) d.push(decrypt(c));
  });
  const gramObfTime = await measureAsync(async () => {
    const ctr = new GramCtr(Buffer.from(rand(32)), Buffer.from(rand(16)));
    const plainStream = ctr.encrypt(gramStream);
    const r = gramReader(plainStream);
    for (let i = 0; i < count; i++) await gramAbridged.readPacket(r as never);
  });
  row(`${label}, obfuscated (incl. setup)`, obfTime, { gramjs: gramObfTime, js: nativeTime });
}

const md = [
  "Microseconds per operation (median); ratios are the peer's time over ours (> 1: we are",
  "faster). Peers: GramJS's packet codecs (`telegram`, Buffer-based, async reader, its own CTR),",
  "and a plain JS codec with node:crypto's native AES-256-CTR. Decoding takes the stream in",
  "16 KiB chunks; the obfuscated decode rows include creating the connection's codecs.",
  "",
  table(["operation", "irenogram µs", "GramJS µs", "vs GramJS", "JS + native µs", "vs JS"], rows),
].join("\n");
console.log(`\n${runtimeName()}\n${md}`);
writeSection("framing", md);
