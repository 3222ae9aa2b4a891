/** Options of {@link Client}, named after Irenogram's keyword arguments in camelCase. */
export interface ClientOptions {
  /** Telegram API id (my.telegram.org). Taken from the session when it already holds one. */
  apiId?: number;
  /** Telegram API hash. Never logged. */
  apiHash?: string;
  /** Log in as a bot with this token instead of a phone number. Never logged. */
  botToken?: string;
  /** Folder of the `NAME.session` file; default: the current directory. */
  workdir?: string;
  /** Keep the session in memory only, whatever the name. */
  inMemory?: boolean;
  /** A session string from `exportSessionString()` (Pyrogram, Telethon, GramJS or mtcute form). */
  sessionString?: string;
  /**
   * Where to keep the session instead of a SQLite file: a `mongodb://` / `mongodb+srv://` URL,
   * a connected `MongoClient`, or any object implementing the storage interface.
   */
  storageEngine?: unknown;
  /** Use Telegram's test servers. */
  testMode?: boolean;
}
