// runtime/tcp.ts against a node:net server on loopback: bytes written in bursts (many small
// writes while earlier ones are still under way, and writes larger than the socket takes at once,
// which Deno's adapter finishes with further writes) arrive whole and in order; bytes sent back
// arrive in order; after close() nothing more is written and onClose runs once.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as net from "node:net";
import { connectTcp } from "./tcp.ts";

/** A server that keeps what each connection sent and can answer; closes with the test. */
async function sink() {
  const received: Uint8Array[] = [];
  const sockets: net.Socket[] = [];
  let done: (() => void) | undefined, goal = Infinity, total = 0;
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on("data", (chunk: Uint8Array) => {
      received.push(new Uint8Array(chunk));
      total += chunk.length;
      if (total >= goal) done?.();
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    port: (server.address() as net.AddressInfo).port,
    sockets,
    bytes: () => Uint8Array.from(received.flatMap((c) => [...c])),
    /** Resolves once `n` bytes arrived in all, or after 20 s (then the caller's checks fail). */
    until: (n: number) =>
      new Promise<void>((ok) => {
        const timer = setTimeout(ok, 20_000);
        goal = n;
        done = () => {
          clearTimeout(timer);
          ok();
        };
        if (total >= n) done();
      }),
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/** `n` bytes counting on from `start` (mod 251, so that a misplaced chunk shows). */
function run(start: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (start + i) % 251;
  return out;
}

test("tcp: bursts of writes, small and larger than the socket takes at once, arrive whole and in order", async () => {
  const server = await sink();
  let closes = 0;
  const stream = await connectTcp({ host: "127.0.0.1", port: server.port }, {
    onData: () => {},
    onClose: () => closes++,
  });
  try {
    // Three bursts, each written without waiting: small frames, then 1 MiB ones (several
    // socket writes each), then small ones again queued behind them.
    const sizes = [
      ...Array.from({ length: 200 }, (_, i) => 1 + (i * 37) % 300),
      ...Array.from({ length: 6 }, () => 1 << 20),
      ...Array.from({ length: 200 }, (_, i) => 1 + (i * 53) % 500),
    ];
    let at = 0;
    for (const n of sizes) {
      stream.write(run(at, n));
      at += n;
    }
    await server.until(at);
    const got = server.bytes();
    assert.equal(got.length, at);
    const want = run(0, at);
    const first = got.findIndex((b, i) => b !== want[i]);
    assert.equal(first, -1, `the bytes differ first at ${first}`);
  } finally {
    stream.close();
    await server.close();
  }
  assert.equal(closes, 1, "onClose once");
});

test("tcp: bytes sent back arrive in order; after close() writes are dropped and onClose runs once", async () => {
  const server = await sink();
  const received: number[] = [];
  let closes = 0;
  const stream = await connectTcp({ host: "127.0.0.1", port: server.port }, {
    onData: (chunk) => received.push(...chunk),
    onClose: () => closes++,
  });
  stream.write(run(0, 10));
  await server.until(10);
  const back = run(7, 100_000);
  for (let off = 0; off < back.length; off += 7_000) {
    server.sockets[0].write(back.subarray(off, off + 7_000));
  }
  for (let i = 0; i < 200 && received.length < back.length; i++) {
    await new Promise((ok) => setTimeout(ok, 10));
  }
  assert.deepEqual(Uint8Array.from(received), back);
  stream.close();
  stream.close();
  stream.write(run(0, 10));
  await new Promise((ok) => setTimeout(ok, 50));
  assert.equal(server.bytes().length, 10, "nothing written after close");
  assert.equal(closes, 1, "onClose once");
  await server.close();
});
