// The world on its own, called as the protocol calls it (handle with a CallContext); every
// result is written with tl/'s serializer, so a missing or mistyped field fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { initCore } from "../../core/mod.ts";
import {
  type AnyFunction,
  type AnyTlObject,
  type Api,
  deserialize,
  serialize,
} from "../../tl/mod.ts";
import { type CallContext, RpcFailure } from "./world_contract.ts";
import { MAX_MESSAGES, randomLong, TestWorld, TestWorldError } from "./world.ts";

await initCore();

const DCS = [1, 2, 3, 4, 5].map((id) => ({ id, host: "127.0.0.1", port: 10000 + id }));

function newWorld() {
  const world = new TestWorld({ dcs: DCS });
  const pushed: { userId: number; updates: AnyTlObject }[] = [];
  world.attach({ push: (userId, updates) => pushed.push({ userId, updates }) });
  return { world, pushed };
}

function ctx(dcId = 2): CallContext {
  const c: CallContext = {
    dcId,
    authKeyId: randomLong(),
    sessionId: randomLong(),
    userId: null,
    layer: 224,
    bindUser(u) {
      c.userId = u;
    },
  };
  return c;
}

/** Calls, then round-trips the result through the TL serializer (proves it is valid TL). */
// Results are read loosely (any): the TL round trip already checked their shape.
// deno-lint-ignore no-explicit-any
async function call<T = any>(world: TestWorld, c: CallContext, fn: AnyFunction): Promise<T> {
  const r = await world.handle(c, fn);
  const check = (o: unknown) => deserialize(serialize(o as AnyTlObject));
  if (Array.isArray(r)) return r.map(check) as T;
  if (typeof r === "boolean") return r as T;
  return check(r) as T;
}

async function rejects(p: Promise<unknown>, code: number, message: string | RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof RpcFailure, `not an RpcFailure: ${e}`);
    assert.equal(e.code, code);
    if (typeof message === "string") assert.equal(e.errorMessage, message);
    else assert.match(e.errorMessage, message);
    return true;
  });
}

async function botLogin(world: TestWorld, token: string, c = ctx()) {
  const auth = await call(world, c, {
    _: "auth.importBotAuthorization",
    flags: 0,
    apiId: 1,
    apiHash: "x",
    botAuthToken: token,
  });
  return { c, auth };
}

async function phoneLogin(world: TestWorld, phone: string, code: string, c = ctx()) {
  const sent = await call(world, c, {
    _: "auth.sendCode",
    phoneNumber: phone,
    apiId: 1,
    apiHash: "x",
    settings: { _: "codeSettings" },
  });
  const auth = await call(world, c, {
    _: "auth.signIn",
    phoneNumber: phone,
    phoneCodeHash: sent.phoneCodeHash,
    phoneCode: code,
  });
  return { c, auth };
}

test("world: a bot logs in with its token; a wrong token or another home DC is refused", async () => {
  const { world } = newWorld();
  const bot = world.addBot({ username: "echo_bot", firstName: "Echo" });
  assert.match(bot.token, /^\d+:[A-Za-z0-9_-]{35}$/);
  const { c, auth } = await botLogin(world, bot.token);
  assert.equal(auth._, "auth.authorization");
  assert.equal(auth.user.id, BigInt(bot.userId));
  assert.equal(auth.user.bot, true);
  assert.equal(auth.user.self, true);
  assert.equal(c.userId, bot.userId);
  const [me] = await call(world, c, { _: "users.getUsers", id: [{ _: "inputUserSelf" }] });
  assert.equal(me.username, "echo_bot");
  await rejects(botLogin(world, bot.token.slice(0, -1) + "A"), 400, "ACCESS_TOKEN_INVALID");
  await rejects(botLogin(world, "garbage"), 400, "ACCESS_TOKEN_INVALID");
  await rejects(botLogin(world, bot.token, ctx(4)), 303, "USER_MIGRATE_2");
});

test("world: printing it shows counts, never tokens, codes or verifiers", () => {
  const { world } = newWorld();
  const bot = world.addBot({ username: "echo_bot" });
  const user = world.addUser({ phone: "15550001", password: "secret pw" });
  for (const text of [inspect(world), String(world), inspect({ nested: world })]) {
    assert.match(text, /TestWorld \{ accounts: 2/);
    assert.ok(!text.includes(bot.token.split(":")[1]), text);
    assert.ok(!text.includes(user.code), text);
  }
});

test("world: scripting mistakes are TestWorldErrors with a stable code", () => {
  const { world } = newWorld();
  world.addUser({ phone: "15550001", username: "alice" });
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof TestWorldError);
      return e.code;
    }
    assert.fail("no error");
  };
  assert.equal(code(() => world.addUser({ phone: "+1 (555) 0001" })), "WORLD_TAKEN");
  assert.equal(code(() => world.addBot({ username: "ALICE" })), "WORLD_TAKEN");
  assert.equal(code(() => world.addBot({ username: "no" })), "WORLD_BAD_ARGUMENT");
  assert.equal(code(() => world.addUser({ phone: "x" })), "WORLD_BAD_ARGUMENT");
  assert.equal(code(() => world.addUser({ phone: "15550002", dcId: 9 })), "WORLD_BAD_ARGUMENT");
  assert.equal(code(() => world.moveUser(42, 2)), "WORLD_NO_ACCOUNT");
});

