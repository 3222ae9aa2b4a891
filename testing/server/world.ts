/**
 * The in-memory Telegram world behind the TestServer: accounts (users and bots, each homed on a
 * DC), basic groups, channels, per-user message boxes with their own message ids and update state
 * (pts, qts, date, seq), per-channel pts, access hashes per (viewer, peer), login codes and SRP
 * passwords. The protocol side hands it one unwrapped API function at a time
 * ({@link TestWorld.handle}); the world answers with layer-224 objects (the protocol re-encodes
 * them in the layer the client declared) and pushes updates to the receiving users through the
 * {@link UpdateSink}.
 *
 * The method handlers live in `methods/`; this module keeps the state, the scripting API a test
 * uses (`addBot`, `addUser`, `createGroup`, `createChannel`, `postMessage`, `pushUpdate`,
 * `setFloodWait`, `moveUser`) and the helpers that render state as TL objects for one viewer.
 *
 * @example
 * ```ts
 * import { TestWorld } from "@x/irenogram/testing";
 * const world = new TestWorld({ dcs: [{ id: 2, host: "127.0.0.1", port: 4430 }] });
 * const bot = world.addBot({ username: "echo_bot" });
 * const alice = world.addUser({ phone: "15550001", firstName: "Alice", password: "hunter2" });
 * world.postMessage({ fromId: alice.userId, to: { userId: bot.userId }, text: "hi" });
 * ```
 *
 * @module
 */
import type { Buffer } from "node:buffer";
import type * as Crypto from "node:crypto";
import { nodeModule } from "../../runtime/runtime.ts";
import { secureRandom } from "../../core/mod.ts";
import { trimOldest } from "../../collections/bounded.ts";
import type { AnyFunction, AnyTlObject, Api } from "../../tl/mod.ts";
import { type CallContext, RpcFailure, type UpdateSink, type World } from "./world_contract.ts";
import { makeSrpSecret, type SrpChallenge, type SrpSecret } from "./srp.ts";
import { handlers } from "./methods/mod.ts";
import { normalizePhone } from "./phone.ts";
import { IrenogramError } from "../../errors.ts";
// Loaded when used, not when imported: the testing entry loads in a browser bundle.
const { createHash, randomBytes } = nodeModule<typeof Crypto>("node:crypto");

/** Why a scripting call on the world was refused. */
export type TestWorldErrorCode = "WORLD_BAD_ARGUMENT" | "WORLD_TAKEN" | "WORLD_NO_ACCOUNT";

/**
 * A scripting mistake in a test (`addUser` with a phone already registered, an unknown account id,
 * an invalid username, …). Errors a client causes are rpc_errors ({@link RpcFailure}) instead.
 */
export class TestWorldError extends IrenogramError {
  /** The stable code of this error. */
  declare readonly code: TestWorldErrorCode;
  /** An error with a message that holds no secret. */
  constructor(code: TestWorldErrorCode, message: string) {
    super(code, message);
    this.name = "TestWorldError";
  }
}

/** One DC's address as the world advertises it in `help.getConfig`. */
export interface WorldDc {
  /** The DC number. */
  id: number;
  /** Its address. */
  host: string;
  /** Its port. */
  port: number;
}

/** Options of {@link TestWorld}. */
export interface WorldOptions {
  /**
   * The DCs of the server (their ports go into `help.getConfig`'s dc_options); a function when the
   * ports are known only once the server listens.
   */
  dcs: WorldDc[] | (() => WorldDc[]);
  /** Current Unix time in seconds (tests may freeze it); default: the clock. */
  now?: () => number;
  /** The DC new accounts are homed on unless `dcId` says otherwise; default 2. */
  defaultDcId?: number;
  /** See {@link TestWorld.channelTooLong}; default {@link DEFAULT_CHANNEL_TOO_LONG}. */
  channelTooLong?: number;
  /** See {@link TestWorld.channelHistory}; default 2,000. */
  channelHistory?: number;
}

/** Missed updates of a channel past which a user gets updateChannelTooLong instead. */
export const DEFAULT_CHANNEL_TOO_LONG = 100;

/** One user's or bot's account. */
export interface Account {
  /** The user id. */
  id: number;
  /** Whether it is a bot. */
  bot: boolean;
  /** First name. */
  firstName: string;
  /** Last name. */
  lastName?: string;
  /** Username, without the @. */
  username?: string;
  /** Phone number, digits only. */
  phone?: string;
  /** The DC it is homed on (logins elsewhere are told to migrate). */
  dcId: number;
  /** The bot token's secret part (after the colon). */
  tokenSecret?: string;
  /** The login code `auth.signIn` accepts for this phone. */
  code?: string;
  /** @ignore */
  srp?: SrpSecret;
  /** @ignore */
  box: Box;
  /** Users whose object this account's clients have received (then `updateShortMessage` will do). */
  seen: Set<number>;
}

