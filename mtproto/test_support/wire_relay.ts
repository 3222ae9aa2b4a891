/**
 * A relay between a client and a TestServer's DC 2 on the intermediate transport that decrypts
 * what passes, with the auth key, for tests that look at the wire: per direction, the socket
 * chunks and the messages of every frame.
 *
 * @module
 */
import * as net from "node:net";
import { openMessage } from "../../core/mod.ts";
import { deserialize } from "../../tl/mod.ts";
import type { TestServer } from "../../testing/server/mod.ts";
import { type AuthKeyStore, Logger, MtprotoClient, type MtprotoOptions } from "../mod.ts";

/** One decrypted message (top level, or inside a container). */
export interface Message {
  msgId: bigint;
  seqno: number;
  body: { _: string; msgIds?: bigint[]; messages?: Message[] };
}

/** What the relay saw in one direction: each socket chunk, and the messages of each frame. */
export interface Direction {
  chunks: number[];
  /**
   * Each frame: `connection`, which client connection (0, 1, …) it went over; its top-level
   * message (maybe a container) and the messages it carries.
   */
  frames: { chunk: number; connection: number; top: Message; messages: Message[] }[];
}

/**
 * A relay between a client and DC 2 on the intermediate transport that records, per direction,
 * the socket chunks and the decrypted messages of every frame (plain handshake frames skipped).
 */
export async function relay(server: TestServer, key: () => Uint8Array | undefined) {
  const seen = { client: { chunks: [], frames: [] }, server: { chunks: [], frames: [] } } as {
    client: Direction;
    server: Direction;
  };
  let connections = 0;
  const reader = (sender: "client" | "server", tagBytes: number, connection: number) => {
    const d = seen[sender];
    let pending = new Uint8Array(0), skip = tagBytes;
    return (chunk: Uint8Array) => {
      d.chunks.push(chunk.length);
      const all = new Uint8Array(pending.length + chunk.length);
      all.set(pending);
      all.set(chunk, pending.length);
      let at = Math.min(skip, all.length);
      skip -= at;
      while (all.length - at >= 4) {
        const len = new DataView(all.buffer, at).getUint32(0, true);
        if (all.length - at < 4 + len) break;
        const payload = all.subarray(at + 4, at + 4 + len);
        at += 4 + len;
        const k = key();
        if (k === undefined || payload.subarray(0, 8).every((b) => b === 0)) continue;
        const data = openMessage(k, payload, sender);
        const v = new DataView(data.buffer, data.byteOffset, data.length);
        const body = deserialize(data.subarray(32, 32 + v.getInt32(28, true))) as Message["body"];
        const top: Message = { msgId: v.getBigInt64(16, true), seqno: v.getInt32(24, true), body };
        d.frames.push({
          chunk: d.chunks.length - 1,
          connection,
          top,
          messages: body._ === "msg_container" ? body.messages! : [top],
        });
      }
      pending = all.slice(at);
    };
  };
  const dc = server.dcs.find((d) => d.id === 2)!;
  const sockets: net.Socket[] = [];
  const listener = net.createServer((client) => {
    const upstream = net.connect({ host: dc.host, port: dc.port });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.push(client, upstream);
    const connection = connections++;
    const up = reader("client", 4, connection), down = reader("server", 0, connection);
    client.on("data", (c) => (upstream.write(c), up(new Uint8Array(c))));
    upstream.on("data", (c) => (client.write(c), down(new Uint8Array(c))));
    // A side that closes takes the other with it (a dropped connection reaches the client).
    for (const s of [client, upstream]) {
      s.on("error", () => {}).on("close", () => (client.destroy(), upstream.destroy()));
    }
  });
  await new Promise<void>((ok) => listener.listen(0, "127.0.0.1", ok));
  return {
    port: (listener.address() as net.AddressInfo).port,
    seen,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((ok) => listener.close(() => ok()));
    },
  };
}

/** A client of `server`'s DC 2 through {@link relay}, not connected yet. */
export async function relayed(server: TestServer, extra: Partial<MtprotoOptions> = {}) {
  const map = new Map<number, Uint8Array | null>();
  const keys: AuthKeyStore = {
    getAuthKey: (dc) => Promise.resolve(map.get(dc) ?? null),
    setAuthKey: (dc, k) => (map.set(dc, k), Promise.resolve()),
  };
  const wire = await relay(server, () => map.get(2) ?? undefined);
  const options = server.clientOptions();
  const client = new MtprotoClient({
    ...options,
    dcOptions: options.dcOptions.map((d) => d.id === 2 ? { ...d, port: wire.port } : d),
    keys,
    transport: "intermediate",
    logger: new Logger("silent"),
    ...extra,
  });
  return { client, wire };
}

/** A {@link relayed} client, connected and settled. */
export async function relayedClient(server: TestServer) {
  const { client, wire } = await relayed(server);
  await client.connect(2);
  await client.invoke({ _: "help.getNearestDc" }); // settles the session (new_session_created)
  // Future salts are asked after the first answer: let that exchange finish too.
  for (let i = 0; i < 300 && client.stats()[0].futureSalts === 0; i++) {
    await new Promise((ok) => setTimeout(ok, 10));
  }
  return { client, wire };
}
