/**
 * `TestServer`: an offline Telegram data centre for tests, on 127.0.0.1. DCs 1–5 each listen
 * on their own port (TCP transports and, on the same port, WebSocket at `/apiws`), share one
 * world, and speak MTProto 2.0 as Telegram does.
 *
 * @module
 */
import { NODE_APIS, RuntimeUnsupportedError } from "../../runtime/runtime.ts";
import { listenTcp, type TcpListener } from "../../runtime/tcp_listen.ts";
import { initCore, paddingRandom, pooledRandom, type RandomSource } from "../../core/mod.ts";
// A DC address as clients take it: mtproto's type, so that clientOptions() fits every client.
import type { DcOption } from "../../mtproto/mod.ts";
export type { DcOption };
import { AuthKeyRecord } from "./auth_keys.ts";
import { Connection, type DcContext } from "./connection.ts";
import type { HandshakeHost } from "./handshake.ts";
import type { HostileMode } from "./hostile.ts";
import { type DcAddress, MinimalWorld } from "./minimal_world.ts";
import { TestWorld } from "./world.ts";
import { TestServerError } from "./errors.ts";
import { Protocol } from "./protocol.ts";
import { ServerRsaKey } from "./rsa.ts";
import type { World } from "./world_contract.ts";
import { authKeyId } from "../../core/mod.ts";

/** Options of {@link TestServer.start}. */
export interface TestServerOptions {
  /** Address to listen on; default 127.0.0.1. */
  host?: string;
  /** Ports of DCs 1–5 (0: ephemeral, the default). */
  ports?: readonly number[];
  /** A new RSA key for this server instead of the fixed test key (testing/server/test_key.ts). */
  freshKey?: boolean;
  /** The world behind the protocol; default: a {@link TestWorld} (users, bots, chats, updates). */
  world?: (server: TestServer) => World;
  /** Connections open at once across DCs; beyond, -429. Default 10,000. */
  maxConnections?: number;
  /** Auth keys kept; beyond, the least recently used is forgotten. Default 100,000. */
  maxAuthKeys?: number;
  /** Largest frame accepted from a client, bytes. Default 4 MiB. */
  maxFrameSize?: number;
  /** Answer -444 when an obfuscated header names another DC (clients that fill it at random break). */
  strictDcId?: boolean;
  /** Send results over 1 KiB as gzip_packed, as Telegram does. Default true. */
  gzip?: boolean;
  /** Protocol events (never secrets), e.g. `(event, fields) => console.log(event, fields)`. */
  log?: (event: string, fields?: Record<string, unknown>) => void;
  /** Random bytes (nonces, salts, DH secrets); default crypto.getRandomValues. */
  random?: RandomSource;
}

/** Counts for tests and benchmarks (bounded-memory checks). */
export interface TestServerStats {
  /** Connections open now. */
  connections: number;
  /** Auth keys kept now. */
  authKeys: number;
  /** MTProto sessions kept now, across auth keys. */
  sessions: number;
  /** Auth key handshakes completed since start. */
  handshakes: number;
  /** Encrypted messages received since start. */
  messages: number;
  /** RPC queries answered since start. */
  queries: number;
  /** Messages refused or dropped, by reason. */
  dropped: Record<string, number>;
  /** Keys made with each RSA padding (which form clients use). */
  paddings: Record<string, number>;
  /** Milliseconds the server spent on its own synchronous work (reading, answering, sealing). */
  busyMs: number;
}

const DC_IDS = [1, 2, 3, 4, 5];

/** The api_hash {@link TestServer.clientOptions} hands out (any api_id/api_hash is accepted). */
const TEST_API_HASH = "0123456789abcdef0123456789abcdef";

/**
 * An offline Telegram DC set for tests.
 *
 * @example
 * ```ts
 * import { TestServer } from "@x/irenogram/testing";
 * await using server = await TestServer.start();
 * const options = server.clientOptions(); // dcOptions, publicKeys, apiId, apiHash
 * console.log(options.dcOptions[1].port);
 * ```
 */
export class TestServer {
  /** Where DCs 1–5 listen, in DC order. */
  readonly dcs: { id: number; host: string; port: number }[] = [];
  /** The server's RSA public keys (PEM and Telegram fingerprint), for clients to trust. */
  readonly publicKeys: { pem: string; fingerprint: bigint }[];
  readonly #rsa: ServerRsaKey;
  readonly #servers: TcpListener[] = [];
  readonly #connections = new Set<Connection>();
  readonly #protocol: Protocol;
  readonly #options: TestServerOptions;
  readonly #random: RandomSource;
  #hostile: HostileMode | null = null;
  #skew = 0;
  #handshakes = 0;
  #paddings: Record<string, number> = {};
  #stopped = false;
  #busyMs = 0;
  #world!: World;

