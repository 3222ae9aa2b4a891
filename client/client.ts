import type { AnyFunction, AnyTlObject, Api, ResultOf } from "../tl/mod.ts";
import { RpcError } from "../tl/mod.ts";
import type { Storage } from "../storage/storage.ts";
import { StorageError } from "../storage/errors.ts";
import { dcAddress } from "../storage/dcs.ts";
import { Logger, type WebSocketConstructor } from "../mtproto/mod.ts";
import {
  type ClientOptions,
  DEFAULT_SLEEP_THRESHOLD,
  type LoggerLike,
  validateOptions,
} from "./options.ts";
import { chooseStorage } from "./storage_choice.ts";
import { ClientError } from "./errors.ts";
import {
  type Connection,
  CONNECTION_FACTORY,
  type ConnectionFactory,
  mtprotoConnection,
  PendingKeys,
} from "./connection.ts";
import { TELEGRAM_PUBLIC_KEYS } from "./telegram_keys.ts";
import { bareId, inputPeerOf, kindOfId, peerId, PeerSaver, peersIn } from "./peers.ts";
import { type DeliveredUpdate, UpdateManager } from "./updates.ts";
import { Dispatcher } from "./dispatcher.ts";
import { Chat, Message, PeerIndex, User } from "./types/mod.ts";
import { RecentPeers } from "./types/recent_peers.ts";
import { ask, canPrompt, obtain } from "./prompt.ts";
import { computePasswordCheck } from "./srp.ts";
import { redactWhenPrinted } from "../runtime/redact.ts";
import { hasWebSocket } from "../runtime/websocket.ts";

/** Options that are secrets (or personal data) and never printed. */
const SECRET_OPTIONS = [
  "apiHash",
  "botToken",
  "phoneNumber",
  "phoneCode",
  "password",
  "firstName",
  "lastName",
  "sessionString",
  "storageEngine",
  "proxy",
];

/** Options of {@link Client.invoke}. */
export interface InvokeOptions {
  /** Aborts the request (it rejects with `MTPROTO_ABORTED`). */
  signal?: AbortSignal;
  /** Milliseconds before the request rejects with `MTPROTO_TIMEOUT`. */
  timeout?: number;
  /** Send to this DC instead of the home DC (the authorization is exported there first). */
  dcId?: number;
}

/** What {@link Client.onUpdate} handlers receive besides the update. */
export interface UpdateContext {
  /** The client that received the update. */
  client: Client;
  /** The users that came with the update. */
  users: Api.TypeUser[];
  /** The chats that came with the update. */
  chats: Api.TypeChat[];
}

/** A handler of raw updates. */
export type UpdateHandler = (update: Api.TypeUpdate, context: UpdateContext) => unknown;
/** A handler of new messages. */
export type MessageHandler = (message: Message, client: Client) => unknown;
/** Chooses the messages a {@link MessageHandler} gets. */
export type MessageFilter = (message: Message) => boolean;

/** A chat given by marked id, `@username`, username, phone number (`+…`), or `"me"`. */
export type PeerLike = number | string;

/** Options of {@link Client.sendMessage}. */
export interface SendMessageOptions {
  /** Reply to this message of the same chat. */
  replyToMessageId?: number;
  /** Send without a notification sound. */
  silent?: boolean;
  /** Do not show a link preview. */
  noWebpage?: boolean;
}

const MAX_RETRIES = 5;
const DEFAULT_DC = 2;
const UPDATES_TYPES = new Set([
  "updatesTooLong",
  "updateShortMessage",
  "updateShortChatMessage",
  "updateShort",
  "updatesCombined",
  "updates",
  "updateShortSentMessage",
]);
const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as PromiseLike<unknown> | undefined)?.then === "function";
const isUpdates = (v: unknown): v is Api.TypeUpdates =>
  typeof v === "object" && v !== null && UPDATES_TYPES.has((v as { _: string })._);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(t);
      reject(signal!.reason);
    }
    signal?.addEventListener("abort", abort, { once: true });
  });
}

const notStarted = () => new ClientError("CLIENT_NOT_STARTED", "call start() first");

/**
 * A Telegram client. The session name chooses where the session lives:
 * `NAME.session` in `workdir` (SQLite, the default), `":memory:"` for memory only, or the
 * engine given in `storageEngine` / `sessionString`.
 *
 * @example
 * An echo bot on Telegram; it needs an api_id and api_hash from my.telegram.org and a bot token
 * from @BotFather:
 *
 * ```ts
 * import { Client } from "@x/irenogram";
 * async function echoBot(apiId: number, apiHash: string, botToken: string): Promise<void> {
 *   const app = new Client("my_bot", { apiId, apiHash, botToken });
 *   app.onMessage(async (message) => {
 *     await message.reply(message.text ?? "");
 *   }, (message) => !message.outgoing && message.text !== undefined);
 *   await app.start(); // logs in once; later starts reuse my_bot.session
 * }
 * ```
 *
 * @example
 * The same client offline, against a TestServer (Telegram's DCs on loopback):
 *
 * ```ts
 * import { TestServer, type TestWorld } from "@x/irenogram/testing";
 * // Offline, a bot of a TestServer (on Telegram: your apiId, apiHash and botToken instead).
 * await using server = await TestServer.start();
 * const { token } = (server.world as TestWorld).addBot({ username: "docs_bot" });
 * await using app = new Client(":memory:", { ...server.clientOptions(), botToken: token });
 * await app.start();
 * console.log((await app.getMe()).username); // "docs_bot"
 * ```
 */
