/**
 * The objects the client's high-level methods return, as Pyrogram's `pyrogram.types`: each wraps
 * its TL object (`raw`) and reads fields from it when asked.
 *
 * @module
 */
export { User, type Username, type UserStatus } from "./user.ts";
export { Chat, type ChatType, type RawChat } from "./chat.ts";
export { MessageEntity, type MessageEntityType } from "./message_entity.ts";
export {
  Message,
  type MessageContext,
  type MessageMediaType,
  type MessageServiceType,
  type ReplyOptions,
} from "./message.ts";
export { type KnownChat, PeerIndex, type PeerLookup } from "./peer_index.ts";
