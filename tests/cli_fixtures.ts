/**
 * Known sessions for the session tool's tests, written into each kind of source by means
 * independent of the tool: the engines' own API, or raw SQL in another library's layout
 * (Telethon's, Pyrogram 1.x's), as those libraries create them.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import process from "node:process";
import { loadSqlite, SqliteStorage } from "../storage/sqlite.ts";
import { runCli } from "../cli/main.ts";
import type { ListableStorage, PeerRecord, SessionData, UpdateState } from "../storage/storage.ts";
import { scriptCommand } from "./test_support/script_command.ts";

export const NOW = Math.floor(Date.now() / 1000);

/** A deterministic 256-byte "auth key". */
export function key(seed: number): Uint8Array {
  return Uint8Array.from({ length: 256 }, (_, i) => (i * seed + 3) & 0xff);
}

/** Everything a session holds, as the engines return it. */
export interface Dataset {
  session: Omit<SessionData, "authKey">;
  keys: Map<number, Uint8Array>;
  state: UpdateState | undefined;
  channels: Map<number, number>;
  peers: PeerRecord[];
}

const FIXED: PeerRecord[] = [
  peer(777000, -(2n ** 63n), "user", ["telegram"], "42777"),
  peer(5000000001, 2n ** 63n - 1n, "bot", ["a_bot"], null),
  peer(-4000000001, 0n, "group", [], null),
  peer(-1001234567890, -123456789012345678n, "supergroup", ["chat_one", "chat_alias"], null),
  peer(-1009876543210, 987654321n, "channel", ["news"], null),
];

function peer(
  id: number,
  accessHash: bigint,
  type: PeerRecord["type"],
  usernames: string[],
  phoneNumber: string | null,
  lastUpdateOn = NOW - 60,
): PeerRecord {
  return { id, accessHash, type, usernames, phoneNumber, lastUpdateOn };
}

/** The full dataset: 5 hand-picked peers and `extra` generated users. */
export function dataset(extra = 0): Dataset {
  const peers = [...FIXED];
  for (let i = 0; i < extra; i++) {
    peers.push(peer(
      10_000_000 + i * 7,
      BigInt(i) * 0x1_0000_0001n - 2n ** 62n,
      i % 11 === 0 ? "bot" : "user",
      i % 3 === 0 ? [`user${i}`] : i % 3 === 1 ? [`main${i}`, `alt${i}`] : [],
      i % 4 === 0 ? `1555${i}` : null,
      NOW - i,
    ));
  }
  return {
    session: {
      dcId: 4,
      apiId: 611335,
      testMode: false,
      userId: 5000000001,
      isBot: true,
      date: 1_700_000_000,
      serverAddress: "149.154.167.91",
      port: 443,
    },
    keys: new Map([[4, key(7)], [1, key(13)]]),
    state: { pts: 100, qts: 5, date: 1_700_000_100, seq: 7 },
    channels: new Map([[-1001234567890, 555], [-1009876543210, 12]]),
    peers,
  };
}

/** Writes `data` into an open, empty engine through its public API. */
export async function fill(storage: ListableStorage, data: Dataset): Promise<void> {
  await storage.setSession({ ...data.session, authKey: data.keys.get(data.session.dcId) ?? null });
  for (const [dc, k] of data.keys) if (dc !== data.session.dcId) await storage.setAuthKey(dc, k);
  if (data.state) await storage.setUpdateState(data.state);
  for (const [id, pts] of data.channels) await storage.setChannelPts(id, pts);
  for (let i = 0; i < data.peers.length; i += 5000) {
    await storage.updatePeers(data.peers.slice(i, i + 5000));
  }
}

/** Reads everything back from an open engine (peers sorted by id). */
export async function readAll(storage: ListableStorage): Promise<Dataset> {
  const s = await storage.getSession();
  const { authKey: _key, ...session } = s;
  const peers: PeerRecord[] = [];
  for await (const batch of storage.listPeers(1000)) peers.push(...batch);
  return {
    session,
    keys: new Map([...(await storage.listAuthKeys())].sort((a, b) => a[0] - b[0])),
    state: await storage.getUpdateState(),
    channels: new Map([...(await storage.listChannelPts())].sort((a, b) => a[0] - b[0])),
    peers: peers.sort((a, b) => a.id - b.id),
  };
}

/** The same dataset in the canonical order {@link readAll} returns. */
export function canonical(data: Dataset): Dataset {
  return {
    session: data.session,
    keys: new Map([...data.keys].sort((a, b) => a[0] - b[0])),
    state: data.state,
    channels: new Map([...data.channels].sort((a, b) => a[0] - b[0])),
    peers: [...data.peers].sort((a, b) => a.id - b.id),
  };
}

/** A session file in this library's layout holding `data`. */
export async function makeIrenogramFile(path: string, data: Dataset): Promise<void> {
  const s = new SqliteStorage(path);
  await s.open();
  try {
    await fill(s, data);
  } finally {
    await s.close();
  }
}

async function withRawDb(
  path: string,
  fn: (exec: (sql: string, bind?: unknown[]) => void) => void,
) {
  const { sqlite3, vfs } = await loadSqlite();
  const db = new sqlite3.oo1.DB({ filename: path, flags: "c", vfs });
  try {
    db.exec("BEGIN");
    fn((sql, bind) => db.exec({ sql, bind: bind as never }));
    db.exec("COMMIT");
  } finally {
    db.close();
  }
}

/**
 * A Telethon (database version 8) session file, with Telethon's own tables: the self user as
 * the `id = 0` entity, channel states by bare id, a float `date` as Telethon stores it.
 */
