/**
 * A session given as a string, kept in memory: what `new Client(name, { sessionString })` uses.
 *
 * @module
 */
import { MemoryStorage } from "./memory.ts";
import { parseSessionString, type SessionStringFormat } from "./session_string.ts";

/**
 * A {@link MemoryStorage} seeded from a session string of any layout
 * {@link parseSessionString} reads. Nothing is written to disk; `exportSessionString()` gives
 * the session back in the current Pyrogram layout. Throws `SessionStringError` at
 * construction when the string is invalid.
 *
 * @example
 * ```ts
 * import { encodeSessionString, SessionStringStorage } from "@x/irenogram";
 * const authKey = new Uint8Array(256).fill(1); // a real string comes from exportSessionString()
 * const text = encodeSessionString({ dcId: 2, apiId: 12345, testMode: false, authKey, userId: 42, isBot: false });
 * const storage = new SessionStringStorage(text);
 * await storage.open();
 * const { dcId, userId } = await storage.getSession(); // 2, 42
 * ```
 */
export class SessionStringStorage extends MemoryStorage {
  /** The layout the string was written in (e.g. `"telethon"`: no api_id in it). */
  readonly format: SessionStringFormat;

  /** A memory storage seeded from `sessionString` (any supported layout); throws `SessionStringError` when it is not valid. */
  constructor(sessionString: string) {
    const { format, session } = parseSessionString(sessionString);
    super(session);
    this.format = format;
  }
}
