import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { User } from "./user.ts";
import { users } from "./test_support/corpus.ts";

test("User: fields of a full user, read from the TL object", () => {
  const u = new User(users.self.raw);
  assert.equal(u.id, 1000);
  assert.equal(u.isSelf, true);
  assert.equal(u.isPremium, true);
  assert.equal(u.isBot, false);
  assert.equal(u.firstName, "Sam");
  assert.equal(u.fullName, "Sam Self");
  assert.equal(u.username, "sam");
  assert.equal(u.phoneNumber, "15550001000");
  assert.equal(u.languageCode, "en");
  assert.equal(u.dcId, 2);
  assert.equal(u.status, "online");
  assert.equal(u.nextOfflineDate?.getTime(), (1_760_000_000 + 300) * 1000);
  assert.equal(u.lastOnlineDate, undefined);
});

test("User: usernames without a main one, offline status, a bot without status, a deleted account", () => {
  const alice = new User(users.alice.raw);
  assert.equal(alice.username, "alice");
  assert.deepEqual(alice.usernames, [
    { username: "alice", editable: true, active: true },
    { username: "alice_nft", editable: false, active: true },
  ]);
  assert.equal(alice.status, "offline");
  assert.equal(alice.lastOnlineDate?.getTime(), (1_760_000_000 - 60) * 1000);
  assert.equal(alice.isVerified, true);
  assert.equal(alice.isMutualContact, true);
  const bot = new User(users.bot.raw);
  assert.equal(bot.isBot, true);
  assert.equal(bot.status, undefined);
  const deleted = new User(users.deleted.raw);
  assert.equal(deleted.isDeleted, true);
  assert.equal(deleted.firstName, undefined);
  assert.equal(deleted.fullName, undefined);
  assert.equal(deleted.status, "long_ago");
});

test("User: a min user keeps its names and flags, has no phone", () => {
  const min = new User(users.min.raw);
  assert.equal(min.isMin, true);
  assert.equal(min.isScam, true);
  assert.equal(min.username, "mallory");
  assert.equal(min.phoneNumber, undefined);
  assert.equal(min.status, "recently");
});

test("User: parse gives undefined for userEmpty and a missing user", () => {
  assert.equal(User.parse({ _: "userEmpty", id: 5n }), undefined);
  assert.equal(User.parse(undefined), undefined);
  assert.equal(User.parse(users.bot.raw)?.id, 1002);
});

test("User: printed like Pyrogram's str(user), the phone number masked and raw left out", () => {
  const u = new User(users.self.raw);
  const json = JSON.parse(JSON.stringify(u));
  assert.equal(json._, "User");
  assert.equal(json.id, 1000);
  assert.equal(json.phoneNumber, "*********");
  assert.equal(json.raw, undefined);
  assert.equal(json.lastName, "Self");
  assert.equal("lastOnlineDate" in json, false, "unset fields are left out");
  for (const text of [inspect(u, { depth: 5 }), JSON.stringify(u)]) {
    assert.doesNotMatch(text, /15550001000/);
    assert.match(text, /Sam/);
  }
  const printed = "Deno" in globalThis
    ? (globalThis as unknown as { Deno: { inspect(v: unknown): string } }).Deno.inspect(u)
    : inspect(u);
  assert.doesNotMatch(printed, /15550001000|accessHash/);
  assert.match(printed, /isSelf/);
});
