// The logger: levels, silence by default, and no secret in any line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Logger } from "./logger.ts";

test("logger: silent by default; levels include the ones before", () => {
  const lines: string[] = [];
  new Logger(undefined, (l) => lines.push(l)).error("x");
  assert.equal(lines.length, 0);
  const warn = new Logger("warn", (l) => lines.push(l));
  warn.debug("d");
  warn.info("i");
  warn.warn("w", { dc: 2 });
  warn.error("e");
  assert.equal(lines.length, 2);
  assert.match(lines[0], / warn w dc=2$/);
  assert.match(lines[1], / error e$/);
  assert.throws(() => new Logger("loud" as never));
});

test("logger: bytes, keys, hashes, tokens and salts never reach a line", () => {
  const lines: string[] = [];
  const log = new Logger("debug", (l) => lines.push(l));
  const secret = new Uint8Array(256).fill(0xab);
  log.debug("values", {
    authKey: secret,
    apiHash: "0123456789abcdef0123456789abcdef",
    botToken: "123:SECRET",
    serverSalt: 123456789n,
    newNonce: "x",
    sessionString: "BQAB",
    password: "hunter2",
    payload: secret,
    object: { _: "auth.authorization", key: "secret" },
  });
  const line = lines[0];
  for (
    const leak of ["abab", "0123456789abcdef", "SECRET", "123456789", "BQAB", "hunter2", "secret"]
  ) {
    assert.ok(!line.includes(leak), `${leak} in ${line}`);
  }
  assert.match(line, /payload=<256 bytes>/);
  assert.match(line, /object=<auth.authorization>/);
});

test("logger: a throwing sink does not throw", () => {
  const log = new Logger("info", () => {
    throw new Error("disk full");
  });
  log.info("fine");
});