/** A user's message box: private chats and basic groups, with the user's own ids and pts. */
export interface Box {
  pts: number;
  qts: number;
  seq: number;
  nextId: number;
  messages: Map<number, Api.Message>;
  /** Update history for `updates.getDifference`, by pts (bounded). */
  events: { pts: number; update: Api.TypeUpdate }[];
  randomIds: Set<bigint>;
}

/** A basic group. */
export interface Group {
  /** The chat id. */
  id: number;
  /** Its title. */
  title: string;
  /** The user who created it. */
  creatorId: number;
  /** Member user ids. */
  members: number[];
  /** Creation date, Unix seconds. */
  date: number;
  /** Version, raised by every change of its members or title. */
  version: number;
}

/** A channel or supergroup (its own message ids and pts). */
export interface Channel {
  /** The channel id. */
  id: number;
  /** Its title. */
  title: string;
  /** Public username, if any. */
  username?: string;
  /** A broadcast channel (true) or a supergroup. */
  broadcast: boolean;
  /** The user who created it. */
  creatorId: number;
  /** Member user ids. */
  members: Set<number>;
  /** Creation date, Unix seconds. */
  date: number;
  /** The channel's pts. */
  pts: number;
  /** The next message id. */
  nextId: number;
  /** Its messages, by id. */
  messages: Map<number, { id: number; fromId: number; date: number; text: string }>;
  /** Recent events, for updates.getChannelDifference. */
  events: { pts: number; id: number }[];
  /**
   * Per member, the channel pts its clients are known to have: what was last pushed to a live
   * session or returned by updates.getChannelDifference. The distance to `pts` is what the
   * member missed.
   */
  seen: Map<number, number>;
  /** Members told updateChannelTooLong who have not fetched the difference since. */
  tooLongSent: Set<number>;
}

/** Where a scripted message goes. */
export type Destination = { userId: number } | { chatId: number } | { channelId: number };

/** What `postMessage` (and `messages.sendMessage`) produced for the sender. */
export interface Posted {
  /** The message id in the sender's box (or the channel). */
  id: number;
  /** The sender's pts after the message (the channel's for channels). */
  pts: number;
  /** Its date, Unix seconds. */
  date: number;
}

const MAX_EVENTS = 2000;
/**
 * Messages kept per box and per channel: a client that sends without end must not grow the
 * server without end (the oldest go first, as if deleted).
 */
export const MAX_MESSAGES = 10_000;
/** Sent codes and exported authorizations kept at most (oldest forgotten first). */
const MAX_PENDING = 10_000;
/** Access hashes kept derived (viewer, peer pairs); beyond, the cache starts over. */
const MAX_CACHED_HASHES = 100_000;

type Handler = (world: TestWorld, ctx: CallContext, fn: never) => unknown;

/** What {@link TestWorld.send} returns: the message posted and the sender's answer. */
export interface Sent {
  /** The sender's copy of the message. */
  posted: Posted;
  /** What the sender's `messages.sendMessage` answers. */
  result: Api.TypeUpdates;
}

/** The in-memory world; see the module documentation. */
export class TestWorld implements World {
  readonly #dcs: () => WorldDc[];
  /** The world's clock, Unix seconds (`options.now`). */
  readonly now: () => number;
  /** Where accounts live unless `addUser`/`addBot` name a DC. */
  readonly defaultDcId: number;
  /**
   * When a member has missed more than this many updates of a channel (its sessions were
   * offline), the next push for that channel is an updateChannelTooLong (once, until the member
   * fetches the difference), and updates.getDifference lists the channel with one — as Telegram
   * does when too many updates queued up to be delivered through the socket.
   */
  channelTooLong: number;
  /**
   * Updates kept per channel for updates.getChannelDifference; a pts older than these gets
   * updates.channelDifferenceTooLong (the latest messages and the dialog's pts).
   */
  channelHistory: number;
  /** Every account (users and bots), by user id. */
  readonly accounts: Map<number, Account> = new Map();
  /** Basic groups, by chat id. */
  readonly groups: Map<number, Group> = new Map();
  /** Channels and supergroups, by channel id. */
  readonly channels: Map<number, Channel> = new Map();
  /** phone_code_hash → the login attempt it names. */
  readonly codes: Map<string, { phone: string; code: string; expires: number }> = new Map();
  /** Codes for phones without an account (sign-up), by phone. */
  readonly signUpCodes: Map<string, string> = new Map();
  /** authKeyId → the user whose password this key must still prove (after SESSION_PASSWORD_NEEDED). */
  readonly passwordPending: Map<bigint, number> = new Map();
  /**
   * userId → the user's outstanding SRP challenge (one at a time, as on Telegram).
   * @ignore
   */
  readonly challenges: Map<number, SrpChallenge> = new Map();
  /** `auth.exportAuthorization` results waiting to be imported: hex(bytes) → user and target DC. */
  readonly exported: Map<string, { userId: number; dcId: number }> = new Map();
  /** Keys authorized through `auth.importAuthorization` (allowed off the user's home DC). */
  readonly importedKeys: Set<bigint> = new Set();
  readonly #secret = new Uint8Array(randomBytes(32));
  /** Access hashes derived so far, by viewer and peer (bounded: cleared when full). */
  readonly #hashes = new Map<number, Map<number, bigint>>();
  #hashCount = 0;
  private readonly flood = new Map<string, { seconds: number; times: number }>();
  private sinks: UpdateSink[] = [];
  private nextUserId = 7_000_000_000 + (randomBytes(2).readUInt16LE(0) << 4);
  private nextGroupId = 4_000_000_000 + (randomBytes(2).readUInt16LE(0) << 4);
  private nextChannelId = 2_000_000_000 + (randomBytes(2).readUInt16LE(0) << 4);