export class Client {
  /** The session name given to the constructor. */
  readonly name: string;
  // Private, so that printing or serialising a client never shows apiHash, botToken,
  // sessionString or a MongoDB password.
  readonly #options: Readonly<ClientOptions>;
  #storage: Storage;
  #storageClosed = false;
  readonly #logger: LoggerLike;
  readonly #connect: ConnectionFactory;
  #conn: Connection | undefined;
  #keys: PendingKeys | undefined;
  #updates: UpdateManager | undefined;
  #peers: PeerSaver;
  readonly #dispatcher: Dispatcher;
  readonly #updateHandlers: UpdateHandler[] = [];
  readonly #messageHandlers: { handler: MessageHandler; filter?: MessageFilter }[] = [];
  #userId: number | null = null;
  #isBot = false;
  #me: User | undefined;
  /** Users and chats seen last, for results that come without them (short updates). */
  readonly #recent = new RecentPeers();
  #started = false;
  #starting: Promise<this> | undefined;

  /** A client for session `name` (see the class for how the name picks the storage); nothing is opened or sent until it starts. */
  constructor(name: string, options: ClientOptions = {}) {
    if (typeof name !== "string" || name.length === 0) {
      throw new StorageError("the session name must be a non-empty string", {
        code: "STORAGE_INVALID_ARGUMENT",
      });
    }
    validateOptions(options);
    this.name = name;
    // Readable by code, redacted when printed (inspect with getters, console.log, JSON).
    this.#options = Object.freeze(redactWhenPrinted({ ...options }, SECRET_OPTIONS));
    this.#storage = chooseStorage(name, this.#options);
    this.#logger = options.logger ?? new Logger(options.logLevel ?? "warn");
    this.#connect = (options as { [CONNECTION_FACTORY]?: ConnectionFactory })[CONNECTION_FACTORY] ??
      mtprotoConnection;
    this.#peers = new PeerSaver(this.#storage);
    this.#dispatcher = new Dispatcher(this.#logger);
  }

  /** The options given to the constructor (they hold secrets: never log them). */
  get options(): Readonly<ClientOptions> {
    return this.#options;
  }

  /**
   * Where this client keeps its session (chosen from the name and options; opened by `start()`).
   * Peer lookups go through a bounded in-memory cache.
   */
  get storage(): Storage {
    return this.#storage;
  }

  /** Whether `start()` has completed and `stop()` has not been called since. */
  get isStarted(): boolean {
    return this.#started;
  }

  /** The logged-in user's (or bot's) id, once started. */
  get userId(): number | null {
    return this.#userId;
  }

  /** Whether the session belongs to a bot (known once started). */
  get isBot(): boolean {
    return this.#isBot;
  }