  private constructor(options: TestServerOptions) {
    this.#options = options;
    // The server takes a few random bytes per message (ids, nonces); one getRandomValues each
    // cost more than sealing the message on Node.
    this.#random = options.random ?? pooledRandom(64 * 1024);
    this.#rsa = options.freshKey ? ServerRsaKey.fresh() : ServerRsaKey.fixed();
    this.publicKeys = [{ pem: this.#rsa.pem, fingerprint: this.#rsa.fingerprint }];
    this.#protocol = new Protocol(
      {
        now: () => this.now(),
        hostile: () => this.#hostile,
        random: this.#random,
        // core's padding pool (views, no copy); an injected source (deterministic tests) is
        // used for padding too.
        paddingRandom: options.random ?? paddingRandom,
        gzip: options.gzip ?? true,
        log: (event, fields) => options.log?.(event, fields),
      },
      new MinimalWorld(() => this.dcs),
      options.maxAuthKeys ?? 100_000,
    );
  }

  /**
   * Starts DCs 1–5 on 127.0.0.1 (ephemeral ports unless `options.ports`). On Node, Deno and Bun
   * only: in a browser it throws {@link RuntimeUnsupportedError} (`RUNTIME_UNSUPPORTED`), as
   * nothing there can listen on a port; a client in a browser reaches a server started outside it
   * over WebSocket ({@link TestServer.wsUrl}).
   */
  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    if (!NODE_APIS) {
      throw new RuntimeUnsupportedError(
        "TestServer listens on TCP ports",
        "start it on Node, Deno or Bun; a client in a browser reaches it over WebSocket (wsUrl)",
      );
    }
    await initCore();
    const server = new TestServer(options);
    const world = options.world?.(server) ?? new TestWorld({ dcs: () => server.dcs });
    server.#world = world;
    server.#protocol.setWorld(world);
    const host = options.host ?? "127.0.0.1";
    try {
      for (const [i, id] of DC_IDS.entries()) {
        const port = await server.#listen(id, host, options.ports?.[i] ?? 0);
        server.dcs.push({ id, host, port });
      }
    } catch (e) {
      await server.stop();
      throw e;
    }
    return server;
  }

  async #listen(dcId: number, host: string, port: number): Promise<number> {
    const dc = this.#dcContext(dcId);
    const listener = await listenTcp(
      { host, port },
      (socket) => {
        const conn = new Connection(dc, socket);
        if (this.#stopped) socket.destroy();
        else this.#connections.add(conn);
        return conn;
      },
      (e) => this.#options.log?.("listener error", { dc: dcId, error: String(e) }),
    );
    this.#servers.push(listener);
    return listener.port;
  }

  #dcContext(dcId: number): DcContext {
    const max = this.#options.maxConnections ?? 10_000;
    const handshakeHost: HandshakeHost = {
      dcId,
      now: () => this.now(),
      rsaKeys: [this.#rsa],
      hostile: () => this.#hostile,
      keyExists: (id) => this.#protocol.keys.has(id),
      random: this.#random,
    };
    return {
      dcId,
      protocol: this.#protocol,
      handshakeHost,
      hostile: () => this.#hostile,
      maxFrameSize: this.#options.maxFrameSize ?? 4 << 20,
      strictDcId: this.#options.strictDcId ?? false,
      now: () => this.now(),
      admit: () => this.#connections.size <= max,
      closed: (conn) => this.#connections.delete(conn),
      keyCreated: (_record, padding) => {
        this.#handshakes++;
        this.#paddings[padding] = (this.#paddings[padding] ?? 0) + 1;
      },
      log: (event, fields) => this.#options.log?.(event, { dc: dcId, ...fields }),
      busy: (ms) => (this.#busyMs += ms),
    };
  }

  /** Server time in seconds, with the clock skew of {@link setClockSkew}. */
  now(): number {
    return Date.now() / 1000 + this.#skew;
  }

  /** The world behind the protocol (users, bots, chats, updates). */
  get world(): World {
    return this.#world;
  }

  /** ws://127.0.0.1:PORT/apiws of a DC (binary frames carrying the obfuscated stream). */
  wsUrl(dcId: number): string {
    const dc = this.#dc(dcId);
    const host = dc.host.includes(":") ? `[${dc.host}]` : dc.host; // an IPv6 literal
    return `ws://${host}:${dc.port}/apiws`;
  }

  #dc(dcId: number) {
    const dc = this.dcs.find((d) => d.id === dcId);
    if (dc === undefined) {
      throw new TestServerError("TESTSERVER_NO_SUCH_DC", `no DC ${dcId} (the server runs DCs 1–5)`);
    }
    return dc;
  }

  /** Options that point a client at this server. */
  clientOptions(): {
    apiId: number;
    apiHash: string;
    dcOptions: DcOption[];
    publicKeys: string[];
    testMode: false;
  } {
    return {
      apiId: 1,
      apiHash: TEST_API_HASH,
      dcOptions: this.dcs.map((dc) => ({
        ...dc,
        ...(dc.host.includes(":") ? { ipv6: true } : {}),
        wsUrl: this.wsUrl(dc.id),
      })),
      publicKeys: this.publicKeys.map((k) => k.pem),
      testMode: false,
    };
  }

