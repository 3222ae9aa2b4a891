import type { ClientOptions } from "./options.ts";
import type { Storage } from "../storage/storage.ts";
import { chooseStorage } from "./storage_choice.ts";

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
  /** The options given to the constructor. */
  readonly options: Readonly<ClientOptions>;
  readonly #storage: Storage;

  constructor(name: string, options: ClientOptions = {}) {
    if (typeof name !== "string" || name.length === 0) {
      throw new TypeError("Client: the session name must be a non-empty string");
    }
    this.name = name;
    this.options = Object.freeze({ ...options });
    this.#storage = chooseStorage(name, this.options);
  }

  /**
   * Where this client keeps its session (chosen from the name and options; not opened until
   * the client starts). Peer lookups go through a bounded in-memory cache.
   */
  get storage(): Storage {
    return this.#storage;
  }
}
