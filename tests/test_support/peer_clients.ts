/**
 * Pointing the third-party clients (GramJS, mtcute: devDependencies) at a TestServer, for the
 * judges, the server's own interop tests and the benchmarks: both know only Telegram's keys and
 * addresses, so the server's keys join their key tables and their connections dial its ports.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { createPublicKey } from "node:crypto";
import bigInt from "big-integer";
import { _serverKeys } from "telegram/crypto/RSA.js";

/** A server key as `TestServer.publicKeys` lists it. */
export interface ServerKey {
  pem: string;
  fingerprint: bigint;
}

/** A DC as `TestServer.dcs` lists it. */
export interface ServerDc {
  id: number;
  host: string;
  port: number;
}

/** GramJS keeps trusted keys in one global map by signed fingerprint: the server's keys join it. */
export function trustInGramjs(keys: readonly ServerKey[]): void {
  for (const { pem, fingerprint } of keys) {
    const jwk = createPublicKey(pem).export({ format: "jwk" }) as { n: string; e: string };
    const n = BigInt("0x" + Buffer.from(jwk.n, "base64url").toString("hex"));
    const e = Number(BigInt("0x" + Buffer.from(jwk.e, "base64url").toString("hex")));
    _serverKeys.set(BigInt.asIntN(64, fingerprint).toString(), { n: bigInt(n.toString()), e });
  }
}

/**
 * A GramJS connection class (`ConnectionTCPFull`, …) that dials each DC's real port: GramJS dials
 * port 80 (443 with WSS) whatever its session or help.getConfig says.
 */
export function dialingServer<C extends abstract new (o: never) => object>(
  base: C,
  dcs: readonly ServerDc[],
): C {
  const ports = new Map(dcs.map((d) => [d.id, d.port]));
  const Base = base as unknown as new (o: { dcId: number; port: number }) => object;
  return class extends Base {
    constructor(o: { dcId: number; port: number }) {
      super({ ...o, port: ports.get(o.dcId) ?? o.port });
    }
  } as unknown as C;
}

/** mtcute's `defaultDcs` for a client homed on `dc` (main and media on the same address). */
export function mtcuteDcs(dc: ServerDc): {
  main: { id: number; ipAddress: string; port: number };
  media: { id: number; ipAddress: string; port: number };
} {
  const option = { id: dc.id, ipAddress: dc.host, port: dc.port };
  return { main: option, media: option };
}
