/**
 * The `session` commands: info, convert, copy, migrate. Each takes its parsed arguments and an
 * {@link Io}, prints its result and returns; failures are thrown as `CliError`.
 *
 * @module
 */
import {
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  realpathSync,
} from "node:fs";
import type { ParsedArgs } from "./args.ts";
import { CliError } from "./errors.ts";
import { describeFile, isMongoUrl, openSource, type Source } from "./source.ts";
import { openDest } from "./dest.ts";
import { copySession } from "./copy.ts";
import type { ProgressSink } from "./progress.ts";
import type { SessionData } from "../storage/storage.ts";
import { SqliteStorage } from "../storage/sqlite.ts";
import { SCHEMA_VERSION } from "../storage/sqlite_schema.ts";
import {
  encodeSessionStringAs,
  SESSION_STRING_TARGETS,
  type SessionStringTarget,
} from "../storage/session_string_write.ts";
import { authKeyId, initCore } from "../core/mod.ts";

/** Where a command prints and what it can read. */
export interface Io {
  out(line: string): void;
  /** stderr, for the progress bar (drawn only when it is a terminal). */
  progress: ProgressSink;
  stdin(): Promise<string>;
}

/** The 64-bit auth_key_id as Telegram prints it (a signed little-endian long), in decimal. */
export async function keyIdOf(key: Uint8Array): Promise<string> {
  await initCore();
  const id = authKeyId(key);
  return new DataView(id.buffer, id.byteOffset, 8).getBigInt64(0, true).toString();
}

async function withSource<T>(
  args: ParsedArgs,
  io: Io,
  fn: (source: Source) => Promise<T>,
): Promise<T> {
  const spec = args.positional[0];
  if (spec === undefined) throw new CliError("CLI_USAGE", "missing SOURCE (see --help)");
  const source = await openSource(spec, { name: args.values.get("name"), stdin: io.stdin });
  try {
    return await fn(source);
  } finally {
    await source.close();
  }
}

/** `--api-id N`: fills the api_id of a session whose format does not carry one. */
function apiIdPatch(args: ParsedArgs, session: SessionData): Partial<SessionData> {
  const text = args.values.get("api-id");
  if (text === undefined) return {};
  const apiId = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(apiId) || apiId < 1 || apiId > 0xffffffff) {
    throw new CliError("CLI_USAGE", "--api-id must be an integer from 1 to 4294967295");
  }
  if (session.apiId !== null && session.apiId !== apiId) {
    throw new CliError(
      "CLI_USAGE",
      `the session already has api_id ${session.apiId}; --api-id ${apiId} disagrees`,
    );
  }
  return { apiId };
}

