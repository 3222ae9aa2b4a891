/**
 * The ways a TestServer misbehaves on purpose, so that a client's defences can be tested
 * (`server.hostile(mode)`; `server.hostile(null)` restores honest behaviour). Each mode affects
 * the answers sent after it is set.
 *
 * @module
 */

/**
 * - `wrongMsgKey`: encrypted answers carry a msg_key that does not match their content.
 * - `unknownAuthKeyId`: encrypted answers carry an auth_key_id the client never made.
 * - `replayedMsgId`: every encrypted answer is sent twice, with the same msg_id.
 * - `staleMsgId`: encrypted answers carry msg_ids from 10 minutes ago.
 * - `badPadding`: encrypted answers declare a message_data_length that leaves padding outside
 *   12..1024 bytes (sealed with a valid msg_key, so only the padding check catches it).
 * - `unsafeDhPrime`: server_DH_inner_data carries a 2048-bit dh_prime that is not a safe prime.
 * - `gOutOfRange`: server_DH_inner_data carries g = 8.
 * - `gAOutOfRange`: server_DH_inner_data carries g_a = 1.
 * - `wrongNewNonceHash`: dh_gen_ok carries a wrong new_nonce_hash1.
 * - `unknownFingerprint`: resPQ lists only a fingerprint of a key nobody has.
 * - `truncatedFrame`: answers are cut in half and the connection closed.
 * - `giantFrame`: answers are replaced by a frame header declaring 1 GiB.
 * - `garbageAfterHandshake`: encrypted answers are replaced by random bytes in a valid frame.
 */
export type HostileMode =
  | "wrongMsgKey"
  | "unknownAuthKeyId"
  | "replayedMsgId"
  | "staleMsgId"
  | "badPadding"
  | "unsafeDhPrime"
  | "gOutOfRange"
  | "gAOutOfRange"
  | "wrongNewNonceHash"
  | "unknownFingerprint"
  | "truncatedFrame"
  | "giantFrame"
  | "garbageAfterHandshake";

/** Every {@link HostileMode}, for tests that go through all of them. */
export const HOSTILE_MODES: readonly HostileMode[] = [
  "wrongMsgKey",
  "unknownAuthKeyId",
  "replayedMsgId",
  "staleMsgId",
  "badPadding",
  "unsafeDhPrime",
  "gOutOfRange",
  "gAOutOfRange",
  "wrongNewNonceHash",
  "unknownFingerprint",
  "truncatedFrame",
  "giantFrame",
  "garbageAfterHandshake",
];
