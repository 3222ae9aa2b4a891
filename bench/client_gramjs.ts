/**
 * GramJS pointed at a TestServer, for the client benchmark (as the judge in tests/judges/ does):
 * the server's RSA key trusted, every DC dialled at its loopback port.
 */
import { Buffer } from "node:buffer";
import { createPublicKey } from "node:crypto";
import { TelegramClient as GramClient } from "telegram";
import { type Session, StoreSession, StringSession } from "telegram/sessions/index.js";
import { ConnectionTCPObfuscated } from "telegram/network/index.js";
import { _serverKeys } from "telegram/crypto/RSA.js";
import bigInt from "big-integer";
import type { Target } from "./client_target.ts";

/**
 * A GramJS client on DC 2 (obfuscated TCP), on `session`: a saved StringSession's text (empty:
 * fresh), or a Session object such as a StoreSession (GramJS's persistent session with entities;
 * a fresh one needs `setDC` first).
 */
export function gramjsClient(t: Target, session: string | Session = ""): GramClient {
  const jwk = createPublicKey(t.pem).export({ format: "jwk" }) as { n: string; e: string };
  const n = BigInt("0x" + Buffer.from(jwk.n, "base64url").toString("hex"));
  const e = Number(BigInt("0x" + Buffer.from(jwk.e, "base64url").toString("hex")));
  _serverKeys.set(t.fingerprint, { n: bigInt(n.toString()), e });
  const dc = t.dcs.find((d) => d.id === 2)!;
  const s = typeof session === "string" ? new StringSession(session) : session;
  if (session === "") s.setDC(2, dc.host, 443); // a Session object's owner sets its DC

  const ports = new Map(t.dcs.map((d) => [d.id, d.port]));
  const base = ConnectionTCPObfuscated as unknown as new (
    o: { dcId: number; port: number },
  ) => object;
  const connection = class extends base {
    constructor(o: { dcId: number; port: number }) {
      super({ ...o, port: o.port === 80 || o.port === 443 ? ports.get(o.dcId)! : o.port });
    }
  };
  const c = new GramClient(s, t.apiId, t.apiHash, {
    connection: connection as never,
    connectionRetries: 1,
    useWSS: false,
    // deno-lint-ignore no-explicit-any
    baseLogger: undefined as any,
  });
  c.setLogLevel("none" as never);
  return c;
}

/**
 * GramJS's persistent session with entities: a StoreSession, which keeps one file per key in
 * the folder `name` under the working directory through node-localstorage, as on Node. Deno has
 * a Web Storage `localStorage` of its own, which StoreSession would pick there; it is kept per
 * main module (so a child process would not see what its parent stored) and locked per process:
 * it is hidden while the session is made, so that every runtime uses the same files.
 */
export function gramjsStoreSession(name: string): StoreSession {
  const g = globalThis as { localStorage?: unknown };
  const own = Object.getOwnPropertyDescriptor(g, "localStorage");
  if (own) delete g.localStorage;
  try {
    return new StoreSession(name);
  } finally {
    if (own) Object.defineProperty(g, "localStorage", own);
  }
}