test("world: a box keeps at most MAX_MESSAGES messages, the oldest dropped first", () => {
  const { world } = newWorld();
  const alice = world.addUser({ phone: "15550001" });
  for (let i = 0; i < MAX_MESSAGES + 5; i++) {
    world.postMessage({ fromId: alice.userId, to: { userId: alice.userId }, text: `m${i}` });
  }
  const box = world.account(alice.userId).box;
  assert.equal(box.messages.size, MAX_MESSAGES);
  assert.equal(box.messages.keys().next().value, 6);
  assert.equal(box.pts, 1 + MAX_MESSAGES + 5);
});

test("world: phone + code login; wrong code, other DC (PHONE_MIGRATE) and unknown numbers", async () => {
  const { world } = newWorld();
  const alice = world.addUser({ phone: "+1 555 0001", firstName: "Alice", dcId: 2 });
  await rejects(
    phoneLogin(world, "15550001", alice.code === "11111" ? "22222" : "11111"),
    400,
    "PHONE_CODE_INVALID",
  );
  const { c, auth } = await phoneLogin(world, "15550001", alice.code);
  assert.equal(auth.user.phone, "15550001");
  assert.equal(c.userId, alice.userId);
  await rejects(phoneLogin(world, "15550001", alice.code, ctx(3)), 303, "PHONE_MIGRATE_2");
  // An unknown number: the server asks for sign-up, then the account exists.
  const c2 = ctx();
  const sent = await call(world, c2, {
    _: "auth.sendCode",
    phoneNumber: "15550999",
    apiId: 1,
    apiHash: "x",
    settings: { _: "codeSettings" },
  });
  const code = world.loginCode("15550999")!;
  const r = await call(world, c2, {
    _: "auth.signIn",
    phoneNumber: "15550999",
    phoneCodeHash: sent.phoneCodeHash,
    phoneCode: code,
  });
  assert.equal(r._, "auth.authorizationSignUpRequired");
  assert.equal(c2.userId, null);
  const up = await call(world, c2, {
    _: "auth.signUp",
    phoneNumber: "15550999",
    phoneCodeHash: sent.phoneCodeHash,
    firstName: "Bob",
    lastName: "",
  });
  assert.equal(up.user.firstName, "Bob");
  assert.equal(BigInt(c2.userId!), up.user.id);
  // Logged out: the key is unbound and calls need a login again.
  await call(world, c2, { _: "auth.logOut" });
  assert.equal(c2.userId, null);
  await rejects(call(world, c2, { _: "updates.getState" }), 401, "AUTH_KEY_UNREGISTERED");
});

test("world: 2FA asks for the password; a wrong proof or a stale srp_id is refused", async () => {
  const { world } = newWorld();
  const carol = world.addUser({ phone: "15550002", password: "correct horse" });
  const c = ctx();
  await rejects(phoneLogin(world, "15550002", carol.code, c), 401, "SESSION_PASSWORD_NEEDED");
  assert.equal(c.userId, null);
  const pw = await call<Api.AccountPassword>(world, c, { _: "account.getPassword" });
  assert.equal(pw.hasPassword, true);
  assert.equal(pw.srpB!.length, 256);
  const algo = pw
    .currentAlgo as Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
  assert.equal(algo.g, 3);
  assert.equal(algo.salt1.length, 40);
  await rejects(
    call(world, c, {
      _: "auth.checkPassword",
      password: {
        _: "inputCheckPasswordSRP",
        srpId: pw.srpId!,
        A: new Uint8Array(256).fill(7),
        M1: new Uint8Array(32),
      },
    }),
    400,
    "PASSWORD_HASH_INVALID",
  );
  // The challenge is spent: the same srp_id again is refused.
  await rejects(
    call(world, c, {
      _: "auth.checkPassword",
      password: {
        _: "inputCheckPasswordSRP",
        srpId: pw.srpId!,
        A: new Uint8Array([2]),
        M1: new Uint8Array(32),
      },
    }),
    400,
    "SRP_ID_INVALID",
  );
  const pw2 = await call<Api.AccountPassword>(world, c, { _: "account.getPassword" });
  await rejects(
    call(world, c, {
      _: "auth.checkPassword",
      password: {
        _: "inputCheckPasswordSRP",
        srpId: pw2.srpId!,
        A: new Uint8Array([1]),
        M1: new Uint8Array(32),
      },
    }),
    400,
    "SRP_A_INVALID",
  );
  assert.equal(c.userId, null);
});

