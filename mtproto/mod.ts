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
 * - MTProxy secrets: plain, `dd` (padded intermediate) and `ee` (fake TLS: the obfuscated stream
 *   in TLS records after a ClientHello/ServerHello exchange checked by HMAC, mtproto/fake_tls.ts).
 * - After a second `new_session_created` on a session (the server lost it), `onUpdate` receives
 *   `{ _: "updatesTooLong" }` so that the client fetches the difference.
 * - `pfs`: perfect forward secrecy (temporary keys bound by auth.bindTempAuthKey), off by default.
 * - `exchangeAuthKey`, `parseRsaPublicKey`, `rsaFingerprint` are exported for tools and tests.
 *
 * How it behaves (the parts a caller notices):
 * - Requests are queued and sent on the next microtask, many in one msg_container (up to 1,000
 *   messages or 512 KiB), with pending acks piggybacked; bodies over 512 bytes go gzip_packed
 *   when that is smaller.
 * - initConnection rides on the first requests of every new connection: each user query goes
 *   out as invokeWithLayer(LAYER, initConnection(…, query)) until one is answered, so a new
 *   connection costs no round trip of its own. help.getConfig is asked only for a DC missing
 *   from `dcOptions` (its dc_options serve it). A new connection on which nothing valid arrives
 *   within `connectTimeout` counts as a failed attempt.
 * - A dropped connection is reopened (backoff from 0 ms up to 5 s with jitter) and every
 *   unanswered request is sent again once, under a new msg_id; an answer to any msg_id it went
 *   out under settles it, once. After 5 connections in a row without one valid message, pending
 *   requests fail with `MTPROTO_CONNECTION_FAILED`. Security failures of the key exchange,
 *   -404 (`MTPROTO_AUTH_KEY_UNKNOWN`) and unsupported features fail at once.
 * - Server messages that fail decryption checks drop the connection; msg_ids that are even,
 *   repeated (the last 4,096 are remembered) or outside -300 s..+30 s of the corrected clock are
 *   ignored (bad_msg_notification and bad_server_salt excepted: they carry the server's clock).
 * - bad_server_salt, bad_msg_notification 16/17/19/20/64 and 32/33 (new session) are handled by
 *   correcting and re-sending, at most 5 times per request; others fail the request with
 *   `MTPROTO_BAD_MESSAGE`. Future salts are fetched ahead of expiry; a ping_delay_disconnect
 *   goes out every `pingInterval` (an unanswered one reopens the connection).
 *
 * @example
 * ```ts
 * import { MemoryStorage } from "@x/irenogram";
 * import { TestServer } from "@x/irenogram/testing";
 * await using server = await TestServer.start();
 * const storage = new MemoryStorage(); // any Storage keeps the keys of every DC
 * await storage.open();
 * const client = new MtprotoClient({
 *   ...server.clientOptions(), // apiId, dcOptions, publicKeys of the test DCs
 *   keys: storage,
 *   transport: "obfuscated",
 *   logger: new Logger("warn"),
 *   onUpdate: (updates, dcId) => console.log(dcId, updates._),
 * });
 * await client.connect(2);
 * const config = await client.invoke({ _: "help.getConfig" });
 * console.log(config.dcOptions.length);
 * await client.close();
 * await storage.close();
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
export { IrenogramError } from "../errors.ts";
export type { AnyFunction, AnyTlObject, ResultOf } from "../tl/mod.ts";
export type { RandomSource } from "../core/mod.ts";
export type { WebSocketConstructor, WebSocketLike } from "../runtime/websocket.ts";
export { Logger, type LogLevel } from "./logger.ts";
export type { AuthKeyStore, InvokeOptions, SessionStats } from "./session.ts";
export { type ProxyOptions, type TransportName, TRANSPORTS } from "./connection.ts";
export {
  type AuthKeyExchangeOptions,
  type AuthKeyExchangeResult,
  exchangeAuthKey,
  type PlainChannel,
} from "./auth_key.ts";
export { parseRsaPublicKey, rsaFingerprint, type RsaPublicKey } from "./rsa_keys.ts";
