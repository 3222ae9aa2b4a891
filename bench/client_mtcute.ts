/**
 * mtcute pointed at a TestServer, for the client benchmark (as the judge in tests/judges/ does):
 * the server's RSA key trusted, DC 2 dialled at its loopback port, and its default persistent
 * storage on each runtime (`mtcuteStorage`).
 */
import {
  BaseSqliteStorage,
  BaseSqliteStorageDriver,
  type ISqliteDatabase,
  type ITelegramStorageProvider,
} from "@mtcute/core";
import {
  IntermediatePacketCodec,
  MemoryStorage,
  ObfuscatedPacketCodec,
  SqliteStorage,
  TcpTransport,
  TelegramClient as MtcuteClient,
} from "@mtcute/node";
import { addPublicKey } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { runtimeName } from "./report.ts";
import type { Target } from "./client_target.ts";

class ObfuscatedTcpTransport extends TcpTransport {
  override packetCodec() {
    return new ObfuscatedPacketCodec(new IntermediatePacketCodec()) as never;
  }
}

/**
 * node:sqlite's DatabaseSync with the one method mtcute's driver needs that it lacks,
 * `transaction` (better-sqlite3's shape: BEGIN, the function, COMMIT or ROLLBACK).
 */
function withTransaction(db: {
  exec(sql: string): void;
  prepare(sql: string): unknown;
  close(): void;
}): ISqliteDatabase {
  return {
    exec: (sql) => db.exec(sql),
    prepare: (sql) => db.prepare(sql) as never,
    close: () => db.close(),
    transaction: (<F extends (...args: unknown[]) => unknown>(fn: F) =>
      ((...args: unknown[]) => {
        db.exec("begin");
        try {
          const r = fn(...args);
          db.exec("commit");
          return r;
        } catch (e) {
          db.exec("rollback");
          throw e;
        }
      }) as F) as ISqliteDatabase["transaction"],
  };
}

/**
 * mtcute's default persistent storage on this runtime: on Node `SqliteStorage` of @mtcute/node
 * (better-sqlite3, WAL); on Bun what @mtcute/bun's `SqliteStorage` is (its SQLite driver on
 * bun:sqlite, WAL); on Deno @mtcute/deno's is on jsr:@db/sqlite (native SQLite through FFI),
 * which this machine cannot fetch (no JSR), so the same driver runs on Deno's native node:sqlite.
 * Specifiers are built at run time so that no runtime resolves another's.
 */
export async function mtcuteStorage(path: string): Promise<ITelegramStorageProvider> {
  const runtime = runtimeName().split(" ")[0];
  if (runtime === "node") return new SqliteStorage(path);
  const load = (name: string) => import(name);
  const open: () => ISqliteDatabase = runtime === "bun"
    ? await load(["bun", "sqlite"].join(":")).then(({ Database }) => () => {
      const db = new Database(path, { create: true });
      db.exec("pragma journal_mode = WAL");
      return db;
    })
    : await load(["node", "sqlite"].join(":")).then(({ DatabaseSync }) => () => {
      const db = withTransaction(new DatabaseSync(path));
      db.exec("pragma journal_mode = WAL");
      return db;
    });
  class NativeDriver extends BaseSqliteStorageDriver {
    _createDatabase(): ISqliteDatabase {
      return open();
    }
  }
  return new BaseSqliteStorage(new NativeDriver());
}

let mtcuteCrypto: NodeCryptoProvider | undefined;

/**
 * An mtcute client on DC 2 (obfuscated intermediate, as irenogram's default transport), on
 * `storage` (default: in memory).
 */
export async function mtcuteClient(
  t: Target,
  storage: ITelegramStorageProvider = new MemoryStorage(),
): Promise<MtcuteClient> {
  if (!mtcuteCrypto) {
    mtcuteCrypto = new NodeCryptoProvider();
    await mtcuteCrypto.initialize?.();
  }
  addPublicKey(mtcuteCrypto, t.pem);
  const dc = t.dcs.find((d) => d.id === 2)!;
  const option = { id: 2, ipAddress: dc.host, port: dc.port };
  return new MtcuteClient({
    apiId: t.apiId,
    apiHash: t.apiHash,
    storage,
    defaultDcs: { main: option, media: option },
    transport: new ObfuscatedTcpTransport(),
    logLevel: 0,
  });
}