export async function makeTelethonFile(path: string, data: Dataset): Promise<void> {
  await withRawDb(path, (exec) => {
    exec("CREATE TABLE version (version integer primary key)");
    exec(
      "CREATE TABLE sessions (dc_id integer primary key, server_address text, port integer, " +
        "auth_key blob, takeout_id integer, tmp_auth_key blob)",
    );
    exec(
      "CREATE TABLE entities (id integer primary key, hash integer not null, username text, " +
        "phone integer, name text, date integer)",
    );
    exec(
      "CREATE TABLE sent_files (md5_digest blob, file_size integer, type integer, id integer, " +
        "hash integer, primary key(md5_digest, file_size, type))",
    );
    exec(
      "CREATE TABLE update_state (id integer primary key, pts integer, qts integer, " +
        "date integer, seq integer)",
    );
    exec("INSERT INTO version VALUES (8)");
    const s = data.session;
    exec("INSERT INTO sessions VALUES (?, ?, ?, ?, NULL, ?)", [
      s.dcId,
      s.serverAddress,
      s.port,
      data.keys.get(s.dcId) ?? new Uint8Array(0),
      new Uint8Array(0),
    ]);
    if (s.userId) exec("INSERT INTO entities VALUES (0, ?, NULL, NULL, NULL, ?)", [s.userId, NOW]);
    for (const p of data.peers) {
      exec("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", [
        p.id,
        p.accessHash,
        p.usernames[0] ?? null,
        p.phoneNumber,
        `name ${p.id}`,
        p.lastUpdateOn,
      ]);
    }
    if (data.state) {
      const st = data.state;
      exec("INSERT INTO update_state VALUES (0, ?, ?, ?, ?)", [
        st.pts,
        st.qts,
        st.date + 0.25,
        st.seq,
      ]);
    }
    for (const [id, pts] of data.channels) {
      exec("INSERT INTO update_state VALUES (?, ?, 0, ?, 0)", [-id - 1_000_000_000_000, pts, NOW]);
    }
  });
}

/** What a Telethon file can hold of `data`: see storage/telethon_file.ts. */
export function asTelethon(data: Dataset): Dataset {
  return {
    session: { ...data.session, apiId: null, isBot: null, date: 0 },
    keys: new Map([[data.session.dcId, data.keys.get(data.session.dcId)!]]),
    state: data.state,
    channels: data.channels,
    peers: data.peers.map((p) => ({
      ...p,
      type: p.id > 0 ? "user" : p.id < -1_000_000_000_000 ? "channel" : "group",
      usernames: p.usernames.slice(0, 1),
    })),
  };
}

/**
 * A Pyrogram 1.x/2.x (schema version 3) session file: `sessions` with api_id, `peers` with one
 * `username` column, no update state, no other DCs' keys.
 */
export async function makePyrogramV3File(path: string, data: Dataset): Promise<void> {
  await withRawDb(path, (exec) => {
    exec(
      "CREATE TABLE sessions (dc_id INTEGER PRIMARY KEY, api_id INTEGER, test_mode INTEGER, " +
        "auth_key BLOB, date INTEGER NOT NULL, user_id INTEGER, is_bot INTEGER)",
    );
    exec(
      "CREATE TABLE peers (id INTEGER PRIMARY KEY, access_hash INTEGER, type INTEGER NOT NULL, " +
        "username TEXT, phone_number TEXT, last_update_on INTEGER NOT NULL DEFAULT " +
        "(CAST(STRFTIME('%s', 'now') AS INTEGER)))",
    );
    exec("CREATE TABLE version (number INTEGER PRIMARY KEY)");
    exec("INSERT INTO version VALUES (3)");
    const s = data.session;
    exec("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?)", [
      s.dcId,
      s.apiId,
      s.testMode ? 1 : 0,
      data.keys.get(s.dcId),
      s.date,
      s.userId,
      s.isBot ? 1 : 0,
    ]);
    for (const p of data.peers) {
      exec("INSERT INTO peers VALUES (?, ?, ?, ?, ?, ?)", [
        p.id,
        p.accessHash,
        p.type,
        p.usernames[0] ?? null,
        p.phoneNumber,
        p.lastUpdateOn,
      ]);
    }
  });
}

/** What a Pyrogram v3 file holds of `data` after migration. */
export function asPyrogramV3(data: Dataset): Dataset {
  return {
    // Migration fills the address of the home DC from the DC table.
    session: data.session,
    keys: new Map([[data.session.dcId, data.keys.get(data.session.dcId)!]]),
    state: undefined,
    channels: new Map(),
    peers: data.peers.map((p) => ({ ...p, usernames: p.usernames.slice(0, 1) })),
  };
}

/** The command that runs `cli.ts` (or `cli.js` in the npm build) under this runtime. */
export function cliCommand(): [string, string[]] {
  const ext = import.meta.url.endsWith(".js") ? "js" : "ts";
  const cli = fileURLToPath(new URL(`../cli.${ext}`, import.meta.url));
  return scriptCommand(cli);
}

/** Runs the CLI as a child process. */
export function runCliProcess(
  args: string[],
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  const [cmd, pre] = cliCommand();
  const r = spawnSync(cmd, [...pre, ...args], {
    encoding: "utf8",
    input,
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command line in-process (stdin empty, no terminal); returns status and output. */
export async function runInProcess(
  ...args: string[]
): Promise<{ status: number; out: string; err: string[] }> {
  const out: string[] = [], err: string[] = [];
  const status = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: { isTTY: false, write: () => true },
    stdin: () => Promise.resolve(""),
  });
  return { status, out: out.join("\n"), err };
}
