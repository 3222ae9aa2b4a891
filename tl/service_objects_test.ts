import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import {
  BadRequest,
  deserialize,
  FloodWait,
  readResult,
  RpcError,
  serialize,
  TlReader,
  TlWriter,
} from "./mod.ts";
import type { Api } from "./mod.ts";

test("msg_container with rpc_result and pong round-trips; lengths are computed", () => {
  const result = serialize({ _: "pong", msgId: 3n, pingId: 4n });
  const container: Api.MsgContainer = {
    _: "msg_container",
    messages: [
      { msgId: 10n, seqno: 1, body: { _: "rpc_result", reqMsgId: 3n, result } },
      { msgId: 11n, seqno: 3, body: { _: "msgs_ack", msgIds: [1n, 2n] } },
    ],
  };
  const bytes = serialize(container);
  const dv = new DataView(bytes.buffer);
  assert.equal(dv.getUint32(0, true), 0x73f1f8dc);
  assert.equal(dv.getUint32(4, true), 2);
  assert.equal(dv.getInt32(20, true), 4 + 8 + result.length); // first body: rpc_result
  assert.deepEqual(deserialize(bytes), container);
});

test("a container body may be given as bytes already serialised", () => {
  const body = serialize({ _: "ping", pingId: 9n });
  const bytes = serialize({ _: "msg_container", messages: [{ msgId: 1n, seqno: 2, body }] });
  const back = deserialize(bytes) as Api.MsgContainer;
  assert.deepEqual(back.messages[0].body, { _: "ping", pingId: 9n });
});

function vectorBytes(write: (w: TlWriter) => void): Uint8Array {
  const w = new TlWriter();
  write(w);
  return w.result();
}

test("readResult decodes results by their function, through generic wrappers", () => {
  // messages.receivedMessages returns Vector<ReceivedNotifyMessage>: boxed objects.
  const fn = {
    _: "invokeWithLayer",
    layer: 224,
    query: { _: "messages.receivedMessages", maxId: 5 },
  } as const;
  const item = { _: "receivedNotifyMessage", id: 1, flags: 0 } as const;
  const received = readResult(fn, vectorBytes((w) => w.vectorObject([item])));
  assert.deepEqual(received, [item]);
  // A Bool result.
  const yes = readResult(
    { _: "account.getContactSignUpNotification" } as const,
    new Uint8Array([0xb5, 0x75, 0x72, 0x99]),
  );
  assert.equal(yes, true);
});

test("readResult reads vectors of bare numbers and inflates gzip_packed results", () => {
  const longs = vectorBytes((w) => w.vectorLong([1n, -2n, 2n ** 62n]));
  const queue = readResult({ _: "messages.receivedQueue", maxQts: 1 } as const, longs);
  assert.deepEqual(queue, [1n, -2n, 2n ** 62n]);
  const ints = vectorBytes((w) => w.vectorInt([7, -8]));
  const ids = readResult({ _: "contacts.getContactIDs", hash: 0n } as const, ints);
  assert.deepEqual(ids, [7, -8]);
  const gz = serialize({ _: "gzip_packed", packedData: gzipSync(longs) });
  assert.deepEqual(readResult({ _: "messages.receivedQueue", maxQts: 1 } as const, gz), queue);
});

test("readResult throws rpc_error as the typed RpcError", () => {
  const err = serialize({ _: "rpc_error", errorCode: 420, errorMessage: "FLOOD_WAIT_17" });
  try {
    readResult({ _: "help.getConfig" } as const, err);
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof FloodWait);
    assert.ok(e instanceof RpcError);
    assert.equal(e.value, 17);
    assert.equal(e.method, "help.getConfig");
  }
  const bad = serialize({ _: "rpc_error", errorCode: 400, errorMessage: "PEER_ID_INVALID" });
  assert.throws(() => readResult({ _: "help.getConfig" } as const, new TlReader(bad)), BadRequest);
});

test("rpc_result keeps its result as bytes for readResult", () => {
  const result = vectorBytes((w) => w.vectorInt([1, 2]));
  const bytes = serialize({ _: "rpc_result", reqMsgId: 77n, result });
  const back = deserialize(bytes) as Api.RpcResult;
  assert.equal(back.reqMsgId, 77n);
  assert.deepEqual(back.result, result);
  const fn = { _: "stories.readStories", peer: { _: "inputPeerSelf" }, maxId: 3 } as const;
  assert.deepEqual(readResult(fn, back.result as Uint8Array), [1, 2]);
});

test("strings inside container messages decode from each message's own bounds", () => {
  const texts = ["plain ascii text that is long enough", "привет, мир", "x", "", "🎉 ok"];
  const container: Api.MsgContainer = {
    _: "msg_container",
    messages: texts.map((info, i) => ({
      msgId: BigInt(i),
      seqno: i,
      body: { _: "rpc_error", errorCode: i, errorMessage: info },
    })),
  };
  assert.deepEqual(deserialize(serialize(container)), container);
});

test("msgs_state_info/msgs_all_info carry raw state bytes, +128 included (the schema says string)", () => {
  // One byte per msg_id: 4+128 (received, known for a fact), 4+64+128, 1. As a UTF-8 string the
  // first two would not survive: 0x84 and 0xC4 are no valid UTF-8 on their own.
  const wire = new Uint8Array([
    ...[0x7d, 0xb5, 0xde, 0x04], // msgs_state_info#04deb57d
    ...[5, 0, 0, 0, 0, 0, 0, 0], // req_msg_id = 5
    ...[3, 0x84, 0xc4, 0x01], // info: 3 bytes, no padding needed
  ]);
  const read = deserialize(wire) as Api.MsgsStateInfo;
  assert.deepEqual(read, {
    _: "msgs_state_info",
    reqMsgId: 5n,
    info: new Uint8Array([0x84, 0xc4, 1]),
  });
  assert.deepEqual(serialize(read), wire);
  const all: Api.MsgsAllInfo = {
    _: "msgs_all_info",
    msgIds: [1n, 2n],
    info: new Uint8Array([0x81, 4]),
  };
  assert.deepEqual(deserialize(serialize(all)), all);
});
