/**
 * runtime/tcp_listen.ts against node:net clients: bytes both ways in order, a write larger than
 * the socket takes at once (Bun's queue until drain), end() after queued writes delivering every
 * byte before the end, destroy(), the peer's end, and onClose once per connection.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as net from "node:net";
import { type AcceptedStream, listenTcp } from "./tcp_listen.ts";

/** Connects, sends `send` (then ends when `end`), and collects what comes back until the end. */
function exchange(port: number, send: Uint8Array, end = false): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(send);
      if (end) socket.end();
    });
    socket.on("data", (c: Uint8Array) => chunks.push(new Uint8Array(c)));
    socket.on("error", reject);
    socket.on("close", () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) out.set(c, (at += c.length) - c.length);
      resolve(out);
    });
  });
}

/** Bytes that show their own position (a reordering or a lost chunk changes them). */
function pattern(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed + (i >> 8)) & 0xff;
  return out;
}

test("tcp_listen: an echo of 8 MiB, the answer queued while the socket is full, then end()", async () => {
  const closes: number[] = [];
  let connections = 0;
  const listener = await listenTcp({ host: "127.0.0.1", port: 0 }, (stream) => {
    const id = connections++;
    let got = 0;
    return {
      onData(chunk) {
        got += chunk.length;
        stream.write(chunk.slice()); // many writes, some while earlier ones still wait
        if (got === 8 << 20) stream.end(); // after every queued byte
      },
      onEnd() {},
      onError() {},
      onClose: () => closes.push(id),
    };
  });
  try {
    const sent = pattern(8 << 20, 7);
    const back = await exchange(listener.port, sent);
    assert.equal(back.length, sent.length);
    assert.deepEqual(back, sent);
    await until(() => closes.length === 1);
    assert.deepEqual(closes, [0]);
  } finally {
    await listener.close();
  }
});

test("tcp_listen: the peer's end reaches onEnd; destroy() closes at once; onClose once each", async () => {
  const events: string[] = [];
  const streams: AcceptedStream[] = [];
  const listener = await listenTcp({ host: "127.0.0.1", port: 0 }, (stream) => {
    streams.push(stream);
    const n = streams.length;
    return {
      onData(chunk) {
        events.push(`${n}:data ${chunk.length}`);
        if (n === 2) stream.destroy(); // the second connection is dropped on its first bytes
      },
      onEnd() {
        events.push(`${n}:end`);
        stream.write(new Uint8Array([n]));
        stream.end();
      },
      onError() {},
      onClose: () => events.push(`${n}:close`),
    };
  });
  try {
    // The first client ends its side: the server answers one byte and ends too.
    assert.deepEqual(await exchange(listener.port, new Uint8Array(5), true), new Uint8Array([1]));
    // The second is destroyed by the server before it answers anything.
    assert.deepEqual(await exchange(listener.port, new Uint8Array(3)), new Uint8Array(0));
    await until(() => events.filter((e) => e.endsWith("close")).length === 2);
    assert.deepEqual(events.filter((e) => e.startsWith("1:")), ["1:data 5", "1:end", "1:close"]);
    assert.deepEqual(events.filter((e) => e.startsWith("2:")), ["2:data 3", "2:close"]);
    // Writes after the close are dropped, not thrown.
    for (const s of streams) s.write(new Uint8Array(1));
  } finally {
    await listener.close();
  }
});

test("tcp_listen: a port in use is refused; close() stops accepting", async () => {
  const listener = await listenTcp({ host: "127.0.0.1", port: 0 }, () => ({
    onData() {},
    onEnd() {},
    onError() {},
    onClose() {},
  }));
  await assert.rejects(
    listenTcp({ host: "127.0.0.1", port: listener.port }, () => {
      throw new Error("never accepts");
    }),
  );
  await listener.close();
  const refused = await new Promise<boolean>((resolve) => {
    const s = net.connect(listener.port, "127.0.0.1", () => (s.destroy(), resolve(false)));
    s.on("error", () => resolve(true));
  });
  assert.equal(refused, true);
});

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}