/** `session info SOURCE [--json]` */
export async function infoCommand(args: ParsedArgs, io: Io): Promise<void> {
  if (args.positional.length > 1) throw new CliError("CLI_USAGE", "info takes one SOURCE");
  await withSource(args, io, async (source) => {
    const r = source.reader;
    const session = await r.getSession();
    const keys = await r.listAuthKeys();
    const state = await r.getUpdateState();
    const channels = await r.listChannelPts();
    let peers = 0, usernames = 0;
    for await (const batch of r.listPeers(10_000)) {
      peers += batch.length;
      for (const p of batch) usernames += p.usernames.length;
    }
    const keyIds = [];
    for (const [dcId, key] of [...keys].sort((a, b) => a[0] - b[0])) {
      keyIds.push({ dcId, authKeyId: await keyIdOf(key) });
    }
    const home = keyIds.find((k) => k.dcId === session.dcId)?.authKeyId ?? null;
    const info = {
      source: { kind: source.kind, label: source.label },
      layout: source.layout,
      dcId: session.dcId,
      serverAddress: session.serverAddress,
      port: session.port,
      testMode: session.testMode,
      apiId: session.apiId,
      userId: session.userId,
      isBot: session.isBot,
      date: session.date,
      authKeyId: home,
      authKeys: keyIds,
      peers,
      usernames,
      updateState: { common: state !== undefined, channels: channels.size },
    };
    if (args.flags.has("json")) {
      io.out(JSON.stringify(info, null, 2));
      return;
    }
    const yesNo = (v: boolean | null) => (v === null ? "unknown" : v ? "yes" : "no");
    const version = source.layout.version === null ? "" : `, version ${source.layout.version}`;
    const lines: [string, string][] = [
      ["source", `${source.label} (${source.kind})`],
      ["layout", `${source.layout.family}${version}`],
      ["dc", `${session.dcId} (${session.serverAddress ?? "?"}:${session.port ?? "?"})`],
      ["test mode", yesNo(session.testMode)],
      ["api_id", session.apiId === null ? "unknown" : String(session.apiId)],
      [
        "user id",
        session.userId === null
          ? "not logged in / unknown"
          : `${session.userId} (${
            session.isBot === null ? "bot or user unknown" : session.isBot ? "bot" : "user"
          })`,
      ],
      [
        "date",
        session.date ? `${new Date(session.date * 1000).toISOString()} (${session.date})` : "0",
      ],
      ["auth_key_id", home ?? "none (no auth key for the home DC)"],
      [
        "auth keys",
        keyIds.length ? keyIds.map((k) => `DC ${k.dcId}: ${k.authKeyId}`).join(", ") : "none",
      ],
      ["peers", `${peers} (usernames: ${usernames})`],
      [
        "update state",
        `${state ? 1 : 0} common row, ${channels.size} channel row${
          channels.size === 1 ? "" : "s"
        }`,
      ],
    ];
    for (const [k, v] of lines) io.out(`${(k + ":").padEnd(14)}${v}`);
  });
}

/** `session convert SOURCE --to FORMAT [--api-id N]` */
export async function convertCommand(args: ParsedArgs, io: Io): Promise<void> {
  if (args.positional.length > 1) throw new CliError("CLI_USAGE", "convert takes one SOURCE");
  const to = args.values.get("to");
  if (!to) {
    throw new CliError("CLI_USAGE", `--to is required (${SESSION_STRING_TARGETS.join("|")})`);
  }
  if (!SESSION_STRING_TARGETS.includes(to as SessionStringTarget)) {
    throw new CliError(
      "CLI_USAGE",
      `unknown format ${JSON.stringify(to.slice(0, 40))} for --to (${
        SESSION_STRING_TARGETS.join("|")
      })`,
    );
  }
  await withSource(args, io, async (source) => {
    const session = await source.reader.getSession();
    const data = { ...session, ...apiIdPatch(args, session) };
    if (!data.authKey) {
      throw new CliError("CLI_BAD_INPUT", `${source.label} has no auth key: nothing to convert`);
    }
    if (to === "pyrogram" && data.apiId === null) {
      throw new CliError(
        "CLI_BAD_INPUT",
        `Pyrogram strings need an api_id, which ${source.label} does not hold: add --api-id N`,
      );
    }
    try {
      io.out(encodeSessionStringAs(to as SessionStringTarget, data));
    } catch (e) {
      throw new CliError("CLI_BAD_INPUT", (e as Error).message);
    }
  });
}

