/**
 * The Client against TestServer: logging in (bot, user, 2FA) with every storage choice, starting
 * again without a new login, and the failures that must write nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Client } from "../client/client.ts";
import { ClientError } from "../client/errors.ts";
import { FloodWait, RpcError } from "../tl/mod.ts";
import { dropMongo, loggedIn, MONGO_URL, mongoSkip, startWorld } from "./client_helpers.ts";

const skipMongo = await mongoSkip();

test("client e2e: a bot logs in to a session file, and a restart from the file does not log in again", async () => {
  const w = await startWorld("a");
  try {
    let key: Uint8Array | null;
    {
      await using app = new Client("bot", w.botOptions());
      await app.start();
      assert.equal(app.userId, w.bot.userId);
      assert.equal(app.isBot, true);
      const me = await app.getMe();
      assert.equal(me.username, w.bot.username);
      key = (await app.storage.getSession()).authKey;
      assert.equal(key?.length, 256);
    }
    assert.ok(existsSync(join(w.dir, "bot.session")));
    const mark = w.calls.length;
    await using again = new Client("bot", w.options());
    await again.start();
    assert.deepEqual(loggedIn(w.since(mark)), [], "no login on restart");
    assert.equal(again.userId, w.bot.userId);
    assert.deepEqual((await again.storage.getSession()).authKey, key, "the same auth key");
    assert.equal((await again.getMe()).id, w.bot.userId);
  } finally {
    await w.close();
  }
});

test("client e2e: a user logs in with phone and code; a session string starts a third client without login", async () => {
  const w = await startWorld("b");
  try {
    let text: string;
    {
      await using app = new Client(":memory:", w.userOptions());
      await app.start();
      assert.equal(app.userId, w.user.userId);
      text = await app.exportSessionString();
    }
    const mark = w.calls.length;
    await using fromString = new Client("any", { ...w.options(), sessionString: text });
    await fromString.start();
    assert.deepEqual(loggedIn(w.since(mark)), []);
    assert.equal((await fromString.getMe()).phoneNumber, w.user.phone);
  } finally {
    await w.close();
  }
});

test("client e2e: 2FA: the password is checked with SRP; a wrong one is a typed error and writes nothing", async () => {
  const w = await startWorld("c");
  try {
    const options = { ...w.options(), phoneNumber: w.user2fa.phone, phoneCode: w.user2fa.code };
    const wrong = new Client("twofa", { ...options, password: "wrong password" });
    await assert.rejects(
      wrong.start(),
      (e) => e instanceof RpcError && e.id === "PASSWORD_HASH_INVALID",
    );
    const probe = new Client("twofa", w.options());
    await probe.storage.open();
    const s = await probe.storage.getSession();
    assert.deepEqual([s.authKey, s.userId], [null, null], "nothing written");
    await probe.close();

    // A callback is asked again after a wrong answer (as a person at a terminal would be).
    const answers = ["nope", w.user2fa.password];
    await using right = new Client("twofa", { ...options, password: () => answers.shift()! });
    await right.start();
    assert.equal(right.userId, w.user2fa.userId);
    assert.equal(answers.length, 0);
  } finally {
    await w.close();
  }
});

test("client e2e: a wrong code and an expired code are typed errors; nothing is written", async () => {
  const w = await startWorld("d");
  try {
    const base = { ...w.options(), phoneNumber: w.user.phone };
    await assert.rejects(
      new Client("coded", { ...base, phoneCode: "00000" }).start(),
      (e) => e instanceof RpcError && e.id === "PHONE_CODE_INVALID",
    );
    const expire = () => {
      for (const sent of w.world.codes.values()) sent.expires = 0;
      return w.user.code;
    };
    await assert.rejects(
      new Client("coded", { ...base, phoneCode: expire }).start(),
      (e) => e instanceof RpcError && e.id === "PHONE_CODE_EXPIRED",
    );
    const probe = new Client("coded", w.options());
    await probe.storage.open();
    const s = await probe.storage.getSession();
    assert.deepEqual([s.authKey, s.userId, s.apiId], [null, null, null], "nothing written");
    await probe.close();
  } finally {
    await w.close();
  }
});

test("client e2e: without a terminal, missing login details are a typed error naming them", async () => {
  const w = await startWorld("e");
  try {
    await assert.rejects(new Client(":memory:", w.options()).start(), (e) => {
      assert.ok(e instanceof ClientError);
      assert.equal(e.code, "CLIENT_INPUT_REQUIRED");
      assert.match(e.message, /phoneNumber/);
      return true;
    });
    await assert.rejects(
      new Client(":memory:", { ...w.options(), phoneNumber: w.user.phone }).start(),
      (e) =>
        e instanceof ClientError && e.code === "CLIENT_INPUT_REQUIRED" &&
        /phoneCode/.test(e.message),
    );
    const { apiId: _, ...noApiId } = w.options();
    await assert.rejects(
      new Client(":memory:", noApiId).start(),
      (e) => e instanceof ClientError && /apiId/.test(e.message),
    );
  } finally {
    await w.close();
  }
});

test("client e2e: a new number signs up with the given names", async () => {
  const w = await startWorld("f");
  try {
    const phone = "15559990001";
    await using app = new Client(":memory:", {
      ...w.options(),
      phoneNumber: phone,
      phoneCode: () => w.world.loginCode(phone)!,
      firstName: "Newton",
      lastName: "",
    });
    await app.start();
    const me = await app.getMe();
    assert.equal(me.firstName, "Newton");
    assert.equal(me.phoneNumber, phone);
  } finally {
    await w.close();
  }
});

test("client e2e: FLOOD_WAIT at or under sleepThreshold is slept, logged and retried; above it is thrown", async () => {
  const w = await startWorld("g");
  try {
    const warned: [string, Record<string, unknown> | undefined][] = [];
    const quiet = () => {};
    await using app = new Client(":memory:", {
      ...w.options(),
      botToken: w.bot.token,
      sleepThreshold: 1,
      logger: { debug: quiet, info: quiet, error: quiet, warn: (m, f) => void warned.push([m, f]) },
    });
    await app.start();
    w.server.setFloodWait("users.getUsers", 1, 1); // exactly the threshold
    let mark = w.calls.length;
    assert.equal((await app.getMe()).id, w.bot.userId);
    assert.equal(w.since(mark).filter((m) => m === "users.getUsers").length, 2, "sent twice");
    const logged = warned.find(([m]) => /flood wait/.test(m));
    assert.deepEqual(logged?.[1], { method: "users.getUsers", seconds: 1 });
    w.server.setFloodWait("users.getUsers", 2, 1);
    mark = w.calls.length;
    await assert.rejects(app.getMe(), (e) => e instanceof FloodWait && e.value === 2);
    assert.equal(w.since(mark).filter((m) => m === "users.getUsers").length, 1, "not sent again");
  } finally {
    await w.close();
  }
});

test("client e2e: PHONE_MIGRATE moves the home DC, which is stored; a restart goes there directly", async () => {
  const w = await startWorld("h");
  try {
    w.server.moveUser(w.user.userId, 4);
    {
      await using app = new Client("moved", w.userOptions());
      await app.start();
      assert.equal((await app.storage.getSession()).dcId, 4);
      assert.equal(
        await app.storage.getAuthKey(2) !== null,
        true,
        "the first DC's key is kept too",
      );
    }
    const mark = w.calls.length;
    await using again = new Client("moved", w.options());
    await again.start();
    await again.getMe();
    const calls = w.calls.slice(mark);
    assert.deepEqual(loggedIn(calls.map((c) => c.method)), []);
    assert.ok(calls.every((c) => c.dcId === 4), "every request went to DC 4");
  } finally {
    await w.close();
  }
});

test("client e2e: USER_MIGRATE after login carries the login to the new home, which is stored", async () => {
  const w = await startWorld("U");
  try {
    {
      await using app = new Client("moved_later", w.botOptions());
      await app.start();
      w.server.moveUser(w.bot.userId, 4);
      const mark = w.calls.length;
      assert.equal((await app.getMe()).id, w.bot.userId);
      const calls = w.calls.slice(mark).map((c) => `${c.method}@${c.dcId}`);
      assert.ok(calls.includes("auth.exportAuthorization@2"), calls.join());
      assert.ok(calls.includes("auth.importAuthorization@4"), calls.join());
      assert.equal((await app.storage.getSession()).dcId, 4);
    }
    const mark = w.calls.length;
    await using again = new Client("moved_later", w.options());
    await again.start();
    assert.equal((await again.getMe()).id, w.bot.userId);
    assert.deepEqual(loggedIn(w.since(mark)), []);
    assert.ok(w.calls.slice(mark).every((c) => c.dcId === 4), "the restart went to DC 4");
  } finally {
    await w.close();
  }
});

test("client e2e: a home DC move whose login cannot be carried over stores nothing", async () => {
  const w = await startWorld("V");
  try {
    await using app = new Client("stuck", w.botOptions());
    await app.start();
    const before = await app.storage.getSession();
    w.server.moveUser(w.bot.userId, 4);
    w.server.setFloodWait("auth.exportAuthorization", 999, 5);
    await assert.rejects(app.getMe(), (e) => e instanceof RpcError && e.id === "USER_MIGRATE_X");
    assert.deepEqual(await app.storage.getSession(), before, "the session still names DC 2");
  } finally {
    await w.close();
  }
});

test(
  "client e2e: MongoDB keeps the session; two clients on one database both work without logging in",
  {
    skip: skipMongo,
  },
  async () => {
    const w = await startWorld("i");
    const name = `irenogram_client_e2e_${Date.now()}`;
    try {
      const options = { ...w.options(), storageEngine: MONGO_URL };
      {
        await using first = new Client(name, { ...options, botToken: w.bot.token });
        await first.start();
      }
      const mark = w.calls.length;
      await using a = new Client(name, options);
      await using b = new Client(name, options);
      await Promise.all([a.start(), b.start()]);
      assert.deepEqual(loggedIn(w.since(mark)), []);
      const [ma, mb] = await Promise.all([a.getMe(), b.getMe()]);
      assert.equal(ma.id, w.bot.userId);
      assert.equal(mb.id, w.bot.userId);
    } finally {
      await w.close();
      await dropMongo(name);
    }
  },
);

test("client e2e: restart() reconnects without a login; run() starts and stops; logOut() deletes the session", async () => {
  const w = await startWorld("q");
  try {
    const app = new Client("cycle", w.botOptions());
    await app.start();
    await assert.rejects(
      app.start(),
      (e) => e instanceof ClientError && e.code === "CLIENT_ALREADY_STARTED",
    );
    const mark = w.calls.length;
    await app.restart();
    assert.equal((await app.getMe()).id, w.bot.userId);
    await app.stop();
    const name = await new Client("cycle", w.options()).run(async (c) =>
      (await c.getMe()).username
    );
    assert.equal(name, w.bot.username);
    assert.deepEqual(loggedIn(w.since(mark)), []);
    await using last = new Client("cycle", w.options());
    await last.start();
    await last.logOut();
    assert.equal(existsSync(join(w.dir, "cycle.session")), false, "the session file is gone");
    await assert.rejects(
      last.getMe(),
      (e) => e instanceof ClientError && e.code === "CLIENT_NOT_STARTED",
    );
  } finally {
    await w.close();
  }
});

test("client e2e: invoke on another DC exports the authorization there; its key is stored per DC", async () => {
  const w = await startWorld("s");
  try {
    await using app = new Client("multi", w.botOptions());
    await app.start();
    const mark = w.calls.length;
    const [me] = await app.invoke({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] }, {
      dcId: 4,
    });
    assert.equal(me.id, BigInt(w.bot.userId));
    const calls = w.calls.slice(mark);
    assert.ok(calls.some((c) => c.method === "auth.exportAuthorization" && c.dcId === 2));
    assert.ok(calls.some((c) => c.method === "auth.importAuthorization" && c.dcId === 4));
    assert.equal((await app.storage.getAuthKey(4))?.length, 256);
    assert.equal((await app.storage.getSession()).dcId, 2, "the home DC stays");
  } finally {
    await w.close();
  }
});
