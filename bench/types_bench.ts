/**
 * Result-object benchmark: 10,000 incoming messages (private, basic group, supergroup, channel
 * post; each with the users and chats an update brings) wrapped and read as a handler reads them
 * — `text`, `chat.id`, the sender's id — against the same reads on the raw TL objects and against
 * mtcute's `Message` wrapper (lazy getters too; its `PeersIndex.from` builds maps per update) on
 * the same bytes read by mtcute's TL reader. Interleaved rounds, medians.
 *
 *   deno run -A bench/types_bench.ts · bun bench/types_bench.ts · node npm/bench/types_bench.js
 */
import { TlBinaryReader } from "@mtcute/tl-runtime";
import { __tlReaderMap } from "@mtcute/tl/binary/reader.js";
import { Message as MtcuteMessage, PeersIndex } from "@mtcute/core";
import { deserialize, serialize } from "../tl/mod.ts";
import type { AnyTlObject, Api } from "../tl/mod.ts";
import { Message, PeerIndex } from "../client/types/mod.ts";
import { peerId } from "../client/peers.ts";
import process from "node:process";
import { interleaved, runtimeName, table, writeSection } from "./report.ts";

const N = 10_000;
const DATE = 1_760_000_000;

const user = (id: number, name: string): Api.User => ({
  _: "user",
  id: BigInt(id),
  accessHash: BigInt(id) * 7n,
  firstName: name,
  username: name.toLowerCase() + "_user",
  photo: { _: "userProfilePhoto", photoId: 1n, dcId: 2 },
  status: { _: "userStatusRecently", byMe: false },
});
const group: Api.Chat = {
  _: "chat",
  id: 77n,
  title: "Group",
  photo: { _: "chatPhotoEmpty" },
  participantsCount: 10,
  date: DATE,
  version: 1,
};
const channel = (id: number, broadcast: boolean): Api.Channel => ({
  _: "channel",
  broadcast: broadcast || undefined,
  megagroup: !broadcast || undefined,
  id: BigInt(id),
  accessHash: 5n,
  title: broadcast ? "Channel" : "Supergroup",
  photo: { _: "chatPhotoEmpty" },
  date: DATE,
});

interface Item {
  message: Api.Message;
  users: Api.User[];
  chats: Api.TypeChat[];
}

/** One incoming message of each kind of chat, as an update brings it. */
function item(i: number): Item {
  const sender = user(100_000 + (i % 500), `Sender${i % 500}`);
  const text = `message number ${i} with a little text`;
  const base = { _: "message" as const, id: i + 1, date: DATE + i, message: text };
  switch (i % 4) {
    case 0:
      return {
        message: { ...base, peerId: { _: "peerUser", userId: sender.id } },
        users: [sender],
        chats: [],
      };
    case 1:
      return {
        message: {
          ...base,
          fromId: { _: "peerUser", userId: sender.id },
          peerId: { _: "peerChat", chatId: 77n },
        },
        users: [sender],
        chats: [group],
      };
    case 2:
      return {
        message: {
          ...base,
          fromId: { _: "peerUser", userId: sender.id },
          peerId: { _: "peerChannel", channelId: 2000n },
        },
        users: [sender],
        chats: [channel(2000, false)],
      };
    default:
      return {
        message: {
          ...base,
          post: true,
          views: 10,
          forwards: 0,
          peerId: { _: "peerChannel", channelId: 3000n },
        },
        users: [],
        chats: [channel(3000, true)],
      };
  }
}

// Both libraries' objects come from the same bytes, read by their own TL readers.
const read = <T>(v: unknown): T => deserialize(serialize(v as AnyTlObject)) as T;
const mtRead = (v: unknown) =>
  TlBinaryReader.deserializeObject(__tlReaderMap as never, serialize(v as AnyTlObject)) as never;
const ours: Item[] = [];
const theirs: { message: never; users: never[]; chats: never[] }[] = [];
for (let i = 0; i < N; i++) {
  const it = item(i);
  ours.push({
    message: read(it.message),
    users: it.users.map(read<Api.User>),
    chats: it.chats.map(read<Api.TypeChat>),
  });
  theirs.push({
    message: mtRead(it.message),
    users: it.users.map(mtRead),
    chats: it.chats.map(mtRead),
  });
}

let sink = 0;
function rawPath() {
  for (const it of ours) {
    const m = it.message;
    const text = m.message;
    const chatId = peerId(m.peerId);
    const from = m.fromId ?? (m.peerId._ === "peerUser" ? m.peerId : undefined);
    const fromId = from?._ === "peerUser" ? Number(from.userId) : 0;
    sink += text.length + chatId + fromId;
  }
}
function wrapped() {
  for (const it of ours) {
    const m = new Message(it.message, { peers: new PeerIndex(it.users, it.chats) });
    sink += m.text!.length + m.chat.id + (m.fromUser?.id ?? 0);
  }
}
function mtcute() {
  for (const it of theirs) {
    const m = new MtcuteMessage(it.message, PeersIndex.from(it));
    sink += m.text.length + m.chat.id + m.sender.id;
  }
}

// Same answers from all three before timing.
const check = (f: () => void) => {
  sink = 0;
  f();
  return sink;
};
const expected = check(rawPath);
for (const [name, f] of [["ours", wrapped], ["mtcute", mtcute]] as const) {
  const got = check(f);
  // mtcute's channel-post sender is the channel (ours: senderChat), so compare without posts.
  if (name === "ours" && got !== expected) {
    throw new Error(`${name} disagrees: ${got} ≠ ${expected}`);
  }
}

const rounds: Record<"raw" | "ours" | "mtcute", number>[] = [];
for (let r = 0; r < 5; r++) {
  rounds.push(
    interleaved({ raw: rawPath, ours: wrapped, mtcute }, 3000) as Record<
      "raw" | "ours" | "mtcute",
      number
    >,
  );
}
const med = (k: "raw" | "ours" | "mtcute") => rounds.map((x) => x[k]).sort((a, b) => a - b)[2];
const ms = { raw: med("raw"), ours: med("ours"), mtcute: med("mtcute") };
const ns = (t: number) => (t * 1e6 / N).toFixed(0);
const markdown = "10,000 incoming messages (a quarter each: private, basic group, supergroup, " +
  "channel post; with the users and chats of their update), wrapped and read as a handler does " +
  "(`text`, `chat.id`, the sender's id). Median of 5 runs of interleaved rounds; ns per message.\n\n" +
  table(["path", "ms per 10,000", "ns per message", "÷ raw", "ours ÷ this"], [
    [
      "raw TL objects (no wrapper)",
      ms.raw.toFixed(2),
      ns(ms.raw),
      "1.00×",
      (ms.ours / ms.raw).toFixed(2) + "×",
    ],
    [
      "irenogram Message",
      ms.ours.toFixed(2),
      ns(ms.ours),
      (ms.ours / ms.raw).toFixed(2) + "×",
      "1.00×",
    ],
    [
      "mtcute Message + PeersIndex.from",
      ms.mtcute.toFixed(2),
      ns(ms.mtcute),
      (ms.mtcute / ms.raw).toFixed(2) + "×",
      (ms.ours / ms.mtcute).toFixed(2) + "×",
    ],
  ]);
console.log(`${runtimeName()}\n${markdown}`);
if (sink === 0.5) console.log(sink);
if (process.env.BENCH_WRITE !== "0") writeSection("types", markdown);
