/**
 * `TestMtproxy`: an MTProxy in front of a {@link TestServer}, for testing clients' proxy support
 * offline. It takes the three kinds of secret Telegram's MTProxy takes and checks what it checks
 * (net-tcp-rpc-ext-server.c):
 * - plain (16 bytes) and `dd` secrets: the 64-byte obfuscated header keyed with the secret; its
 *   tag must be abridged, intermediate or padded intermediate (only padded for a `dd` secret);
 * - `ee` secrets (fake TLS): a ClientHello of at most 4,096 bytes whose SNI is the secret's
 *   domain, whose random is HMAC-SHA256(key, hello with the random zeroed) in its first 28 bytes,
 *   the last 4 XORed with a timestamp no more than 3 s ahead and 10 min behind the server's clock
 *   (`TestServer.now()`, which `setClockSkew` moves), never seen before;
 *   the answer is a ServerHello + ChangeCipherSpec + application data whose random is
 *   HMAC-SHA256(key, client random ‖ answer); then the client's ChangeCipherSpec, then its
 *   obfuscated stream (padded intermediate only) in application-data records.
 *
 * A connection that fails a check is closed (the real proxy hands it to the domain's web server
 * instead), counted in {@link TestMtproxyStats.refused}. A recognised one is relayed to the DC its
 * header names, over a plain transport of the same framing.
 *
 * @module
 */
import type * as Crypto from "node:crypto";
import type * as Net from "node:net";
import type { Server, Socket } from "node:net";
import { Ctr256, initCore, type RandomSource, secureRandom, sha256 } from "../../core/mod.ts";
import { trimOldest } from "../../collections/bounded.ts";
import { TestServerError } from "./errors.ts";
import type { TestServer } from "./server.ts";
import { nodeModule } from "../../runtime/runtime.ts";
// Loaded when used, not when imported: the testing entry loads in a browser bundle.
const { connect, createServer } = nodeModule<typeof Net>("node:net");
// node:crypto's HMAC, not the client's: the proxy judges the client's hello independently.
const { createHmac } = nodeModule<typeof Crypto>("node:crypto");

/** Options of {@link TestMtproxy.start}. */
export interface TestMtproxyOptions {
  /**
   * Secrets accepted, in hex or base64: 16 bytes, `dd` + 16 bytes, or `ee` + 16 bytes + domain.
   * As in the real proxy, once an `ee` secret is configured only fake-TLS connections are taken.
   */
  secrets: readonly string[];
  /** Address to listen on; default the server's first DC host (127.0.0.1). */
  host?: string;
  /** Port; default ephemeral. */
  port?: number;
  /** Seconds a ClientHello's timestamp may lag behind the proxy's clock; default 600. */
  maxClockLag?: number;
  /** For client tests: send a ServerHello whose HMAC is wrong (one bit flipped). */
  tamperServerHello?: boolean;
  /** Connection events (never secrets). */
  log?: (event: string, fields?: Record<string, unknown>) => void;
  /** Random bytes for the ServerHello and record sizes; default crypto.getRandomValues. */
  random?: RandomSource;
}

/** What the proxy did, for tests. */
export interface TestMtproxyStats {
  /** Connections relayed to a DC, by kind of secret. */
  accepted: { plain: number; dd: number; ee: number };
  /** Connections refused, by reason (`hmac`, `timestamp`, `replay`, `domain`, `header`, …). */
  refused: Record<string, number>;
  /** Connections open now. */
  open: number;
}

interface Secret {
  kind: "plain" | "dd" | "ee";
  key: Uint8Array;
  domain?: string;
}

function decodeSecret(text: string): Secret {
  const s = text.trim();
  let bytes: Uint8Array;
  if (/^([0-9a-f]{2})+$/i.test(s)) {
    bytes = Uint8Array.from(s.match(/../g)!, (h) => parseInt(h, 16));
  } else {
    try {
      bytes = Uint8Array.from(
        atob(s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "")),
        (c) => c.charCodeAt(0),
      );
    } catch {
      throw new TestServerError("TESTSERVER_BAD_ARGUMENT", "an MTProxy secret is hex or base64");
    }
  }
  if (bytes.length === 16) return { kind: "plain", key: bytes };
  if (bytes.length === 17 && bytes[0] === 0xdd) return { kind: "dd", key: bytes.slice(1) };
  if (bytes.length > 17 && bytes[0] === 0xee) {
    return {
      kind: "ee",
      key: bytes.slice(1, 17),
      domain: new TextDecoder().decode(bytes.slice(17)),
    };
  }
  throw new TestServerError(
    "TESTSERVER_BAD_ARGUMENT",
    "an MTProxy secret is 16 bytes, dd + 16 bytes or ee + 16 bytes + domain",
  );
}

