import { test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "./client.ts";
import { ClientError } from "./errors.ts";
import type { ClientOptions } from "./options.ts";
import type { CachedStorage } from "../storage/peer_cache.ts";
import { MemoryStorage } from "../storage/memory.ts";

const invalid = (options: unknown, names: RegExp) =>
  assert.throws(() => new Client(":memory:", options as ClientOptions), (e: unknown) => {
    assert.ok(e instanceof ClientError);
    assert.equal(e.code, "CLIENT_INVALID_OPTION");
    assert.match(e.message, names);
    return true;
  });

test("options: wrong types and ranges are CLIENT_INVALID_OPTION naming the option", () => {
  invalid({ apiId: 0 }, /apiId/);
  invalid({ apiId: 1.5 }, /apiId/);
  invalid({ apiId: "12345" }, /apiId/);
  invalid({ apiHash: "" }, /apiHash/);
  invalid({ phoneNumber: 15550001 }, /phoneNumber/);
  invalid({ password: 42 }, /password/);
  invalid({ sleepThreshold: -1 }, /sleepThreshold/);
  invalid({ sleepThreshold: NaN }, /sleepThreshold/);
  invalid({ transport: "carrier-pigeon" }, /transport/);
  invalid({ logLevel: "loud" }, /logLevel/);
  invalid({ logger: { info() {} } }, /logger/);
  invalid({ proxy: { host: "p", port: 70000, secret: "dd00" } }, /proxy/);
  invalid({ dcOptions: [] }, /dcOptions/);
  invalid({ dcOptions: [{ id: 2, host: "h" }] }, /dcOptions/);
  invalid({ publicKeys: ["not a key"] }, /publicKeys/);
  invalid({ testMode: "yes" }, /testMode/);
  invalid({ langCode: "en; drop table" }, /langCode/);
  invalid({ botToken: "123:abc", phoneNumber: "+1555" }, /botToken or phoneNumber/);
});

test("options: a malformed bot token is refused without repeating it", () => {
  const token = "not-a-token-but-secret-material";
  assert.throws(() => new Client(":memory:", { botToken: token }), (e: unknown) => {
    assert.ok(e instanceof ClientError);
    assert.doesNotMatch(e.message, /secret-material/);
    return true;
  });
});

test("options: good options are accepted, callbacks included", () => {
  const c = new Client(":memory:", {
    apiId: 12345,
    apiHash: "0123456789abcdef0123456789abcdef",
    phoneNumber: () => "+15550001",
    phoneCode: () => Promise.resolve("12345"),
    password: "pw",
    sleepThreshold: 0,
    transport: "intermediate",
    logLevel: "silent",
    dcOptions: [{ id: 2, host: "127.0.0.1", port: 4430 }],
    langCode: "pt-br",
  });
  assert.equal(c.name, ":memory:");
  // Printing a client shows no secret.
  assert.doesNotMatch(JSON.stringify(c) + String(c), /0123456789abcdef/);
});

test("options: memory (the name or inMemory) wins over storageEngine", () => {
  const inner = (c: Client) => (c.storage as CachedStorage).inner;
  const mine = new MemoryStorage();
  assert.notEqual(inner(new Client(":memory:", { storageEngine: mine })), mine);
  assert.notEqual(inner(new Client("acc", { inMemory: true, storageEngine: mine })), mine);
  assert.equal(inner(new Client("acc", { storageEngine: mine })), mine);
});
