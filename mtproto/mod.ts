/**
 * The MTProto layer: transports, the auth-key exchange, the encrypted session and several DCs,
 * behind {@link MtprotoClient} (connect, invoke, close).
 *
 * Changes to the interface of CONTRACTS.md (all additive):
 * - `MtprotoOptions.WebSocket`: a WebSocket constructor for runtimes without a global one
 *   (Node 20); `random`, `pingInterval`, `connectTimeout` for tests and tuning.
 * - `MtprotoClient.timeOffset`: server minus local clock, seconds (main DC); `stats()`: the
 *   sizes of what each DC's session holds (queued, in flight, acks, remembered msg_ids).
 * - `transport` defaults to `"obfuscated"`: obfuscated intermediate (padded intermediate with a
 *   `dd` proxy secret). `"websocket"` is obfuscated intermediate in binary WebSocket messages.
 * - Fake-TLS (`ee`) MTProxy secrets are refused with `MTPROTO_UNSUPPORTED`.
 * - After a second `new_session_created` on a session (the server lost it), `onUpdate` receives
 *   `{ _: "updatesTooLong" }` so that the client fetches the difference.
 *
 * @example
 * ```ts
 * import { Logger, MtprotoClient } from "./mtproto/mod.ts";
 * const client = new MtprotoClient({
 *   apiId: 12345,
 *   dcOptions: [{ id: 2, host: "149.154.167.51", port: 443 }],
 *   publicKeys: [pem],
 *   keys: storage,
 *   logger: new Logger("info"),
 *   onUpdate: (updates, dcId) => console.log(dcId, updates._),
 * });
 * await client.connect(2);
 * const config = await client.invoke({ _: "help.getConfig" });
 * await client.close();
 * ```
 *
 * @module
 */
export {
  type DcOption,
  type InitConnectionOptions,
  MtprotoClient,
  type MtprotoInvokeOptions,
  type MtprotoOptions,
} from "./client.ts";
export { MtprotoError, type MtprotoErrorCode } from "./errors.ts";
export { Logger, type LogLevel } from "./logger.ts";
export type { AuthKeyStore, InvokeOptions, SessionStats } from "./session.ts";
export { type ProxyOptions, type TransportName } from "./connection.ts";
export {
  type AuthKeyExchangeOptions,
  type AuthKeyExchangeResult,
  exchangeAuthKey,
  type PlainChannel,
} from "./auth_key.ts";
export { parseRsaPublicKey, rsaFingerprint, type RsaPublicKey } from "./rsa_keys.ts";
