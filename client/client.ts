import type { ClientOptions } from "./options.ts";

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

  constructor(name: string, options: ClientOptions = {}) {
    if (typeof name !== "string" || name.length === 0) {
      throw new TypeError("Client: the session name must be a non-empty string");
    }
    this.name = name;
    this.options = Object.freeze({ ...options });
  }
}