function hmac(key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const h = createHmac("sha256", key);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The SNI host name of a ClientHello, or undefined when it has none or is malformed. */
function sniOf(hello: Uint8Array): string | undefined {
  const u16 = (at: number) => hello[at] << 8 | hello[at + 1];
  let pos = 11 + 32 + 1 + 32; // record + handshake headers, version, random, session id
  if (pos + 2 > hello.length) return undefined;
  pos += 2 + u16(pos) + 2 + 2; // cipher suites, compression methods, extensions length
  while (pos + 4 <= hello.length) {
    const type = u16(pos), length = u16(pos + 2);
    pos += 4;
    if (pos + length > hello.length) return undefined;
    if (type === 0) {
      if (length < 5 || u16(pos) !== length - 2 || hello[pos + 2] !== 0) return undefined;
      if (u16(pos + 3) !== length - 5) return undefined;
      const name = hello.subarray(pos + 5, pos + length);
      return name.includes(0) ? undefined : new TextDecoder().decode(name);
    }
    pos += length;
  }
  return undefined;
}

const TAGS: Record<number, "abridged" | "intermediate" | "paddedIntermediate"> = {
  0xefefefef: "abridged",
  0xeeeeeeee: "intermediate",
  0xdddddddd: "paddedIntermediate",
};

/** Refusal of one connection: the reason is counted and logged, the socket closed. */
class Refused extends Error {}

/**
 * An MTProxy (plain, `dd` and fake-TLS `ee` secrets) relaying to a {@link TestServer}'s DCs.
 *
 * @example
 * ```ts
 * import { TestMtproxy, TestServer } from "@x/irenogram/testing";
 * await using server = await TestServer.start();
 * const secret = "ee" + "0123456789abcdef".repeat(2) + "6578616d706c652e636f6d"; // example.com
 * await using proxy = await TestMtproxy.start(server, { secrets: [secret] });
 * const options = { ...server.clientOptions(), proxy: { host: proxy.host, port: proxy.port, secret } };
 * console.log(options.proxy.port > 0, proxy.stats().accepted.ee); // true 0
 * ```
 */
export class TestMtproxy {
  /** The address the proxy listens on. */
  readonly host: string;
  /** Its port. */
  readonly port: number;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #clients = 0;
  readonly #stats: TestMtproxyStats = {
    accepted: { plain: 0, dd: 0, ee: 0 },
    refused: {},
    open: 0,
  };
  /** Client randoms seen (replays are refused), oldest first, at most 100,000. */
  readonly #seen = new Set<string>();

  readonly #dcServer: TestServer;
  readonly #secrets: Secret[];
  readonly #options: TestMtproxyOptions;

  private constructor(
    dcServer: TestServer,
    secrets: Secret[],
    options: TestMtproxyOptions,
    server: Server,
    host: string,
    port: number,
  ) {
    this.#dcServer = dcServer;
    this.#secrets = secrets;
    this.#options = options;
    this.#server = server;
    this.host = host;
    this.port = port;
  }

  /** Starts a proxy in front of `server` taking `options.secrets`. */
  static async start(server: TestServer, options: TestMtproxyOptions): Promise<TestMtproxy> {
    await initCore();
    const secrets = options.secrets.map(decodeSecret);
    if (secrets.length === 0) {
      throw new TestServerError("TESTSERVER_BAD_ARGUMENT", "an MTProxy needs at least one secret");
    }
    const host = options.host ?? server.dcs[0]?.host ?? "127.0.0.1";
    const ready: { proxy?: TestMtproxy } = {};
    const listener = createServer((socket) => {
      if (ready.proxy === undefined) socket.destroy();
      else ready.proxy.#accept(socket);
    });
    const port = await new Promise<number>((resolve, reject) => {
      listener.once("error", reject);
      listener.listen(options.port ?? 0, host, () => {
        listener.off("error", reject);
        resolve((listener.address() as { port: number }).port);
      });
    });
    return ready.proxy = new TestMtproxy(
      server,
      secrets,
      options,
      listener,
      host,
      port,
    );
  }

  /** Counts so far. */
  stats(): TestMtproxyStats {
    return structuredClone({ ...this.#stats, open: this.#clients });
  }

  /** Stops listening and closes every connection. */
  async stop(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((ok) => this.#server.close(() => ok()));
  }

  /** {@link stop}, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #log(event: string, fields?: Record<string, unknown>) {
    this.#options.log?.(event, fields);
  }

  #accept(client: Socket) {
    this.#sockets.add(client);
    this.#clients++;
    const random = this.#options.random ?? secureRandom;
    const onlyTls = this.#secrets.some((s) => s.kind === "ee");
    let stage: "first" | "tlsStart" | "header" | "relay" = "first";
    let pending: Uint8Array = new Uint8Array(0);
    let tls: { key: Uint8Array } | undefined;
    let inTls: Uint8Array = new Uint8Array(0);
    let decrypt: Ctr256 | undefined, encrypt: Ctr256 | undefined;
    let upstream: Socket | undefined;
    let kind: Secret["kind"] = "plain";
    const close = () => {
      client.destroy();
      upstream?.destroy();
      decrypt?.free();
      encrypt?.free();
      decrypt = encrypt = undefined;
    };
    const refuse = (reason: string) => {
      this.#stats.refused[reason] = (this.#stats.refused[reason] ?? 0) + 1;
      this.#log("refused", { reason });
      throw new Refused(reason);
    };
    const toClient = (data: Uint8Array) => {
      if (tls === undefined) return client.write(data);
      // Records of random sizes up to 16 KiB, so that clients meet split and joined records.
      for (let off = 0; off < data.length;) {
        const n = Math.min(data.length - off, 1 + (random(2)[0] << 6 | random(1)[0] & 63));
        const record = new Uint8Array(5 + n);
        record.set([0x17, 0x03, 0x03, n >> 8, n & 0xff]);
        record.set(data.subarray(off, off + n), 5);
        client.write(record);
        off += n;
      }
    };

    const clientHello = (data: Uint8Array): number | undefined => {
      if (data.length < 5) return undefined;
      if (data[1] !== 0x03 || data[2] !== 0x01) refuse("header");
      const length = 5 + (data[3] << 8 | data[4]);
      if (length > 4096) refuse("helloSize");
      if (data.length < length) return undefined;
      if (data.length > length) refuse("helloSize"); // nothing may follow before the answer
      const hello = data.slice();
      const clientRandom = hello.slice(11, 43);
      hello.fill(0, 11, 43);
      const domain = sniOf(hello);
      const candidates = this.#secrets.filter((s) => s.kind === "ee" && s.domain === domain);
      if (candidates.length === 0) refuse("domain");
      const seen = Array.from(clientRandom, (b) => b.toString(16).padStart(2, "0")).join("");
      if (this.#seen.has(seen)) refuse("replay");
      this.#seen.add(seen);
      trimOldest(this.#seen, 100_000);
      let match: Secret | undefined, expected: Uint8Array | undefined;
      for (const s of candidates) {
        expected = hmac(s.key, hello);
        if (expected.subarray(0, 28).every((b, i) => b === clientRandom[i])) {
          match = s;
          break;
        }
      }
      if (match === undefined) refuse("hmac");
      const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset + 28, 4);
      const timestamp = view(expected!).getInt32(0, true) ^ view(clientRandom).getInt32(0, true);
      const now = Math.floor(this.#dcServer.now()); // Telegram's clock (TestServer.setClockSkew)
      if (timestamp > now + 3 || timestamp < now - (this.#options.maxClockLag ?? 600)) {
        refuse("timestamp");
      }
      // ServerHello (TLS 1.3: key_share X25519, supported_versions), ChangeCipherSpec, and one
      // application-data record of 2,500..3,619 random bytes, as the real proxy sends by default.
      const encrypted = 2500 + (random(2)[0] << 8 | random(1)[0]) % 1120;
      const answer = new Uint8Array(127 + 6 + 5 + encrypted);
      answer.set([0x16, 0x03, 0x03, 0x00, 0x7a, 0x02, 0x00, 0x00, 0x76, 0x03, 0x03]);
      answer[43] = 0x20;
      answer.set(clientRandom, 44); // the real proxy's "session id" echo is the client random
      answer.set([0x13, 0x01, 0x00, 0x00, 0x2e], 76);
      answer.set([0x00, 0x33, 0x00, 0x24, 0x00, 0x1d, 0x00, 0x20], 81);
      answer.set(random(32), 89);
      answer.set([0x00, 0x2b, 0x00, 0x02, 0x03, 0x04], 121);
      answer.set([0x14, 0x03, 0x03, 0x00, 0x01, 0x01, 0x17, 0x03, 0x03], 127);
      answer.set([encrypted >> 8, encrypted & 0xff], 136);
      answer.set(random(encrypted), 138);
      answer.set(hmac(match!.key, clientRandom, answer), 11);
      if (this.#options.tamperServerHello) answer[11 + 31] ^= 1;
      client.write(answer);
      tls = { key: match!.key };
      kind = "ee";
      return length;
    };

    const header = (data: Uint8Array): number | undefined => {
      if (data.length < 64) return undefined;
      const head = data.subarray(0, 64);
      const reversed = head.slice(8, 56).reverse();
      const candidates = tls !== undefined
        ? this.#secrets.filter((s) => s.kind === "ee" && s.key === tls!.key)
        : this.#secrets.filter((s) => s.kind !== "ee");
      for (const s of candidates) {
        const dec = new Ctr256(sha256(head.subarray(8, 40), s.key), head.slice(40, 56));
        const plain = dec.process(head);
        const view = new DataView(plain.buffer, plain.byteOffset, 64);
        const transport = TAGS[view.getUint32(56, true)];
        if (transport === undefined) {
          dec.free();
          continue;
        }
        if ((s.kind !== "plain" || onlyTls) && transport !== "paddedIntermediate") {
          dec.free();
          refuse("transport");
        }
        decrypt = dec;
        encrypt = new Ctr256(sha256(reversed.subarray(0, 32), s.key), reversed.slice(32, 48));
        kind = tls !== undefined ? "ee" : s.kind;
        let dcId = Math.abs(view.getInt16(60, true));
        if (dcId > 10000) dcId -= 10000;
        const dc = this.#dcServer.dcs.find((d) => d.id === dcId);
        if (dc === undefined) refuse("dc");
        this.#stats.accepted[kind]++;
        this.#log("accepted", { kind, dc: dcId, transport });
        const up = upstream = connect({ host: dc!.host, port: dc!.port });
        this.#sockets.add(up);
        up.write(plain.subarray(56, 60)); // the same framing, unobfuscated
        up.on("data", (chunk: Uint8Array) => {
          if (encrypt !== undefined) toClient(encrypt.process(new Uint8Array(chunk)));
        });
        up.on("close", () => {
          this.#sockets.delete(up);
          close();
        });
        up.on("error", close);
        return 64;
      }
      refuse(tls !== undefined ? "tlsHeader" : "header");
    };

    /** Bytes of the obfuscated stream (out of the records, for fake TLS). */
    const stream = (data: Uint8Array) => {
      pending = concat(pending, data);
      if (stage === "header") {
        const used = header(pending);
        if (used === undefined) return;
        stage = "relay";
        pending = pending.subarray(used);
      }
      if (stage === "relay" && pending.length > 0) {
        upstream!.write(decrypt!.process(pending));
        pending = new Uint8Array(0);
      }
    };

    const records = (data: Uint8Array) => {
      inTls = concat(inTls, data);
      if (stage === "tlsStart") {
        if (inTls.length < 6) return;
        const ccs = [0x14, 0x03, 0x03, 0x00, 0x01, 0x01];
        if (!ccs.every((b, i) => inTls[i] === b)) refuse("changeCipherSpec");
        inTls = inTls.subarray(6);
        stage = "header";
      }
      while (inTls.length >= 5) {
        if (inTls[0] !== 0x17 || inTls[1] !== 0x03 || inTls[2] !== 0x03) refuse("record");
        const length = inTls[3] << 8 | inTls[4];
        if (inTls.length < 5 + length) break;
        stream(inTls.subarray(5, 5 + length));
        inTls = inTls.subarray(5 + length);
      }
    };

    client.on("data", (chunk: Uint8Array) => {
      try {
        const data = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (stage === "first") {
          pending = concat(pending, data.slice());
          if (pending[0] === 0x16 && onlyTls) {
            const used = clientHello(pending);
            if (used === undefined) return;
            pending = new Uint8Array(0);
            stage = "tlsStart";
            return;
          }
          if (onlyTls) refuse("notTls");
          stage = "header";
          const first = pending;
          pending = new Uint8Array(0);
          return stream(first);
        }
        if (tls !== undefined) records(data.slice());
        else stream(data.slice());
      } catch (e) {
        if (!(e instanceof Refused)) this.#log("error", { error: String(e) });
        close();
      }
    });
    client.on("close", () => {
      this.#sockets.delete(client);
      this.#clients--;
      close();
    });
    client.on("error", close);
  }
}
