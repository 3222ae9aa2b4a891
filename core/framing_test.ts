import { test } from "node:test";
import assert from "node:assert/strict";
import { createCipheriv, createHash } from "node:crypto";
import * as zlib from "node:zlib";
import { SeededRandom } from "../testing/random.ts";
import { concatBytes as concat } from "../encoding/bytes.ts";
import {
  acceptTransport,
  createTransport,
  type Frame,
  type FrameDecoder,
  type ObfuscationOptions,
  TransportError,
  type TransportKind,
} from "./framing.ts";
import { initCore } from "./mod.ts";
import { nativeCrypto, setNativeCrypto } from "./native.ts";
import { memory } from "./wasm.ts";

await initCore();

const KINDS: TransportKind[] = ["abridged", "intermediate", "paddedIntermediate", "full"];
const OBFUSCATABLE: TransportKind[] = ["abridged", "intermediate", "paddedIntermediate"];

// ---- independent reference implementations -------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function refCrc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function le32(n: number): Uint8Array {
  return Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
}

/** A frame as core.telegram.org/mtproto/mtproto-transports describes it. */
function refFrame(
  kind: TransportKind,
  payload: Uint8Array,
  o: { seqno?: number; padding?: Uint8Array; quickAck?: boolean } = {},
): Uint8Array {
  const ack = o.quickAck ? 0x80 : 0;
  switch (kind) {
    case "abridged": {
      const words = payload.length / 4;
      const head = words < 127
        ? Uint8Array.of(words | ack)
        : Uint8Array.of(0x7f | ack, ...le32(words).subarray(0, 3));
      return concat(head, payload);
    }
    case "intermediate":
      return concat(le32(payload.length | (ack << 24)), payload);
    case "paddedIntermediate": {
      const padding = o.padding ?? new Uint8Array(0);
      return concat(le32((payload.length + padding.length) | (ack << 24)), payload, padding);
    }
    case "full": {
      const body = concat(le32(payload.length + 12), le32(o.seqno ?? 0), payload);
      return concat(body, le32(refCrc32(body)));
    }
  }
}

/** What a decoder gives for a reference stream of payloads. */
function payloads(frames: Frame[]): Uint8Array[] {
  return frames.map((f) => {
    assert.equal(f.type, "payload");
    return (f as { payload: Uint8Array }).payload;
  });
}

function randomOf(rng: SeededRandom): (n: number) => Uint8Array {
  return (n) => rng.bytes(n);
}

/** Payloads shaped like MTProto messages, as the padded transport's unpadding expects. */
function envelope(rng: SeededRandom, maxBlocks = 40): Uint8Array {
  if (rng.int(4) === 0) {
    const body = 4 * (1 + rng.int(maxBlocks * 4));
    return concat(new Uint8Array(8), rng.bytes(8), le32(body), rng.bytes(body));
  }
  const p = rng.bytes(24 + 16 * (1 + rng.int(maxBlocks)));
  p[0] |= 1; // a non-zero auth_key_id
  return p;
}

/** Splits `stream` at random points: single bytes, small pieces, sometimes the whole rest. */
function chunks(rng: SeededRandom, stream: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < stream.length;) {
    const r = rng.int(10);
    const n = r < 3 ? 1 : r < 8 ? 1 + rng.int(64) : stream.length - at;
    out.push(stream.subarray(at, at + n));
    at += n;
  }
  return out;
}

function decodeChunked(decoder: FrameDecoder, rng: SeededRandom, stream: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  for (const c of chunks(rng, stream)) frames.push(...decoder.push(c));
  return frames;
}

function transportError(code: string, check?: (e: TransportError) => void) {
  return (e: unknown) => {
    assert.ok(e instanceof TransportError, `expected a TransportError, got ${e}`);
    assert.equal(e.code, code);
    check?.(e);
    return true;
  };
}

/** AES-256-CTR from node:crypto, continuing across calls like a connection's stream. */
function nodeCtr(key: Uint8Array, iv: Uint8Array) {
  const c = createCipheriv("aes-256-ctr", key, iv);
  return (data: Uint8Array) => new Uint8Array(c.update(data));
}

/**
 * Both streams of an obfuscated connection, derived from the header as the spec says; through
 * an MTProxy each key is SHA-256(key bytes + secret).
 */
function refStreams(header: Uint8Array, secret?: Uint8Array) {
  const key = (k: Uint8Array) =>
    secret === undefined
      ? k
      : new Uint8Array(createHash("sha256").update(k).update(secret).digest());
  const reversed = header.slice(8, 56).reverse();
  return {
    up: nodeCtr(key(header.subarray(8, 40)), header.subarray(40, 56)),
    down: nodeCtr(key(reversed.subarray(0, 32)), reversed.subarray(32, 48)),
  };
}