  /** An empty world on `options.dcs` (a function where the server's ports are not known yet). */
  constructor(options: WorldOptions) {
    const dcs = options.dcs;
    this.#dcs = typeof dcs === "function" ? dcs : () => dcs;
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
    this.defaultDcId = options.defaultDcId ?? 2;
    this.channelTooLong = options.channelTooLong ?? DEFAULT_CHANNEL_TOO_LONG;
    this.channelHistory = options.channelHistory ?? MAX_EVENTS;
  }

  /** The DCs of the server, as `help.getConfig` advertises them. */
  get dcs(): WorldDc[] {
    return this.#dcs();
  }

  /** Counts only: the world holds tokens, codes and SRP verifiers, never printed. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** Counts only (see above), also for Deno's inspector. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** `TestWorld { accounts: 3, groups: 0, channels: 1 }`. */
  toString(): string {
    return `TestWorld { accounts: ${this.accounts.size}, groups: ${this.groups.size}, channels: ${this.channels.size} }`;
  }

  /** Forgets the oldest entries of a map that clients can grow (sent codes, exports). */
  bound<K, V>(map: Map<K, V>, max = MAX_PENDING): void {
    trimOldest(map, max);
  }

  // -------------------------------------------------------------------------------------------
  // The World contract

  /** Receives the protocol's update sink (several sinks all receive every push). */
  attach(sink: UpdateSink): void {
    this.sinks.push(sink);
  }

  /** Answers one API function; throws {@link RpcFailure} for an rpc_error. */
  handle(ctx: CallContext, fn: AnyFunction): unknown {
    const flood = this.flood.get(fn._);
    if (flood && flood.times > 0) {
      flood.times--;
      if (flood.times === 0) this.flood.delete(fn._);
      throw new RpcFailure(420, `FLOOD_WAIT_${flood.seconds}`);
    }
    const handler = (handlers as Record<string, Handler | undefined>)[fn._];
    if (!handler) {
      throw new RpcFailure(400, `TESTSERVER_UNSUPPORTED_${fn._.replace(/\./g, "_").toUpperCase()}`);
    }
    return handler(this, ctx, fn as never);
  }

  // -------------------------------------------------------------------------------------------
  // Scripting

  /**
   * Creates a bot account; its token logs in through `auth.importBotAuthorization`.
   *
   * @example
   * ```ts
   * import { TestWorld } from "@x/irenogram/testing";
   * const world = new TestWorld({ dcs: [{ id: 2, host: "127.0.0.1", port: 4430 }] });
   * const { token, userId } = world.addBot({ username: "echo_bot" });
   * console.log(userId, token.length);
   * ```
   */
  addBot(o: { username: string; firstName?: string; dcId?: number }): {
    token: string;
    userId: number;
  } {
    this.checkUsername(o.username);
    const id = this.allocUserId();
    const tokenSecret = this.derive("token", id).toString("base64url").slice(0, 35);
    this.accounts.set(id, {
      id,
      bot: true,
      firstName: o.firstName ?? o.username,
      username: o.username,
      dcId: this.checkDc(o.dcId ?? this.defaultDcId),
      tokenSecret,
      box: newBox(),
      seen: new Set(),
    });
    return { token: `${id}:${tokenSecret}`, userId: id };
  }

