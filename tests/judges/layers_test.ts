// The layer tables checked against the judges' own (de)serialisers: what the server writes at
// GramJS's layer (198) GramJS reads back, what GramJS writes the server decodes, and the same
// with mtcute (227, the layer its core bundles); at 224 the tables change nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { Api as G } from "telegram";
import { BinaryReader } from "telegram/extensions/BinaryReader.js";
import {
  __tlReaderMap,
  __tlWriterMap,
  TlBinaryReader,
  TlBinaryWriter,
} from "@mtcute/core/utils.js";
import { Long } from "@mtcute/core";
import { type AnyTlObject, type Api, serialize } from "../../tl/mod.ts";
import { decodeQuery, encodeObject, SERVED_LAYERS } from "../../testing/server/layers.ts";

const user: Api.User = {
  _: "user",
  self: true,
  bot: true,
  id: 7000000123n,
  accessHash: -1234567890123n,
  firstName: "Echo",
  username: "echo_bot",
  botInfoVersion: 1,
  botNochats: true,
};
const message: Api.Message = {
  _: "message",
  out: false,
  id: 5,
  fromId: { _: "peerUser", userId: 7000000999n },
  peerId: { _: "peerUser", userId: 7000000999n },
  date: 1764900000,
  message: "hello",
};
const updates: Api.Updates = {
  _: "updates",
  updates: [{ _: "updateNewMessage", message, pts: 3, ptsCount: 1 }],
  users: [user],
  chats: [],
  date: 1764900000,
  seq: 0,
};

test("layers: the server serves 224 and the judges' layers", () => {
  for (const l of [198, 224, 225, 227, 229]) assert.ok(SERVED_LAYERS.includes(l), `layer ${l}`);
});

test("layers: at 224 encodeObject writes exactly tl/'s serialisation", () => {
  assert.deepEqual(encodeObject(updates, 224), serialize(updates as AnyTlObject));
});

test("layers: GramJS (layer 198) reads the server's updates, user and message", () => {
  const bytes = encodeObject(updates, 198);
  assert.notDeepEqual(bytes, serialize(updates as AnyTlObject)); // user and message differ at 198
  const got = new BinaryReader(Buffer.from(bytes)).tgReadObject();
  assert.ok(got instanceof G.Updates);
  const u = got.users[0] as G.User;
  assert.ok(u instanceof G.User);
  assert.equal(u.id.toString(), "7000000123");
  assert.equal(u.accessHash!.toString(), "-1234567890123");
  assert.equal(u.username, "echo_bot");
  assert.equal(u.bot, true);
  assert.equal(u.self, true);
  const m = (got.updates[0] as G.UpdateNewMessage).message as G.Message;
  assert.ok(m instanceof G.Message);
  assert.equal(m.message, "hello");
  assert.equal(m.id, 5);
  assert.equal((m.peerId as G.PeerUser).userId.toString(), "7000000999");
});

test("layers: the server decodes GramJS's messages.sendMessage (layer 198)", () => {
  const req = new G.messages.SendMessage({
    peer: new G.InputPeerUser({ userId: 7000000123n as never, accessHash: -5n as never }),
    message: "hi there",
    randomId: 77n as never,
    silent: true,
  });
  const fn = decodeQuery(new Uint8Array(req.getBytes()), 198) as Api.MessagesSendMessage;
  assert.equal(fn._, "messages.sendMessage");
  assert.equal(fn.message, "hi there");
  assert.equal(fn.randomId, 77n);
  assert.equal(fn.silent, true);
  assert.deepEqual(fn.peer, { _: "inputPeerUser", userId: 7000000123n, accessHash: -5n });
  // The same bytes wrapped in invokeWithLayer(198) decode at 198 whatever the key's layer.
  const wrapped = new G.InvokeWithLayer({ layer: 198, query: req });
  const inner = decodeQuery(new Uint8Array(wrapped.getBytes()), 224) as Api.InvokeWithLayer;
  assert.equal((inner.query as Api.MessagesSendMessage).message, "hi there");
});

test("layers: mtcute (layer 227) reads the server's message and writes a sendMessage it decodes", () => {
  const bytes = encodeObject(updates, 227);
  assert.notDeepEqual(bytes, serialize(updates as AnyTlObject)); // message differs at 227
  const got = TlBinaryReader.deserializeObject<{
    updates: { message: { _: string; message: string; id: number } }[];
    users: { username: string }[];
  }>(__tlReaderMap, bytes);
  assert.equal(got.updates[0].message._, "message");
  assert.equal(got.updates[0].message.message, "hello");
  assert.equal(got.updates[0].message.id, 5);
  assert.equal(got.users[0].username, "echo_bot");
  const query = {
    _: "messages.sendMessage",
    peer: { _: "inputPeerSelf" },
    message: "to myself",
    randomId: Long.fromString("-9"),
    noWebpage: true,
  };
  const fn = decodeQuery(
    TlBinaryWriter.serializeObject(__tlWriterMap, query as { _: string }),
    227,
  ) as Api.MessagesSendMessage;
  assert.equal(fn._, "messages.sendMessage");
  assert.equal(fn.message, "to myself");
  assert.equal(fn.randomId, -9n);
  assert.equal(fn.noWebpage, true);
  assert.deepEqual(fn.peer, { _: "inputPeerSelf" });
});
