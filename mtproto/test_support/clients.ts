// Clients of the mtproto tests: an in-memory key store and an MtprotoClient pointed at a
// TestServer.
import type { AnyFunction } from "../../tl/mod.ts";
import type { Protocol } from "../../testing/server/protocol.ts";
import {
  type CallContext,
  RpcFailure,
  TestServer,
  type UpdateSink,
  type World,
} from "../../testing/server/mod.ts";
import { type AuthKeyStore, MtprotoClient, type MtprotoOptions } from "../mod.ts";

/** An AuthKeyStore in memory that counts writes. */
export function memoryKeys(): AuthKeyStore & {
  map: Map<number, Uint8Array | null>;
  writes: number;
} {
  const map = new Map<number, Uint8Array | null>();
  return {
    map,
    writes: 0,
    getAuthKey(dc) {
      return Promise.resolve(map.get(dc) ?? null);
    },
    setAuthKey(dc, key) {
      this.writes++;
      map.set(dc, key);
      return Promise.resolve();
    },
  };
}

/** The WebSocket constructor for this runtime (the ws package where there is no global one). */
async function webSocket(): Promise<MtprotoOptions["WebSocket"]> {
  if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === "function") return undefined;
  return (await import("ws")).WebSocket as unknown as MtprotoOptions["WebSocket"];
}

/** A client of `server` (intermediate transport, keys in memory unless `options.keys`). */
export async function clientFor(
  server: TestServer,
  options: Partial<MtprotoOptions> = {},
): Promise<MtprotoClient & { keys: ReturnType<typeof memoryKeys> }> {
  const keys = memoryKeys();
  const client = new MtprotoClient({
    ...server.clientOptions(),
    keys,
    transport: "intermediate",
    WebSocket: await webSocket(),
    ...options,
  });
  return Object.assign(client, { keys: (options.keys as typeof keys | undefined) ?? keys });
}

/**
 * A world for the protocol tests: answers help.getNearestDc and help.getCountriesList (counting
 * calls by `hash`, optionally held behind a gate), logs bots in, exports/imports authorizations,
 * and pushes updates.
 */
export class ProtocolWorld implements World {
  calls = new Map<number, number>();
  exports = 0;
  imports = 0;
  gate: Promise<void> | undefined;
  held = 0;
  sink: UpdateSink | undefined;
  readonly #exported = new Map<bigint, number>();

  configs = 0;
  layers = new Set<number>();
  langCodes: number[] = [];

  handle(ctx: CallContext, fn: AnyFunction): unknown {
    this.layers.add(ctx.layer);
    switch (fn._) {
      case "help.getConfig":
        // The init query of each connection (initConnection unwrapped by the server).
        this.configs++;
        throw new RpcFailure(400, "METHOD_NOT_SUPPORTED");
      case "help.getNearestDc":
        return { _: "nearestDc", country: "XX", thisDc: ctx.dcId, nearestDc: ctx.dcId };
      case "help.getCountriesList": {
        this.langCodes.push(fn.langCode.length);
        this.calls.set(fn.hash, (this.calls.get(fn.hash) ?? 0) + 1);
        const answer = { _: "help.countriesListNotModified" };
        if (this.gate === undefined) return answer;
        this.held++;
        return this.gate.then(() => answer);
      }
      case "auth.importBotAuthorization":
        ctx.bindUser(4242);
        return { _: "auth.authorization", user: { _: "user", id: 4242n } };
      case "updates.getState":
        if (ctx.userId === null) throw new RpcFailure(401, "AUTH_KEY_UNREGISTERED");
        return { _: "updates.state", pts: 1, qts: 0, date: ctx.dcId, seq: 0, unreadCount: 0 };
      case "auth.exportAuthorization": {
        if (ctx.userId === null) throw new RpcFailure(401, "AUTH_KEY_UNREGISTERED");
        this.exports++;
        const id = BigInt(this.exports);
        this.#exported.set(id, ctx.userId);
        return { _: "auth.exportedAuthorization", id, bytes: new Uint8Array(32).fill(7) };
      }
      case "auth.importAuthorization": {
        const user = this.#exported.get(fn.id);
        if (user === undefined) throw new RpcFailure(400, "AUTH_BYTES_INVALID");
        this.imports++;
        ctx.bindUser(user);
        return { _: "auth.authorization", user: { _: "user", id: BigInt(user) } };
      }
      case "help.getPremiumPromo":
        throw new RpcFailure(303, "PHONE_MIGRATE_4");
      default:
        throw new RpcFailure(400, "METHOD_NOT_SUPPORTED");
    }
  }

  attach(sink: UpdateSink): void {
    this.sink = sink;
  }
}

/** A TestServer running a {@link ProtocolWorld}. */
export async function protocolServer(): Promise<{ server: TestServer; world: ProtocolWorld }> {
  const world = new ProtocolWorld();
  const server = await TestServer.start({ world: () => world });
  return { server, world };
}

/** Waits until `done()` holds, polling every 10 ms at most `tries` times; returns whether it did. */
export async function until(done: () => boolean, tries = 300): Promise<boolean> {
  for (let i = 0; i < tries && !done(); i++) await new Promise((ok) => setTimeout(ok, 10));
  return done();
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}

/** help.getCountriesList with `hash`: the world counts calls by hash. */
export const countries = (hash: number) =>
  ({ _: "help.getCountriesList", langCode: "", hash }) as const;

/** The TestServer's protocol layer behind `world` (the world is attached to it). */
export const protocolOf = (world: ProtocolWorld): Protocol => world.sink as unknown as Protocol;

/** Holds the world's answers until the returned function is called. */
export function hold(world: ProtocolWorld): () => void {
  let release!: () => void;
  world.gate = new Promise((ok) => (release = ok));
  return () => {
    world.gate = undefined;
    release();
  };
}
