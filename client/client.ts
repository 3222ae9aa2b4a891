import type { ClientOptions } from "./options.ts";
import type { Storage } from "../storage/storage.ts";
import { chooseStorage } from "./storage_choice.ts";
import { StorageError } from "../storage/errors.ts";
import { redactWhenPrinted } from "../runtime/redact.ts";

/** Options that are secrets (or personal data) and never printed. */
const SECRET_OPTIONS = [
  "apiHash",
  "botToken",
  "phoneNumber",
  "phoneCode",
  "password",
  "sessionString",
  "storageEngine",
  "proxy",
];

/**
 * A Telegram client. The session name chooses where the session lives:
 * `NAME.session` in `workdir` (SQLite, the default), `":memory:"` for memory only, or the
 * engine given in `storageEngine` / `sessionString`.
 *
 * @example
 * ```ts
 * const app = new Client("my_account", { workdir: "sessions/" });
 * ```
 */
export class Client {
  /** The session name given to the constructor. */
  readonly name: string;
  // Private, so that printing or serialising a client never shows apiHash, botToken,
  // sessionString or a MongoDB password.
  readonly #options: Readonly<ClientOptions>;
  readonly #storage: Storage;

  constructor(name: string, options: ClientOptions = {}) {
    if (typeof name !== "string" || name.length === 0) {
      throw new StorageError("the session name must be a non-empty string", {
        code: "STORAGE_INVALID_ARGUMENT",
      });
    }
    this.name = name;
    // Readable by code, redacted when printed (inspect with getters, console.log, JSON).
    this.#options = Object.freeze(redactWhenPrinted({ ...options }, SECRET_OPTIONS));
    this.#storage = chooseStorage(name, this.#options);
  }

  /** The options given to the constructor (they hold secrets: never log them). */
  get options(): Readonly<ClientOptions> {
    return this.#options;
  }

  /**
   * Where this client keeps its session (chosen from the name and options; not opened until
   * the client starts). Peer lookups go through a bounded in-memory cache.
   */
  get storage(): Storage {
    return this.#storage;
  }

  /**
   * The session as a Pyrogram-style session string (362 characters), which Pyrogram,
   * Irenogram and this library read back with `sessionString`. A session read from a string
   * that carries no api_id (Telethon, GramJS, mtcute, Pyrogram 1.x) takes `apiId` from the
   * options. The string is a secret: whoever holds it is logged in as you.
   *
   * @example
   * ```ts
   * await using app = new Client("my_account", { apiId: 12345 });
   * console.log(await app.exportSessionString());
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

  /** Closes the storage (files, locks, connections). Safe to call twice. */
  close(): Promise<void> {
    return this.#storage.close();
  }

  /** `await using app = new Client(…)` closes the client at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