  /**
   * Connects, reuses the stored auth key (or creates one), logs in when the session is not
   * logged in yet (bot token, or phone number → code → 2FA password; sign-up when Telegram asks),
   * saves everything to the storage, and fetches the update state (and what was missed since the
   * last run). Missing login details are asked on the terminal, or fail with
   * `CLIENT_INPUT_REQUIRED` when there is none. A failed login writes nothing to the storage.
   */
  start(): Promise<this> {
    if (this.#started) {
      return Promise.reject(
        new ClientError("CLIENT_ALREADY_STARTED", "the client is already started"),
      );
    }
    this.#starting ??= this.#start().finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  async #start(): Promise<this> {
    if (this.#storageClosed) {
      // stop() closed the storage; a new start opens it again (memory sessions start empty, as
      // in Irenogram).
      this.#storage = chooseStorage(this.name, this.#options);
      this.#peers = new PeerSaver(this.#storage);
      this.#storageClosed = false;
    }
    const o = this.#options;
    // Before anything is opened: nothing to undo.
    if (o.transport === "websocket" && o.webSocket === undefined && !hasWebSocket()) {
      throw new ClientError(
        "CLIENT_WEBSOCKET_MISSING",
        'transport "websocket" needs a WebSocket and this runtime has none (Node before 22): ' +
          'install the ws package (npm i ws) and pass it: import { WebSocket } from "ws"; ' +
          'new Client(name, { transport: "websocket", webSocket: WebSocket })',
      );
    }
    await this.#storage.open();
    try {
      const session = await this.#storage.getSession();
      const apiId = o.apiId ?? session.apiId ?? undefined;
      if (apiId === undefined) {
        throw new ClientError("CLIENT_INPUT_REQUIRED", "apiId is needed: pass it in the options");
      }
      const loggedIn = session.authKey !== null && session.userId !== null;
      const homeDc = session.authKey !== null ? session.dcId : DEFAULT_DC;
      this.#keys = new PendingKeys(this.#storage, loggedIn);
      const conn = this.#connect({
        apiId,
        dcOptions: o.dcOptions ?? telegramDcs(o.testMode === true, o.ipv6 === true),
        publicKeys: o.publicKeys ?? [...TELEGRAM_PUBLIC_KEYS],
        keys: this.#keys,
        transport: o.transport,
        // Its shape is the browser's WebSocket, which runtime/websocket.ts relies on.
        WebSocket: o.webSocket as WebSocketConstructor | undefined,
        proxy: o.proxy,
        ipv6: o.ipv6,
        testMode: o.testMode,
        initConnection: {
          deviceModel: o.deviceModel,
          appVersion: o.appVersion,
          systemVersion: o.systemVersion,
          langCode: o.langCode,
          systemLangCode: o.systemLangCode,
        },
        noUpdates: o.noUpdates,
        logger: this.#logger instanceof Logger ? this.#logger : undefined,
        onUpdate: (updates) => this.#onServerUpdates(updates),
      });
      this.#conn = conn;
      await conn.connect(homeDc);
      if (loggedIn) {
        this.#userId = session.userId;
        this.#isBot = session.isBot === true;
        conn.setAuthorized(session.userId);
        if (session.apiId === null) await this.#storage.setSession({ apiId });
      } else {
        await this.#login(apiId);
      }
      if (!o.noUpdates) {
        this.#updates = new UpdateManager({
          invoke: (fn) => this.#call(fn, {}),
          storage: this.#storage,
          savePeers: (carrier) => this.#peers.save(carrier),
          deliver: (list) => this.#deliver(list),
          selfId: () => this.#userId ?? 0,
          isBot: () => this.#isBot,
          logger: this.#logger,
        });
        await this.#updates.start();
      }
      await this.#storage.save();
      this.#started = true;
      this.#logger.info("client started", {
        user: this.#userId,
        dc: conn.mainDcId,
        bot: this.#isBot,
      });
      return this;
    } catch (e) {
      await this.#disconnect();
      await this.#closeStorage();
      throw e;
    }
  }

  /** The login: bot token, or the phone flow. Writes the session only when it succeeded. */
  async #login(apiId: number): Promise<void> {
    const o = this.#options;
    if (o.apiHash === undefined) {
      throw new ClientError(
        "CLIENT_INPUT_REQUIRED",
        "logging in needs apiHash: pass it in the options",
      );
    }
    let botToken = o.botToken;
    let phone: string | undefined;
    if (botToken === undefined) {
      if (o.phoneNumber === undefined && canPrompt()) {
        const answer = await ask("Enter phone number or bot token: ");
        if (/^\d+:[\w-]+$/.test(answer)) botToken = answer;
        else phone = answer;
      } else {
        phone = await obtain(o.phoneNumber, "phoneNumber (or botToken)", "Enter phone number: ");
      }
    }
    let auth: Api.AuthAuthorization;
    if (botToken !== undefined) {
      auth = await this.#loginCall({
        _: "auth.importBotAuthorization",
        flags: 0,
        apiId,
        apiHash: o.apiHash,
        botAuthToken: botToken,
      }) as Api.AuthAuthorization;
    } else {
      auth = await this.#loginUser(apiId, o.apiHash, phone!.replace(/[\s()-]/g, ""));
    }
    const user = auth.user as Api.User;
    const userId = Number(user.id);
    const conn = this.#conn!;
    await this.#keys!.commit(conn.mainDcId);
    const home = this.#options.dcOptions?.find((d) => d.id === conn.mainDcId);
    await this.#storage.setSession({
      dcId: conn.mainDcId,
      apiId,
      testMode: o.testMode === true,
      userId,
      isBot: user.bot === true,
      serverAddress: home?.host ?? null,
      port: home?.port ?? null,
    });
    await this.#peers.save(auth);
    this.#userId = userId;
    this.#isBot = user.bot === true;
    this.#me = new User(user);
    this.#recent.add([user], []);
    conn.setAuthorized(userId);
    this.#logger.info("logged in", { user: userId, bot: this.#isBot });
  }

  /** A login request: `*_MIGRATE_X` moves the home DC (keys still pending) and tries again. */
  async #loginCall<F extends AnyFunction>(fn: F): Promise<ResultOf<F>> {
    return await this.#call(fn, {});
  }

  async #loginUser(
    apiId: number,
    apiHash: string,
    phoneNumber: string,
  ): Promise<Api.AuthAuthorization> {
    const o = this.#options;
    const sent = await this.#loginCall({
      _: "auth.sendCode",
      phoneNumber,
      apiId,
      apiHash,
      settings: { _: "codeSettings" },
    });
    if (sent._ === "auth.sentCodeSuccess") return sent.authorization as Api.AuthAuthorization;
    if (sent._ !== "auth.sentCode") {
      throw new ClientError(
        "CLIENT_LOGIN_FAILED",
        `the server answered the code request with ${sent._}`,
      );
    }
    const interactive = typeof o.phoneCode !== "string";
    let result: Api.TypeAuthAuthorization | undefined;
    for (let attempt = 1; result === undefined; attempt++) {
      const code = await obtain(o.phoneCode, "phoneCode", "Enter confirmation code: ");
      try {
        result = await this.#loginCall({
          _: "auth.signIn",
          phoneNumber,
          phoneCodeHash: sent.phoneCodeHash,
          phoneCode: code,
        });
      } catch (e) {
        if (e instanceof RpcError && e.id === "SESSION_PASSWORD_NEEDED") {
          result = await this.#checkPassword();
        } else if (
          e instanceof RpcError && e.id === "PHONE_CODE_INVALID" && interactive && attempt < 3
        ) {
          this.#logger.warn("the confirmation code is invalid; asking again");
          if (canPrompt() && o.phoneCode === undefined) {
            console.log("The confirmation code is invalid");
          }
        } else throw e;
      }
    }
    if (result._ === "auth.authorizationSignUpRequired") {
      const firstName = await obtain(o.firstName, "firstName (to sign up)", "Enter first name: ");
      const lastName = o.lastName === undefined && !canPrompt()
        ? ""
        : await obtain(o.lastName, "lastName", "Enter last name (empty to skip): ");
      result = await this.#loginCall({
        _: "auth.signUp",
        phoneNumber,
        phoneCodeHash: sent.phoneCodeHash,
        firstName,
        lastName,
      });
    }
    if (result._ !== "auth.authorization") {
      throw new ClientError("CLIENT_LOGIN_FAILED", `unexpected login answer ${result._}`);
    }
    return result;
  }

  async #checkPassword(): Promise<Api.TypeAuthAuthorization> {
    const o = this.#options;
    const interactive = typeof o.password !== "string";
    for (let attempt = 1;; attempt++) {
      const state = await this.#call({ _: "account.getPassword" }, {});
      const hint = state.hint ? ` (hint: ${state.hint})` : "";
      const password = await obtain(
        o.password,
        "password (two-step verification)",
        `Enter password${hint}: `,
        true,
      );
      const proof = await computePasswordCheck(state, password);
      try {
        return await this.#loginCall({ _: "auth.checkPassword", password: proof });
      } catch (e) {
        if (
          e instanceof RpcError && e.id === "PASSWORD_HASH_INVALID" && interactive && attempt < 3
        ) {
          this.#logger.warn("the password is invalid; asking again");
          continue;
        }
        throw e;
      }
    }
  }

  /**
   * Sends `fn` and returns its result, typed by the TL layer. `FLOOD_WAIT_X` of at most
   * `sleepThreshold` seconds is waited out and the request sent again (logged); longer ones are
   * thrown. `*_MIGRATE_X` is followed (the new home DC is stored). Users and chats in the result
   * are stored as peers; `Updates` results advance the update state.
   *
   * @example
   * ```ts
   * import { TestServer, type TestWorld } from "@x/irenogram/testing";
   * // Offline, a bot of a TestServer (on Telegram: your apiId, apiHash and botToken instead).
   * await using server = await TestServer.start();
   * const { token } = (server.world as TestWorld).addBot({ username: "docs_bot" });
   * await using app = new Client(":memory:", { ...server.clientOptions(), botToken: token });
   * await app.start();
   * const config = await app.invoke({ _: "help.getConfig" }, { timeout: 10_000 });
   * console.log(config.thisDc); // 2
   * ```
   */
  async invoke<F extends AnyFunction>(fn: F, options: InvokeOptions = {}): Promise<ResultOf<F>> {
    const result = await this.#call(fn, options);
    this.#remember(result);
    if (isUpdates(result) && this.#updates !== undefined) await this.#updates.handle(result, false);
    else await this.#peers.save(result);
    return result;
  }

  /** Keeps the users and chats of a result for the result objects of later short updates. */
  #remember(result: unknown): void {
    if (Array.isArray(result)) {
      if ((result[0] as { _?: string } | undefined)?._ === "user") this.#recent.add(result, []);
      return;
    }
    const r = result as { users?: Api.TypeUser[]; chats?: Api.TypeChat[] };
    if (Array.isArray(r.users) || Array.isArray(r.chats)) {
      this.#recent.add(r.users ?? [], r.chats ?? []);
    }
  }

  /** invoke without looking at the result: flood waits and migrations only. */
  async #call<F extends AnyFunction>(fn: F, options: InvokeOptions): Promise<ResultOf<F>> {
    const conn = this.#conn;
    if (conn === undefined) throw notStarted();
    let opts = options;
    for (let attempt = 0;; attempt++) {
      try {
        return await conn.invoke(fn, opts);
      } catch (e) {
        if (!(e instanceof RpcError) || attempt >= MAX_RETRIES || e.value === undefined) throw e;
        if (e.errorCode === 420 && /^FLOOD(_PREMIUM)?_WAIT_X$/.test(e.id)) {
          const threshold = this.#options.sleepThreshold ?? DEFAULT_SLEEP_THRESHOLD;
          if (e.value > threshold) throw e;
          this.#logger.warn("flood wait: sleeping, then sending again", {
            method: fn._,
            seconds: e.value,
          });
          await sleep(e.value * 1000, options.signal);
          continue;
        }
        if (e.errorCode === 303 && e.id.endsWith("_MIGRATE_X")) {
          if (
            e.id === "FILE_MIGRATE_X" || e.id === "STATS_MIGRATE_X" || options.dcId !== undefined
          ) {
            opts = { ...opts, dcId: e.value };
          } else if (this.#keys?.committed && this.#userId !== null) {
            await this.#moveLoggedIn(e.value, e);
          } else {
            await this.#migrate(e.value);
          }
          continue;
        }
        throw e;
      }
    }
  }

  /**
   * A logged-in session told its account lives on `dcId`: the login is carried there first
   * (auth.exportAuthorization here, auth.importAuthorization there), then the home DC moves and
   * is stored. When that fails, nothing moves and nothing is stored (a home DC whose key is not
   * logged in would break the session for good): `cause` is thrown.
   */
  async #moveLoggedIn(dcId: number, cause: RpcError): Promise<void> {
    try {
      // A request to another DC makes the connection import the authorization there first.
      await this.#conn!.invoke({ _: "help.getNearestDc" }, { dcId });
    } catch (e) {
      this.#logger.warn("home DC move refused: the login could not be carried over", {
        to: dcId,
        error: e instanceof RpcError ? e.id : String((e as Error)?.message ?? e),
      });
      throw cause;
    }
    await this.#migrate(dcId);
  }

  /** Moves the home DC (after PHONE/USER/NETWORK_MIGRATE) and records it once logged in. */
  async #migrate(dcId: number): Promise<void> {
    this.#logger.info("home DC moves", { from: this.#conn!.mainDcId, to: dcId });
    if (this.#keys?.committed) await this.#storage.setSession({ dcId });
    await this.#conn!.setMainDc(dcId);
  }

  #onServerUpdates(updates: AnyTlObject): void {
    if (!isUpdates(updates)) return;
    if (this.#updates === undefined) {
      this.#peers.save(updates)?.catch(() => {});
      return;
    }
    this.#updates.push(updates);
  }

  #deliver(list: DeliveredUpdate[]): void {
    if (this.#updateHandlers.length === 0 && this.#messageHandlers.length === 0) return;
    let seen: Api.TypeUser[] | undefined;
    for (const item of list) {
      // The items of one batch share its vectors: remembered once (for later short updates).
      if (item.users !== seen && this.#messageHandlers.length > 0) {
        seen = item.users;
        this.#recent.add(item.users, item.chats);
      }
      // Updates of one chat run in order; a messageEmpty has no chat.
      const where = (item.update as { message?: { peerId?: Api.TypePeer } }).message?.peerId;
      this.#dispatcher.run(where ? peerId(where) : "other", () => this.#handle(item));
    }
  }

  /**
   * Runs the handlers of one update one after another, from update handler `i` and message
   * handler `j` on. Synchronously while they return no promise (most handlers of a busy bot do
   * not wait for anything): a promise (then the rest runs after it) only once one does.
   */
  #handle(item: DeliveredUpdate, i = 0, j = 0, wrapped?: Message): unknown {
    const updateHandlers = this.#updateHandlers;
    for (; i < updateHandlers.length; i++) {
      const done = updateHandlers[i](item.update, {
        client: this,
        users: item.users,
        chats: item.chats,
      });
      if (isThenable(done)) {
        const next = i + 1;
        return done.then(() => this.#handle(item, next, 0));
      }
    }
    const u = item.update;
    if (u._ !== "updateNewMessage" && u._ !== "updateNewChannelMessage") return;
    const messageHandlers = this.#messageHandlers;
    if (u.message._ !== "message" || j >= messageHandlers.length) return;
    // Cheap: the Message reads raw and the update's users/chats only when a field is asked.
    const message = wrapped ?? new Message(u.message, {
      peers: new PeerIndex(item.users, item.chats, this.#recent),
      client: this,
    });
    for (; j < messageHandlers.length; j++) {
      const { handler, filter } = messageHandlers[j];
      if (filter !== undefined && !filter(message)) continue;
      const done = handler(message, this);
      if (isThenable(done)) {
        const next = j + 1;
        return done.then(() => this.#handle(item, Infinity, next, message));
      }
    }
  }

  /**
   * Calls `handler` for every update, in order per chat (the next update of a chat waits for the
   * handler of the previous one). Returns a function that removes the handler.
   */
  onUpdate(handler: UpdateHandler): () => void {
    this.#updateHandlers.push(handler);
    return () => {
      const i = this.#updateHandlers.indexOf(handler);
      if (i >= 0) this.#updateHandlers.splice(i, 1);
    };
  }

  /**
   * Calls `handler` for every new message (that `filter` accepts), in order per chat.
   * Messages this client sends itself are not delivered. Returns a function that removes it.
   *
   * @example
   * ```ts
   * const app = new Client("my_account");
   * app.onMessage((m) => console.log(m.chat.id, m.fromUser?.id, m.text), (m) => !m.outgoing);
   * ```
   */
  onMessage(handler: MessageHandler, filter?: MessageFilter): () => void {
    const entry = { handler, filter };
    this.#messageHandlers.push(entry);
    return () => {
      const i = this.#messageHandlers.indexOf(entry);
      if (i >= 0) this.#messageHandlers.splice(i, 1);
    };
  }

  /** The logged-in user or bot (`users.getUsers` with `inputUserSelf`). */
  async getMe(): Promise<User> {
    const [me] = await this.invoke({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] });
    if (me?._ !== "user") {
      throw new ClientError("CLIENT_LOGIN_FAILED", "the server does not know this user");
    }
    return this.#me = new User(me);
  }

  /**
   * The `InputPeer` of a chat: from the storage when it knows it (no network), else from
   * Telegram (`contacts.resolveUsername`, `contacts.resolvePhone`, `users.getUsers`,
   * `channels.getChannels`). Throws `CLIENT_PEER_NOT_FOUND`.
   *
   * @example
   * ```ts
   * import { TestServer, type TestWorld } from "@x/irenogram/testing";
   * // Offline, a bot of a TestServer (on Telegram: your apiId, apiHash and botToken instead).
   * await using server = await TestServer.start();
   * const world = server.world as TestWorld;
   * const { token } = world.addBot({ username: "docs_bot" });
   * world.addUser({ phone: "15550001", firstName: "Alice", username: "alice" });
   * await using app = new Client(":memory:", { ...server.clientOptions(), botToken: token });
   * await app.start();
   * const peer = await app.resolvePeer("@alice");
   * console.log(peer._); // "inputPeerUser"
   * ```
   */
  async resolvePeer(peer: PeerLike): Promise<Api.TypeInputPeer> {
    if (peer === "me" || peer === "self") return { _: "inputPeerSelf" };
    // A client that is not started still resolves what its storage knows.
    if (this.#storageClosed) throw notStarted();
    await this.#storage.open();
    if (typeof peer === "number" || /^-?\d+$/.test(peer)) {
      return await this.#resolveId(Number(peer));
    }
    const text = peer.trim();
    if (/^\+\d[\d\s-]*$/.test(text)) return await this.#resolvePhone(text);
    const username = text.replace(/^(https?:\/\/)?(t\.me|telegram\.me)\//i, "").replace(/^@/, "");
    if (!/^[a-zA-Z][\w]{2,31}$/.test(username)) {
      throw new ClientError(
        "CLIENT_PEER_NOT_FOUND",
        `"${text.slice(0, 40)}" is not a username, id or phone number`,
      );
    }
    const stored = await this.#storage.getPeerByUsername(username);
    if (stored) return inputPeerOf(stored);
    return await this.#resolveUsername(username);
  }

  // The paths that ask the server are methods of their own: what the JIT optimizes for the
  // usual call (a stored username, once per sendMessage) stays small (Bun's optimizing compile
  // of the whole of resolvePeer took ~22 ms, inside the first few thousand sends).

  async #resolvePhone(text: string): Promise<Api.TypeInputPeer> {
    const phone = text.replace(/[^\d]/g, "");
    const stored = await this.#storage.getPeerByPhoneNumber(phone);
    if (stored) return inputPeerOf(stored);
    const found = await this.#tryResolve(() => this.invoke({ _: "contacts.resolvePhone", phone }));
    if (found) return await this.#fromResolved(found);
    throw new ClientError("CLIENT_PEER_NOT_FOUND", "no user with this phone number is known");
  }

  async #resolveUsername(username: string): Promise<Api.TypeInputPeer> {
    const found = await this.#tryResolve(() =>
      this.invoke({ _: "contacts.resolveUsername", username })
    );
    if (found) return await this.#fromResolved(found);
    throw new ClientError("CLIENT_PEER_NOT_FOUND", `@${username} does not exist`);
  }

  async #tryResolve(
    fn: () => Promise<Api.ContactsResolvedPeer>,
  ): Promise<Api.ContactsResolvedPeer | undefined> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof RpcError && e.errorCode === 400) return undefined;
      throw e;
    }
  }

  async #fromResolved(r: Api.ContactsResolvedPeer): Promise<Api.TypeInputPeer> {
    const id = peerId(r.peer);
    const found = peersIn(r).find((p) => p.record.id === id);
    if (found) return inputPeerOf(found.record);
    return await this.#resolveId(id);
  }

  async #resolveId(id: number): Promise<Api.TypeInputPeer> {
    if (!Number.isSafeInteger(id) || id === 0) {
      throw new ClientError("CLIENT_PEER_NOT_FOUND", `${id} is not a peer id`);
    }
    if (id === this.#userId) return { _: "inputPeerSelf" };
    const stored = await this.#storage.getPeerById(id);
    if (stored) return inputPeerOf(stored);
    const kind = kindOfId(id);
    if (kind === "chat") return { _: "inputPeerChat", chatId: bareId(id) };
    // Bots may look up users and channels they have met with a zero access hash.
    try {
      const result = kind === "user"
        ? await this.invoke({
          _: "users.getUsers",
          id: [{ _: "inputUser", userId: bareId(id), accessHash: 0n }],
        })
        : await this.invoke({
          _: "channels.getChannels",
          id: [{ _: "inputChannel", channelId: bareId(id), accessHash: 0n }],
        });
      const found = peersIn(result).find((p) => p.record.id === id && !p.noHash);
      if (found) return inputPeerOf(found.record);
    } catch (e) {
      if (!(e instanceof RpcError && e.errorCode === 400)) throw e;
    }
    throw new ClientError(
      "CLIENT_PEER_NOT_FOUND",
      `peer ${id} is not known: meet it first (a message, a username)`,
    );
  }

  /** Users by id, username or phone number (`users.getUsers`); unknown ones are left out. */
  async getUsers(users: PeerLike[]): Promise<User[]> {
    const ids: Api.TypeInputUser[] = [];
    for (const u of users) {
      const p = await this.resolvePeer(u);
      if (p._ === "inputPeerSelf") ids.push({ _: "inputUserSelf" });
      else if (p._ === "inputPeerUser") {
        ids.push({ _: "inputUser", userId: p.userId, accessHash: p.accessHash });
      } else throw new ClientError("CLIENT_PEER_NOT_FOUND", `${String(u)} is not a user`);
    }
    const result = await this.invoke({ _: "users.getUsers", id: ids });
    const out: User[] = [];
    for (const u of result) if (u._ === "user") out.push(new User(u));
    return out;
  }

  /**
   * A user, group or channel by id, username or phone number, from Telegram (`users.getUsers`,
   * `messages.getChats`, `channels.getChannels`; not the full info of Pyrogram's `get_chat`).
   *
   * @example
   * ```ts
   * import { TestServer, type TestWorld } from "@x/irenogram/testing";
   * // Offline, a bot of a TestServer (on Telegram: your apiId, apiHash and botToken instead).
   * await using server = await TestServer.start();
   * const world = server.world as TestWorld;
   * const { token } = world.addBot({ username: "docs_bot" });
   * world.addUser({ phone: "15550001", firstName: "Alice", username: "alice" });
   * await using app = new Client(":memory:", { ...server.clientOptions(), botToken: token });
   * await app.start();
   * const chat = await app.getChat("@alice");
   * console.log(chat.type, chat.firstName); // "private" "Alice"
   * ```
   */
  async getChat(chat: PeerLike): Promise<Chat> {
    const p = await this.resolvePeer(chat);
    let found: Chat | undefined;
    if (p._ === "inputPeerSelf" || p._ === "inputPeerUser") {
      const [user] = await this.invoke({
        _: "users.getUsers",
        id: [
          p._ === "inputPeerSelf"
            ? { _: "inputUserSelf" }
            : { _: "inputUser", userId: p.userId, accessHash: p.accessHash },
        ],
      });
      found = Chat.parse(user);
    } else if (p._ === "inputPeerChat") {
      const r = await this.invoke({ _: "messages.getChats", id: [p.chatId] });
      found = Chat.parse(r.chats[0]);
    } else if (p._ === "inputPeerChannel") {
      const r = await this.invoke({
        _: "channels.getChannels",
        id: [{ _: "inputChannel", channelId: p.channelId, accessHash: p.accessHash }],
      });
      found = Chat.parse(r.chats[0]);
    }
    if (found) return found;
    throw new ClientError("CLIENT_PEER_NOT_FOUND", `${String(chat)} was not found`);
  }

  /**
   * Sends a text message and returns it as Telegram stored it.
   *
   * @example
   * ```ts
   * import { TestServer, type TestWorld } from "@x/irenogram/testing";
   * // Offline, a user of a TestServer (on Telegram: your apiId, apiHash and phone number instead).
   * await using server = await TestServer.start();
   * const { code } = (server.world as TestWorld).addUser({ phone: "15550001", firstName: "Alice" });
   * await using app = new Client(":memory:", {
   *   ...server.clientOptions(),
   *   phoneNumber: "15550001",
   *   phoneCode: code,
   * });
   * await app.start();
   * const sent = await app.sendMessage("me", "Hello from irenogram");
   * console.log(sent.id, sent.text, sent.chat.id); // 1 "Hello from irenogram" <your id>
   * ```
   */
  async sendMessage(
    chat: PeerLike,
    text: string,
    options: SendMessageOptions = {},
  ): Promise<Message> {
    const peer = await this.resolvePeer(chat);
    const randomId = randomLong();
    const result = await this.invoke({
      _: "messages.sendMessage",
      peer,
      message: text,
      randomId,
      silent: options.silent,
      noWebpage: options.noWebpage,
      replyTo: options.replyToMessageId === undefined
        ? undefined
        : { _: "inputReplyToMessage", replyToMsgId: options.replyToMessageId },
    });
    if (result._ === "updateShortSentMessage") return this.#sentShort(result, peer, text);
    return this.#sentIn(result, randomId);
  }

  // The two answers of a send are built by methods of their own, so that sendMessage's optimized
  // code stays small (see resolvePeer).

  /** The sent message from `updateShortSentMessage`: Telegram sent only what the client lacks. */
  #sentShort(
    result: Api.UpdateShortSentMessage,
    peer: Api.TypeInputPeer,
    text: string,
  ): Message {
    return new Message({
      _: "message",
      out: true,
      id: result.id,
      peerId: this.#peerOfInput(peer),
      fromId: this.#isBot || kindOfId(peerId(this.#peerOfInput(peer))) !== "channel"
        ? { _: "peerUser", userId: BigInt(this.#userId ?? 0) }
        : undefined,
      date: result.date,
      message: text,
      media: result.media,
      entities: result.entities,
      ttlPeriod: result.ttlPeriod,
    }, { client: this, peers: new PeerIndex([], [], this.#recent) });
  }

  /** The sent message from an `Updates` answer: its new message with the send's random id. */
  #sentIn(result: Api.TypeUpdates, randomId: bigint): Message {
    const list = "updates" in result ? result.updates : "update" in result ? [result.update] : [];
    const idUpdate = list.find((u) => u._ === "updateMessageID" && u.randomId === randomId) as
      | Api.UpdateMessageID
      | undefined;
    for (const u of list) {
      if (
        (u._ === "updateNewMessage" || u._ === "updateNewChannelMessage") &&
        u.message._ === "message"
      ) {
        if (idUpdate === undefined || u.message.id === idUpdate.id) {
          const peers = "users" in result
            ? new PeerIndex(result.users, result.chats, this.#recent)
            : new PeerIndex([], [], this.#recent);
          return new Message(u.message, { peers, client: this });
        }
      }
    }
    throw new ClientError("CLIENT_LOGIN_FAILED", "the server did not return the sent message");
  }

  #peerOfInput(p: Api.TypeInputPeer): Api.TypePeer {
    switch (p._) {
      case "inputPeerUser":
        return { _: "peerUser", userId: p.userId };
      case "inputPeerChat":
        return { _: "peerChat", chatId: p.chatId };
      case "inputPeerChannel":
        return { _: "peerChannel", channelId: p.channelId };
      default:
        return { _: "peerUser", userId: BigInt(this.#userId ?? 0) };
    }
  }

  /**
   * Messages of a chat by id, in the order asked; a missing one comes back with `empty` set (as
   * in Pyrogram).
   */
  async getMessages(chat: PeerLike, ids: number[]): Promise<Message[]> {
    const peer = await this.resolvePeer(chat);
    const id: Api.TypeInputMessage[] = ids.map((i) => ({ _: "inputMessageID", id: i }));
    const result = peer._ === "inputPeerChannel"
      ? await this.invoke({
        _: "channels.getMessages",
        channel: { _: "inputChannel", channelId: peer.channelId, accessHash: peer.accessHash },
        id,
      })
      : await this.invoke({ _: "messages.getMessages", id });
    if (result._ === "messages.messagesNotModified") return [];
    const context = {
      peers: new PeerIndex(result.users, result.chats, this.#recent),
      client: this,
      chat: this.#peerOfInput(peer),
    };
    return result.messages.map((m) => new Message(m, context));
  }

  /**
   * The messages of a chat, newest first, fetched 100 at a time as the loop asks for them.
   *
   * @example
   * ```ts
   * import { TestServer, type TestWorld } from "@x/irenogram/testing";
   * // Offline, a user of a TestServer (on Telegram: your apiId, apiHash and phone number instead).
   * await using server = await TestServer.start();
   * const { code } = (server.world as TestWorld).addUser({ phone: "15550001", firstName: "Alice" });
   * await using app = new Client(":memory:", {
   *   ...server.clientOptions(),
   *   phoneNumber: "15550001",
   *   phoneCode: code,
   * });
   * await app.start();
   * await app.sendMessage("me", "one");
   * await app.sendMessage("me", "two");
   * for await (const message of app.getHistory("me", { limit: 20 })) {
   *   console.log(message.id, message.text); // 2 "two", then 1 "one"
   * }
   * ```
   */
  async *getHistory(
    chat: PeerLike,
    options: { limit?: number; offsetId?: number } = {},
  ): AsyncGenerator<Message> {
    const peer = await this.resolvePeer(chat);
    let left = options.limit ?? Infinity;
    let offsetId = options.offsetId ?? 0;
    while (left > 0) {
      const limit = Math.min(100, left);
      const r = await this.invoke({
        _: "messages.getHistory",
        peer,
        offsetId,
        offsetDate: 0,
        addOffset: 0,
        limit,
        maxId: 0,
        minId: 0,
        hash: 0n,
      });
      if (r._ === "messages.messagesNotModified" || r.messages.length === 0) return;
      // One index per page, shared by its messages (built only if a field needs it).
      const context = {
        peers: new PeerIndex(r.users, r.chats, this.#recent),
        client: this,
        chat: this.#peerOfInput(peer),
      };
      for (const m of r.messages) {
        yield new Message(m, context);
        if (--left <= 0) return;
      }
      const last = r.messages[r.messages.length - 1].id;
      if (r.messages.length < limit || last >= offsetId && offsetId !== 0) return;
      offsetId = last;
    }
  }

  /**
   * The session as a Pyrogram-style session string (362 characters), which Pyrogram,
   * Irenogram and this library read back with `sessionString`. A session read from a string
   * that carries no api_id (Telethon, GramJS, mtcute, Pyrogram 1.x) takes `apiId` from the
   * options. The string is a secret: whoever holds it is logged in as you.
   *
   * @example
   * ```ts
   * import type { Client } from "@x/irenogram";
   * // `app`: a client that has logged in (a session without an auth key has nothing to export)
   * async function backup(app: Client): Promise<void> {
   *   console.log(await app.exportSessionString());
   * }
   * ```
   */
  async exportSessionString(): Promise<string> {
    await this.#storage.open();
    const session = await this.#storage.getSession();
    if (session.apiId === null && this.options.apiId !== undefined) {
      await this.#storage.setSession({ apiId: this.options.apiId });
    }
    return this.#storage.exportSessionString();
  }

  /** Logs the session out on Telegram's side, stops, and deletes the session from the storage. */
  async logOut(): Promise<void> {
    if (!this.#started) throw notStarted();
    await this.invoke({ _: "auth.logOut" });
    this.#conn?.setAuthorized(null);
    await this.#stopConnection();
    await this.#storage.delete();
    this.#storageClosed = true;
    this.#userId = null;
  }

  /** Stops receiving updates (waiting for running handlers), disconnects and closes the storage. */
  async stop(): Promise<void> {
    await this.#stopConnection();
    await this.#closeStorage();
  }

  /** Disconnects and connects again, keeping the storage open. */
  async restart(): Promise<this> {
    await this.#stopConnection();
    return await this.start();
  }

  /**
   * Starts, runs `fn`, and stops whatever happened (for scripts).
   *
   * @example
   * ```ts
   * import { TestServer, type TestWorld } from "@x/irenogram/testing";
   * // Offline, a bot of a TestServer (on Telegram: your apiId, apiHash and botToken instead).
   * await using server = await TestServer.start();
   * const { token } = (server.world as TestWorld).addBot({ username: "docs_bot" });
   * const app = new Client(":memory:", { ...server.clientOptions(), botToken: token });
   * await app.run(async (app) => console.log((await app.getMe()).username)); // "docs_bot"
   * ```
   */
  async run<T>(fn: (client: this) => T | Promise<T>): Promise<T> {
    await this.start();
    try {
      return await fn(this);
    } finally {
      await this.stop();
    }
  }

  async #stopConnection(): Promise<void> {
    this.#started = false;
    await this.#updates?.close();
    this.#updates = undefined;
    await this.#dispatcher.idle();
    await this.#disconnect();
    await this.#storage.save().catch(() => {});
  }

  async #disconnect(): Promise<void> {
    const conn = this.#conn;
    this.#conn = undefined;
    await conn?.close();
  }

  async #closeStorage(): Promise<void> {
    if (this.#storageClosed) return;
    this.#storageClosed = true;
    await this.#storage.close();
  }

  /** Closes the storage (files, locks, connections), stopping first if started. Safe to call twice. */
  async close(): Promise<void> {
    await this.stop();
  }

  /** `await using app = new Client(…)` stops the client at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** The logged-in user as last fetched (`getMe()` or the login), without a request. */
  get me(): User | undefined {
    return this.#me;
  }
}

/** A random 64-bit signed integer (random_id of messages). */
/**
 * Random ids (`random_id`) drawn from a pool refilled 256 at a time: one `getRandomValues` per
 * message cost more than the rest of sendMessage's own work on Node (its WebCrypto call goes
 * through a job object). They are no secret: the server only uses them to drop duplicates.
 */
const randomIds = new BigInt64Array(256);
let randomIdsUsed = randomIds.length;

function randomLong(): bigint {
  if (randomIdsUsed === randomIds.length) {
    crypto.getRandomValues(randomIds);
    randomIdsUsed = 0;
  }
  return randomIds[randomIdsUsed++];
}

/** Telegram's DCs 1–5 (production or test), the default of `dcOptions`. */
function telegramDcs(testMode: boolean, ipv6: boolean) {
  const out = [];
  for (let id = 1; id <= 5; id++) {
    const a = dcAddress(id, testMode, { ipv6 });
    if (a) out.push({ id, host: a.host, port: a.port, ipv6 });
  }
  return out;
}
