/**
 * TL (de)serialisation of a large realistic `messages.messages` (100 messages with entities,
 * media, replies and forwards, plus their 50 users and 10 channels) against mtcute
 * (`@mtcute/tl-runtime` with `@mtcute/tl`'s generated maps, layer 223) and GramJS (`telegram`,
 * layer 198), each given the same logical object in its own shape, in one process.
 *
 *   deno run -A bench/tl_bench.ts | bun bench/tl_bench.ts | node npm/bench/tl_bench.js
 */
import { TlBinaryReader, TlBinaryWriter } from "@mtcute/tl-runtime";
import { __tlWriterMap } from "@mtcute/tl/binary/writer.js";
import { __tlReaderMap } from "@mtcute/tl/binary/reader.js";
import { BinaryReader } from "telegram/extensions/BinaryReader.js";
import type { Buffer } from "node:buffer";
import process from "node:process";
import { deserialize, serialize } from "../tl/mod.ts";
import type { Api } from "../tl/mod.ts";
import { SeededRandom } from "../testing/random.ts";
import { toGramJs, toMtcute } from "../tl/test_support/peer_shapes.ts";
import { measure, runtimeName, table, writeSection } from "./report.ts";

const rng = new SeededRandom(2024);
const WORDS = [
  "hello",
  "world",
  "привет",
  "мир",
  "telegram",
  "🎉",
  "release",
  "notes",
  "see",
  "https://t.me/x",
];
const text = (n: number) => Array.from({ length: n }, () => WORDS[rng.int(WORDS.length)]).join(" ");
const id = () => BigInt(1_000_000 + rng.int(2_000_000_000));
const hash = () => BigInt.asIntN(64, (BigInt(rng.uint32()) << 32n) | BigInt(rng.uint32()));

function photo(): Api.Photo {
  return {
    _: "photo",
    hasStickers: false,
    id: hash(),
    accessHash: hash(),
    fileReference: rng.bytes(24),
    date: 1_700_000_000 + rng.int(1e6),
    sizes: [
      { _: "photoStrippedSize", type: "i", bytes: rng.bytes(120) },
      { _: "photoSize", type: "m", w: 320, h: 240, size: 12_000 + rng.int(5000) },
      { _: "photoSize", type: "x", w: 800, h: 600, size: 60_000 + rng.int(9000) },
    ],
    videoSizes: undefined,
    dcId: 2,
  };
}

function document(): Api.Document {
  return {
    _: "document",
    id: hash(),
    accessHash: hash(),
    fileReference: rng.bytes(24),
    date: 1_700_000_000 + rng.int(1e6),
    mimeType: "video/mp4",
    size: BigInt(1_000_000 + rng.int(1e8)),
    thumbs: [{ _: "photoSize", type: "m", w: 320, h: 180, size: 9000 }],
    videoThumbs: undefined,
    dcId: 4,
    attributes: [
      { _: "documentAttributeFilename", fileName: `clip_${rng.int(1000)}.mp4` },
      {
        _: "documentAttributeVideo",
        roundMessage: false,
        supportsStreaming: true,
        nosound: false,
        duration: 12.5,
        w: 1280,
        h: 720,
        preloadPrefixSize: undefined,
        videoStartTs: undefined,
        videoCodec: undefined,
      },
    ],
  };
}