test("world: a message to a bot reaches it as an update; pts, getDifference and history agree", async () => {
  const { world, pushed } = newWorld();
  const bot = world.addBot({ username: "echo_bot" });
  const alice = world.addUser({ phone: "15550001", firstName: "Alice", username: "alice" });
  const { c: a } = await phoneLogin(world, "15550001", alice.code);
  const { c: b } = await botLogin(world, bot.token);
  const state0 = await call(world, b, { _: "updates.getState" });
  const resolved = await call(world, a, { _: "contacts.resolveUsername", username: "echo_bot" });
  const botUser = resolved.users[0];
  assert.equal(botUser.accessHash, world.accessHash(alice.userId, bot.userId));
  assert.notEqual(botUser.accessHash, world.accessHash(bot.userId, alice.userId));
  const peer = { _: "inputPeerUser", userId: botUser.id, accessHash: botUser.accessHash } as const;
  const sent = await call(world, a, {
    _: "messages.sendMessage",
    peer,
    message: "hello",
    randomId: 1n,
  });
  assert.equal(sent._, "updateShortSentMessage");
  assert.equal(sent.id, 1);
  // The first message from an unknown user comes with the user; later ones are short.
  assert.equal(pushed.length, 1);
  assert.equal(pushed[0].userId, bot.userId);
  const first = pushed[0].updates as Api.Updates;
  assert.equal(first._, "updates");
  const upd = first.updates[0] as Api.UpdateNewMessage;
  assert.equal((upd.message as Api.Message).message, "hello");
  assert.equal(upd.pts, state0.pts + 1);
  assert.ok(first.users.some((u) => u._ === "user" && u.id === BigInt(alice.userId)));
  await call(world, a, { _: "messages.sendMessage", peer, message: "again", randomId: 2n });
  const short = pushed[1].updates as Api.UpdateShortMessage;
  assert.equal(short._, "updateShortMessage");
  assert.equal(short.message, "again");
  assert.equal(short.userId, BigInt(alice.userId));
  assert.equal(short.pts, state0.pts + 2);
  await rejects(
    call(world, a, { _: "messages.sendMessage", peer, message: "dup", randomId: 2n }),
    500,
    "RANDOM_ID_DUPLICATE",
  );
  await rejects(
    call(world, a, {
      _: "messages.sendMessage",
      peer: { ...peer, accessHash: 5n },
      message: "x",
      randomId: 3n,
    }),
    400,
    "PEER_ID_INVALID",
  );
  // What the bot missed since state0.
  const diff = await call(world, b, {
    _: "updates.getDifference",
    pts: state0.pts,
    date: state0.date,
    qts: 0,
  });
  assert.equal(diff._, "updates.difference");
  assert.deepEqual(diff.newMessages.map((m: Api.Message) => m.message), ["hello", "again"]);
  assert.equal(diff.state.pts, state0.pts + 2);
  const empty = await call(world, b, {
    _: "updates.getDifference",
    pts: diff.state.pts,
    date: 0,
    qts: 0,
  });
  assert.equal(empty._, "updates.differenceEmpty");
  // History (the user's side; bots do not read history) and getMessages: per-user ids, flags.
  const alicePeer = first.users.find((u) => u._ === "user" && !u.self) as Api.User;
  const historyQuery = (viewerPeer: Api.TypeInputPeer) => ({
    _: "messages.getHistory" as const,
    peer: viewerPeer,
    offsetId: 0,
    offsetDate: 0,
    addOffset: 0,
    limit: 1,
    maxId: 0,
    minId: 0,
    hash: 0n,
  });
  const hist = await call(world, a, historyQuery(peer));
  assert.equal(hist._, "messages.messagesSlice");
  assert.equal(hist.count, 2);
  assert.equal(hist.messages[0].message, "again");
  assert.equal(hist.messages[0].out, true);
  await rejects(
    call(
      world,
      b,
      historyQuery({
        _: "inputPeerUser",
        userId: alicePeer.id,
        accessHash: alicePeer.accessHash!,
      }),
    ),
    400,
    "BOT_METHOD_INVALID",
  );
  const got = await call(world, a, {
    _: "messages.getMessages",
    id: [{ _: "inputMessageID", id: 1 }, { _: "inputMessageID", id: 99 }],
  });
  assert.equal(got.messages[0].out, true);
  assert.equal(got.messages[1]._, "messageEmpty");
  const full = await call(world, a, {
    _: "users.getFullUser",
    id: { _: "inputUser", userId: botUser.id, accessHash: botUser.accessHash },
  });
  assert.equal(full.fullUser.id, BigInt(bot.userId));
});