  /**
   * Creates a user account; `code` is the login code the server accepts for its phone. With
   * `password`, two-step verification is on (SRP, checked for real).
   */
  addUser(o: {
    phone: string;
    username?: string;
    firstName?: string;
    lastName?: string;
    password?: string;
    dcId?: number;
  }): { userId: number; code: string } {
    const phone = normalizePhone(o.phone);
    if (!phone) throw new TestWorldError("WORLD_BAD_ARGUMENT", "phone must have digits");
    if (this.byPhone(phone)) {
      throw new TestWorldError("WORLD_TAKEN", `phone ${phone} is already registered`);
    }
    if (o.username !== undefined) this.checkUsername(o.username);
    const id = this.allocUserId();
    const code = String(10000 + (randomBytes(4).readUInt32LE(0) % 90000));
    this.accounts.set(id, {
      id,
      bot: false,
      firstName: o.firstName ?? "User",
      lastName: o.lastName,
      username: o.username,
      phone,
      dcId: this.checkDc(o.dcId ?? this.defaultDcId),
      code,
      srp: o.password !== undefined ? makeSrpSecret(o.password) : undefined,
      box: newBox(),
      seen: new Set(),
    });
    return { userId: id, code };
  }

  /** The code `auth.signIn` accepts for `phone` (registered or signing up), if one was issued. */
  loginCode(phone: string): string | undefined {
    const p = normalizePhone(phone);
    return this.byPhone(p)?.code ?? this.signUpCodes.get(p);
  }

  /** Creates a basic group; the creator and members see it in their dialogs. */
  createGroup(o: { title: string; creatorId: number; memberIds?: number[] }): { chatId: number } {
    const creator = this.account(o.creatorId);
    const members = [creator.id, ...(o.memberIds ?? []).filter((m) => m !== creator.id)];
    for (const m of members) this.account(m);
    const id = this.nextGroupId++;
    this.groups.set(id, {
      id,
      title: o.title,
      creatorId: creator.id,
      members,
      date: this.now(),
      version: 1,
    });
    return { chatId: id };
  }

  /** Creates a channel (broadcast) or supergroup (`broadcast: false`) with members. */
  createChannel(o: {
    title: string;
    creatorId: number;
    memberIds?: number[];
    username?: string;
    broadcast?: boolean;
  }): { channelId: number } {
    const creator = this.account(o.creatorId);
    if (o.username !== undefined) this.checkUsername(o.username);
    const members = new Set([creator.id, ...(o.memberIds ?? [])]);
    for (const m of members) this.account(m);
    const id = this.nextChannelId++;
    this.channels.set(id, {
      id,
      title: o.title,
      username: o.username,
      broadcast: o.broadcast ?? true,
      creatorId: creator.id,
      members,
      date: this.now(),
      pts: 1,
      nextId: 1,
      messages: new Map(),
      events: [],
      seen: new Map([...members].map((m) => [m, 1])),
      tooLongSent: new Set(),
    });
    return { channelId: id };
  }

  /**
   * Posts a text message as `fromId`, exactly as if its client had called messages.sendMessage:
   * every recipient's box gets it and their live sessions get the update.
   */
  postMessage(o: { fromId: number; to: Destination; text: string; randomId?: bigint }): Posted {
    return this.send(o.fromId, o.to, o.text, o.randomId ?? randomLong()).posted;
  }

  /**
   * Pushes an Updates object to every live session of `userId`; returns how many sessions it
   * reached (0 when the user has none online).
   */
  pushUpdate(userId: number, updates: AnyTlObject): number {
    this.account(userId);
    let reached = 0;
    for (const s of this.sinks) reached += s.push(userId, updates) ?? 0;
    return reached;
  }

  /**
   * The updateChannelTooLong of each channel where `userId` missed more than
   * {@link channelTooLong} updates (marked as sent: the member is to fetch the difference).
   */
  channelsTooLong(userId: number): Api.UpdateChannelTooLong[] {
    const out: Api.UpdateChannelTooLong[] = [];
    for (const c of this.channels.values()) {
      if (!c.members.has(userId) || c.pts - (c.seen.get(userId) ?? 0) <= this.channelTooLong) {
        continue;
      }
      c.tooLongSent.add(userId);
      out.push({ _: "updateChannelTooLong", channelId: BigInt(c.id), pts: c.pts });
    }
    return out;
  }