function message(i: number, users: Api.User[], chats: Api.Channel[]): Api.Message {
  const body = text(8 + rng.int(30));
  const entities: Api.TypeMessageEntity[] = [];
  for (let e = rng.int(4); e > 0; e--) {
    const kind = rng.int(3);
    const offset = rng.int(10), length = 1 + rng.int(5);
    entities.push(
      kind === 0
        ? { _: "messageEntityBold", offset, length }
        : kind === 1
        ? { _: "messageEntityTextUrl", offset, length, url: "https://example.com/" + rng.int(1e6) }
        : { _: "messageEntityMention", offset, length },
    );
  }
  const m = rng.int(10);
  const media: Api.TypeMessageMedia | undefined = m < 3
    ? {
      _: "messageMediaPhoto",
      spoiler: false,
      livePhoto: false,
      photo: photo(),
      ttlSeconds: undefined,
      video: undefined,
    }
    : m < 5
    ? {
      _: "messageMediaDocument",
      nopremium: false,
      spoiler: false,
      video: true,
      round: false,
      voice: false,
      document: document(),
      altDocuments: undefined,
      videoCover: undefined,
      videoTimestamp: undefined,
      ttlSeconds: undefined,
    }
    : undefined;
  const chat = chats[rng.int(chats.length)];
  return {
    _: "message",
    out: rng.int(2) === 0,
    mentioned: false,
    mediaUnread: false,
    silent: false,
    post: false,
    fromScheduled: false,
    legacy: false,
    editHide: false,
    pinned: false,
    noforwards: false,
    invertMedia: false,
    offline: false,
    videoProcessingPending: false,
    paidSuggestedPostStars: false,
    paidSuggestedPostTon: false,
    id: 10_000 + i,
    fromId: { _: "peerUser", userId: users[rng.int(users.length)].id },
    fromBoostsApplied: undefined,
    fromRank: undefined,
    peerId: { _: "peerChannel", channelId: chat.id },
    savedPeerId: undefined,
    fwdFrom: rng.int(6) === 0
      ? {
        _: "messageFwdHeader",
        imported: false,
        savedOut: false,
        fromId: { _: "peerUser", userId: users[0].id },
        fromName: undefined,
        date: 1_690_000_000,
        channelPost: undefined,
        postAuthor: undefined,
        savedFromPeer: undefined,
        savedFromMsgId: undefined,
        savedFromId: undefined,
        savedFromName: undefined,
        savedDate: undefined,
        psaType: undefined,
      }
      : undefined,
    viaBotId: undefined,
    viaBusinessBotId: undefined,
    replyTo: rng.int(3) === 0
      ? {
        _: "messageReplyHeader",
        replyToScheduled: false,
        forumTopic: false,
        quote: false,
        replyToMsgId: 10_000 + rng.int(i + 1),
        replyToPeerId: undefined,
        replyFrom: undefined,
        replyMedia: undefined,
        replyToTopId: undefined,
        quoteText: undefined,
        quoteEntities: undefined,
        quoteOffset: undefined,
        todoItemId: undefined,
        pollOption: undefined,
      }
      : undefined,
    date: 1_700_000_000 + i * 60,
    message: body,
    media,
    replyMarkup: undefined,
    entities: entities.length ? entities : undefined,
    views: 100 + rng.int(10_000),
    forwards: rng.int(50),
    replies: undefined,
    editDate: rng.int(5) === 0 ? 1_700_100_000 : undefined,
    postAuthor: undefined,
    groupedId: undefined,
    reactions: undefined,
    restrictionReason: undefined,
    ttlPeriod: undefined,
    quickReplyShortcutId: undefined,
    effect: undefined,
    factcheck: undefined,
    reportDeliveryUntilDate: undefined,
    paidMessageStars: undefined,
    suggestedPost: undefined,
    scheduleRepeatPeriod: undefined,
    summaryFromLanguage: undefined,
  } as Api.Message;
}

function user(): Api.User {
  return {
    _: "user",
    self: false,
    contact: rng.int(3) === 0,
    mutualContact: false,
    deleted: false,
    bot: false,
    premium: rng.int(4) === 0,
    id: id(),
    accessHash: hash(),
    firstName: text(1),
    lastName: rng.int(2) ? text(1) : undefined,
    username: "user_" + rng.int(1e6),
    phone: rng.int(3) === 0 ? "7999" + (1_000_000 + rng.int(8e6)) : undefined,
    photo: {
      _: "userProfilePhoto",
      hasVideo: false,
      personal: false,
      photoId: hash(),
      strippedThumb: rng.bytes(80),
      dcId: 2,
    },
    status: rng.int(2)
      ? { _: "userStatusRecently", byMe: false }
      : { _: "userStatusOffline", wasOnline: 1_700_000_000 + rng.int(1e6) },
    langCode: "en",
  } as Api.User;
}

function channel(): Api.Channel {
  return {
    _: "channel",
    broadcast: true,
    megagroup: false,
    id: id(),
    accessHash: hash(),
    title: text(3),
    username: "chan_" + rng.int(1e6),
    photo: {
      _: "chatPhoto",
      hasVideo: false,
      photoId: hash(),
      strippedThumb: rng.bytes(60),
      dcId: 2,
    },
    date: 1_600_000_000 + rng.int(1e8),
    participantsCount: rng.int(1e6),
  } as Api.Channel;
}