/** `session copy SOURCE DEST [--name N] [--dest-name N] [--force] [--api-id N]` */
export async function copyCommand(args: ParsedArgs, io: Io): Promise<void> {
  const [, destSpec, extra] = args.positional;
  if (destSpec === undefined) throw new CliError("CLI_USAGE", "missing DEST (see --help)");
  if (extra !== undefined) throw new CliError("CLI_USAGE", "copy takes SOURCE and DEST");
  const destName = args.values.get("dest-name") ?? args.values.get("name");
  if (sameTarget(args.positional[0], args.values.get("name"), destSpec, destName)) {
    throw new CliError("CLI_USAGE", "SOURCE and DEST are the same session");
  }
  await withSource(args, io, async (source) => {
    const session = await source.reader.getSession();
    const patch = apiIdPatch(args, session);
    const dest = await openDest(destSpec, { name: destName, force: args.flags.has("force") });
    let report;
    try {
      report = await copySession(source.reader, dest.storage, {
        peerTotal: source.peerCount,
        progress: io.progress,
        session: patch,
        writePeers: dest.writePeers,
        documents: dest.documents,
      });
      await dest.commit();
    } catch (e) {
      await dest.abandon();
      throw e;
    }
    io.out(
      `copied ${source.label} to ${dest.label}: session, ${report.authKeys} auth key(s), ` +
        `${report.peers} peers (${report.usernames} usernames), ` +
        `${report.updateState ? "update state" : "no update state"}, ` +
        `${report.channels} channel pts; read back and verified ` +
        `(${(report.copyMs / 1000).toFixed(1)} s copying, ${
          (report.verifyMs / 1000).toFixed(1)
        } s verifying)`,
    );
  });
}

/** Whether a copy would write over its own source (a replaced destination is dropped first). */
function sameTarget(
  source: string,
  sourceName: string | undefined,
  dest: string,
  destName: string | undefined,
): boolean {
  if (isMongoUrl(source) || isMongoUrl(dest)) {
    // The hosts part, without credentials: `mongodb://u:p@h1:1,h2:2/db?x` → `h1:1,h2:2`.
    const hosts = (url: string) =>
      url.replace(/^mongodb(\+srv)?:\/\/([^@/]*@)?/i, "").split(/[/?]/)[0];
    return isMongoUrl(source) && isMongoUrl(dest) && sourceName === destName &&
      hosts(source).toLowerCase() === hosts(dest).toLowerCase();
  }
  try {
    return realpathSync(source) === realpathSync(dest);
  } catch {
    return false; // one of them does not exist (yet)
  }
}

/** `session migrate FILE` */
export async function migrateCommand(args: ParsedArgs, io: Io): Promise<void> {
  const [path, extra] = args.positional;
  if (path === undefined) throw new CliError("CLI_USAGE", "missing FILE (see --help)");
  if (extra !== undefined) throw new CliError("CLI_USAGE", "migrate takes one FILE");
  if (!existsSync(path)) throw new CliError("CLI_BAD_INPUT", `${path}: no such file`);
  const found = await describeFile(path);
  if (found.telethon) {
    throw new CliError(
      "CLI_BAD_INPUT",
      `${path} is a Telethon session file; use \`session copy ${path} NEW.session\` to convert it`,
    );
  }
  if (found.version > SCHEMA_VERSION) {
    throw new CliError(
      "CLI_BAD_INPUT",
      `${path} has schema version ${found.version}, newer than this tool knows (${SCHEMA_VERSION})`,
    );
  }
  if (found.family === "irenogram" && found.version >= SCHEMA_VERSION) {
    io.out(`${path} is already in the current layout (irenogram, version ${found.version})`);
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  const backup = `${path}.bak-${stamp}`;
  try {
    for (const suffix of ["", "-wal", "-journal"]) {
      if (suffix && !existsSync(path + suffix)) continue;
      copyFileSync(path + suffix, backup + suffix, constants.COPYFILE_EXCL);
      chmodSync(backup + suffix, 0o600);
      const fd = openSync(backup + suffix, "r");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    throw new CliError("CLI_FAILED", `cannot write the backup ${backup}: ${(e as Error).message}`);
  }
  const storage = new SqliteStorage(path);
  try {
    await storage.open(); // the engine migrates in one transaction
  } finally {
    await storage.close();
  }
  io.out(
    `migrated ${path} from ${found.family} version ${found.version} to irenogram version ` +
      `${SCHEMA_VERSION}; backup: ${backup}`,
  );
}
