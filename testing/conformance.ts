/**
 * The conformance suite every storage engine passes: the same cases and the same expectations
 * for SQLite, memory, MongoDB and session-string storages, and for an engine of your own. A test
 * file calls {@link registerConformanceTests} once per engine with its test runner's `test`
 * function (`node:test`'s, which Deno and Bun also provide); it registers flat cases whose names
 * start with the engine's label. This module imports no test framework itself.
 *
 * @example
 * ```ts
 * import { test } from "node:test";
 * import { registerConformanceTests } from "@x/irenogram/testing";
 * import { MemoryStorage } from "@x/irenogram";
 * // At the top level of a test file (here the built-in memory engine stands in for yours):
 * function registerSuite(): void {
 *   registerConformanceTests(test, { name: "memory", create: () => new MemoryStorage() });
 * }
 * ```
 *
 * @module
 */
import type Assert from "node:assert/strict";
import { nodeModule } from "../runtime/runtime.ts";
import type { PeerRecord, PeerType, SessionData, Storage } from "../storage/storage.ts";
import { freshSession, USERNAME_TTL_SECONDS } from "../storage/storage.ts";
import { StorageError } from "../storage/errors.ts";
// Loaded when used, not when imported: the testing entry loads in a browser bundle.
const assert: typeof Assert = nodeModule<typeof Assert>("node:assert/strict");

/**
 * The shape of `node:test`'s `test(name, options, fn)` that the suite calls (Deno and Bun
 * provide `node:test` too; wrap another runner's function to this shape).
 */
export type ConformanceTestFunction = (
  name: string,
  options: { skip?: string | boolean },
  fn: () => Promise<void>,
) => unknown;

/** How the suite reaches one engine. */
export interface ConformanceTarget {
  /** Label put in front of every test name, e.g. `"sqlite"`. */
  name: string;
  /** A new, not yet opened storage over a new, empty backing (file, database, …). */
  create(): Storage | Promise<Storage>;
  /**
   * A new, not yet opened instance over the same backing as `storage` (which is closed first).
   * Only for engines that persist; without it the persistence cases are skipped.
   */
  reopen?(storage: Storage): Storage | Promise<Storage>;
  /** What `getSession()` returns on a new storage; default: Pyrogram's fresh session row. */
  initialSession?: SessionData;
  /** Called after every case with the storage it used (drop databases, remove files). */
  cleanup?(storage: Storage): void | Promise<void>;
  /** Skip the whole suite (e.g. no MongoDB server configured), with this reason. */
  skip?: string | false;
}

/** What a new storage holds: Irenogram's fresh session row. */
export const FRESH_SESSION: SessionData = Object.freeze(freshSession()) as SessionData;

const now = () => Math.floor(Date.now() / 1000);

function key(seed: number): Uint8Array {
  const k = new Uint8Array(256);
  for (let i = 0; i < 256; i++) k[i] = (seed * 31 + i * 7) & 0xff;
  return k;
}

function peer(id: number, over: Partial<PeerRecord> = {}): PeerRecord {
  return {
    id,
    accessHash: BigInt(id) * 1_000_003n - 77n,
    type: id > 0 ? "user" : id < -1_000_000_000_000 ? "channel" : "group",
    usernames: [],
    phoneNumber: null,
    lastUpdateOn: now(),
    ...over,
  };
}

/** The Pyrogram session string layout, computed here independently of the engines. */
function pyrogramString(s: SessionData): string {
  const bytes = new Uint8Array(271);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, s.dcId);
  view.setUint32(1, s.apiId ?? 0);
  view.setUint8(5, s.testMode ? 1 : 0);
  bytes.set(s.authKey!, 6);
  view.setBigUint64(262, BigInt(s.userId ?? 0));
  view.setUint8(270, s.isBot ? 1 : 0);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function rejectsTyped(p: Promise<unknown>, code?: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof StorageError, `expected a StorageError, got ${e}`);
    if (code) assert.equal((e as StorageError).code, code);
    return true;
  });
}

