// sealFramed (the message sealed where its frame is built) against the two steps it replaces,
// encoder.encode(sealMessage(...)), on every transport, with the same random draws on both sides.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  createTransport,
  initCore,
  type RandomSource,
  sealFramed,
  sealMessage,
  type TransportKind,
} from "./mod.ts";
import { nativeCrypto, setNativeCrypto, smallMessageBytes } from "./native.ts";

await initCore();

/** A deterministic source: the same seed gives the same draws. */
function seeded(seed: number): RandomSource {
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16;
    return out;
  };
}

const kinds: [TransportKind, boolean][] = [
  ["abridged", false],
  ["intermediate", false],
  ["paddedIntermediate", false],
  ["full", false],
  ["intermediate", true],
  ["paddedIntermediate", true],
];

for (const path of ["webassembly", "automatic"] as const) {
  test(`sealFramed equals encode(sealMessage) on every transport (${path} crypto)`, () => {
    const previous = setNativeCrypto(path === "webassembly" ? undefined : "auto");
    try {
      const authKey = seeded(1)(256);
      for (const [kind, obfuscated] of kinds) {
        // Two encoders in the same state: same kind, same random (obfuscation header, padding).
        const make = () =>
          createTransport(kind, {
            random: seeded(2),
            obfuscation: obfuscated ? { dcId: 2 } : undefined,
          }).encoder;
        const fused = make(), steps = make();
        const sealRandomA = seeded(3), sealRandomB = seeded(3);
        // Sizes around the native crossover and the padding boundaries, several frames in a row
        // (obfuscated streams carry state from frame to frame).
        const sizes = [32, 36, 44, 48, 124, 508, 512, 1020, 2044, 2048, 4096, 65536];
        if (smallMessageBytes > 0) sizes.push(smallMessageBytes - 4, smallMessageBytes);
        for (const size of sizes) {
          const data = seeded(size)(size);
          new DataView(data.buffer).setInt32(28, size - 32, true);
          const a = sealFramed(fused, authKey, data, "client", sealRandomA);
          const b = steps.encode(sealMessage(authKey, data, "client", sealRandomB));
          assert.deepEqual(a, b, `${kind}${obfuscated ? " obfuscated" : ""}, ${size} bytes`);
        }
        fused.free();
        steps.free();
      }
      if (path === "webassembly") assert.equal(nativeCrypto("seal"), undefined);
    } finally {
      setNativeCrypto(previous);
    }
  });
}

test("sealFramed refuses what sealMessage refuses", () => {
  const { encoder } = createTransport("intermediate");
  assert.throws(
    () => sealFramed(encoder, new Uint8Array(256), new Uint8Array(30), "client"),
    { code: "CORE_BAD_INPUT" },
  );
  assert.throws(
    () => sealFramed(encoder, new Uint8Array(255), new Uint8Array(32), "client"),
    { code: "CORE_BAD_INPUT" },
  );
  encoder.free();
});