const TAGS: Record<string, number> = {
  abridged: 0xefefefef,
  intermediate: 0xeeeeeeee,
  paddedIntermediate: 0xdddddddd,
};

/**
 * Runs `fn` on both paths of obfuscated client codecs: native AES-CTR around WebAssembly
 * framing (Deno, Bun, Node) and everything in WebAssembly (browsers).
 */
function bothPaths(fn: () => void): void {
  assert.ok(nativeCrypto() !== undefined, "node:crypto is loaded on every test runtime");
  fn();
  const previous = setNativeCrypto(undefined);
  try {
    fn();
  } finally {
    setNativeCrypto(previous);
  }
}

// ---- known bytes ---------------------------------------------------------------------------

test("the test's CRC32 table gives the check value cbf43926 and agrees with node:zlib", () => {
  assert.equal(refCrc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  // node:zlib has crc32 from Node 20.15 (and in Deno and Bun); older runtimes skip this part.
  const zlibCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (zlibCrc === undefined) return;
  const rng = new SeededRandom(18);
  for (let i = 0; i < 200; i++) {
    const data = rng.bytes(rng.int(3000));
    assert.equal(refCrc32(data), zlibCrc(data) >>> 0);
  }
});

test("abridged: 0xef init, length/4 in one byte below 127, else 0x7f and 3 bytes", () => {
  const rng = new SeededRandom(1);
  using t = createTransport("abridged");
  assert.deepEqual(t.init, Uint8Array.of(0xef));
  for (const n of [4, 8, 504, 508, 512, 1200, 4 * 70000]) {
    const p = rng.bytes(n);
    const frame = t.encoder.encode(p);
    assert.deepEqual(frame, refFrame("abridged", p), `length ${n}`);
    assert.deepEqual(
      t.encoder.encode(p, { quickAck: true }),
      refFrame("abridged", p, { quickAck: true }),
    );
  }
  assert.deepEqual([...t.encoder.encode(new Uint8Array(508)).subarray(0, 4)], [0x7f, 0x7f, 0, 0]);
  assert.equal(t.encoder.encode(new Uint8Array(8), { quickAck: true })[0], 0x82);
  assert.throws(() => t.encoder.encode(new Uint8Array(6)), transportError("TRANSPORT_BAD_LENGTH"));
  assert.throws(() => t.encoder.encode(new Uint8Array(0)), transportError("TRANSPORT_BAD_LENGTH"));
});

test("intermediate: 0xeeeeeeee init, 4-byte little-endian length, quick ACK in the top bit", () => {
  const rng = new SeededRandom(2);
  using t = createTransport("intermediate");
  assert.deepEqual(t.init, Uint8Array.of(0xee, 0xee, 0xee, 0xee));
  for (const n of [1, 4, 5, 1000, 70000]) {
    const p = rng.bytes(n);
    assert.deepEqual(t.encoder.encode(p), refFrame("intermediate", p));
    assert.deepEqual(
      t.encoder.encode(p, { quickAck: true }),
      refFrame("intermediate", p, { quickAck: true }),
    );
  }
  assert.deepEqual([...t.encoder.encode(new Uint8Array(4), { quickAck: true }).subarray(0, 4)], [
    4,
    0,
    0,
    0x80,
  ]);
});

test("padded intermediate: 0xdddddddd init, length includes 0..15 random padding bytes", () => {
  const rng = new SeededRandom(3);
  const drawn: Uint8Array[] = [];
  const random = (n: number) => {
    drawn.push(rng.bytes(n));
    return drawn.at(-1)!;
  };
  using t = createTransport("paddedIntermediate", { random });
  assert.deepEqual(t.init, Uint8Array.of(0xdd, 0xdd, 0xdd, 0xdd));
  const padLengths = new Set<number>();
  for (let i = 0; i < 300; i++) {
    const p = rng.bytes(4 + 4 * rng.int(100));
    const frame = t.encoder.encode(p);
    const pad = frame.length - 4 - p.length;
    assert.ok(pad >= 0 && pad <= 15, `padding ${pad}`);
    padLengths.add(pad);
    const padding = frame.subarray(4 + p.length);
    assert.deepEqual(frame, refFrame("paddedIntermediate", p, { padding }));
    // The padding comes from the random source, not from zeros or the payload.
    const source = drawn.at(-1)!;
    assert.deepEqual(padding, source.subarray(0, pad));
  }
  assert.equal(padLengths.size, 16, "every padding length 0..15 occurs");
});

test("full: length + seqno + payload + CRC32, seqno counting from 0", () => {
  const rng = new SeededRandom(4);
  using t = createTransport("full");
  assert.equal(t.init.length, 0);
  for (let seqno = 0; seqno < 20; seqno++) {
    const p = rng.bytes(1 + rng.int(3000));
    assert.deepEqual(t.encoder.encode(p), refFrame("full", p, { seqno }));
  }
  assert.throws(
    () => t.encoder.encode(new Uint8Array(4), { quickAck: true }),
    transportError("TRANSPORT_INVALID_ARGUMENT"),
  );
});

test("client decoders read reference frames of every transport in any chunking", () => {
  const rng = new SeededRandom(5);
  for (const kind of KINDS) {
    const sent = Array.from({ length: 30 }, () => envelope(rng));
    const stream = concat(
      ...sent.map((p, seqno) => refFrame(kind, p, { seqno, padding: rng.bytes(rng.int(16)) })),
    );
    for (const whole of [false, true]) {
      using t = createTransport(kind);
      const frames = whole ? t.decoder.push(stream) : decodeChunked(t.decoder, rng, stream);
      assert.deepEqual(payloads(frames), sent, kind);
      t.decoder.end();
    }
  }
});

// ---- obfuscation ---------------------------------------------------------------------------

test("obfuscated init: random header, keys from it, tag at 56..60 and DC id at 60..62 encrypted", () =>
  bothPaths(() => {
    const cases: [ObfuscationOptions, number][] = [
      [{ dcId: 2 }, 2],
      [{ dcId: 4, media: true }, -4],
      [{ dcId: 1, testMode: true }, 10001],
      [{ dcId: 3, testMode: true, media: true }, -10003],
    ];
    const rng = new SeededRandom(6);
    for (const kind of OBFUSCATABLE) {
      for (const [obfuscation, dc] of cases) {
        const seed = rng.uint32();
        const draw = new SeededRandom(seed).bytes(64);
        using t = createTransport(kind, { obfuscation, random: randomOf(new SeededRandom(seed)) });
        assert.equal(t.init.length, 64);
        assert.deepEqual(
          t.init.subarray(0, 56),
          draw.subarray(0, 56),
          "bytes 0..56 go out as drawn",
        );
        const { up, down } = refStreams(t.init);
        const plain = up(t.init);
        const view = new DataView(plain.buffer);
        assert.equal(view.getUint32(56, true), TAGS[kind]);
        assert.equal(view.getInt16(60, true), dc);
        // Frames continue the client→server stream after the 64 header bytes.
        for (let i = 0; i < 5; i++) {
          const p = envelope(rng);
          const frame = t.encoder.encode(p);
          const clear = up(frame);
          const padding = kind === "paddedIntermediate" ? clear.subarray(4 + p.length) : undefined;
          assert.deepEqual(clear, refFrame(kind, p, { padding }));
        }
        // The decoder undoes the server→client stream (the reversed key and IV).
        const sent = Array.from({ length: 5 }, () => envelope(rng));
        const stream = down(concat(...sent.map((p) => refFrame(kind, p))));
        assert.deepEqual(payloads(decodeChunked(t.decoder, rng, stream)), sent);
      }
    }
  }));

test("obfuscated clients: native and WebAssembly streams give identical bytes", () => {
  const rng = new SeededRandom(19);
  for (const kind of OBFUSCATABLE) {
    for (const secret of [undefined, rng.bytes(16)]) {
      const header = rng.bytes(64);
      header[0] = 1;
      const seed = rng.uint32();
      const make = () => {
        const padding = new SeededRandom(seed);
        return createTransport(kind, {
          obfuscation: { dcId: 5, media: true, secret },
          random: (n) => (n === 64 ? header.slice() : padding.bytes(n)),
        });
      };
      using native = make();
      const previous = setNativeCrypto(undefined);
      let wasm;
      try {
        wasm = make();
      } finally {
        setNativeCrypto(previous);
      }
      using _ = wasm;
      assert.deepEqual(native.init, wasm.init);
      const down = rng.bytes(3000);
      for (let i = 0; i < 20; i++) {
        const p = envelope(rng, 100);
        assert.deepEqual(native.encoder.encode(p), wasm.encoder.encode(p));
      }
      // Garbage decrypts the same way on both: the same frames or the same failure.
      const outcome = (t: typeof native) => {
        try {
          return payloads(t.decoder.push(down)).length;
        } catch (e) {
          return (e as TransportError).code;
        }
      };
      assert.equal(outcome(native), outcome(wasm));
    }
  }
});

test("obfuscated init: forbidden first bytes, first words and zero second word are redrawn", () => {
  const forbidden = [
    [0xef, 1, 2, 3],
    [0x48, 0x45, 0x41, 0x44], // HEAD
    [0x50, 0x4f, 0x53, 0x54], // POST
    [0x47, 0x45, 0x54, 0x20], // GET
    [0x4f, 0x50, 0x54, 0x49], // OPTI
    [0xee, 0xee, 0xee, 0xee],
    [0xdd, 0xdd, 0xdd, 0xdd],
    [0x16, 0x03, 0x01, 0x02], // TLS record
  ];
  const rng = new SeededRandom(7);
  const draws: Uint8Array[] = forbidden.map((head) => {
    const b = rng.bytes(64);
    b.set(head);
    b[4] |= 1;
    return b;
  });
  const zeroSecond = rng.bytes(64);
  zeroSecond.set([0, 0, 0, 0], 4);
  zeroSecond[0] = 0x01;
  draws.push(zeroSecond);
  const good = rng.bytes(64);
  good[0] = 0x01;
  draws.push(good);
  let used = 0;
  using t = createTransport("intermediate", {
    obfuscation: { dcId: 2 },
    random: () => draws[used++],
  });
  assert.equal(used, draws.length);
  assert.deepEqual(t.init.subarray(0, 56), good.subarray(0, 56));
});

test("obfuscated init: a random source stuck on forbidden bytes fails instead of hanging", () => {
  assert.throws(
    () =>
      createTransport("abridged", { obfuscation: { dcId: 2 }, random: (n) => new Uint8Array(n) }),
    transportError("TRANSPORT_BAD_HEADER"),
  );
});

test("MTProxy secret: keys are SHA-256(key bytes + secret); the server must know the secret", () =>
  bothPaths(() => {
    const rng = new SeededRandom(15);
    for (const prefixed of [false, true]) {
      const key = rng.bytes(16);
      const secret = prefixed ? concat(Uint8Array.of(0xdd), key) : key;
      using t = createTransport("paddedIntermediate", {
        obfuscation: { dcId: 3, secret },
        random: randomOf(rng),
      });
      const { up, down } = refStreams(t.init, key);
      const plain = up(t.init);
      assert.equal(new DataView(plain.buffer).getUint32(56, true), TAGS.paddedIntermediate);
      assert.equal(new DataView(plain.buffer).getInt16(60, true), 3);
      const p = envelope(rng);
      const first = t.encoder.encode(p);
      const clear = up(first);
      assert.deepEqual(
        clear,
        refFrame("paddedIntermediate", p, { padding: clear.subarray(4 + p.length) }),
      );
      const q = envelope(rng);
      assert.deepEqual(payloads(t.decoder.push(down(refFrame("paddedIntermediate", q)))), [q]);
      // A server playing the proxy decodes it with the secret, and only with it.
      const stream = concat(t.init, first);
      using right = acceptTransport({ secret });
      assert.deepEqual(payloads(right.push(stream)), [p]);
      assert.equal(right.transport?.dcId, 3);
      using wrong = acceptTransport({ secret: rng.bytes(16) });
      assert.throws(() => wrong.push(stream), transportError("TRANSPORT_BAD_HEADER"));
      using none = acceptTransport();
      assert.throws(() => none.push(stream), transportError("TRANSPORT_BAD_HEADER"));
    }
    const bad: (() => unknown)[] = [
      () =>
        createTransport("intermediate", { obfuscation: { dcId: 2, secret: new Uint8Array(15) } }),
      () =>
        createTransport("intermediate", {
          obfuscation: { dcId: 2, secret: concat(Uint8Array.of(0xdd), rng.bytes(16)) },
        }),
      () =>
        createTransport("paddedIntermediate", {
          obfuscation: { dcId: 2, secret: concat(Uint8Array.of(0xee), rng.bytes(16)) },
        }),
      () => acceptTransport({ secret: new Uint8Array(32) }),
    ];
    for (const f of bad) assert.throws(f, transportError("TRANSPORT_INVALID_ARGUMENT"));
  }));

test("invalid options give TRANSPORT_INVALID_ARGUMENT", () => {
  const bad: (() => unknown)[] = [
    () => createTransport("full", { obfuscation: { dcId: 2 } }),
    () => createTransport("abridged", { obfuscation: { dcId: 0 } }),
    () => createTransport("abridged", { obfuscation: { dcId: 1.5 } }),
    () => createTransport("abridged", { obfuscation: { dcId: 10000 } }),
    () => createTransport("nope" as TransportKind),
    () => createTransport("abridged", { maxFrameSize: 0 }),
    () => createTransport("abridged", { maxFrameSize: 64 << 20 }),
    () => acceptTransport({ maxFrameSize: Number.NaN }),
    () =>
      createTransport("abridged", { obfuscation: { dcId: 2 }, random: () => new Uint8Array(3) }),
  ];
  for (const f of bad) assert.throws(f, transportError("TRANSPORT_INVALID_ARGUMENT"));
  using t = createTransport("abridged");
  assert.throws(
    () => t.encoder.encode("abcd" as unknown as Uint8Array),
    transportError("TRANSPORT_INVALID_ARGUMENT"),
  );
  assert.throws(
    () => t.decoder.push([1, 2] as unknown as Uint8Array),
    transportError("TRANSPORT_INVALID_ARGUMENT"),
  );
  assert.throws(() => t.encoder.quickAck(1), transportError("TRANSPORT_INVALID_ARGUMENT"));
  assert.throws(() => t.decoder.replyEncoder(), transportError("TRANSPORT_INVALID_ARGUMENT"));
});

// ---- both ends -----------------------------------------------------------------------------

test("every transport round-trips random frames both ways under random chunkings", () =>
  bothPaths(() => {
    const rng = new SeededRandom(8);
    const setups: [TransportKind, ObfuscationOptions | undefined][] = [
      ...KINDS.map((k): [TransportKind, undefined] => [k, undefined]),
      ...OBFUSCATABLE.map((
        k,
      ): [TransportKind, ObfuscationOptions] => [k, { dcId: 1 + rng.int(5), media: true }]),
      ["intermediate", { dcId: 2, testMode: true }],
    ];
    for (const [kind, obfuscation] of setups) {
      for (let round = 0; round < 8; round++) {
        using client = createTransport(kind, { obfuscation, random: randomOf(rng) });
        using server = acceptTransport({ random: randomOf(rng) });
        const up = Array.from(
          { length: 1 + rng.int(12) },
          () => envelope(rng, round === 0 ? 4000 : 40),
        );
        const upStream = concat(client.init, ...up.map((p) => client.encoder.encode(p)));
        assert.deepEqual(payloads(decodeChunked(server, rng, upStream)), up, `${kind} up`);
        server.end();
        assert.deepEqual(server.transport, {
          kind,
          obfuscated: obfuscation !== undefined,
          ...(obfuscation && {
            dcId: obfuscation.dcId,
            media: obfuscation.media ?? false,
            testMode: obfuscation.testMode ?? false,
          }),
        });
        using reply = server.replyEncoder();
        const down = Array.from({ length: 1 + rng.int(12) }, () => envelope(rng));
        const downStream = concat(...down.map((p) => reply.encode(p)));
        assert.deepEqual(
          payloads(decodeChunked(client.decoder, rng, downStream)),
          down,
          `${kind} down`,
        );
        client.decoder.end();
      }
    }
  }));

test("one byte at a time and everything at once decode the same frames", () =>
  bothPaths(() => {
    const rng = new SeededRandom(16);
    for (const kind of KINDS) {
      for (const obfuscation of kind === "full" ? [undefined] : [undefined, { dcId: 4 }]) {
        const random = randomOf(rng);
        const header = rng.bytes(64);
        header[0] = 1;
        // Two clients with the same header give the same stream: one is decoded byte by byte.
        const fixed = (n: number) => (n === 64 ? header.slice() : rng.bytes(n));
        using a = createTransport(kind, { obfuscation, random: fixed });
        using b = createTransport(kind, { obfuscation, random: fixed });
        const sent = Array.from({ length: 6 }, () => envelope(rng));
        const stream = concat(a.init, ...sent.map((p) => a.encoder.encode(p)));
        using whole = acceptTransport({ random });
        assert.deepEqual(payloads(whole.push(stream)), sent);
        using bytewise = acceptTransport({ random });
        const got: Frame[] = [];
        for (let i = 0; i < stream.length; i++) {
          got.push(...bytewise.push(stream.subarray(i, i + 1)));
        }
        assert.deepEqual(payloads(got), sent);
        // And back: the server's answers, byte by byte, to the second client.
        using reply = bytewise.replyEncoder();
        const back = Array.from({ length: 6 }, () => envelope(rng));
        const down = concat(...back.map((p) => reply.encode(p)));
        const received: Frame[] = [];
        for (let i = 0; i < down.length; i++) {
          received.push(...b.decoder.push(down.subarray(i, i + 1)));
        }
        assert.deepEqual(payloads(received), back);
      }
    }
  }));

test("creating, using and freeing thousands of codecs does not grow WebAssembly memory", () =>
  bothPaths(() => {
    const rng = new SeededRandom(17);
    const payload = envelope(rng, 4);
    const cycle = () => {
      using t = createTransport("intermediate", { obfuscation: { dcId: 2 } });
      using s = acceptTransport();
      s.push(concat(t.init, t.encoder.encode(payload)));
      using r = s.replyEncoder();
      t.decoder.push(r.encode(payload));
    };
    for (let i = 0; i < 300; i++) cycle();
    const before = memory().buffer.byteLength;
    for (let i = 0; i < 3000; i++) cycle();
    assert.equal(memory().buffer.byteLength, before);
  }));

test("quick ACKs: the client asks in the length, the server answers with the token", () =>
  bothPaths(() => {
    const rng = new SeededRandom(9);
    for (const kind of OBFUSCATABLE) {
      for (const obfuscation of [undefined, { dcId: 2 }]) {
        using client = createTransport(kind, { obfuscation });
        using server = acceptTransport();
        const p = envelope(rng);
        const frames = server.push(
          concat(client.init, client.encoder.encode(p, { quickAck: true })),
        );
        assert.deepEqual(frames, [{ type: "payload", payload: p, quickAckRequested: true }]);
        using reply = server.replyEncoder();
        const token = 0x12345678;
        const ack = reply.quickAck(token);
        if (obfuscation === undefined) {
          // Abridged byte-swaps the token; the others send it little-endian; both set the top bit.
          const expected = kind === "abridged"
            ? [0x92, 0x34, 0x56, 0x78]
            : [0x78, 0x56, 0x34, 0x92];
          assert.deepEqual([...ack], expected);
        }
        const q = envelope(rng);
        const got = decodeChunked(client.decoder, rng, concat(ack, reply.encode(q)));
        assert.deepEqual(got, [
          { type: "quickAck", token: (token | 0x80000000) >>> 0 },
          { type: "payload", payload: q, quickAckRequested: false },
        ]);
        assert.throws(
          () => client.encoder.quickAck(1),
          transportError("TRANSPORT_INVALID_ARGUMENT"),
        );
        assert.throws(
          () => reply.encode(q, { quickAck: true }),
          transportError("TRANSPORT_INVALID_ARGUMENT"),
        );
      }
    }
  }));

// ---- failures ------------------------------------------------------------------------------

test("server transport errors (-404, -429) surface with their code after earlier frames", () => {
  const rng = new SeededRandom(10);
  for (const kind of KINDS) {
    for (const code of [-404, -429, -444]) {
      using t = createTransport(kind);
      const first = envelope(rng);
      const error = le32(code >>> 0);
      const padding = kind === "paddedIntermediate" ? rng.bytes(rng.int(16)) : undefined;
      const stream = concat(refFrame(kind, first), refFrame(kind, error, { seqno: 1, padding }));
      assert.throws(
        () => t.decoder.push(stream),
        transportError("TRANSPORT_SERVER_ERROR", (e) => {
          assert.equal(e.serverCode, code);
          assert.deepEqual(payloads([...e.frames]), [first]);
          assert.match(e.message, new RegExp(String(code)));
        }),
      );
      // A failed decoder stays failed.
      assert.throws(() => t.decoder.push(new Uint8Array(1)), transportError("TRANSPORT_CLOSED"));
    }
  }
});

test("full transport: a bare error code where the length goes is a server transport error", () => {
  using t = createTransport("full");
  assert.throws(
    () => t.decoder.push(Uint8Array.of(0x53, 0xfe, 0xff, 0xff)),
    transportError("TRANSPORT_SERVER_ERROR", (e) => assert.equal(e.serverCode, -429)),
  );
});

test("a length claiming gigabytes fails at once, before any payload arrives", () => {
  const claims: [TransportKind, number[]][] = [
    ["abridged", [0x7f, 0xff, 0xff, 0xff]],
    ["intermediate", [0xff, 0xff, 0xff, 0x7f]],
    ["paddedIntermediate", [0xff, 0xff, 0xff, 0x7f]],
    ["full", [0xf0, 0xff, 0xff, 0x7f]],
  ];
  const before = memory().buffer.byteLength;
  for (const [kind, head] of claims) {
    using t = createTransport(kind);
    assert.throws(
      () => t.decoder.push(Uint8Array.from(head)),
      transportError("TRANSPORT_FRAME_TOO_LARGE"),
    );
    using s = acceptTransport();
    const init =
      { abridged: [0xef], intermediate: [0xee, 0xee, 0xee, 0xee], full: [] }[kind as string] ??
        [0xdd, 0xdd, 0xdd, 0xdd];
    const stream = kind === "full" ? [...head, 0, 0, 0, 0] : [...init, ...head];
    assert.throws(
      () => s.push(Uint8Array.from(stream)),
      transportError("TRANSPORT_FRAME_TOO_LARGE"),
    );
  }
  assert.ok(memory().buffer.byteLength - before <= 1 << 20, "no allocation for the claimed length");
});

test("maxFrameSize bounds both encoding and decoding", () => {
  for (const kind of KINDS) {
    using t = createTransport(kind, { maxFrameSize: 1024 });
    assert.equal(t.encoder.encode(new Uint8Array(1024)).length > 1024, true);
    assert.throws(
      () => t.encoder.encode(new Uint8Array(1028)),
      transportError("TRANSPORT_FRAME_TOO_LARGE"),
    );
    const payload = new Uint8Array(1024).fill(7);
    assert.equal(t.decoder.push(refFrame(kind, payload.subarray(0, 1024), { seqno: 0 })).length, 1);
    assert.throws(
      () => t.decoder.push(refFrame(kind, new Uint8Array(1028).fill(7), { seqno: 1 })),
      transportError("TRANSPORT_FRAME_TOO_LARGE"),
    );
  }
});

test("a stream that ends inside a frame or an init header is TRANSPORT_TRUNCATED", () => {
  const rng = new SeededRandom(11);
  for (const kind of KINDS) {
    const frame = refFrame(kind, envelope(rng));
    for (const cut of [1, 3, frame.length - 1]) {
      using t = createTransport(kind);
      assert.deepEqual(t.decoder.push(frame.subarray(0, cut)), []);
      assert.throws(() => t.decoder.end(), transportError("TRANSPORT_TRUNCATED"));
    }
  }
  using client = createTransport("abridged", { obfuscation: { dcId: 2 } });
  using server = acceptTransport();
  assert.deepEqual(server.push(client.init.subarray(0, 40)), []);
  assert.equal(server.transport, undefined);
  assert.throws(() => server.end(), transportError("TRANSPORT_TRUNCATED"));
});

test("full transport: a bad CRC, a wrong seqno and a too short length are refused", () => {
  const rng = new SeededRandom(12);
  const p = envelope(rng);
  const flipped = refFrame("full", p);
  flipped[10] ^= 0x40;
  const cases: [Uint8Array, string][] = [
    [flipped, "TRANSPORT_BAD_CRC"],
    [refFrame("full", p, { seqno: 1 }), "TRANSPORT_BAD_SEQNO"],
    [concat(refFrame("full", p), refFrame("full", p)), "TRANSPORT_BAD_SEQNO"],
    [Uint8Array.from([8, 0, 0, 0, 0, 0, 0, 0]), "TRANSPORT_BAD_LENGTH"],
  ];
  for (const [stream, code] of cases) {
    using t = createTransport("full");
    assert.throws(() => t.decoder.push(stream), transportError(code));
  }
});

test("fuzz: thousands of mangled and random streams give frames or TransportError only", () => {
  const rng = new SeededRandom(13);
  const outcomes = new Map<string, number>();
  for (let i = 0; i < 3000; i++) {
    const kind = KINDS[rng.int(4)];
    const obfuscation = kind !== "full" && rng.int(2) ? { dcId: 1 + rng.int(5) } : undefined;
    using client = createTransport(kind, {
      obfuscation,
      random: randomOf(rng),
      maxFrameSize: 1 << 16,
    });
    using server = acceptTransport({ random: randomOf(rng), maxFrameSize: 1 << 16 });
    const toServer = rng.int(2) === 0;
    let stream: Uint8Array;
    if (i % 4 === 3) {
      stream = rng.bytes(rng.int(300)); // garbage
    } else {
      const parts: Uint8Array[] = [];
      if (toServer) parts.push(client.init);
      for (let n = 1 + rng.int(4); n > 0; n--) {
        parts.push(
          toServer ? client.encoder.encode(envelope(rng, 8)) : refFrame(kind, envelope(rng, 8)),
        );
      }
      stream = concat(...parts);
      for (let m = 1 + rng.int(3); m > 0; m--) {
        const at = rng.int(stream.length);
        switch (rng.int(4)) {
          case 0:
            stream[at] ^= 1 << rng.int(8);
            break;
          case 1:
            stream = stream.subarray(0, at);
            break;
          case 2:
            stream = concat(stream.subarray(0, at), rng.bytes(1 + rng.int(8)), stream.subarray(at));
            break;
          default:
            stream[at] = 0xff;
        }
      }
    }
    const decoder = toServer ? server : client.decoder;
    let outcome = "ok";
    try {
      decodeChunked(decoder, rng, stream);
      decoder.end();
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      outcome = e.code;
    }
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  // Mangling must be caught in several ways, and the module must still work afterwards.
  for (
    const code of ["ok", "TRANSPORT_TRUNCATED", "TRANSPORT_BAD_CRC", "TRANSPORT_FRAME_TOO_LARGE"]
  ) {
    assert.ok((outcomes.get(code) ?? 0) > 0, `${code} in ${JSON.stringify([...outcomes])}`);
  }
  using t = createTransport("full");
  assert.deepEqual(payloads(t.decoder.push(refFrame("full", Uint8Array.of(1, 2, 3, 4)))), [
    Uint8Array.of(1, 2, 3, 4),
  ]);
  assert.ok(memory().buffer.byteLength < 256 << 20, "memory stayed bounded");
});

test("chunks above the 1 MiB piece size and frames spanning pieces decode whole", () => {
  // Envelope-shaped (24 + 16k bytes, non-zero auth_key_id) so that the padded transport keeps
  // them whole.
  const big = new Uint8Array((3 << 20) + 24);
  for (let i = 0; i < big.length; i += 4) big[i] = (i >>> 2) | 1;
  const small = big.subarray(0, 40);
  for (const kind of KINDS) {
    using t = createTransport(kind);
    const stream = concat(
      refFrame(kind, small),
      refFrame(kind, big, { seqno: 1 }),
      refFrame(kind, small, { seqno: 2 }),
    );
    const got = payloads(t.decoder.push(stream));
    assert.equal(got.length, 3, kind);
    assert.deepEqual(got[0], small);
    assert.ok(got[1].length === big.length && got[1].every((b, i) => b === big[i]), kind);
    assert.deepEqual(got[2], small);
  }
});

test("decoding many large frames keeps WebAssembly memory bounded", () => {
  const rng = new SeededRandom(14);
  using t = createTransport("intermediate");
  const frame = refFrame("intermediate", rng.bytes(256 << 10));
  for (let i = 0; i < 20; i++) t.decoder.push(frame);
  const before = memory().buffer.byteLength;
  let count = 0;
  for (let i = 0; i < 200; i++) {
    for (let at = 0; at < frame.length; at += 60000) {
      count += t.decoder.push(frame.subarray(at, at + 60000)).length;
    }
  }
  assert.equal(count, 200);
  assert.ok(memory().buffer.byteLength - before <= 2 << 20, "no growth per frame");
});

test("freed codecs refuse work with TRANSPORT_CLOSED; free is idempotent", () => {
  const t = createTransport("abridged");
  t.free();
  t.free();
  assert.throws(() => t.encoder.encode(new Uint8Array(4)), transportError("TRANSPORT_CLOSED"));
  assert.throws(() => t.decoder.push(new Uint8Array(4)), transportError("TRANSPORT_CLOSED"));
  const s = acceptTransport();
  s[Symbol.dispose]();
  assert.throws(() => s.end(), transportError("TRANSPORT_CLOSED"));
  assert.equal(s.transport, undefined);
});

test("payloads of one push are views of one copy: exact, disjoint, unchanged by later pushes", async () => {
  await initCore();
  const r = new SeededRandom(99);
  const t = createTransport("intermediate");
  const frame = (p: Uint8Array) => {
    const out = new Uint8Array(4 + p.length);
    new DataView(out.buffer).setUint32(0, p.length, true);
    out.set(p, 4);
    return out;
  };
  const first = [r.bytes(40), r.bytes(8), r.bytes(1000)];
  const kept = t.decoder.push(concat(...first.map(frame)));
  assert.equal(kept.length, 3);
  const copies = kept.map((f) => (f.type === "payload" ? f.payload.slice() : new Uint8Array(0)));
  kept.forEach((f, i) => assert.deepEqual(f.type === "payload" && f.payload, first[i]));
  // Writing into one payload leaves its neighbours alone.
  if (kept[1].type === "payload") kept[1].payload.fill(0xff);
  assert.deepEqual(kept[0].type === "payload" && kept[0].payload, copies[0]);
  assert.deepEqual(kept[2].type === "payload" && kept[2].payload, copies[2]);
  // Later pushes reuse the decoder's memory, not the payloads handed out.
  for (let i = 0; i < 20; i++) t.decoder.push(frame(r.bytes(4 * (1 + r.int(750)))));
  assert.deepEqual(kept[0].type === "payload" && kept[0].payload, copies[0]);
  assert.deepEqual(kept[2].type === "payload" && kept[2].payload, copies[2]);
  t.free();
});