/** Registers the conformance cases for one engine with the runner's `test` function. */
export function registerConformanceTests(
  test: ConformanceTestFunction,
  target: ConformanceTarget,
): void {
  const initial = target.initialSession ?? FRESH_SESSION;
  const skip = target.skip || false;

  /** Runs `body` on a fresh, opened storage and always closes and cleans up. */
  const withStorage = (name: string, body: (s: Storage) => Promise<void>) =>
    test(`${target.name}: ${name}`, { skip }, async () => {
      const s = await target.create();
      await s.open();
      try {
        await body(s);
      } finally {
        await s.close();
        await target.cleanup?.(s);
      }
    });

  withStorage("open is idempotent, also while an opening is running", async () => {
    const other = await target.create();
    try {
      await Promise.all([other.open(), other.open()]);
      await other.open();
      await other.setSession({ userId: 4242 });
      assert.equal((await other.getSession()).userId, 4242);
    } finally {
      await other.close();
      await target.cleanup?.(other);
    }
  });

  /** Like withStorage, but hands over a function that closes and reopens the backing. */
  const persistent = (
    name: string,
    body: (s: Storage, reopen: (s: Storage) => Promise<Storage>) => Promise<Storage>,
  ) =>
    test(
      `${target.name}: ${name}`,
      { skip: skip || (!target.reopen && "not persistent") },
      async () => {
        const first = await target.create();
        await first.open();
        let last = first;
        const reopen = async (s: Storage) => {
          await s.close();
          const next = await target.reopen!(s);
          await next.open();
          last = next;
          return next;
        };
        try {
          last = await body(first, reopen);
        } finally {
          await last.close();
          await target.cleanup?.(last);
        }
      },
    );

  withStorage("a new storage holds the initial session", async (s) => {
    assert.deepEqual(await s.getSession(), initial);
    assert.equal(await s.getUpdateState(), undefined);
    assert.equal(await s.getPeerById(777000), undefined);
  });

  withStorage("setSession merges fields and getSession returns them", async (s) => {
    const authKey = key(1);
    await s.setSession({ dcId: 4, apiId: 12345, testMode: true, authKey });
    await s.setSession({ userId: 2 ** 52 + 5, isBot: true, date: 1_700_000_000 });
    await s.setSession({ serverAddress: "149.154.167.91", port: 443 });
    assert.deepEqual(await s.getSession(), {
      dcId: 4,
      apiId: 12345,
      testMode: true,
      authKey,
      userId: 2 ** 52 + 5,
      isBot: true,
      date: 1_700_000_000,
      serverAddress: "149.154.167.91",
      port: 443,
    });
    await s.setSession({ authKey: null, isBot: false });
    const after = await s.getSession();
    assert.equal(after.authKey, null);
    assert.equal(after.isBot, false);
    assert.equal(after.apiId, 12345);
  });

  withStorage("auth keys are kept per DC and the home DC's is the session's", async (s) => {
    await s.setSession({ dcId: 2 });
    await s.setAuthKey(1, key(11));
    await s.setAuthKey(2, key(22));
    await s.setAuthKey(5, key(55));
    assert.deepEqual(await s.getAuthKey(1), key(11));
    assert.deepEqual(await s.getAuthKey(5), key(55));
    assert.equal(await s.getAuthKey(3), null);
    assert.deepEqual((await s.getSession()).authKey, key(22));
    await s.setSession({ authKey: key(23) });
    assert.deepEqual(await s.getAuthKey(2), key(23));
    await s.setSession({ dcId: 5 });
    assert.deepEqual((await s.getSession()).authKey, key(55));
    await s.setAuthKey(1, null);
    assert.equal(await s.getAuthKey(1), null);
  });

  withStorage("returned keys are copies: mutating them changes nothing stored", async (s) => {
    const k = key(3);
    await s.setSession({ authKey: k });
    k[0] ^= 0xff;
    const got = (await s.getSession()).authKey!;
    assert.deepEqual(got, key(3));
    got[1] ^= 0xff;
    assert.deepEqual(await s.getAuthKey((await s.getSession()).dcId), key(3));
  });

  withStorage("bad session values are refused with a typed error", async (s) => {
    const code = "STORAGE_INVALID_ARGUMENT";
    await rejectsTyped(s.setSession({ authKey: new Uint8Array(255) }), code);
    await rejectsTyped(s.setAuthKey(0, key(1)), code);
    await rejectsTyped(s.setAuthKey(2, new Uint8Array(257)), code);
    await rejectsTyped(s.setSession({ dcId: -1 }), code);
    await rejectsTyped(s.setSession({ port: 70000 }), code);
    await rejectsTyped(s.setSession({ userId: 1.5 }), code);
    assert.deepEqual(await s.getSession(), initial);
  });

  withStorage("every peer field round-trips, including extreme access hashes", async (s) => {
    const types: PeerType[] = ["user", "bot", "group", "channel", "supergroup", "forum", "direct"];
    const peers: PeerRecord[] = [
      peer(2 ** 40 + 1, {
        accessHash: -(1n << 63n),
        type: "user",
        usernames: ["alice", "alice_alt"],
        phoneNumber: "15551234567",
      }),
      peer(7_000_000_001, { accessHash: (1n << 63n) - 1n, type: "bot", usernames: ["a_bot"] }),
      peer(-4_000_000_001, { accessHash: 0n, type: "group" }),
      peer(-1_002_000_000_001, { type: "channel", usernames: ["news"] }),
      peer(-1_002_000_000_002, { type: "supergroup" }),
      peer(-1_002_000_000_003, { type: "forum" }),
      peer(-1_002_000_000_004, { type: "direct" }),
      peer(Number.MAX_SAFE_INTEGER, { accessHash: -1n, lastUpdateOn: 1_600_000_000 }),
      peer(-1_997_852_516_352, { type: "channel", accessHash: 123n }),
    ];
    await s.updatePeers(peers);
    for (const p of peers) assert.deepEqual(await s.getPeerById(p.id), p);
    assert.deepEqual(new Set(peers.slice(0, 7).map((p) => p.type)), new Set(types));
  });

  withStorage("usernames are stored lower-cased and resolve case-insensitively", async (s) => {
    await s.updatePeers([peer(1001, { usernames: ["Durov", "PAVEL"] })]);
    assert.deepEqual((await s.getPeerById(1001))!.usernames, ["durov", "pavel"]);
    assert.equal((await s.getPeerByUsername("durov"))?.id, 1001);
    assert.equal((await s.getPeerByUsername("DuRoV"))?.id, 1001);
    assert.equal((await s.getPeerByUsername("@durov"))?.id, 1001, "a leading @ is ignored");
    assert.equal((await s.getPeerByUsername("pavel"))?.id, 1001, "secondary usernames resolve");
    assert.equal(await s.getPeerByUsername("durov2"), undefined);
  });

  withStorage("updatePeers replaces a row: old usernames and phone go with it", async (s) => {
    await s.updatePeers([peer(1002, { usernames: ["old_name"], phoneNumber: "111" })]);
    await s.updatePeers([
      peer(1002, { usernames: ["new_name"], phoneNumber: null, accessHash: 99n }),
    ]);
    assert.equal(await s.getPeerByUsername("old_name"), undefined);
    assert.equal(await s.getPeerByPhoneNumber("111"), undefined);
    const got = await s.getPeerByUsername("new_name");
    assert.equal(got?.id, 1002);
    assert.equal(got?.accessHash, 99n);
    await s.updatePeers([peer(1002, { usernames: [] })]);
    assert.equal(await s.getPeerByUsername("new_name"), undefined);
    assert.deepEqual((await s.getPeerById(1002))!.usernames, []);
  });

  withStorage("a username that moved to another peer resolves to the new owner", async (s) => {
    const t = now();
    await s.updatePeers([peer(1003, { usernames: ["handle"], lastUpdateOn: t - 60 })]);
    await s.updatePeers([peer(1004, { usernames: ["handle"], lastUpdateOn: t })]);
    assert.equal((await s.getPeerByUsername("handle"))?.id, 1004);
  });

  withStorage("usernames older than 8 hours do not resolve; the peer does by id", async (s) => {
    const t = now();
    await s.updatePeers([
      peer(1005, { usernames: ["stale"], lastUpdateOn: t - USERNAME_TTL_SECONDS - 60 }),
      peer(1006, { usernames: ["fresh"], lastUpdateOn: t - USERNAME_TTL_SECONDS + 600 }),
    ]);
    assert.equal(await s.getPeerByUsername("stale"), undefined);
    assert.equal((await s.getPeerByUsername("fresh"))?.id, 1006);
    assert.equal((await s.getPeerById(1005))?.usernames[0], "stale");
  });

  withStorage("usernames stamped more than 8 hours in the future do not resolve", async (s) => {
    // A clock that was wrong when the row was written must not keep a name alive for ever.
    const t = now();
    await s.updatePeers([
      peer(1009, { usernames: ["future"], lastUpdateOn: t + USERNAME_TTL_SECONDS + 600 }),
      peer(1010, { usernames: ["soon"], lastUpdateOn: t + USERNAME_TTL_SECONDS - 600 }),
    ]);
    assert.equal(await s.getPeerByUsername("future"), undefined);
    assert.equal((await s.getPeerByUsername("soon"))?.id, 1010);
    assert.equal((await s.getPeerById(1009))?.usernames[0], "future");
  });

  withStorage("phone numbers resolve exactly; unknown lookups give undefined", async (s) => {
    await s.updatePeers([
      peer(1007, { phoneNumber: "447700900123", lastUpdateOn: 1 }),
      peer(1008, { phoneNumber: null }),
    ]);
    assert.equal((await s.getPeerByPhoneNumber("447700900123"))?.id, 1007, "phones do not expire");
    assert.equal(await s.getPeerByPhoneNumber("44770090012"), undefined);
    assert.equal(await s.getPeerById(-1007), undefined);
    assert.equal(await s.getPeerByUsername(""), undefined);
  });

  withStorage(
    "bad peers are refused with a typed error and nothing of the batch is kept",
    async (s) => {
      const code = "STORAGE_INVALID_ARGUMENT";
      const good = peer(1009);
      const bad: unknown[] = [
        { ...peer(1010), accessHash: 1n << 63n },
        { ...peer(1010), accessHash: 5 },
        { ...peer(1010), id: 0 },
        { ...peer(1010), id: 2 ** 53 },
        { ...peer(1010), id: 1.5 },
        { ...peer(1010), type: "robot" },
        { ...peer(1010), usernames: "alice" },
        { ...peer(1010), phoneNumber: "+1 555" },
      ];
      for (const b of bad) await rejectsTyped(s.updatePeers([good, b as PeerRecord]), code);
      assert.equal(await s.getPeerById(1009), undefined);
      await s.updatePeers([]);
    },
  );

  withStorage("a large batch is stored whole", async (s) => {
    const batch: PeerRecord[] = [];
    for (let i = 1; i <= 5000; i++) {
      batch.push(peer(i * 3, { usernames: i % 2 ? [`user_${i}`] : [], phoneNumber: `${i}` }));
    }
    await s.updatePeers(batch);
    for (const i of [1, 2, 2500, 4999, 5000]) {
      assert.deepEqual(await s.getPeerById(i * 3), batch[i - 1]);
      assert.equal((await s.getPeerByPhoneNumber(`${i}`))?.id, i * 3);
    }
    assert.equal((await s.getPeerByUsername("user_4999"))?.id, 4999 * 3);
    assert.equal(await s.getPeerByUsername("user_5000"), undefined);
  });

  withStorage("the same id twice in one batch keeps the last", async (s) => {
    await s.updatePeers([
      peer(1011, { usernames: ["first"] }),
      peer(1011, { usernames: ["last"] }),
    ]);
    assert.deepEqual((await s.getPeerById(1011))!.usernames, ["last"]);
    assert.equal(await s.getPeerByUsername("first"), undefined);
  });

  withStorage("concurrent calls do not interfere", async (s) => {
    const jobs: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      jobs.push(s.updatePeers([peer(2000 + i, { usernames: [`c${i}`] })]));
      jobs.push(s.getPeerById(2000 + i));
      jobs.push(s.setChannelPts(3000 + i, i));
    }
    await Promise.all(jobs);
    for (let i = 0; i < 20; i++) {
      assert.equal((await s.getPeerByUsername(`c${i}`))?.id, 2000 + i);
      assert.equal(await s.getChannelPts(3000 + i), i);
    }
  });

  withStorage("update state and per-channel pts are kept and overwritten", async (s) => {
    await s.setUpdateState({ pts: 10, qts: 2, date: 1_700_000_000, seq: 7 });
    assert.deepEqual(await s.getUpdateState(), { pts: 10, qts: 2, date: 1_700_000_000, seq: 7 });
    await s.setUpdateState({ pts: 11, qts: 3, date: 1_700_000_100, seq: 8 });
    assert.deepEqual(await s.getUpdateState(), { pts: 11, qts: 3, date: 1_700_000_100, seq: 8 });
    assert.equal(await s.getChannelPts(1_234_567_890), undefined);
    await s.setChannelPts(1_234_567_890, 100);
    await s.setChannelPts(1_234_567_891, 5);
    await s.setChannelPts(1_234_567_890, 101);
    assert.equal(await s.getChannelPts(1_234_567_890), 101);
    assert.equal(await s.getChannelPts(1_234_567_891), 5);
    assert.equal(await s.getChannelPts(-1_001_234_567_890), 101, "bare and marked ids agree");
    await rejectsTyped(s.setChannelPts(-5, 1), "STORAGE_INVALID_ARGUMENT");
    assert.deepEqual(await s.getUpdateState(), { pts: 11, qts: 3, date: 1_700_000_100, seq: 8 });
  });

  withStorage(
    "listChannelPts lists every channel's pts by marked id, never the account's",
    async (s) => {
      assert.deepEqual(await s.listChannelPts(), new Map());
      await s.setUpdateState({ pts: 500, qts: 1, date: 1_700_000_000, seq: 2 });
      assert.deepEqual(await s.listChannelPts(), new Map(), "the account's state is not a channel");
      await s.setChannelPts(1_234_567_890, 100);
      await s.setChannelPts(-1_009_876_543_210, 7);
      await s.setChannelPts(1_234_567_890, 101);
      const listed = await s.listChannelPts();
      assert.deepEqual(
        [...listed].sort((a, b) => a[0] - b[0]),
        [[-1_009_876_543_210, 7], [-1_001_234_567_890, 101]],
      );
      listed.clear(); // a copy: the caller may change it
      assert.equal((await s.listChannelPts()).size, 2);
      assert.deepEqual(await s.getUpdateState(), { pts: 500, qts: 1, date: 1_700_000_000, seq: 2 });
    },
  );

  withStorage("exportSessionString writes the current Pyrogram layout", async (s) => {
    if (initial.authKey === null) {
      // Nothing is parsed here: the error says the key is missing, with its own code.
      await rejectsTyped(s.exportSessionString(), "STORAGE_NO_AUTH_KEY");
    }
    const session: SessionData = {
      dcId: 2,
      apiId: 123456,
      testMode: false,
      authKey: key(9),
      userId: 5_000_000_001,
      isBot: false,
      date: 0,
      serverAddress: null,
      port: null,
    };
    await s.setSession(session);
    const str = await s.exportSessionString();
    assert.equal(str.length, 362);
    assert.equal(str, pyrogramString(session));
    await s.setSession({ dcId: 3, testMode: true, isBot: true, authKey: key(10) });
    assert.equal(
      await s.exportSessionString(),
      pyrogramString({ ...session, dcId: 3, testMode: true, isBot: true, authKey: key(10) }),
    );
  });

  withStorage("close is idempotent and save is always allowed while open", async (s) => {
    await s.updatePeers([peer(1012)]);
    await s.save();
    await s.save();
    assert.equal((await s.getPeerById(1012))?.id, 1012);
    await s.close();
    await s.close();
    // withStorage closes once more: a third close must be harmless too.
  });

  persistent("everything survives close and reopen", async (s, reopen) => {
    await s.setSession({
      dcId: 4,
      apiId: 42,
      testMode: false,
      authKey: key(44),
      userId: 123456789,
      isBot: false,
      date: 1_700_000_000,
      serverAddress: "149.154.167.92",
      port: 443,
    });
    await s.setAuthKey(2, key(22));
    const peers = [
      peer(1013, { usernames: ["keepme"], phoneNumber: "123" }),
      peer(-1_001_234_567_890, { type: "supergroup", accessHash: -5n, usernames: ["group_x"] }),
    ];
    await s.updatePeers(peers);
    await s.setUpdateState({ pts: 1, qts: 2, date: 3, seq: 4 });
    await s.setChannelPts(1_234_567_890, 77);
    await s.save();
    const before = await s.getSession();
    const t = await reopen(s);
    assert.deepEqual(await t.getSession(), before);
    assert.deepEqual(await t.getAuthKey(2), key(22));
    for (const p of peers) assert.deepEqual(await t.getPeerById(p.id), p);
    assert.equal((await t.getPeerByUsername("keepme"))?.id, 1013);
    assert.equal((await t.getPeerByPhoneNumber("123"))?.id, 1013);
    assert.deepEqual(await t.getUpdateState(), { pts: 1, qts: 2, date: 3, seq: 4 });
    assert.equal(await t.getChannelPts(1_234_567_890), 77);
    assert.deepEqual(await t.listChannelPts(), new Map([[-1_001_234_567_890, 77]]));
    return t;
  });

  persistent("delete removes the session for good", async (s, reopen) => {
    await s.setSession({ authKey: key(5), userId: 99 });
    await s.updatePeers([peer(1014)]);
    await s.delete();
    await s.close();
    const t = await reopen(s);
    assert.deepEqual(await t.getSession(), FRESH_SESSION);
    assert.equal(await t.getPeerById(1014), undefined);
    return t;
  });
}