function history(): Api.MessagesMessages {
  const users = Array.from({ length: 50 }, user);
  const chats = Array.from({ length: 10 }, channel);
  return {
    _: "messages.messages",
    messages: Array.from({ length: 100 }, (_, i) => message(i, users, chats)),
    topics: [],
    chats,
    users,
  };
}

/**
 * Several different histories, taken in turn, so that no library profits from parsing the very
 * same bytes again (caches, branch history). Each library gets the same logical objects in its
 * own shape and parses what it wrote itself.
 */
const VARIANTS = 8;
const objects = Array.from({ length: VARIANTS }, history);
const ours = objects.map(serialize);
// Nothing our reader allocated is kept alive before the parse is measured: V8 would otherwise
// pretenure the reader's allocation sites and slow every later parse (a cost the peers, whose
// objects are built here by conversion, would not pay).
const mt = objects.map((o) => toMtcute(o, false) as { _: string });
const mtBytes = mt.map((o) => TlBinaryWriter.serializeObject(__tlWriterMap as never, o));
const gram = objects.map((o) => toGramJs(o) as { getBytes(): Buffer });
const gramBytes = gram.map((o) => o.getBytes());

/** `fn` applied to the variants in turn. */
function rotate<T>(items: T[], fn: (item: T) => unknown): () => unknown {
  let i = 0;
  return () => fn(items[i++ % items.length]);
}

/**
 * The machine is shared and noisy: measure the three libraries in interleaved rounds and keep each
 * one's best round, so that a burst of load hits all of them alike.
 */
function best(fns: Record<"ours" | "mtcute" | "gramjs", () => unknown>, rounds = 9) {
  const out = { ours: Infinity, mtcute: Infinity, gramjs: Infinity };
  for (let i = 0; i < rounds; i++) {
    for (const k of ["ours", "mtcute", "gramjs"] as const) {
      out[k] = Math.min(out[k], measure(fns[k], k === "gramjs" ? 60 : 100));
    }
  }
  return out;
}

const results = {
  write: best({
    ours: rotate(objects, serialize),
    mtcute: rotate(mt, (o) => TlBinaryWriter.serializeObject(__tlWriterMap as never, o)),
    gramjs: rotate(gram, (o) => o.getBytes()),
  }),
  read: best({
    ours: rotate(ours, deserialize),
    mtcute: rotate(mtBytes, (b) => TlBinaryReader.deserializeObject(__tlReaderMap as never, b)),
    gramjs: rotate(gramBytes, (b) => new BinaryReader(b).tgReadObject()),
  }),
};

const us = (ms: number) => (ms * 1000).toFixed(1);
const rows = (["write", "read"] as const).map((op) => {
  const r = results[op];
  const faster = Math.min(r.mtcute, r.gramjs);
  return [
    op === "write" ? "serialise" : "parse",
    us(r.ours),
    us(r.mtcute),
    us(r.gramjs),
    `${(faster / r.ours).toFixed(2)}×`,
  ];
});
const md = `Object: \`messages.messages\` with 100 messages, 50 users, 10 channels, ` +
  `${ours[0].length} bytes (mtcute ${mtBytes[0].length}, GramJS ${gramBytes[0].length} in their ` +
  `layers); ${VARIANTS} different such objects taken in turn. Median µs per call, best of 9 ` +
  `interleaved rounds; ratio = faster peer's time / ours (target ≥ 1.5×).\n\n` +
  table(["operation", "irenogram µs", "mtcute µs", "GramJS µs", "vs faster peer"], rows);
console.log(`${runtimeName()}\n${md}`);
writeSection("TL", md);
if (process.env.TL_DUMP) {
  // For profiling: what each library parses.
  const { writeFileSync } = await import("node:fs");
  ours.forEach((b, i) => writeFileSync(`${process.env.TL_DUMP}.${i}`, b));
  mtBytes.forEach((b, i) => writeFileSync(`${process.env.TL_DUMP}.${i}.mtcute`, b));
}