  /**
   * Registers an auth key made elsewhere (e.g. a session file of another library) on `dcId`,
   * optionally already signed in as `userId`.
   */
  seedAuthKey(dcId: number, authKey: Uint8Array, userId?: number): void {
    this.#dc(dcId);
    if (!(authKey instanceof Uint8Array) || authKey.length !== 256) {
      throw new TestServerError("TESTSERVER_BAD_ARGUMENT", "an auth key is 256 bytes");
    }
    const idBytes = authKeyId(authKey);
    const id = new DataView(idBytes.buffer, idBytes.byteOffset, 8).getBigInt64(0, true);
    const known = this.#protocol.keys.get(id);
    if (known !== undefined && known.dcId === dcId) {
      // A key the server already has (e.g. made by a client here): only its user changes.
      if (userId !== undefined) this.#protocol.keys.bindUser(known, userId);
      return;
    }
    const record = new AuthKeyRecord(authKey.slice(), id, dcId, this.now(), userId ?? null);
    this.#protocol.keys.add(record);
  }

  #delegate(name: string, args: unknown[]): unknown {
    const fn = (this.#world as unknown as Record<string, unknown>)[name];
    if (typeof fn !== "function") {
      throw new TestServerError("TESTSERVER_UNSUPPORTED", `this server's world has no ${name}()`);
    }
    return (fn as (...a: unknown[]) => unknown).apply(this.#world, args);
  }

  /** Adds a bot; returns its token and user id. */
  addBot(o: Parameters<TestWorld["addBot"]>[0]): ReturnType<TestWorld["addBot"]> {
    return this.#delegate("addBot", [o]) as ReturnType<TestWorld["addBot"]>;
  }

  /** Adds a user; returns its id and the login code the server accepts. */
  addUser(o: Parameters<TestWorld["addUser"]>[0]): ReturnType<TestWorld["addUser"]> {
    return this.#delegate("addUser", [o]) as ReturnType<TestWorld["addUser"]>;
  }

  /** Scripting: a basic group (delegates to the world). */
  createGroup(...args: unknown[]): unknown {
    return this.#delegate("createGroup", args);
  }

  /** Scripting: a channel or supergroup (delegates to the world). */
  createChannel(...args: unknown[]): unknown {
    return this.#delegate("createChannel", args);
  }

  /** Scripting: a message posted as any user (delegates to the world). */
  postMessage(...args: unknown[]): unknown {
    return this.#delegate("postMessage", args);
  }

  /** Scripting: an update pushed to a user (delegates to the world). */
  pushUpdate(...args: unknown[]): unknown {
    return this.#delegate("pushUpdate", args);
  }

  /** Scripting: FLOOD_WAIT_X for a method, `times` times (delegates to the world). */
  setFloodWait(method: string, seconds: number, times?: number): unknown {
    return this.#delegate("setFloodWait", [method, seconds, times]);
  }

  /** Scripting: a user's home DC changes (delegates to the world). */
  moveUser(userId: number, dcId: number): unknown {
    return this.#delegate("moveUser", [userId, dcId]);
  }

  /** Closes every connection (of one DC, or all) now; requests in flight stay unanswered. */
  dropConnections(dcId?: number): void {
    for (const conn of [...this.#connections]) {
      if (dcId === undefined || conn.dcId === dcId) conn.close("dropConnections");
    }
  }

  /** Makes every salt in use invalid: the next message of each client gets bad_server_salt. */
  expireSalts(): void {
    this.#protocol.keys.expireSalts();
  }

  /** Runs the server's clock `seconds` off (msg_id checks, server_time, its own msg_ids). */
  setClockSkew(seconds: number): void {
    if (!Number.isFinite(seconds)) {
      throw new TestServerError("TESTSERVER_BAD_ARGUMENT", "seconds must be finite");
    }
    this.#skew = seconds;
  }

  /** Misbehaves on purpose from now on (`null`: honest again). */
  hostile(mode: HostileMode | null): void {
    this.#hostile = mode;
  }

  /** Counts for tests and benchmarks. */
  stats(): TestServerStats {
    let sessions = 0;
    for (const k of this.#protocol.keys.all()) sessions += k.sessions.size;
    const s = this.#protocol.stats;
    return {
      connections: this.#connections.size,
      authKeys: this.#protocol.keys.size,
      sessions,
      handshakes: this.#handshakes,
      messages: s.messages,
      queries: s.queries,
      dropped: { ...s.dropped },
      paddings: { ...this.#paddings },
      busyMs: this.#busyMs,
    };
  }

  /** Where DC `dcId` listens (for help.getConfig's dc_options). */
  dcAddresses(): readonly DcAddress[] {
    return this.dcs;
  }

  /** Stops listening and closes every connection. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.dropConnections();
    await Promise.all(this.#servers.map((s) => s.close()));
    for (const k of this.#protocol.keys.all()) for (const s of k.sessions.values()) s.close();
  }

  /** Stops the server at the end of an `await using` block ({@link TestServer.stop}). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