  /** The next `times` calls of `method` answer `FLOOD_WAIT_<seconds>` (420). */
  setFloodWait(method: string, seconds: number, times = 1): void {
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new TestWorldError("WORLD_BAD_ARGUMENT", "seconds must be >= 0");
    }
    if (times <= 0) this.flood.delete(method);
    else this.flood.set(method, { seconds, times });
  }

  /**
   * Moves an account's home DC: logins elsewhere answer PHONE_MIGRATE_X / USER_MIGRATE_X, and keys
   * signed in on the old home (not imported there) get USER_MIGRATE_X.
   */
  moveUser(userId: number, dcId: number): void {
    this.account(userId).dcId = this.checkDc(dcId);
  }

  /** The access hash `viewerId` must use for `peerId` (user or channel id). */
  accessHash(viewerId: number, peerId: number): bigint {
    // Derived once per pair: every pushed `updates` names its peers, each with a hash (a
    // SHA-256 through node:crypto cost 3–20 µs a push).
    let row = this.#hashes.get(viewerId);
    const known = row?.get(peerId);
    if (known !== undefined) return known;
    const hash = this.derive("hash", viewerId, peerId).readBigInt64LE(0);
    if (this.#hashCount >= MAX_CACHED_HASHES) {
      this.#hashes.clear();
      this.#hashCount = 0;
      row = undefined;
    }
    if (row === undefined) this.#hashes.set(viewerId, row = new Map());
    row.set(peerId, hash);
    this.#hashCount++;
    return hash;
  }

  // -------------------------------------------------------------------------------------------
  // Helpers for the handlers

  /** The account of `id` (WORLD_NO_ACCOUNT for scripting mistakes). */
  account(id: number): Account {
    const a = this.accounts.get(id);
    if (!a) throw new TestWorldError("WORLD_NO_ACCOUNT", `no account ${id}`);
    return a;
  }

  /** Looks an account up by normalised phone. */
  byPhone(phone: string): Account | undefined {
    for (const a of this.accounts.values()) if (a.phone === phone) return a;
    return undefined;
  }

  /** Looks a user or channel up by username (case-insensitive). */
  byUsername(username: string): Account | Channel | undefined {
    const u = username.toLowerCase();
    for (const a of this.accounts.values()) if (a.username?.toLowerCase() === u) return a;
    for (const c of this.channels.values()) if (c.username?.toLowerCase() === u) return c;
    return undefined;
  }

  /**
   * The signed-in account of this key, or the rpc_error Telegram gives: 401 AUTH_KEY_UNREGISTERED
   * before login, 303 USER_MIGRATE_X when the account lives on another DC.
   */
  me(ctx: CallContext): Account {
    const a = ctx.userId === null ? undefined : this.accounts.get(ctx.userId);
    if (!a) throw new RpcFailure(401, "AUTH_KEY_UNREGISTERED");
    if (a.dcId !== ctx.dcId && !this.importedKeys.has(ctx.authKeyId)) {
      throw new RpcFailure(303, `USER_MIGRATE_${a.dcId}`);
    }
    return a;
  }

  /**
   * The signed-in account of this key on any DC, its home or not (401 AUTH_KEY_UNREGISTERED
   * before login): what auth.exportAuthorization needs, so that a key left on an old home can
   * carry its authorization to the new one.
   */
  loggedInAnywhere(ctx: CallContext): Account {
    const a = ctx.userId === null ? undefined : this.accounts.get(ctx.userId);
    if (!a) throw new RpcFailure(401, "AUTH_KEY_UNREGISTERED");
    return a;
  }

  /** Binds the key to `account` after a successful login; answers auth.authorization. */
  signedIn(ctx: CallContext, account: Account): Api.AuthAuthorization {
    this.passwordPending.delete(ctx.authKeyId);
    ctx.bindUser(account.id);
    return { _: "auth.authorization", user: this.userObject(account.id, account) };
  }

  /** `account` as `viewerId` sees it (access hash for that viewer; self flag; phone to self). */
  userObject(viewerId: number, account: Account): Api.User {
    const self = viewerId === account.id;
    if (!self) this.accounts.get(viewerId)?.seen.add(account.id);
    return {
      _: "user",
      self,
      bot: account.bot,
      id: BigInt(account.id),
      accessHash: this.accessHash(viewerId, account.id),
      firstName: account.firstName,
      lastName: account.lastName,
      username: account.username,
      phone: self ? account.phone : undefined,
      botInfoVersion: account.bot ? 1 : undefined,
      botNochats: account.bot ? true : undefined,
      status: account.bot ? undefined : { _: "userStatusRecently" },
    };
  }

  /** A basic group as `viewerId` sees it. */
  groupObject(viewerId: number, g: Group): Api.Chat {
    return {
      _: "chat",
      creator: g.creatorId === viewerId,
      left: !g.members.includes(viewerId),
      id: BigInt(g.id),
      title: g.title,
      photo: { _: "chatPhotoEmpty" },
      participantsCount: g.members.length,
      date: g.date,
      version: g.version,
    };
  }

  /** A channel as `viewerId` sees it. */
  channelObject(viewerId: number, c: Channel): Api.Channel {
    return {
      _: "channel",
      creator: c.creatorId === viewerId,
      left: !c.members.has(viewerId),
      broadcast: c.broadcast,
      megagroup: !c.broadcast,
      id: BigInt(c.id),
      accessHash: this.accessHash(viewerId, c.id),
      title: c.title,
      username: c.username,
      photo: { _: "chatPhotoEmpty" },
      date: c.date,
      participantsCount: c.members.size,
    };
  }

  /** A channel message as `viewerId` sees it. */
  channelMessage(
    viewerId: number,
    c: Channel,
    m: { id: number; fromId: number; date: number; text: string },
  ): Api.Message {
    return {
      _: "message",
      out: m.fromId === viewerId,
      post: c.broadcast,
      id: m.id,
      fromId: c.broadcast ? undefined : { _: "peerUser", userId: BigInt(m.fromId) },
      peerId: { _: "peerChannel", channelId: BigInt(c.id) },
      date: m.date,
      message: m.text,
    };
  }

  /** Users and chats that `messages` (and extra peers) mention, as `viewerId` sees them. */
  peersOf(
    viewerId: number,
    messages: Api.TypeMessage[],
    extra: { users?: number[]; chats?: number[]; channels?: number[] } = {},
  ): { users: Api.TypeUser[]; chats: Api.TypeChat[] } {
    const users = new Set<number>(extra.users ?? []);
    const chats = new Set<number>(extra.chats ?? []);
    const channels = new Set<number>(extra.channels ?? []);
    const add = (p: Api.TypePeer | undefined) => {
      if (p?._ === "peerUser") users.add(Number(p.userId));
      else if (p?._ === "peerChat") chats.add(Number(p.chatId));
      else if (p?._ === "peerChannel") channels.add(Number(p.channelId));
    };
    for (const m of messages) {
      if (m._ === "messageEmpty") continue;
      add(m.fromId);
      add(m.peerId);
    }
    return {
      users: [...users].filter((u) => this.accounts.has(u)).map((u) =>
        this.userObject(viewerId, this.accounts.get(u)!)
      ),
      chats: [
        ...[...chats].filter((c) => this.groups.has(c)).map((c) =>
          this.groupObject(viewerId, this.groups.get(c)!)
        ),
        ...[...channels].filter((c) => this.channels.has(c)).map((c) =>
          this.channelObject(viewerId, this.channels.get(c)!)
        ),
      ],
    };
  }

  /** Resolves an InputUser for `viewer`, checking the access hash (USER_ID_INVALID otherwise). */
  inputUser(viewer: Account, input: Api.TypeInputUser): Account {
    if (input._ === "inputUserSelf") return viewer;
    if (input._ === "inputUser") {
      const a = this.accounts.get(Number(input.userId));
      if (a && (a.id === viewer.id || input.accessHash === this.accessHash(viewer.id, a.id))) {
        return a;
      }
    }
    if (input._ === "inputUserFromMessage") {
      const a = this.accounts.get(Number(input.userId));
      if (a) return a;
    }
    throw new RpcFailure(400, "USER_ID_INVALID");
  }

  /** Resolves an InputPeer for `viewer` into a destination (PEER_ID_INVALID otherwise). */
  inputPeer(viewer: Account, input: Api.TypeInputPeer): Destination {
    const id = "userId" in input
      ? Number(input.userId)
      : "chatId" in input
      ? Number(input.chatId)
      : "channelId" in input
      ? Number(input.channelId)
      : 0;
    switch (input._) {
      case "inputPeerSelf":
        return { userId: viewer.id };
      case "inputPeerUser":
        if (
          this.accounts.has(id) &&
          (id === viewer.id || input.accessHash === this.accessHash(viewer.id, id))
        ) return { userId: id };
        break;
      case "inputPeerUserFromMessage":
        if (this.accounts.has(id)) return { userId: id };
        break;
      case "inputPeerChat":
        if (this.groups.get(id)?.members.includes(viewer.id)) {
          return { chatId: id };
        }
        break;
      case "inputPeerChannel":
        return { channelId: this.inputChannel(viewer, input).id };
      case "inputPeerChannelFromMessage":
        if (this.channels.has(id)) return { channelId: id };
        break;
    }
    throw new RpcFailure(400, "PEER_ID_INVALID");
  }

  /** Resolves an InputChannel (or inputPeerChannel) for `viewer`: CHANNEL_INVALID / CHANNEL_PRIVATE. */
  inputChannel(
    viewer: Account,
    input: Api.TypeInputChannel | Api.InputPeerChannel,
  ): Channel {
    if (input._ === "inputChannelEmpty") throw new RpcFailure(400, "CHANNEL_INVALID");
    const c = this.channels.get(Number(input.channelId));
    if (!c) throw new RpcFailure(400, "CHANNEL_INVALID");
    if (
      input._ !== "inputChannelFromMessage" && input.accessHash !== this.accessHash(viewer.id, c.id)
    ) {
      throw new RpcFailure(400, "CHANNEL_INVALID");
    }
    if (c.username === undefined && !c.members.has(viewer.id)) {
      throw new RpcFailure(406, "CHANNEL_PRIVATE");
    }
    return c;
  }

  /**
   * Sends a text message from `fromId` to `to`: stores it in every box it belongs to, advances
   * their pts, pushes the updates to the recipients' sessions, and returns what the sender's
   * `messages.sendMessage` answers.
   */
  send(
    fromId: number,
    to: Destination,
    text: string,
    randomId: bigint,
  ): Sent {
    const from = this.account(fromId);
    if (text.length === 0) throw new RpcFailure(400, "MESSAGE_EMPTY");
    if (text.length > 4096) throw new RpcFailure(400, "MESSAGE_TOO_LONG");
    if (from.box.randomIds.has(randomId)) throw new RpcFailure(500, "RANDOM_ID_DUPLICATE");
    from.box.randomIds.add(randomId);
    trimOldest(from.box.randomIds, MAX_EVENTS);
    const date = this.now();
    if ("userId" in to) return this.sendPrivate(from, this.account(to.userId), text, date);
    if ("chatId" in to) return this.sendGroup(from, to.chatId, text, randomId, date);
    return this.sendChannel(from, to.channelId, text, randomId, date);
  }

  /** A private message: the sender's and the recipient's boxes. */
  private sendPrivate(from: Account, to: Account, text: string, date: number): Sent {
    const own = this.store(from, {
      out: true,
      fromId: from.id,
      peer: { _: "peerUser", userId: BigInt(to.id) },
      text,
      date,
    });
    if (to.id !== from.id) {
      const theirs = this.store(to, {
        out: false,
        fromId: from.id,
        peer: { _: "peerUser", userId: BigInt(from.id) },
        text,
        date,
      });
      const known = to.seen.has(from.id);
      const push: Api.TypeUpdates = known
        ? {
          _: "updateShortMessage",
          id: theirs.message.id,
          userId: BigInt(from.id),
          message: text,
          pts: theirs.pts,
          ptsCount: 1,
          date,
        }
        : {
          _: "updates",
          updates: [theirs.update],
          ...this.peersOf(to.id, [], { users: [from.id, to.id] }),
          date,
          seq: 0,
        };
      this.pushUpdate(to.id, push);
    }
    const result: Api.UpdateShortSentMessage = {
      _: "updateShortSentMessage",
      out: true,
      id: own.message.id,
      pts: own.pts,
      ptsCount: 1,
      date,
    };
    return { posted: { id: own.message.id, pts: own.pts, date }, result };
  }

  /** A basic group message: every member's box. */
  private sendGroup(
    from: Account,
    chatId: number,
    text: string,
    randomId: bigint,
    date: number,
  ): Sent {
    const g = this.groups.get(chatId);
    if (!g || !g.members.includes(from.id)) throw new RpcFailure(400, "CHAT_ID_INVALID");
    let own: { message: Api.Message; pts: number; update: Api.UpdateNewMessage } | undefined;
    for (const memberId of g.members) {
      const member = this.account(memberId);
      const stored = this.store(member, {
        out: memberId === from.id,
        fromId: from.id,
        peer: { _: "peerChat", chatId: BigInt(chatId) },
        text,
        date,
      });
      if (memberId === from.id) {
        own = stored;
        continue;
      }
      this.pushUpdate(memberId, {
        _: "updates",
        updates: [stored.update],
        ...this.peersOf(memberId, [stored.message]),
        date,
        seq: 0,
      });
    }
    const result: Api.Updates = {
      _: "updates",
      updates: [{ _: "updateMessageID", id: own!.message.id, randomId }, own!.update],
      ...this.peersOf(from.id, [own!.message]),
      date,
      seq: 0,
    };
    return { posted: { id: own!.message.id, pts: own!.pts, date }, result };
  }

  /** A channel post: the channel's own box, pushed to its members. */
  private sendChannel(
    from: Account,
    channelId: number,
    text: string,
    randomId: bigint,
    date: number,
  ): Sent {
    const c = this.channels.get(channelId);
    if (!c) throw new RpcFailure(400, "CHANNEL_INVALID");
    if (!c.members.has(from.id)) throw new RpcFailure(403, "CHAT_WRITE_FORBIDDEN");
    if (c.broadcast && c.creatorId !== from.id) throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
    const record = { id: c.nextId++, fromId: from.id, date, text };
    c.messages.set(record.id, record);
    this.bound(c.messages, MAX_MESSAGES);
    c.pts++;
    c.events.push({ pts: c.pts, id: record.id });
    if (c.events.length > this.channelHistory) c.events.shift();
    const updateFor = (viewer: number): Api.UpdateNewChannelMessage => ({
      _: "updateNewChannelMessage",
      message: this.channelMessage(viewer, c, record),
      pts: c.pts,
      ptsCount: 1,
    });
    for (const memberId of c.members) {
      if (memberId === from.id) continue;
      const behind = c.pts - (c.seen.get(memberId) ?? 0);
      if (behind > this.channelTooLong) {
        // Too much queued for this member to push one by one: it is told to fetch (once).
        if (c.tooLongSent.has(memberId)) continue;
        const reached = this.pushUpdate(memberId, {
          _: "updates",
          updates: [{ _: "updateChannelTooLong", channelId: BigInt(c.id), pts: c.pts }],
          users: [],
          chats: [this.channelObject(memberId, c)],
          date,
          seq: 0,
        });
        if (reached > 0) c.tooLongSent.add(memberId);
        continue;
      }
      const update = updateFor(memberId);
      const reached = this.pushUpdate(memberId, {
        _: "updates",
        updates: [update],
        ...this.peersOf(memberId, [update.message]),
        date,
        seq: 0,
      });
      if (reached > 0) c.seen.set(memberId, c.pts);
    }
    c.seen.set(from.id, c.pts);
    const own = updateFor(from.id);
    const result: Api.Updates = {
      _: "updates",
      updates: [{ _: "updateMessageID", id: record.id, randomId }, own],
      ...this.peersOf(from.id, [own.message]),
      date,
      seq: 0,
    };
    return { posted: { id: record.id, pts: c.pts, date }, result };
  }

  /** Stores one message in `owner`'s box with the next id and pts. */
  private store(
    owner: Account,
    m: { out: boolean; fromId: number; peer: Api.TypePeer; text: string; date: number },
  ): { message: Api.Message; pts: number; update: Api.UpdateNewMessage } {
    const box = owner.box;
    const message: Api.Message = {
      _: "message",
      out: m.out,
      id: box.nextId++,
      fromId: { _: "peerUser", userId: BigInt(m.fromId) },
      peerId: m.peer,
      date: m.date,
      message: m.text,
    };
    box.messages.set(message.id, message);
    this.bound(box.messages, MAX_MESSAGES);
    box.pts++;
    const update: Api.UpdateNewMessage = {
      _: "updateNewMessage",
      message,
      pts: box.pts,
      ptsCount: 1,
    };
    box.events.push({ pts: box.pts, update });
    if (box.events.length > MAX_EVENTS) box.events.shift();
    return { message, pts: box.pts, update };
  }

  /** A new user id: increasing, with gaps, as Telegram's. */
  private allocUserId(): number {
    return this.nextUserId += 1 + (randomBytes(1)[0] & 7);
  }

  /** `dcId` if the server has that DC, else a scripting error. */
  private checkDc(dcId: number): number {
    const dcs = this.dcs;
    // Before the server listens there are no addresses yet: any of Telegram's DC ids will do.
    if (dcs.length === 0 ? dcId < 1 || dcId > 5 : !dcs.some((d) => d.id === dcId)) {
      throw new TestWorldError("WORLD_BAD_ARGUMENT", `no DC ${dcId}`);
    }
    return dcId;
  }

  /** Throws unless `username` is valid on Telegram and free. */
  private checkUsername(username: string): void {
    if (!/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(username)) {
      throw new TestWorldError(
        "WORLD_BAD_ARGUMENT",
        `username ${JSON.stringify(username)} is not valid on Telegram`,
      );
    }
    if (this.byUsername(username)) {
      throw new TestWorldError("WORLD_TAKEN", `username ${username} is taken`);
    }
  }

  /** 32 bytes derived from the world's secret (tokens, access hashes): stable, unguessable. */
  private derive(what: string, ...ids: number[]): Buffer {
    return createHash("sha256").update(this.#secret).update(`${what}:${ids.join(":")}`).digest();
  }
}

function newBox(): Box {
  return {
    pts: 1,
    qts: 0,
    seq: 1,
    nextId: 1,
    messages: new Map(),
    events: [],
    randomIds: new Set(),
  };
}

/** 64-bit random values drawn 4 KiB at a time: one node:crypto call per id cost 2–5 µs. */
let longPool: BigInt64Array = new BigInt64Array(0);
let longAt = 0;

/** A random signed 64-bit integer (random ids, srp ids). */
export function randomLong(): bigint {
  if (longAt === longPool.length) {
    longPool = new BigInt64Array(secureRandom(4096).buffer);
    longAt = 0;
  }
  return longPool[longAt++];
}
