/**
 * Session-string benchmark: decoding and encoding against the peers in the same process —
 * mtcute's `readStringSession`, GramJS's `StringSession`, and a lenient `Buffer`-based
 * Pyrogram reader/writer (what the strict, hand-written base64 here costs over the built-in one).
 *
 *   deno run -A bench/session_string_bench.ts · bun bench/session_string_bench.ts ·
 *   node npm/bench/session_string_bench.js
 */
import { Buffer } from "node:buffer";
import { readStringSession, writeStringSession } from "@mtcute/core/utils.js";
import { StringSession } from "telegram/sessions/index.js";
import { measure, runtimeName, table, writeSection } from "./report.ts";
import { decodeSessionString, encodeSessionString } from "../storage/session_string.ts";
import { SeededRandom } from "../testing/random.ts";

const rng = new SeededRandom(7);
const authKey = rng.bytes(256);
const data = {
  dcId: 2,
  apiId: 12345,
  testMode: false,
  authKey,
  userId: 5_000_000_001,
  isBot: false,
};
const pyrogram = encodeSessionString(data);
const mtcute = writeStringSession({
  version: 3,
  primaryDcs: {
    main: { id: 2, ipAddress: "149.154.167.51", port: 443 },
    media: { id: 2, ipAddress: "149.154.167.151", port: 443, mediaOnly: true },
  },
  self: { userId: 5_000_000_001, isBot: false, isPremium: false, usernames: [] },
  authKey,
});
const gramjsSession = new StringSession("");
gramjsSession.setDC(2, "149.154.167.51", 443);
// GramJS saves only with an auth key object; the bytes are all its save() reads from it.
(gramjsSession as unknown as { _authKey: unknown })._authKey = {
  getKey: () => Buffer.from(authKey),
};
const gramjs = gramjsSession.save();

/** The lenient reading: Node's base64url decoder (skips bad characters) and a DataView. */
function bufferPyrogramDecode(text: string) {
  const b = Buffer.from(text, "base64url");
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    dcId: b[0],
    apiId: v.getUint32(1),
    testMode: b[5] === 1,
    authKey: new Uint8Array(b.subarray(6, 262)),
    userId: Number(v.getBigUint64(262)),
    isBot: b[270] === 1,
  };
}

function bufferPyrogramEncode(d: typeof data): string {
  const b = Buffer.alloc(271);
  b[0] = d.dcId;
  b.writeUInt32BE(d.apiId, 1);
  b[5] = d.testMode ? 1 : 0;
  b.set(d.authKey, 6);
  b.writeBigUInt64BE(BigInt(d.userId), 262);
  b[270] = d.isBot ? 1 : 0;
  return b.toString("base64url");
}

if (bufferPyrogramEncode(data) !== pyrogram) throw new Error("reference encoder disagrees");

const rows: (string | number)[][] = [];
const us = (ms: number) => (ms * 1000).toFixed(2);
function row(what: string, ours: () => unknown, peerName: string, peer: () => unknown) {
  for (let i = 0; i < 20_000; i++) ours(), peer(); // both fully compiled before timing
  const a = measure(ours, 500), b = measure(peer, 500);
  rows.push([what, us(a), peerName, us(b), (a / b).toFixed(2)]);
}

row(
  "decode Pyrogram string",
  () => decodeSessionString(pyrogram),
  "Buffer (lenient)",
  () => bufferPyrogramDecode(pyrogram),
);
row(
  "encode Pyrogram string",
  () => encodeSessionString(data),
  "Buffer",
  () => bufferPyrogramEncode(data),
);
row(
  "decode mtcute string",
  () => decodeSessionString(mtcute),
  "mtcute readStringSession",
  () => readStringSession(mtcute),
);
row(
  "decode GramJS string",
  () => decodeSessionString(gramjs),
  "GramJS StringSession",
  () => new StringSession(gramjs),
);

const markdown = "One session string, µs per call (median). The peers check little (GramJS and " +
  "the Buffer reader accept any text, mtcute checks its version byte); ours validates the " +
  "alphabet, padding, spare bits, DC, flags and lengths, and copies the key out. A string is " +
  "decoded once per client start.\n\n" +
  table(["operation", "ours µs", "peer", "peer µs", "ours / peer"], rows);
console.log(`${runtimeName()}\n${markdown}`);
writeSection("session_string", markdown);