test("world: groups and channels: per-user ids, channel pts, getChannelDifference", async () => {
  const { world, pushed } = newWorld();
  const alice = world.addUser({ phone: "15550001" });
  const bob = world.addUser({ phone: "15550002" });
  const { chatId } = world.createGroup({
    title: "G",
    creatorId: alice.userId,
    memberIds: [bob.userId],
  });
  world.postMessage({ fromId: bob.userId, to: { userId: bob.userId }, text: "saved" });
  const g = world.postMessage({ fromId: alice.userId, to: { chatId }, text: "group hi" });
  assert.equal(g.id, 1); // alice's box: first message she stores
  const toBob = pushed.at(-1)!;
  assert.equal(toBob.userId, bob.userId);
  const bobMsg = ((toBob.updates as Api.Updates).updates[0] as Api.UpdateNewMessage)
    .message as Api.Message;
  assert.equal(bobMsg.id, 2); // bob's box already holds his saved message
  const { channelId } = world.createChannel({
    title: "News",
    creatorId: alice.userId,
    memberIds: [bob.userId],
  });
  const p1 = world.postMessage({ fromId: alice.userId, to: { channelId }, text: "one" });
  world.postMessage({ fromId: alice.userId, to: { channelId }, text: "two" });
  assert.throws(
    () => world.postMessage({ fromId: bob.userId, to: { channelId }, text: "no" }),
    RpcFailure,
  );
  const { c } = await phoneLogin(world, "15550002", bob.code);
  const channel = {
    _: "inputChannel",
    channelId: BigInt(channelId),
    accessHash: world.accessHash(bob.userId, channelId),
  } as const;
  const chats = await call(world, c, { _: "channels.getChannels", id: [channel] });
  assert.equal(chats.chats[0].title, "News");
  await rejects(
    call(world, c, {
      _: "channels.getChannels",
      id: [{ ...channel, accessHash: world.accessHash(alice.userId, channelId) }],
    }),
    400,
    "CHANNEL_INVALID",
  );
  const d = await call(world, c, {
    _: "updates.getChannelDifference",
    channel,
    filter: { _: "channelMessagesFilterEmpty" },
    pts: p1.pts - 1,
    limit: 100,
  });
  assert.equal(d._, "updates.channelDifference");
  assert.deepEqual(d.newMessages.map((m: Api.Message) => m.message), ["one", "two"]);
  const msgs = await call(world, c, {
    _: "channels.getMessages",
    channel,
    id: [{ _: "inputMessageID", id: 2 }],
  });
  assert.equal(msgs.messages[0].message, "two");
  assert.equal(msgs.pts, p1.pts + 1);
});

test("world: flood wait on demand, unknown methods, migration and exported authorizations", async () => {
  const { world } = newWorld();
  const alice = world.addUser({ phone: "15550001" });
  const { c } = await phoneLogin(world, "15550001", alice.code);
  world.setFloodWait("updates.getState", 7, 2);
  await rejects(call(world, c, { _: "updates.getState" }), 420, "FLOOD_WAIT_7");
  await rejects(call(world, c, { _: "updates.getState" }), 420, "FLOOD_WAIT_7");
  await call(world, c, { _: "updates.getState" });
  await rejects(
    call(world, c, { _: "messages.getDialogFilters" }),
    400,
    /^TESTSERVER_UNSUPPORTED_MESSAGES_GETDIALOGFILTERS$/,
  );
  const cfg = await call(world, c, { _: "help.getConfig" });
  assert.deepEqual(
    cfg.dcOptions.map((o: Api.DcOption) => [o.id, o.port]),
    DCS.map((d) => [d.id, d.port]),
  );
  assert.equal(cfg.thisDc, 2);
  // Export to DC 4, import there: that key may act for alice although she lives on DC 2.
  const exp = await call(world, c, { _: "auth.exportAuthorization", dcId: 4 });
  const c4 = ctx(4);
  await rejects(
    call(world, c4, { _: "auth.importAuthorization", id: exp.id, bytes: exp.bytes.slice(1) }),
    400,
    "AUTH_BYTES_INVALID",
  );
  await call(world, c4, { _: "auth.importAuthorization", id: exp.id, bytes: exp.bytes });
  assert.equal(c4.userId, alice.userId);
  await call(world, c4, { _: "updates.getState" });
  // Moved home: the old home's key is told where she lives now.
  world.moveUser(alice.userId, 3);
  await rejects(call(world, c, { _: "updates.getState" }), 303, "USER_MIGRATE_3");
});
