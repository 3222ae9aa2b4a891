/**
 * Channels end to end against TestServer: messages posted while the client was stopped arrive
 * after the restart (getChannelDifference for every channel whose pts is kept), a gap a live
 * update reveals is filled, updateChannelTooLong leads to the fetch, and the pts stored is the
 * last one delivered.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "../client/client.ts";
import { loggedIn, startWorld, waitFor } from "./client_helpers.ts";

type World = Awaited<ReturnType<typeof startWorld>>;

const marked = (channelId: number) => -1_000_000_000_000 - channelId;

/** Two channels of the judges' bot that the user reads, and what the user's clients received. */
function channels(w: World) {
  const a = w.world.createChannel({
    title: "A",
    creatorId: w.bot.userId,
    memberIds: [w.user.userId],
  });
  const b = w.world.createChannel({
    title: "B",
    creatorId: w.bot.userId,
    memberIds: [w.user.userId],
  });
  const got: string[] = [];
  const post = (c: { channelId: number }, text: string) =>
    w.world.postMessage({ fromId: w.bot.userId, to: { channelId: c.channelId }, text });
  const listen = (client: Client) =>
    client.onMessage((m) => {
      got.push(m.text ?? "");
    });
  return {
    a: a.channelId,
    b: b.channelId,
    got,
    post: (c: number, text: string) => post({ channelId: c }, text),
    listen,
  };
}

const of = (got: string[], prefix: string) => got.filter((t) => t.startsWith(prefix));

test("client channels: posts in two channels while stopped arrive after the restart, once each, in order per channel", async () => {
  const w = await startWorld("Q");
  try {
    const c = channels(w);
    const options = w.userOptions();
    {
      await using user = new Client("chan", options);
      c.listen(user);
      await user.start();
      c.post(c.a, "a0");
      c.post(c.b, "b0");
      await waitFor(() => c.got.length === 2, 5000, "the live posts");
    }
    // A misses 3 (more than channelTooLong: getDifference names it), B 2 (found from the storage).
    w.world.channelTooLong = 2;
    for (let i = 1; i <= 3; i++) c.post(c.a, `a${i}`), i <= 2 && c.post(c.b, `b${i}`);
    {
      await using user = new Client("chan", w.options());
      c.listen(user);
      const mark = w.calls.length;
      await user.start();
      assert.deepEqual(loggedIn(w.since(mark)), []);
      await waitFor(() => c.got.length === 7, 5000, "the missed posts");
      const fetches = w.calls.slice(mark).filter((x) =>
        x.method === "updates.getChannelDifference"
      );
      assert.equal(fetches.length, 2, "one fetch per channel, none twice");
      assert.equal(await user.storage.getChannelPts(marked(c.a)), w.world.channels.get(c.a)!.pts);
      assert.equal(await user.storage.getChannelPts(marked(c.b)), w.world.channels.get(c.b)!.pts);
    }
    // Nothing is delivered twice by a third start.
    await using user = new Client("chan", w.options());
    c.listen(user);
    await user.start();
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(of(c.got, "a"), ["a0", "a1", "a2", "a3"]);
    assert.deepEqual(of(c.got, "b"), ["b0", "b1", "b2"]);
    assert.equal(c.got.length, 7);
  } finally {
    await w.close();
  }
});

/** A started in-memory client of the user that has received "a0" in channel A live. */
async function liveReader(w: World, c: ReturnType<typeof channels>): Promise<Client> {
  const user = new Client(":memory:", w.userOptions());
  c.listen(user);
  await user.start();
  c.post(c.a, "a0");
  await waitFor(() => c.got.length === 1, 5000, "the live post");
  return user;
}

/** Drops the user's connection and posts while it is down (nothing can be pushed), then reconnects. */
async function missWhileDown(w: World, user: Client, post: () => void): Promise<void> {
  w.server.dropConnections();
  post();
  await user.getMe(); // reconnected: pushes reach it again
}

test("client channels: a gap a live update reveals is filled with getChannelDifference", async () => {
  const w = await startWorld("R");
  try {
    const c = channels(w);
    await using user = await liveReader(w, c);
    await missWhileDown(w, user, () => (c.post(c.a, "a1"), c.post(c.a, "a2")));
    assert.deepEqual(c.got, ["a0"]);
    const mark = w.calls.length;
    c.post(c.a, "a3"); // pushed with pts 3 ahead of the client's
    await waitFor(() => c.got.length === 4, 5000, "the gap filled");
    assert.deepEqual(c.got, ["a0", "a1", "a2", "a3"]);
    assert.ok(w.since(mark).includes("updates.getChannelDifference"));
    // Written coalesced (SAVE_DELAY_MS), not per batch: within about a second.
    const pts = w.world.channels.get(c.a)!.pts;
    for (let i = 0; i < 500 && await user.storage.getChannelPts(marked(c.a)) !== pts; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(await user.storage.getChannelPts(marked(c.a)), pts);
  } finally {
    await w.close();
  }
});

test("client channels: updateChannelTooLong pushed by the server leads to the fetch", async () => {
  const w = await startWorld("S");
  try {
    const c = channels(w);
    w.world.channelTooLong = 3;
    await using user = await liveReader(w, c);
    await missWhileDown(w, user, () => {
      for (let i = 1; i <= 5; i++) c.post(c.a, `a${i}`);
    });
    const mark = w.calls.length;
    // 6 behind: the server pushes updateChannelTooLong, not the message; only a fetch brings it.
    c.post(c.a, "a6");
    assert.ok(w.world.channels.get(c.a)!.tooLongSent.has(w.user.userId));
    await waitFor(() => c.got.length === 7, 5000, "the fetched posts");
    assert.deepEqual(c.got, ["a0", "a1", "a2", "a3", "a4", "a5", "a6"]);
    assert.ok(w.since(mark).includes("updates.getChannelDifference"));
    assert.ok(!w.world.channels.get(c.a)!.tooLongSent.has(w.user.userId));
    // Live again: the next post is pushed as a message.
    c.post(c.a, "a7");
    await waitFor(() => c.got.length === 8, 5000, "the next live post");
  } finally {
    await w.close();
  }
});

test("client channels: a pts older than the server keeps skips to the latest (nothing twice) and goes on from there", async () => {
  const w = await startWorld("T");
  try {
    const c = channels(w);
    w.world.channelHistory = 3;
    const options = w.userOptions();
    {
      await using user = new Client("old", options);
      c.listen(user);
      await user.start();
      c.post(c.a, "a0");
      await waitFor(() => c.got.length === 1, 5000, "the live post");
    }
    for (let i = 1; i <= 6; i++) c.post(c.a, `a${i}`);
    await using user = new Client("old", w.options());
    c.listen(user);
    await user.start();
    assert.equal(await user.storage.getChannelPts(marked(c.a)), w.world.channels.get(c.a)!.pts);
    c.post(c.a, "a7");
    await waitFor(() => c.got.length === 2, 5000, "the next live post");
    assert.deepEqual(c.got, ["a0", "a7"]);
  } finally {
    await w.close();
  }
});
