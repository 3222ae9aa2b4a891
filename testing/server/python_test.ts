/**
 * Telethon 1.45 and Irenogram 2.3.90 (Python, both with the older SHA-1-padded RSA form and
 * p_q_inner_data without dc) complete the auth-key exchange against the TestServer on three
 * transports each and get help.getConfig and ping answered (Telethon wraps its ping in
 * invokeWithoutUpdates; Pyrogram counts pings as not content-related). The Python comes from
 * IRENOGRAM_PYTHON (.ci/setup/20-python.sh, 22-telethon.sh); with CI=true it must be there.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import process from "node:process";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TestServer } from "./mod.ts";

const python = process.env.IRENOGRAM_PYTHON;
if (!python && process.env.CI === "true") {
  throw new Error("CI=true but IRENOGRAM_PYTHON is not set: the Python judges must run");
}
const skip = python ? false : "IRENOGRAM_PYTHON is not set";
const script = fileURLToPath(
  new URL("../../tests/fixtures/python/testserver_judge.py", import.meta.url),
);

async function judge(which: "telethon" | "irenogram") {
  const server = await TestServer.start();
  const dir = mkdtempSync(join(tmpdir(), "testserver-judge-"));
  try {
    const pem = join(dir, "key.pem");
    writeFileSync(pem, server.publicKeys[0].pem);
    const dc = server.dcs[1];
    const child = spawn(python!, [script, which, dc.host, String(dc.port), String(dc.id), pem], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "", err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill(), 60_000);
    const code = await new Promise<number | null>((r) => child.on("exit", r));
    clearTimeout(timer);
    assert.equal(code, 0, err.slice(-2000));
    const lines = out.trim().split("\n").map((l) => JSON.parse(l));
    return { lines, stats: server.stats() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

test("Telethon: handshake, help.getConfig and ping on full, intermediate, obfuscated", {
  skip,
  timeout: 120_000,
}, async () => {
  const { lines, stats } = await judge("telethon");
  assert.deepEqual(lines.map((l) => [l.transport, l.thisDc, l.pong]), [
    ["ConnectionTcpFull", 2, 5],
    ["ConnectionTcpIntermediate", 2, 5],
    ["ConnectionTcpObfuscated", 2, 5],
  ]);
  // One exchange per transport at least (a client may start one again on a loaded machine), all in
  // the SHA-1 form.
  assert.deepEqual(Object.keys(stats.paddings), ["sha1"], "Telethon uses the SHA-1 form");
  assert.ok(stats.paddings.sha1! >= 3, `${stats.paddings.sha1} exchanges`);
});

test("Irenogram: handshake, help.getConfig and ping on abridged, obfuscated intermediate, full", {
  skip,
  timeout: 120_000,
}, async () => {
  const { lines, stats } = await judge("irenogram");
  assert.deepEqual(lines.map((l) => [l.transport, l.thisDc, l.pong]), [
    ["TCPAbridged", 2, 5],
    ["TCPIntermediateO", 2, 5],
    ["TCPFull", 2, 5],
  ]);
  // One exchange per transport at least (a client may start one again on a loaded machine), all in
  // the SHA-1 form.
  assert.deepEqual(Object.keys(stats.paddings), ["sha1"], "Pyrogram uses the SHA-1 form");
  assert.ok(stats.paddings.sha1! >= 3, `${stats.paddings.sha1} exchanges`);
});
