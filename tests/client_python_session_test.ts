/**
 * A `.session` file written by Python (each Pyrogram-family lineage, with Python's sqlite3) starts
 * the Client without a new login when the server knows its auth key.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "../client/client.ts";
import { loggedIn, startWorld } from "./client_helpers.ts";

const script = fileURLToPath(new URL("./fixtures/python/session_files.py", import.meta.url));
const python = spawnSync("python3", ["--version"]).status === 0;
const py = (args: string[]) => {
  const run = spawnSync("python3", [script, ...args], { encoding: "utf8", timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
};
/** The auth key session_files.py writes. */
const AUTH_KEY = Uint8Array.from({ length: 256 }, (_, i) => (i * 7 + 3) % 256);

test("client e2e: session files of every Python lineage start the client without logging in", {
  skip: python ? false : "python3 is not installed",
  timeout: 60_000,
}, async () => {
  const w = await startWorld("p");
  try {
    // The files say DC 4; the server knows their key there, bound to the user.
    w.server.moveUser(w.user.userId, 4);
    w.server.seedAuthKey(4, AUTH_KEY, w.user.userId);
    for (
      const lineage of ["pyrogram-v2", "pyrogram-v3", "pyrofork", "kurigram-v5", "irenogram-v7"]
    ) {
      const file = join(w.dir, `${lineage}.session`);
      py(["make", lineage, file]);
      py(["sql", file, `UPDATE sessions SET user_id = ${w.user.userId}`]);
      const mark = w.calls.length;
      await using app = new Client(lineage, w.options());
      await app.start();
      const me = await app.getMe();
      assert.equal(me.id, w.user.userId, lineage);
      assert.deepEqual(loggedIn(w.since(mark)), [], `${lineage}: no login`);
      assert.ok(w.calls.slice(mark).every((c) => c.dcId === 4), `${lineage}: on DC 4`);
    }
  } finally {
    await w.close();
  }
});
