/**
 * RPC error classes from `tl/schema/errors/*.tsv`: one base class per error code, one class per error.
 *
 * @module
 */
import { RpcError } from "../rpc_error.ts";
/** A known RPC error class or an error code's class. */
export type RpcErrorClass = new (
  serverMessage?: string,
  value?: number,
  method?: string,
) => RpcError;
/** Base of the RPC errors with code 303. */
export declare class SeeOther extends RpcError {
  static readonly CODE: number;
}
/** 303 `FILE_MIGRATE_X`: The file to be accessed is currently stored in DC{value} */
export declare class FileMigrateX303 extends SeeOther {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 303 `NETWORK_MIGRATE_X`: The source IP address is associated with DC{value} (for registration) */
export declare class NetworkMigrate extends SeeOther {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 303 `PHONE_MIGRATE_X`: The phone number a user is trying to use for authorization is associated with DC{value} */
export declare class PhoneMigrate extends SeeOther {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 303 `STATS_MIGRATE_X`: The statistics of the group/channel are stored in DC{value} */
export declare class StatsMigrate extends SeeOther {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 303 `USER_MIGRATE_X`: The user whose identity is being used to execute queries is associated with DC{value} (for registration) */
export declare class UserMigrate extends SeeOther {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** Base of the RPC errors with code 400. */
export declare class BadRequest extends RpcError {
  static readonly CODE: number;
}
/** 400 `ABOUT_TOO_LONG`: The provided about/bio text is too long */
export declare class AboutTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ACCESS_TOKEN_EXPIRED`: The bot token has expired */
export declare class AccessTokenExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ACCESS_TOKEN_INVALID`: The bot access token is invalid */
export declare class AccessTokenInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ADDRESS_INVALID`: The specified geopoint address is invalid. */
export declare class AddressInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ADMINS_TOO_MUCH`: The chat has too many administrators */
export declare class AdminsTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ADMIN_ID_INVALID`: The specified admin ID is invalid */
export declare class AdminIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ADMIN_RANK_EMOJI_NOT_ALLOWED`: Emoji are not allowed in custom administrator titles */
export declare class AdminRankEmojiNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ADMIN_RANK_INVALID`: The custom administrator title is invalid or too long */
export declare class AdminRankInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ADMIN_RIGHTS_EMPTY`: The chatAdminRights constructor passed in keyboardButtonRequestPeer.peer_type.user_admin_rights has no rights set (i.e. flags is 0). */
export declare class AdminRightsEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ALBUM_PHOTOS_TOO_MANY`: Too many photos were included in the album */
export declare class AlbumPhotosTooMany extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `API_ID_INVALID`: The api_id/api_hash combination is invalid */
export declare class ApiIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `API_ID_PUBLISHED_FLOOD`: You are using an API key that is limited on the server side because it was published somewhere */
export declare class ApiIdPublishedFlood extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ARTICLE_TITLE_EMPTY`: The article title is empty */
export declare class ArticleTitleEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUDIO_CONTENT_URL_EMPTY`: The remote URL specified in the content field is empty */
export declare class AudioContentUrlEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUDIO_TITLE_EMPTY`: The title attribute of the audio is empty */
export declare class AudioTitleEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUTH_BYTES_INVALID`: The authorization bytes are invalid */
export declare class AuthBytesInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUTH_TOKEN_ALREADY_ACCEPTED`: The authorization token was already used */
export declare class AuthTokenAlreadyAccepted extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUTH_TOKEN_EXCEPTION`: An error occurred while importing the auth token */
export declare class AuthTokenException extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUTH_TOKEN_EXPIRED`: The provided authorization token has expired and the updated QR-code must be re-scanned */
export declare class AuthTokenExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUTH_TOKEN_INVALID`: An invalid authorization token was provided */
export declare class AuthTokenInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUTH_TOKEN_INVALID2`: An invalid authorization token was provided */
export declare class AuthTokenInvalid2 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUTH_TOKEN_INVALIDX`: The specified auth token is invalid */
export declare class AuthTokenInvalidx extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AUTOARCHIVE_NOT_AVAILABLE`: This feature is not yet enabled for your account due to it not receiving too many private messages from strangers */
export declare class AutoarchiveNotAvailable extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BANK_CARD_NUMBER_INVALID`: The credit card number is invalid */
export declare class BankCardNumberInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BANNED_RIGHTS_INVALID`: You provided a set of restrictions that is invalid */
export declare class BannedRightsInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BASE_PORT_LOC_INVALID`: The base port location is invalid */
export declare class BasePortLocInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BIRTHDAY_INVALID`: The age should be less than 150 year old in Telegram */
export declare class BirthdayInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOTS_TOO_MUCH`: The chat has too many bots */
export declare class BotsTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_CHANNELS_NA`: Bots can't edit admin privileges */
export declare class BotChannelsNa extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_COMMAND_DESCRIPTION_INVALID`: The command description was empty, too long or had invalid characters */
export declare class BotCommandDescriptionInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_COMMAND_INVALID`: The specified command is invalid */
export declare class BotCommandInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_DOMAIN_INVALID`: The domain used for the auth button does not match the one configured in @BotFather */
export declare class BotDomainInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_GAMES_DISABLED`: Bot games cannot be used in this type of chat */
export declare class BotGamesDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_GROUPS_BLOCKED`: This bot can't be added to groups */
export declare class BotGroupsBlocked extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_INLINE_DISABLED`: The inline feature of the bot is disabled */
export declare class BotInlineDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_INVALID`: This is not a valid bot */
export declare class BotInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_INVOICE_INVALID`: The provided invoice is invalid */
export declare class BotInvoiceInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_METHOD_INVALID`: The method can't be used by bots */
export declare class BotMethodInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_MISSING`: This method can only be run by a bot */
export declare class BotMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_ONESIDE_NOT_AVAIL`: Bots can't pin messages for one side only in private chats */
export declare class BotOnesideNotAvail extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_PAYMENTS_DISABLED`: This method can only be run by a bot */
export declare class BotPaymentsDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_POLLS_DISABLED`: Sending polls by bots has been disabled */
export declare class BotPollsDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_RESPONSE_TIMEOUT`: The bot did not answer to the callback query in time */
export declare class BotResponseTimeout extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_SCORE_NOT_MODIFIED`: The bot score was not modified */
export declare class BotScoreNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BROADCAST_CALLS_DISABLED`: Broadcast calls disabled */
export declare class BroadcastCallsDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BROADCAST_ID_INVALID`: The channel is invalid */
export declare class BroadcastIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BROADCAST_PUBLIC_VOTERS_FORBIDDEN`: Polls with public voters cannot be sent in channels */
export declare class BroadcastPublicVotersForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BROADCAST_REQUIRED`: The request can only be used with a channel */
export declare class BroadcastRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_BOT_MISSING`: Business bot missing */
export declare class BusinessBotMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_DATA_INVALID`: The button callback data is invalid or too large */
export declare class ButtonDataInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_ID_INVALID`: The button_id parameter is invalid */
export declare class ButtonIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_TEXT_INVALID`: The specified button text is invalid */
export declare class ButtonTextInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_TYPE_INVALID`: The type of one of the buttons you provided is invalid */
export declare class ButtonTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_URL_INVALID`: The button url is invalid */
export declare class ButtonUrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_USER_PRIVACY_RESTRICTED`: The privacy settings of the user specified in a keyboard button do not allow creating such button */
export declare class ButtonUserPrivacyRestricted extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CALL_ALREADY_ACCEPTED`: The call is already accepted */
export declare class CallAlreadyAccepted extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CALL_ALREADY_DECLINED`: The call is already declined */
export declare class CallAlreadyDeclined extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CALL_PEER_INVALID`: The provided call peer object is invalid */
export declare class CallPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CALL_PROTOCOL_FLAGS_INVALID`: Call protocol flags invalid */
export declare class CallProtocolFlagsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CDN_METHOD_INVALID`: The method can't be used on CDN DCs */
export declare class CdnMethodInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNELS_ADMIN_LOCATED_TOO_MUCH`: The user has reached the limit of public geogroups */
export declare class ChannelsAdminLocatedTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNELS_ADMIN_PUBLIC_TOO_MUCH`: You are an administrator of too many public channels */
export declare class ChannelsAdminPublicTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNELS_TOO_MUCH`: You have joined too many channels or supergroups, leave some and try again */
export declare class ChannelsTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_ADD_INVALID`: Internal error. */
export declare class ChannelAddInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_BANNED`: The channel is banned */
export declare class ChannelBanned extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_ID_INVALID`: The specified supergroup ID is invalid. */
export declare class ChannelIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_INVALID`: The channel parameter is invalid */
export declare class ChannelInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_PARICIPANT_MISSING`: The current user is not in the channel */
export declare class ChannelParicipantMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_PRIVATE`: The channel/supergroup is not accessible */
export declare class ChannelPrivate400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_TOO_BIG`: The channel too big */
export declare class ChannelTooBig extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_TOO_LARGE`: Channel is too large to be deleted; this error is issued when trying to delete channels with more than 1000 members (subject to change). */
export declare class ChannelTooLarge400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHARGE_ALREADY_REFUNDED`: The charge id was already used for a refund. */
export declare class ChargeAlreadyRefunded extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHARGE_NOT_FOUND`: The charge id was not found. */
export declare class ChargeNotFound extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHATLIST_EXCLUDE_INVALID`: The specified `exclude_peers` are invalid. */
export declare class ChatlistExcludeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_ABOUT_NOT_MODIFIED`: The chat about text was not modified because you tried to edit it using the same content */
export declare class ChatAboutNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_ABOUT_TOO_LONG`: The chat about text is too long */
export declare class ChatAboutTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_ADMIN_REQUIRED`: The method requires chat admin privileges */
export declare class ChatAdminRequired400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_DISCUSSION_UNALLOWED`: The chat discussion is not allowed */
export declare class ChatDiscussionUnallowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_FORWARDS_RESTRICTED`: The chat restricts forwarding content */
export declare class ChatForwardsRestricted400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_ID_EMPTY`: The provided chat id is empty */
export declare class ChatIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_ID_INVALID`: The chat id being used is invalid or not known yet. Make sure you see the chat before interacting with it */
export declare class ChatIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_INVALID`: The chat is invalid */
export declare class ChatInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_INVITE_PERMANENT`: The chat invite link is primary */
export declare class ChatInvitePermanent extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_LINK_EXISTS`: The action failed because the supergroup is linked to a channel */
export declare class ChatLinkExists extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_NOT_MODIFIED`: The chat settings (title, permissions, photo, etc..) were not modified because you tried to edit them using the same content */
export declare class ChatNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_RESTRICTED`: The chat is restricted and cannot be used */
export declare class ChatRestricted extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_REVOKE_DATE_UNSUPPORTED`: `min_date` and `max_date` are not available for using with non-user peers */
export declare class ChatRevokeDateUnsupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_SEND_INLINE_FORBIDDEN`: You cannot use inline bots to send messages in this chat */
export declare class ChatSendInlineForbidden400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_TITLE_EMPTY`: The chat title is empty */
export declare class ChatTitleEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_TOO_BIG`: The chat is too big for this action */
export declare class ChatTooBig extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CODE_EMPTY`: The provided code is empty */
export declare class CodeEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CODE_HASH_INVALID`: The provided code hash invalid */
export declare class CodeHashInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CODE_INVALID`: The provided code is invalid (i.e. from email) */
export declare class CodeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `COLOR_INVALID`: The provided color is invalid */
export declare class ColorInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_API_ID_INVALID`: The provided API id is invalid */
export declare class ConnectionApiIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_APP_VERSION_EMPTY`: App version is empty */
export declare class ConnectionAppVersionEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_DEVICE_MODEL_EMPTY`: The device model is empty */
export declare class ConnectionDeviceModelEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_LANG_PACK_INVALID`: The specified language pack is not valid */
export declare class ConnectionLangPackInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_LAYER_INVALID`: The connection layer is invalid. Missing InvokeWithLayer-InitConnection call */
export declare class ConnectionLayerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_NOT_INITED`: The connection was not initialized */
export declare class ConnectionNotInited extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_SYSTEM_EMPTY`: The connection to the system is empty */
export declare class ConnectionSystemEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_SYSTEM_LANG_CODE_EMPTY`: The system language code is empty */
export declare class ConnectionSystemLangCodeEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONTACT_ADD_MISSING`: Contact to add is missing */
export declare class ContactAddMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONTACT_ID_INVALID`: The provided contact id is invalid */
export declare class ContactIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONTACT_MISSING`: The specified user is not a contact. */
export declare class ContactMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONTACT_NAME_EMPTY`: The provided contact name is empty */
export declare class ContactNameEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONTACT_REQ_MISSING`: Missing contact request */
export declare class ContactReqMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CREATE_CALL_FAILED`: An error occurred while creating the call */
export declare class CreateCallFailed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CURRENCY_TOTAL_AMOUNT_INVALID`: The total amount of all prices is invalid */
export declare class CurrencyTotalAmountInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DATA_INVALID`: The encrypted data is invalid */
export declare class DataInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DATA_JSON_INVALID`: The provided JSON data is invalid */
export declare class DataJsonInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DATA_TOO_LONG`: Data too long */
export declare class DataTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DATE_EMPTY`: The date argument is empty */
export declare class DateEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DC_ID_INVALID`: The dc_id parameter is invalid */
export declare class DcIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DH_G_A_INVALID`: The g_a parameter invalid */
export declare class DhGAInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DOCUMENT_INVALID`: The document is invalid */
export declare class DocumentInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMAIL_HASH_EXPIRED`: The email hash expired and cannot be used to verify it */
export declare class EmailHashExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMAIL_INVALID`: The email provided is invalid */
export declare class EmailInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMAIL_NOT_ALLOWED`: This email is not allowed */
export declare class EmailNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMAIL_NOT_SETUP`: In order to change the login email with emailVerifyPurposeLoginChange, an existing login email must already be set using emailVerifyPurposeLoginSetup. */
export declare class EmailNotSetup extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMAIL_UNCONFIRMED`: Email unconfirmed */
export declare class EmailUnconfirmed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMAIL_UNCONFIRMED_X`: The provided email isn't confirmed, {value} is the length of the verification code that was just sent to the email */
export declare class EmailUnconfirmedX extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMAIL_VERIFY_EXPIRED`: The verification email has expired */
export declare class EmailVerifyExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMOJI_INVALID`: The specified theme emoji is valid */
export declare class EmojiInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMOJI_MARKUP_INVALID`: The specified `video_emoji_markup` was invalid. */
export declare class EmojiMarkupInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMOJI_NOT_MODIFIED`: The theme wasn't changed */
export declare class EmojiNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMOTICON_EMPTY`: The emoticon parameter is empty */
export declare class EmoticonEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMOTICON_INVALID`: The emoticon parameter is invalid */
export declare class EmoticonInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMOTICON_STICKERPACK_MISSING`: The emoticon sticker pack you are trying to obtain is missing */
export declare class EmoticonStickerpackMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENCRYPTED_MESSAGE_INVALID`: The special binding message (bind_auth_key_inner) contains invalid data */
export declare class EncryptedMessageInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENCRYPTION_ALREADY_ACCEPTED`: The secret chat is already accepted */
export declare class EncryptionAlreadyAccepted extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENCRYPTION_ALREADY_DECLINED`: The secret chat is already declined */
export declare class EncryptionAlreadyDeclined extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENCRYPTION_DECLINED`: The secret chat was declined */
export declare class EncryptionDeclined extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENCRYPTION_ID_INVALID`: The provided secret chat id is invalid */
export declare class EncryptionIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENTITIES_TOO_LONG`: The entity provided contains data that is too long, or you passed too many entities to this message */
export declare class EntitiesTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENTITY_BOUNDS_INVALID`: The message entity bounds are invalid */
export declare class EntityBoundsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENTITY_MENTION_USER_INVALID`: The mentioned entity is not an user */
export declare class EntityMentionUserInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ERROR_TEXT_EMPTY`: The provided error message is empty */
export declare class ErrorTextEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXPIRE_DATE_INVALID`: The expiration date is invalid */
export declare class ExpireDateInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXPIRE_FORBIDDEN`: Expire forbidden */
export declare class ExpireForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXPORT_CARD_INVALID`: The provided card is invalid */
export declare class ExportCardInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXTENDED_MEDIA_AMOUNT_INVALID`: The maximum amount of `star_count` should be less than the `stars_paid_post_amount_max` */
export declare class ExtendedMediaAmountInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXTENDED_MEDIA_PEER_INVALID`: The specified chat type is invalid. */
export declare class ExtendedMediaPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXTENDED_MEDIA_TYPE_INVALID`: The specified extended media type is unsupported. */
export declare class ExtendedMediaTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXTERNAL_URL_INVALID`: The external media URL is invalid */
export declare class ExternalUrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FIELD_NAME_EMPTY`: The field with the name FIELD_NAME is missing */
export declare class FieldNameEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FIELD_NAME_INVALID`: The field with the name FIELD_NAME is invalid */
export declare class FieldNameInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_CONTENT_TYPE_INVALID`: File content-type is invalid */
export declare class FileContentTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_EMTPY`: An empty file was provided */
export declare class FileEmtpy extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_ID_INVALID`: The file id is invalid */
export declare class FileIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_MIGRATE_X`: The file is in Data Center No. {value} */
export declare class FileMigrateX400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PARTS_INVALID`: Invalid number of parts. */
export declare class FilePartsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_0_MISSING`: File part 0 missing */
export declare class FilePart0Missing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_EMPTY`: The file part sent is empty */
export declare class FilePartEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_INVALID`: The file part number is invalid. */
export declare class FilePartInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_LENGTH_INVALID`: The length of a file part is invalid */
export declare class FilePartLengthInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_SIZE_CHANGED`: The part size is different from the size of one of the previous parts in the same file */
export declare class FilePartSizeChanged extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_SIZE_INVALID`: The file part size is invalid */
export declare class FilePartSizeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_TOO_BIG`: The size limit for the content of the file part has been exceeded */
export declare class FilePartTooBig extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_X_MISSING`: Part {value} of the file is missing from storage */
export declare class FilePartMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_REFERENCE_EMPTY`: The file id contains an empty file reference, you must obtain a valid one by fetching the message from the origin context */
export declare class FileReferenceEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_REFERENCE_EXPIRED`: The file id contains an expired file reference, you must obtain a valid one by fetching the message from the origin context */
export declare class FileReferenceExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_REFERENCE_INVALID`: The file id contains an invalid file reference, you must obtain a valid one by fetching the message from the origin context */
export declare class FileReferenceInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_TITLE_EMPTY`: An empty file title was specified */
export declare class FileTitleEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILTER_ID_INVALID`: The specified filter ID is invalid */
export declare class FilterIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILTER_INCLUDE_EMPTY`: The filter include is empty */
export declare class FilterIncludeEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILTER_NOT_SUPPORTED`: The specified filter cannot be used in this context */
export declare class FilterNotSupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILTER_TITLE_EMPTY`: The title field of the filter is empty */
export declare class FilterTitleEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FIRSTNAME_INVALID`: The first name is invalid */
export declare class FirstnameInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FOLDER_ID_EMPTY`: The folder you tried to delete was already empty */
export declare class FolderIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FOLDER_ID_INVALID`: The folder id is invalid */
export declare class FolderIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FORM_ID_EXPIRED`: The specified id has expired. */
export declare class FormIdExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FORUM_ENABLED`: You can't execute the specified action because the group is a [forum](https://core.telegram.org/api/forum), disable forum functionality to continue. */
export declare class ForumEnabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FRESH_CHANGE_ADMINS_FORBIDDEN`: You can't change administrator settings in this chat because your session was logged-in recently */
export declare class FreshChangeAdminsForbidden400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FROM_MESSAGE_BOT_DISABLED`: Bots can't use fromMessage min constructors */
export declare class FromMessageBotDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FROM_PEER_INVALID`: The from peer value is invalid */
export declare class FromPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GAME_BOT_INVALID`: You cannot send that game with the current bot */
export declare class GameBotInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GENERAL_MODIFY_ICON_FORBIDDEN`: You can't modify the icon of the General topic. */
export declare class GeneralModifyIconForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GEO_POINT_INVALID`: Invalid geo point provided */
export declare class GeoPointInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GIF_CONTENT_TYPE_INVALID`: GIF content-type invalid */
export declare class GifContentTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GIF_ID_INVALID`: The provided gif/animation id is invalid */
export declare class GifIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GIFT_SLUG_INVALID`: The specified slug is invalid. */
export declare class GiftSlugInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GIFT_SLUG_EXPIRED`: The gift slug is expired */
export declare class GiftSlugExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GRAPH_EXPIRED_RELOAD`: This graph has expired, please obtain a new graph token */
export declare class GraphExpiredReload extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GRAPH_INVALID_RELOAD`: Invalid graph token provided, please reload the stats and provide the updated token */
export declare class GraphInvalidReload extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GRAPH_OUTDATED_RELOAD`: The graph data is outdated */
export declare class GraphOutdatedReload extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GROUPCALL_ALREADY_DISCARDED`: The group call was already discarded */
export declare class GroupcallAlreadyDiscarded extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GROUPCALL_INVALID`: The specified group call is invalid */
export declare class GroupcallInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GROUPCALL_JOIN_MISSING`: You haven't joined this group call */
export declare class GroupcallJoinMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GROUPCALL_NOT_MODIFIED`: Group call settings weren't modified */
export declare class GroupcallNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GROUPCALL_SSRC_DUPLICATE_MUCH`: Too many group call synchronization source duplicates */
export declare class GroupcallSsrcDuplicateMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GROUPED_MEDIA_INVALID`: The album contains invalid media */
export declare class GroupedMediaInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GROUP_CALL_INVALID`: The group call is invalid */
export declare class GroupCallInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `HASH_INVALID`: The provided hash is invalid */
export declare class HashInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `HIDE_REQUESTER_MISSING`: The join request was missing or was already handled */
export declare class HideRequesterMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `IMAGE_PROCESS_FAILED`: The server failed to process your image */
export declare class ImageProcessFailed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `IMPORT_FILE_INVALID`: The imported file is invalid */
export declare class ImportFileInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `IMPORT_FORMAT_UNRECOGNIZED`: The imported format is unrecognized */
export declare class ImportFormatUnrecognized extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `IMPORT_ID_INVALID`: The import id is invalid */
export declare class ImportIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INLINE_RESULT_EXPIRED`: The inline bot query expired */
export declare class InlineResultExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_CONSTRUCTOR_INVALID`: The provided constructor is invalid */
export declare class InputConstructorInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_FETCH_ERROR`: An error occurred while deserializing TL parameters */
export declare class InputFetchError extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_FETCH_FAIL`: Failed deserializing TL payload */
export declare class InputFetchFail extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_FILTER_INVALID`: The filter is invalid for this query */
export declare class InputFilterInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_LAYER_INVALID`: The provided layer is invalid */
export declare class InputLayerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_METHOD_INVALID`: The method invoked is invalid in the current schema */
export declare class InputMethodInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_REQUEST_TOO_LONG`: The input request is too long */
export declare class InputRequestTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_TEXT_EMPTY`: The specified text is empty */
export declare class InputTextEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_TEXT_TOO_LONG`: The specified text is too long. */
export declare class InputTextTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_USER_DEACTIVATED`: The target user has been deleted/deactivated */
export declare class InputUserDeactivated extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITES_TOO_MUCH`: The maximum number of per-folder invites specified by the `chatlist_invites_limit_default`/`chatlist_invites_limit_premium` was reached. */
export declare class InvitesTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_FORBIDDEN_WITH_JOINAS`: If the user has anonymously joined a group call as a channel, they can't invite other users to the group call because that would cause deanonymization, because the invite would be sent using the original user ID, not the anonymized channel ID */
export declare class InviteForbiddenWithJoinas extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_HASH_EMPTY`: The invite hash is empty */
export declare class InviteHashEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_HASH_EXPIRED`: The chat invite link is no longer valid */
export declare class InviteHashExpired400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_HASH_INVALID`: The invite link hash is invalid */
export declare class InviteHashInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_REQUEST_SENT`: The request to join this chat or channel has been successfully sent */
export declare class InviteRequestSent extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_REVOKED_MISSING`: The action required a chat invite link to be revoked first */
export declare class InviteRevokedMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_SLUG_EMPTY`: The invite slug is empty */
export declare class InviteSlugEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_SLUG_EXPIRED`: The invite slug is expired */
export declare class InviteSlugExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVOICE_PAYLOAD_INVALID`: The specified invoice payload is invalid */
export declare class InvoicePayloadInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `JOIN_AS_PEER_INVALID`: The specified peer cannot be used to join a group call */
export declare class JoinAsPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `LANG_CODE_INVALID`: The specified language code is invalid */
export declare class LangCodeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `LANG_CODE_NOT_SUPPORTED`: The specified language code is not supported */
export declare class LangCodeNotSupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `LANG_PACK_INVALID`: The provided language pack is invalid */
export declare class LangPackInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `LASTNAME_INVALID`: The last name is invalid */
export declare class LastnameInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `LIMIT_INVALID`: The limit parameter is invalid */
export declare class LimitInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `LINK_NOT_MODIFIED`: The chat link was not modified because you tried to link to the same target */
export declare class LinkNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `LOCATION_INVALID`: The file location is invalid */
export declare class LocationInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MAX_DATE_INVALID`: The specified maximum date is invalid */
export declare class MaxDateInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MAX_ID_INVALID`: The max_id parameter is invalid */
export declare class MaxIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MAX_QTS_INVALID`: The provided QTS is invalid */
export declare class MaxQtsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MD5_CHECKSUM_INVALID`: The file's checksum did not match the md5_checksum parameter */
export declare class Md5ChecksumInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_CAPTION_TOO_LONG`: The media caption is too long */
export declare class MediaCaptionTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_EMPTY`: The media you tried to send is invalid */
export declare class MediaEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_FILE_INVALID`: The provided media file is invalid */
export declare class MediaFileInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_GROUPED_INVALID`: You tried to send media of different types in an album */
export declare class MediaGroupedInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_INVALID`: The media is invalid */
export declare class MediaInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_NEW_INVALID`: The new media to edit the message with is invalid */
export declare class MediaNewInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_PREV_INVALID`: The previous media cannot be edited with anything else */
export declare class MediaPrevInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_TTL_INVALID`: The media ttl is invalid */
export declare class MediaTtlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_VIDEO_STORY_MISSING`: The media does not have a photo or a video */
export declare class MediaVideoStoryMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEGAGROUP_ID_INVALID`: The supergroup is invalid */
export declare class MegagroupIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEGAGROUP_PREHISTORY_HIDDEN`: The action failed because the supergroup has the pre-history hidden */
export declare class MegagroupPrehistoryHidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEGAGROUP_REQUIRED`: The request can only be used with a supergroup */
export declare class MegagroupRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_EDIT_TIME_EXPIRED`: You can no longer edit this message because too much time has passed */
export declare class MessageEditTimeExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_EMPTY`: The message sent is empty or contains invalid characters */
export declare class MessageEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_IDS_EMPTY`: The requested message doesn't exist or you provided no message id */
export declare class MessageIdsEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_ID_INVALID`: The message id is invalid */
export declare class MessageIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_NOT_MODIFIED`: The message was not modified because you tried to edit it using the same content */
export declare class MessageNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_POLL_CLOSED`: You can't interact with a closed poll */
export declare class MessagePollClosed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_TOO_LONG`: The message text is too long */
export declare class MessageTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `METHOD_INVALID`: The API method is invalid and cannot be used */
export declare class MethodInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MIN_DATE_INVALID`: The specified minimum date is invalid */
export declare class MinDateInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MSG_ID_INVALID`: The message ID used in the peer was invalid */
export declare class MsgIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MSG_TOO_OLD`: chat_read_mark_expire_period have passed since the message was sent, read receipts were deleted */
export declare class MsgTooOld extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MSG_VOICE_MISSING`: The message does not contain a voice message */
export declare class MsgVoiceMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MSG_WAIT_FAILED`: A waiting call returned an error */
export declare class MsgWaitFailed400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MULTI_MEDIA_TOO_LONG`: The album/media group contains too many items */
export declare class MultiMediaTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `NEW_SALT_INVALID`: The new salt is invalid */
export declare class NewSaltInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `NEW_SETTINGS_EMPTY`: No password is set on the current account, and no new password was specified in `new_settings` */
export declare class NewSettingsEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `NEW_SETTINGS_INVALID`: The new settings are invalid */
export declare class NewSettingsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `NOGENERAL_HIDE_FORBIDDEN`: The hidden parameter is only valid for the General topic message_thread_id=1 */
export declare class NogeneralHideForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `NEXT_OFFSET_INVALID`: The next offset value is invalid */
export declare class NextOffsetInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `OFFSET_INVALID`: The offset parameter is invalid */
export declare class OffsetInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `OFFSET_PEER_ID_INVALID`: The provided offset peer is invalid */
export declare class OffsetPeerIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `OPTIONS_TOO_MUCH`: The poll options are too many */
export declare class OptionsTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `OPTION_INVALID`: The option specified is invalid and does not exist in the target poll */
export declare class OptionInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PACK_SHORT_NAME_INVALID`: Invalid sticker pack name. It must begin with a letter, can't contain consecutive underscores and must end in '_by_<bot username>'. */
export declare class PackShortNameInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PACK_SHORT_NAME_OCCUPIED`: A sticker pack with this name already exists */
export declare class PackShortNameOccupied extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PACK_TITLE_INVALID`: The sticker pack title is invalid */
export declare class PackTitleInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PARTICIPANTS_TOO_FEW`: The chat doesn't have enough participants */
export declare class ParticipantsTooFew extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PARTICIPANT_ID_INVALID`: The specified participant ID is invalid */
export declare class ParticipantIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PARTICIPANT_JOIN_MISSING`: Trying to enable a presentation, when the user hasn't joined the Video Chat with phone.joinGroupCall */
export declare class ParticipantJoinMissing400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PARTICIPANT_VERSION_OUTDATED`: The other participant is using an outdated Telegram app version */
export declare class ParticipantVersionOutdated extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PASSWORD_EMPTY`: The password provided is empty */
export declare class PasswordEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PASSWORD_HASH_INVALID`: The two-step verification password is invalid */
export declare class PasswordHashInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PASSWORD_MISSING`: The account is missing the two-step verification password */
export declare class PasswordMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PASSWORD_RECOVERY_NA`: The password recovery e-mail is not available */
export declare class PasswordRecoveryNa extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PASSWORD_REQUIRED`: The two-step verification password is required for this method */
export declare class PasswordRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PASSWORD_TOO_FRESH_X`: The two-step verification password was added recently and you are required to wait {value} seconds */
export declare class PasswordTooFresh extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PAYMENT_PROVIDER_INVALID`: The payment provider was not recognised or its token was invalid */
export declare class PaymentProviderInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PEER_FLOOD`: The method can't be used because your account is currently limited */
export declare class PeerFlood extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PEER_HISTORY_EMPTY`: Peer history empty */
export declare class PeerHistoryEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PEER_ID_INVALID`: The peer id being used is invalid or not known yet. Make sure you meet the peer before interacting with it */
export declare class PeerIdInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PEER_ID_NOT_SUPPORTED`: The provided peer id is not supported */
export declare class PeerIdNotSupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PERSISTENT_TIMESTAMP_EMPTY`: The pts argument is empty */
export declare class PersistentTimestampEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PERSISTENT_TIMESTAMP_INVALID`: The persistent timestamp is invalid */
export declare class PersistentTimestampInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_CODE_EMPTY`: The phone code is missing */
export declare class PhoneCodeEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_CODE_EXPIRED`: The confirmation code has expired */
export declare class PhoneCodeExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_CODE_HASH_EMPTY`: The phone code hash is missing */
export declare class PhoneCodeHashEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_CODE_INVALID`: The confirmation code is invalid */
export declare class PhoneCodeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_HASH_EXPIRED`: An invalid or expired phone_code_hash was provided */
export declare class PhoneHashExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_NOT_OCCUPIED`: No user is associated to the specified phone number */
export declare class PhoneNotOccupied extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_NUMBER_APP_SIGNUP_FORBIDDEN`: You can't sign up using this app */
export declare class PhoneNumberAppSignupForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_NUMBER_BANNED`: The phone number is banned from Telegram and cannot be used */
export declare class PhoneNumberBanned extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_NUMBER_FLOOD`: This number has tried to login too many times */
export declare class PhoneNumberFlood extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_NUMBER_INVALID`: The phone number is invalid */
export declare class PhoneNumberInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_NUMBER_OCCUPIED`: The phone number is already in use */
export declare class PhoneNumberOccupied extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_NUMBER_UNOCCUPIED`: The phone number is not yet being used */
export declare class PhoneNumberUnoccupied extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHONE_PASSWORD_PROTECTED`: The phone is password protected */
export declare class PhonePasswordProtected extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_CONTENT_TYPE_INVALID`: The photo content type is invalid */
export declare class PhotoContentTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_CONTENT_URL_EMPTY`: The photo content URL is empty */
export declare class PhotoContentUrlEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_CROP_FILE_MISSING`: Photo crop file missing */
export declare class PhotoCropFileMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_CROP_SIZE_SMALL`: The photo is too small */
export declare class PhotoCropSizeSmall extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_EXT_INVALID`: The photo extension is invalid */
export declare class PhotoExtInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_FILE_MISSING`: Profile photo file missing */
export declare class PhotoFileMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_ID_INVALID`: The photo id is invalid */
export declare class PhotoIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_INVALID`: The photo is invalid */
export declare class PhotoInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_INVALID_DIMENSIONS`: The photo dimensions are invalid */
export declare class PhotoInvalidDimensions extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_SAVE_FILE_INVALID`: The photo you tried to send cannot be saved by Telegram */
export declare class PhotoSaveFileInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_THUMB_URL_EMPTY`: The photo thumb URL is empty */
export declare class PhotoThumbUrlEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PHOTO_THUMB_URL_INVALID`: The photo thumb URL is invalid */
export declare class PhotoThumbUrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PINNED_DIALOGS_TOO_MUCH`: Too many pinned dialogs */
export declare class PinnedDialogsTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PINNED_TOPIC_NOT_MODIFIED`: The pinned topic was not modified. */
export declare class PinnedTopicNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PIN_RESTRICTED`: You can't pin messages in private chats with other people */
export declare class PinRestricted extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `POLL_ANSWERS_INVALID`: The poll answers are invalid */
export declare class PollAnswersInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `POLL_ANSWER_INVALID`: One of the poll answers is not acceptable */
export declare class PollAnswerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `POLL_OPTION_DUPLICATE`: A duplicate option was sent in the same poll */
export declare class PollOptionDuplicate extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `POLL_OPTION_INVALID`: A poll option used invalid data (the data may be too long) */
export declare class PollOptionInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `POLL_QUESTION_INVALID`: The poll question is invalid */
export declare class PollQuestionInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `POLL_UNSUPPORTED`: This layer does not support polls in the invoked method */
export declare class PollUnsupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `POLL_VOTE_REQUIRED`: Cast a vote in the poll before calling this method */
export declare class PollVoteRequired400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PREMIUM_ACCOUNT_REQUIRED`: The method requires a premium user account */
export declare class PremiumAccountRequired400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PREMIUM_GIFTCODE_WAS_REFUNDED`: This gift code can't be redeemed because the giveaway organizer requested a refund */
export declare class PremiumGiftcodeWasRefunded400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PRICING_CHAT_INVALID`: This chat chat doesn't support subscription link. */
export declare class PricingChatInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PRIVACY_KEY_INVALID`: The privacy key is invalid */
export declare class PrivacyKeyInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PRIVACY_TOO_LONG`: Your privacy exception list has exceeded the maximum capacity */
export declare class PrivacyTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PRIVACY_VALUE_INVALID`: The privacy value is invalid */
export declare class PrivacyValueInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PUBLIC_KEY_REQUIRED`: A public key is required */
export declare class PublicKeyRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUERY_ID_EMPTY`: The query ID is empty */
export declare class QueryIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUERY_ID_INVALID`: The callback query id is invalid */
export declare class QueryIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUERY_TOO_SHORT`: The query is too short */
export declare class QueryTooShort extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUIZ_ANSWER_MISSING`: You can forward a quiz while hiding the original author only after choosing an option in the quiz */
export declare class QuizAnswerMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUIZ_CORRECT_ANSWERS_EMPTY`: The correct answers of the quiz are empty */
export declare class QuizCorrectAnswersEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUIZ_CORRECT_ANSWERS_TOO_MUCH`: The quiz contains too many correct answers */
export declare class QuizCorrectAnswersTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUIZ_CORRECT_ANSWER_INVALID`: The correct answers of the quiz are invalid */
export declare class QuizCorrectAnswerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUIZ_MULTIPLE_INVALID`: A quiz can't have multiple answers */
export declare class QuizMultipleInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RANDOM_ID_EMPTY`: The random ID is empty */
export declare class RandomIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RANDOM_ID_INVALID`: The provided random ID is invalid */
export declare class RandomIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RANDOM_LENGTH_INVALID`: The random length is invalid */
export declare class RandomLengthInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RANGES_INVALID`: Invalid range provided */
export declare class RangesInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REACTION_EMPTY`: The reaction provided is empty */
export declare class ReactionEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REACTION_INVALID`: Invalid reaction provided (only valid emoji are allowed) */
export declare class ReactionInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REFLECTOR_NOT_AVAILABLE`: The call reflector is not available */
export declare class ReflectorNotAvailable extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_MARKUP_BUY_EMPTY`: Reply markup for buy button empty */
export declare class ReplyMarkupBuyEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_MARKUP_GAME_EMPTY`: The provided reply markup for the game is empty */
export declare class ReplyMarkupGameEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_MARKUP_INVALID`: The provided reply markup is invalid */
export declare class ReplyMarkupInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_MARKUP_TOO_LONG`: The reply markup is too long */
export declare class ReplyMarkupTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_MESSAGE_ID_INVALID`: The reply message id is invalid */
export declare class ReplyMessageIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RESET_REQUEST_MISSING`: No password reset is in progress */
export declare class ResetRequestMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RESULTS_TOO_MUCH`: The result contains too many items */
export declare class ResultsTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RESULT_ID_DUPLICATE`: The result contains items with duplicated identifiers */
export declare class ResultIdDuplicate extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RESULT_ID_EMPTY`: Result ID empty */
export declare class ResultIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RESULT_ID_INVALID`: The given result cannot be used to send the selection to the bot */
export declare class ResultIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REACTIONS_TOO_MANY`: Currently, non-premium users, can set up to one reaction per message */
export declare class ReactionsTooMany extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RESULT_TYPE_INVALID`: The result type is invalid */
export declare class ResultTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REVOTE_NOT_ALLOWED`: You cannot change your vote */
export declare class RevoteNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RIGHTS_NOT_MODIFIED`: The new admin rights are equal to the old rights, no change was made */
export declare class RightsNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RSA_DECRYPT_FAILED`: Internal RSA decryption failed */
export declare class RsaDecryptFailed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SCHEDULE_BOT_NOT_ALLOWED`: Bots are not allowed to schedule messages */
export declare class ScheduleBotNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SCHEDULE_DATE_INVALID`: Invalid schedule date provided */
export declare class ScheduleDateInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SCHEDULE_DATE_TOO_LATE`: The date you tried to schedule is too far in the future (more than one year) */
export declare class ScheduleDateTooLate extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SCHEDULE_STATUS_PRIVATE`: You cannot schedule a message until the person comes online if their privacy does not show this information */
export declare class ScheduleStatusPrivate extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SCHEDULE_TOO_MUCH`: You tried to schedule too many messages in this chat */
export declare class ScheduleTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SCORE_INVALID`: The specified game score is invalid */
export declare class ScoreInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SEARCH_QUERY_EMPTY`: The search query is empty */
export declare class SearchQueryEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SEARCH_WITH_LINK_NOT_SUPPORTED`: You cannot provide a search query and an invite link at the same time */
export declare class SearchWithLinkNotSupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SECONDS_INVALID`: The seconds interval is invalid */
export declare class SecondsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SEND_AS_PEER_INVALID`: You can't send messages as the specified peer */
export declare class SendAsPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SEND_MESSAGE_MEDIA_INVALID`: The message media is invalid */
export declare class SendMessageMediaInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SEND_MESSAGE_TYPE_INVALID`: The message type is invalid */
export declare class SendMessageTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SESSION_TOO_FRESH_X`: You can't do this action because the current session was logged-in recently */
export declare class SessionTooFresh extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SETTINGS_INVALID`: Invalid settings were provided */
export declare class SettingsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SHA256_HASH_INVALID`: The provided SHA256 hash is invalid */
export declare class Sha256HashInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SHORTNAME_OCCUPY_FAILED`: An error occurred when trying to register the short-name used for the sticker pack. Try a different name */
export declare class ShortnameOccupyFailed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SHORT_NAME_INVALID`: The specified short name is invalid */
export declare class ShortNameInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SHORT_NAME_OCCUPIED`: The specified short name is already in use */
export declare class ShortNameOccupied extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SLOWMODE_MULTI_MSGS_DISABLED`: Slowmode is enabled, you cannot forward multiple messages to this group */
export declare class SlowmodeMultiMsgsDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SMS_CODE_CREATE_FAILED`: An error occurred while creating the SMS code */
export declare class SmsCodeCreateFailed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SRP_ID_INVALID`: Invalid SRP ID provided */
export declare class SrpIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SRP_PASSWORD_CHANGED`: The password has changed */
export declare class SrpPasswordChanged extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_ALREADY_CONVERTED`: The provided star gift already converted to stars */
export declare class StargiftAlreadyConverted extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_ALREADY_UPGRADED`: This star gift was already upgraded before */
export declare class StargiftAlreadyUpgraded extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_USAGE_LIMITED`: The star gift usage is limited */
export declare class StargiftUsageLimited400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `START_PARAM_EMPTY`: The start parameter is empty */
export declare class StartParamEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `START_PARAM_INVALID`: The start parameter is invalid */
export declare class StartParamInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `START_PARAM_TOO_LONG`: The start parameter is too long */
export declare class StartParamTooLong extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKERPACK_STICKERS_TOO_MUCH`: There are too many stickers in this stickerpack, you can't add any more */
export declare class StickerpackStickersTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKERSET_INVALID`: The requested sticker set is invalid */
export declare class StickersetInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKERSET_NOT_MODIFIED`: The sticker set is not modified */
export declare class StickersetNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKERS_EMPTY`: The sticker provided is empty */
export declare class StickersEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKERS_TOO_MUCH`: Too many stickers in the set */
export declare class StickersTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_DOCUMENT_INVALID`: The sticker document is invalid */
export declare class StickerDocumentInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_EMOJI_INVALID`: The sticker emoji is invalid */
export declare class StickerEmojiInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_FILE_INVALID`: The sticker file is invalid */
export declare class StickerFileInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_GIF_DIMENSIONS`: The specified video sticker has invalid dimensions */
export declare class StickerGifDimensions extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_ID_INVALID`: The provided sticker id is invalid */
export declare class StickerIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_INVALID`: The provided sticker is invalid */
export declare class StickerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_MIME_INVALID`: Make sure to pass a valid image file for the right InputFile parameter */
export declare class StickerMimeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_PNG_DIMENSIONS`: The sticker png dimensions are invalid */
export declare class StickerPngDimensions extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_PNG_NOPNG`: Stickers must be png files but the provided image was not a png */
export declare class StickerPngNopng extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_TGS_NODOC`: You must send the animated sticker as a document */
export declare class StickerTgsNodoc extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_TGS_NOTGS`: A tgs sticker file was expected, but something else was provided */
export declare class StickerTgsNotgs extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_THUMB_PNG_NOPNG`: A png sticker thumbnail file was expected, but something else was provided */
export declare class StickerThumbPngNopng extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_VIDEO_BIG`: The specified video sticker is too big */
export declare class StickerVideoBig extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_VIDEO_NODOC`: You must send the video sticker as a document */
export declare class StickerVideoNodoc extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_VIDEO_NOWEBM`: A webm video file was expected, but something else was provided */
export declare class StickerVideoNowebm extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORY_ID_EMPTY`: You specified no story IDs. */
export declare class StoryIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORY_ID_INVALID`: The specified story ID is invalid. */
export declare class StoryIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORY_NOT_MODIFIED`: The new story information you passed is equal to the previous story information, thus it wasn't modified. */
export declare class StoryNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORY_PERIOD_INVALID`: The specified story period is invalid for this account. */
export declare class StoryPeriodInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORIES_TOO_MUCH`: Too many stories in the current account */
export declare class StoriesTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORY_SEND_FLOOD_WEEKLY_X`: You've hit the weekly story limit, wait for the specified number of seconds before posting a new story. */
export declare class StorySendFloodWeekly extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORY_SEND_FLOOD_MONTHLY_X`: You've hit the monthly story limit, wait for the specified number of seconds before posting a new story. */
export declare class StorySendFloodMonthly extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SUBSCRIPTION_PERIOD_INVALID`: The subscription period is invalid. */
export declare class SubscriptionPeriodInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SWITCH_PM_TEXT_EMPTY`: The switch_pm.text field was empty */
export declare class SwitchPmTextEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TAKEOUT_INVALID`: The takeout id is invalid */
export declare class TakeoutInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TAKEOUT_REQUIRED`: The method must be invoked inside a takeout session */
export declare class TakeoutRequired400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TEMP_AUTH_KEY_ALREADY_BOUND`: The passed temporary key is already bound to another perm_auth_key_id */
export declare class TempAuthKeyAlreadyBound extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TEMP_AUTH_KEY_EMPTY`: The temporary auth key provided is empty */
export declare class TempAuthKeyEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `THEME_FILE_INVALID`: Invalid theme file provided */
export declare class ThemeFileInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `THEME_FORMAT_INVALID`: Invalid theme format provided */
export declare class ThemeFormatInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `THEME_INVALID`: Invalid theme provided */
export declare class ThemeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `THEME_MIME_INVALID`: You cannot create this theme because the mime-type is invalid */
export declare class ThemeMimeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `THEME_TITLE_INVALID`: The specified theme title is invalid */
export declare class ThemeTitleInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TITLE_INVALID`: The specified stickerpack title is invalid */
export declare class TitleInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TMP_PASSWORD_DISABLED`: The temporary password is disabled */
export declare class TmpPasswordDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TMP_PASSWORD_INVALID`: The temporary password is invalid */
export declare class TmpPasswordInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOKEN_INVALID`: The provided token is invalid */
export declare class TokenInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOPIC_CLOSED`: The topic was closed */
export declare class TopicClosed400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOPIC_DELETED`: The topic was deleted */
export declare class TopicDeleted400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOPIC_CLOSE_SEPARATELY`: The close flag cannot be provided together with any of the other flags. */
export declare class TopicCloseSeparately extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOPIC_HIDE_SEPARATELY`: The hide flag cannot be provided together with any of the other flags. */
export declare class TopicHideSeparately extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOPIC_ID_INVALID`: The provided topic ID is invalid */
export declare class TopicIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOPIC_NOT_MODIFIED`: The topic was not modified */
export declare class TopicNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOPIC_TITLE_EMPTY`: The specified topic title is empty. */
export declare class TopicTitleEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TO_LANG_INVALID`: The specified destination language is invalid */
export declare class ToLangInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TRANSCRIPTION_FAILED`: Telegram is having internal problems. Please try again later to transcribe the audio. */
export declare class TranscriptionFailed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TTL_DAYS_INVALID`: The provided TTL days is invalid */
export declare class TtlDaysInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TTL_MEDIA_INVALID`: The media does not support self-destruction */
export declare class TtlMediaInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TYPES_EMPTY`: The types parameter is empty */
export declare class TypesEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TYPE_CONSTRUCTOR_INVALID`: The type constructor is invalid */
export declare class TypeConstructorInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `UNKNOWN_ERROR`: Unknown error */
export declare class UnknownError extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `UNTIL_DATE_INVALID`: That date parameter is invalid */
export declare class UntilDateInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `URL_INVALID`: The URL provided is invalid */
export declare class UrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USAGE_LIMIT_INVALID`: The usage limit is invalid */
export declare class UsageLimitInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERNAME_INVALID`: The username is invalid */
export declare class UsernameInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERNAME_NOT_MODIFIED`: The username was not modified because you tried to edit it using the same one */
export declare class UsernameNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERNAME_NOT_OCCUPIED`: The username is not occupied by anyone */
export declare class UsernameNotOccupied extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERNAME_OCCUPIED`: The username is already in use by someone else */
export declare class UsernameOccupied extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERNAME_PURCHASE_AVAILABLE`: The username is available for purchase on fragment.com */
export declare class UsernamePurchaseAvailable extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERPIC_UPLOAD_REQUIRED`: You are required to upload a profile picture for this action */
export declare class UserpicUploadRequired400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERS_TOO_FEW`: Not enough users (to create a chat, for example) */
export declare class UsersTooFew extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERS_TOO_MUCH`: The maximum number of users has been exceeded (to create a chat, for example) */
export declare class UsersTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_ADMIN_INVALID`: The action requires admin privileges. Probably you tried to edit admin privileges on someone you don't have rights to */
export declare class UserAdminInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_ALREADY_INVITED`: You have already invited this user */
export declare class UserAlreadyInvited extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_ALREADY_PARTICIPANT`: The user is already a participant of this chat */
export declare class UserAlreadyParticipant extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_BANNED_IN_CHANNEL`: You are limited from sending messages in supergroups/channels, check @SpamBot for details */
export declare class UserBannedInChannel extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_BLOCKED`: The user is blocked */
export declare class UserBlocked extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_BOT`: Bots in channels can only be administrators, not members. */
export declare class UserBot extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_BOT_INVALID`: This method can only be used by a bot */
export declare class UserBotInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_BOT_REQUIRED`: The method can be used by bots only */
export declare class UserBotRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_CHANNELS_TOO_MUCH`: The user is already in too many channels or supergroups */
export declare class UserChannelsTooMuch400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_CREATOR`: You can't leave this channel because you're its creator */
export declare class UserCreator extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_ID_INVALID`: The user id being used is invalid or not known yet. Make sure you meet the user before interacting with it */
export declare class UserIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_INVALID`: The provided user is invalid */
export declare class UserInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_IS_BLOCKED`: The user blocked you */
export declare class UserIsBlocked400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_IS_BOT`: A bot cannot send messages to other bots or to itself */
export declare class UserIsBot extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_KICKED`: This user was kicked from this chat */
export declare class UserKicked extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_NOT_MUTUAL_CONTACT`: The user is not a mutual contact */
export declare class UserNotMutualContact400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_NOT_PARTICIPANT`: The user is not a member of this chat */
export declare class UserNotParticipant400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_PUBLIC_MISSING`: The accounts username is missing */
export declare class UserPublicMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_VOLUME_INVALID`: The specified user volume is invalid */
export declare class UserVolumeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `VIDEO_CONTENT_TYPE_INVALID`: The video content type is invalid (i.e.: not streamable) */
export declare class VideoContentTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `VIDEO_FILE_INVALID`: The video file is invalid */
export declare class VideoFileInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `VIDEO_TITLE_EMPTY`: The specified video title is empty */
export declare class VideoTitleEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `VOICE_MESSAGES_FORBIDDEN`: This user's privacy settings forbid you from sending voice messages */
export declare class VoiceMessagesForbidden400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `VOLUME_LOC_NOT_FOUND`: The volume location can't be found */
export declare class VolumeLocNotFound400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WALLPAPER_FILE_INVALID`: The provided file cannot be used as a wallpaper */
export declare class WallpaperFileInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WALLPAPER_INVALID`: The input wallpaper was not valid */
export declare class WallpaperInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WALLPAPER_MIME_INVALID`: The wallpaper mime type is invalid */
export declare class WallpaperMimeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WALLPAPER_NOT_FOUND`: The specified wallpaper could not be found. */
export declare class WallpaperNotFound extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WC_CONVERT_URL_INVALID`: WC convert URL invalid */
export declare class WcConvertUrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBDOCUMENT_INVALID`: The web document is invalid */
export declare class WebdocumentInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBDOCUMENT_MIME_INVALID`: The web document mime type is invalid */
export declare class WebdocumentMimeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBDOCUMENT_SIZE_TOO_BIG`: The web document is too big */
export declare class WebdocumentSizeTooBig extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBDOCUMENT_URL_EMPTY`: The web document URL is empty */
export declare class WebdocumentUrlEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBDOCUMENT_URL_INVALID`: The web document URL is invalid */
export declare class WebdocumentUrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBPAGE_CURL_FAILED`: Telegram server could not fetch the provided URL */
export declare class WebpageCurlFailed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBPAGE_MEDIA_EMPTY`: The URL doesn't contain any valid media */
export declare class WebpageMediaEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBPAGE_NOT_FOUND`: Webpage not found */
export declare class WebpageNotFound extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBPAGE_URL_INVALID`: Webpage url invalid */
export declare class WebpageUrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBPUSH_AUTH_INVALID`: The specified web push authentication secret is invalid */
export declare class WebpushAuthInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBPUSH_KEY_INVALID`: The specified web push elliptic curve Diffie-Hellman public key is invalid */
export declare class WebpushKeyInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `WEBPUSH_TOKEN_INVALID`: The specified web push token is invalid */
export declare class WebpushTokenInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `YOU_BLOCKED_USER`: You blocked this user */
export declare class YouBlockedUser extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORIES_NEVER_CREATED`: You have never created any stories */
export declare class StoriesNeverCreated extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_FORUM_MISSING`: The channel forum is missing */
export declare class ChannelForumMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TTL_PERIOD_INVALID`: The provided TTL period is invalid */
export declare class TtlPeriodInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOOSTS_REQUIRED`: The specified channel must first be boosted by its users in order to perform this action */
export declare class BoostsRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOOSTS_EMPTY`: You can't modify the icon of the General topic. */
export declare class BoostsEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOOST_NOT_MODIFIED`: You're already boosting the specified channel. */
export declare class BoostNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PAYMENT_REQUIRED`: The payment is required */
export declare class PaymentRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOOST_PEER_INVALID`: The specified `boost_peer` is invalid. */
export declare class BoostPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARS_AMOUNT_INVALID`: The specified `amount` is invalid. */
export declare class StarsAmountInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AD_EXPIRED`: The ad has expired (too old or not found). */
export declare class AdExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `AI_COMPOSE_TASK_MISSING`: The text composition style is missing. */
export declare class AiComposeTaskMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ANONYMOUS_OPEN_INVALID`: allow_adding_options is not supported for anonymous polls and quizzes. */
export declare class AnonymousOpenInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ANSWER_X_MEDIA_TYPE_INVALID`: The option media type at index {value} is invalid. */
export declare class AnswerMediaTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ATTACH_MEDIA_EMPTY`: The attached media is empty. */
export declare class AttachMediaEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ATTACH_MEDIA_TYPE_INVALID`: The attached_media is invalid. */
export declare class AttachMediaTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BALANCE_TOO_LOW`: The transaction cannot be completed because the current [Telegram Stars balance](https://core.telegram.org/api/stars) is too low. */
export declare class BalanceTooLow extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BIRTHDAY_ALREADY`: This user has already entered a birthday. */
export declare class BirthdayAlready extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_ALREADY_DISABLED`: The connected business bot was already disabled for the specified peer. */
export declare class BotAlreadyDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_APP_BOT_INVALID`: The bot_id passed in the inputBotAppShortName constructor is invalid. */
export declare class BotAppBotInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_APP_INVALID`: The specified bot app is invalid. */
export declare class BotAppInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_APP_SHORTNAME_INVALID`: The specified bot app short name is invalid. */
export declare class BotAppShortnameInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_BUSINESS_MISSING`: The specified bot is not a business bot (the [user](https://core.telegram.org/constructor/user).`bot_business` flag is not set). */
export declare class BotBusinessMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_FALLBACK_UNSUPPORTED`: The fallback flag can't be set for bots. */
export declare class BotFallbackUnsupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_NOT_CONNECTED_YET`: No [business bot](https://core.telegram.org/api/business#connected-bots) is connected to the currently logged in user. */
export declare class BotNotConnectedYet extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BOT_WEBVIEW_DISABLED`: A webview cannot be opened in the specified conditions: emitted for example if `from_bot_menu` or `url` are set and `peer` is not the chat with the bot. */
export declare class BotWebviewDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_CONNECTION_INVALID`: The business connection is invalid. */
export declare class BusinessConnectionInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_CONNECTION_NOT_ALLOWED`: This business connection is not allowed. */
export declare class BusinessConnectionNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_PEER_INVALID`: Messages can't be set to the specified peer through the current [business connection](https://core.telegram.org/api/business#connected-bots). */
export declare class BusinessPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_PEER_USAGE_MISSING`: You cannot send a message to a user through a [business connection](https://core.telegram.org/api/business#connected-bots) if the user hasn't recently contacted us. */
export declare class BusinessPeerUsageMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_RECIPIENTS_EMPTY`: You didn't set any flag in inputBusinessBotRecipients, thus the bot cannot work with *any* peer. */
export declare class BusinessRecipientsEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_RECIPIENTS_INVALID`: The specified inputBusinessBotRecipients is invalid. */
export declare class BusinessRecipientsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_WORK_HOURS_EMPTY`: No work hours were specified. */
export declare class BusinessWorkHoursEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUSINESS_WORK_HOURS_PERIOD_INVALID`: The specified work hours are invalid, see [here »](https://core.telegram.org/api/business#opening-hours) for the exact requirements. */
export declare class BusinessWorkHoursPeriodInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_COPY_TEXT_INVALID`: The specified [keyboardButtonCopy](https://core.telegram.org/constructor/keyboardButtonCopy).`copy_text` is invalid. */
export declare class ButtonCopyTextInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_INVALID`: The specified button is invalid. */
export declare class ButtonInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_POS_INVALID`: The position of one of the keyboard buttons is invalid (i.e. a Game or Pay button not in the first position, and so on...). */
export declare class ButtonPosInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `BUTTON_USER_INVALID`: The user_id passed to inputKeyboardButtonUserProfile is invalid!. */
export declare class ButtonUserInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CALL_OCCUPY_FAILED`: The call failed because the user is already making another call. */
export declare class CallOccupyFailed400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CALL_PROTOCOL_LAYER_INVALID`: The specified protocol layer version range is invalid. */
export declare class CallProtocolLayerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHANNEL_MONOFORUM_UNSUPPORTED`: You cannot use this method in direct chats. */
export declare class ChannelMonoforumUnsupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHARGE_ID_EMPTY`: The specified charge_id is empty. */
export declare class ChargeIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHARGE_ID_INVALID`: The specified charge_id is invalid. */
export declare class ChargeIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHATLINKS_TOO_MUCH`: Too many [business chat links](https://core.telegram.org/api/business#business-chat-links) were created, please delete some older links. */
export declare class ChatlinksTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHATLINK_SLUG_EMPTY`: The specified slug is empty. */
export declare class ChatlinkSlugEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHATLINK_SLUG_EXPIRED`: The specified [business chat link](https://core.telegram.org/api/business#business-chat-links) has expired. */
export declare class ChatlinkSlugExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHATLISTS_TOO_MUCH`: You have created too many folder links, hitting the `chatlist_invites_limit_default`/`chatlist_invites_limit_premium` [limits »](https://core.telegram.org/api/config#chatlist-invites-limit-default). */
export declare class ChatlistsTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_MEMBER_ADD_FAILED`: Could not add participants. */
export declare class ChatMemberAddFailed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CHAT_PUBLIC_REQUIRED`: You can only enable join requests in public groups. */
export declare class ChatPublicRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `COLLECTIBLE_INVALID`: The specified collectible is invalid. */
export declare class CollectibleInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `COLLECTIBLE_NOT_FOUND`: The specified collectible could not be found. */
export declare class CollectibleNotFound extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CONNECTION_ID_INVALID`: The specified connection ID is invalid. */
export declare class ConnectionIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CREDENTIAL_INVALID`: The credential is invalid. */
export declare class CredentialInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `CUSTOM_REACTIONS_TOO_MANY`: Too many custom reactions were specified. */
export declare class CustomReactionsTooMany extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DATA_HASH_SIZE_INVALID`: The size of the specified secureValueErrorData.data_hash is invalid. */
export declare class DataHashSizeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `DELETE_ANSWER_FORBIDDEN`: You cannot delete the specified option in this poll. */
export declare class DeleteAnswerForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EFFECT_ID_INVALID`: The specified effect id is invalid. */
export declare class EffectIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EMAIL_CODE_EMPTY`: The email code is empty. */
export declare class EmailCodeEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ENTITY_DATE_INVALID`: A specified date/time entity is invalid. */
export declare class EntityDateInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXPIRES_AT_INVALID`: The specified `expires_at` timestamp is invalid. */
export declare class ExpiresAtInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `EXTENDED_MEDIA_INVALID`: The specified paid media is invalid. */
export declare class ExtendedMediaInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FEATURE_DISABLED`: This feature is disabled. */
export declare class FeatureDisabled extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_PART_TOO_SMALL`: The size limit for the content of the file part has been exceeded. */
export declare class FilePartTooSmall extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_REFERENCE_X_EXPIRED`: The [file reference](https://core.telegram.org/api/file_reference) of the media file at index {value} in the passed media array expired, it must be refreshed. */
export declare class FileReferenceExpiredX extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_REFERENCE_X_INVALID`: The [file reference](https://core.telegram.org/api/file_reference) of the media file at index {value} in the passed media array is invalid. */
export declare class FileReferenceInvalidX extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILE_TOKEN_INVALID`: The master DC did not accept the `file_token` (e.g., the token has expired). Continue downloading the file from the master DC using upload.getFile. */
export declare class FileTokenInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FILTER_INCLUDE_TOO_MUCH`: You can't add more chats to this folder. */
export declare class FilterIncludeTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FLOODSKIP_NOT_ALLOWED`: You can't execute the specified action because in order to enable this feature [the following conditions](https://core.telegram.org/bots/faq#how-can-i-message-all-of-my-bot-39s-subscribers-at-once) must be satisfied. */
export declare class FloodskipNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FORM_EXPIRED`: The form was generated more than 10 minutes ago and has expired, please re-generate it using [payments.getPaymentForm](https://core.telegram.org/method/payments.getPaymentForm) and pass the new `form_id`. */
export declare class FormExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FORM_ID_EMPTY`: The specified form id is empty. */
export declare class FormIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FORM_SUBMIT_DUPLICATE`: The specified form is duplicated. */
export declare class FormSubmitDuplicate extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FORM_UNSUPPORTED`: The specified form is unsupported. Please update your client. */
export declare class FormUnsupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FROZEN_PARTICIPANT_MISSING`: The account is frozen and cannot access the chat participant. */
export declare class FrozenParticipantMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `FUTURE_CREATOR_NONE`: The future creator after leave is only applicable to supergroups. */
export declare class FutureCreatorNone extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GIFT_MONTHS_INVALID`: The value passed in invoice.inputInvoicePremiumGiftStars.months is invalid. */
export declare class GiftMonthsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GIFT_STARS_INVALID`: The specified amount of stars is invalid. */
export declare class GiftStarsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `GROUPCALL_FORBIDDEN`: The group call has already ended. */
export declare class GroupcallForbidden400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `HASHTAG_INVALID`: The specified hashtag is invalid. */
export declare class HashtagInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `HASH_SIZE_INVALID`: The size of the specified secureValueError.hash is invalid. */
export declare class HashSizeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ID_EXPIRED`: The passed prepared inline message ID has expired. */
export declare class IdExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ID_INVALID`: The passed ID is invalid. */
export declare class IdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `IMPORT_FORMAT_DATE_INVALID`: The date specified in the import file is invalid. */
export declare class ImportFormatDateInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `IMPORT_HISTORY_LOG_EMPTY`: The specified chat export file is empty or has an invalid indentation. */
export declare class ImportHistoryLogEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `IMPORT_TOKEN_INVALID`: The specified token is invalid. */
export declare class ImportTokenInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_CHATLIST_INVALID`: The specified folder is invalid. */
export declare class InputChatlistInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_FETCH_ERROR_X`: An error occurred while parsing the provided TL {value} constructor. */
export declare class InputFetchErrorX extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_FILE_INVALID`: The specified [InputFile](https://core.telegram.org/type/InputFile) is invalid. */
export declare class InputFileInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_PEERS_EMPTY`: The specified peer array is empty. */
export declare class InputPeersEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_PURPOSE_INVALID`: The specified payment purpose is invalid. */
export declare class InputPurposeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INPUT_STARS_NANOS_INVALID`: The specified stars nano amount is invalid. */
export declare class InputStarsNanosInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVITE_SLUG_INVALID`: The specified invite slug is invalid. */
export declare class InviteSlugInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `INVOICE_INVALID`: The specified invoice is invalid. */
export declare class InvoiceInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `LANGUAGE_INVALID`: The specified lang_code is invalid. */
export declare class LanguageInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MANAGER_INVALID`: The provided bot manager is invalid. Bot Management Mode should be enabled for the bot in the @BotFather Mini App. */
export declare class ManagerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MANAGER_PERMISSION_MISSING`: The bot manager permission is missing. Bot Management Mode should be enabled for the bot in the @BotFather Mini App. */
export declare class ManagerPermissionMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_ALREADY_PAID`: The specified paid media is already paid. */
export declare class MediaAlreadyPaid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEDIA_TYPE_INVALID`: The specified media type cannot be used in stories. */
export declare class MediaTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MEGAGROUP_GEO_REQUIRED`: This method can only be invoked on a geogroup. */
export declare class MegagroupGeoRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_NOT_READ_YET`: The specified message wasn't read yet. */
export declare class MessageNotReadYet extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MESSAGE_TOO_OLD`: The message is too old, the requested information is not available. */
export declare class MessageTooOld extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MONOFORUM_FILTER_INVALID`: The specified filter is invalid. */
export declare class MonoforumFilterInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MONTH_INVALID`: The number of months specified in inputInvoicePremiumGiftStars.months is invalid. */
export declare class MonthInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `MTPROTO_CLUSTER_INVALID`: The MTProto cluster is invalid. */
export declare class MtprotoClusterInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `NOT_ELIGIBLE`: The current user is not eligible to join the Peer-to-Peer Login Program. */
export declare class NotEligible400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `NOT_JOINED`: The current user hasn't joined the Peer-to-Peer Login Program. */
export declare class NotJoined extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `NO_PAYMENT_NEEDED`: The upgrade/transfer of the specified gift was already paid for or is free. */
export declare class NoPaymentNeeded extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `ORDER_INVALID`: The specified username order is invalid. */
export declare class OrderInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PACK_TYPE_INVALID`: The masks and emojis flags are mutually exclusive. */
export declare class PackTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PARENT_PEER_INVALID`: The specified `parent_peer` is invalid. */
export declare class ParentPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PASSKEY_CREDENTIAL_NOT_FOUND`: The passkey credential not found. */
export declare class PasskeyCredentialNotFound extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PASSWORD_RECOVERY_EXPIRED`: The recovery code has expired. */
export declare class PasswordRecoveryExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PAYMENT_CREDENTIALS_INVALID`: The specified payment credentials are invalid. */
export declare class PaymentCredentialsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PEERS_LIST_EMPTY`: The specified list of peers is empty. */
export declare class PeersListEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PEER_TYPES_INVALID`: The passed [keyboardButtonSwitchInline](https://core.telegram.org/constructor/keyboardButtonSwitchInline).`peer_types` field is invalid. */
export declare class PeerTypesInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PINNED_TOO_MUCH`: There are too many pinned topics, unpin some first. */
export declare class PinnedTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PLATFORM_INVALID`: "The provided platform is invalid. Allowed values are ""android"", ""ios"", ""wp"", ""bb"", ""desktop"", ""web"", ""ubp"", ""other""." */
export declare class PlatformInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PRECHECKOUT_FAILED`: Precheckout failed. Probably you don't have enough funds to complete the purchase. */
export declare class PrecheckoutFailed400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PUBLIC_BROADCAST_EXPECTED`: A public channel was expected, but something else was provided. */
export declare class PublicBroadcastExpected extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `PURPOSE_INVALID`: The specified payment purpose is invalid. */
export declare class PurposeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUICK_REPLIES_BOT_NOT_ALLOWED`: [Quick replies](https://core.telegram.org/api/business#quick-reply-shortcuts) cannot be used by bots. */
export declare class QuickRepliesBotNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUICK_REPLIES_TOO_MUCH`: A maximum of [appConfig.`quick_replies_limit`](https://core.telegram.org/api/config#quick-replies-limit) shortcuts may be created, the limit was reached. */
export declare class QuickRepliesTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `QUOTE_TEXT_INVALID`: The specified quote text is invalid. */
export declare class QuoteTextInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RAISE_HAND_FORBIDDEN`: You cannot raise your hand. */
export declare class RaiseHandForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RANDOM_ID_EXPIRED`: The specified `random_id` was expired (most likely it didn't follow the required `uint64_t random_id = (time() << 32) | ((uint64_t)random_uint32_t())` format, or the specified time is too far in the past). */
export declare class RandomIdExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RANK_INVALID`: The specified member tag is invalid. */
export declare class RankInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REACTIONS_COUNT_INVALID`: The count of the reactions should be less than `stars_paid_reaction_amount_max` stars, you can't react with more number of stars, see [the docs for more info](https://core.telegram.org/api/config#client-configuration). */
export declare class ReactionsCountInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RECEIPT_EMPTY`: The specified receipt is empty. */
export declare class ReceiptEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_MESSAGES_TOO_MUCH`: Each shortcut can contain a maximum of [appConfig.`quick_reply_messages_limit`](https://core.telegram.org/api/config#quick-reply-messages-limit) messages, the limit was reached. */
export declare class ReplyMessagesTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_TO_INVALID`: The specified `reply_to` field is invalid. */
export declare class ReplyToInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_TO_MONOFORUM_PEER_INVALID`: The specified `reply_to` field is invalid. */
export declare class ReplyToMonoforumPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REPLY_TO_USER_INVALID`: The replied-to user is invalid. */
export declare class ReplyToUserInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `REQUEST_TOKEN_INVALID`: The master DC did not accept the `request_token` from the CDN DC. Continue downloading the file from the master DC using upload.getFile. */
export declare class RequestTokenInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RINGTONE_INVALID`: The specified ringtone is invalid. */
export declare class RingtoneInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `RINGTONE_MIME_INVALID`: The MIME type for the ringtone is invalid. */
export declare class RingtoneMimeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SAVED_DIALOGS_UNSUPPORTED`: You cannot use this method. */
export declare class SavedDialogsUnsupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SAVED_ID_EMPTY`: The passed inputSavedStarGiftChat.saved_id is empty. */
export declare class SavedIdEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SAVED_PEER_INVALID`: The saved peer is invalid. */
export declare class SavedPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SECURE_SECRET_REQUIRED`: A secure secret is required. */
export declare class SecureSecretRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SELF_DELETE_RESTRICTED`: Business bots can't delete messages just for the user, `revoke` **must** be set. */
export declare class SelfDeleteRestricted extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SEND_MESSAGE_GAME_INVALID`: An inputBotInlineMessageGame can only be contained in an inputBotInlineResultGame, not in an inputBotInlineResult/inputBotInlineResultPhoto/etc. */
export declare class SendMessageGameInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SHORTCUT_INVALID`: The specified shortcut is invalid. */
export declare class ShortcutInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SLOTS_EMPTY`: The specified slot list is empty. */
export declare class SlotsEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SLUG_INVALID`: The specified invoice slug is invalid. */
export declare class SlugInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SMSJOB_ID_INVALID`: The specified job ID is invalid. */
export declare class SmsjobIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SOLUTION_MEDIA_EMPTY`: The solution_media is empty. */
export declare class SolutionMediaEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SOLUTION_MEDIA_TYPE_INVALID`: The solution_media is invalid. */
export declare class SolutionMediaTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SRP_A_INVALID`: The specified inputCheckPasswordSRP.A value is invalid. */
export declare class SrpAInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_ALREADY_BURNED`: The provided gift is already burned. */
export declare class StargiftAlreadyBurned extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_ALREADY_REFUNDED`: The specified star gift was already refunded. */
export declare class StargiftAlreadyRefunded extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_ALREADY_TRANSFERRED`: The provided star gift is already transferred. */
export declare class StargiftAlreadyTransferred extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_ATTRIBUTE_INVALID`: The provided gift attribute is invalid. */
export declare class StargiftAttributeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_CONVERT_TOO_OLD`: This gift can no longer be converted into stars. */
export declare class StargiftConvertTooOld extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_EXPORT_UNAVAILABLE`: This gift is not available for export yet. */
export declare class StargiftExportUnavailable extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_INVALID`: The passed [inputInvoiceStarGift](https://core.telegram.org/constructor/inputInvoiceStarGift) is invalid. */
export declare class StargiftInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_MESSAGE_INVALID`: The provided message for this gift is invalid. */
export declare class StargiftMessageInvalid400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_NOT_FOUND`: The specified star gift was not found. */
export declare class StargiftNotFound extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_NOT_OWNER`: You can't control this gift because it doesn't belong to you. */
export declare class StargiftNotOwner extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_OWNER_INVALID`: The specified gift owner is invalid. */
export declare class StargiftOwnerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_PEER_INVALID`: The specified inputSavedStarGiftChat.peer is invalid. */
export declare class StargiftPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_RESELL_CURRENCY_NOT_ALLOWED`: The currency provided for gift resell is not allowed. */
export declare class StargiftResellCurrencyNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_RESELL_NOT_ALLOWED`: You can't buy this gift. Someone else may have already bought it or this gift is not for sale. */
export declare class StargiftResellNotAllowed extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_RESELL_TOO_EARLY_X`: A wait of {value} seconds is required to resell this gift. */
export declare class StargiftResellTooEarly extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_SLUG_INVALID`: The provided star gift slug is invalid (must match the format CollectionName-123). */
export declare class StargiftSlugInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_TRANSFER_TOO_EARLY_X`: A wait of {value} seconds is required to transfer this gift. */
export declare class StargiftTransferTooEarly extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_UPGRADE_UNAVAILABLE`: Gift is not available for upgrade yet. */
export declare class StargiftUpgradeUnavailable extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARGIFT_USER_USAGE_LIMITED`: You've reached the starGift.limited_per_user limit, you can't buy any more gifts of this type. */
export declare class StargiftUserUsageLimited extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARREF_AWAITING_END`: The previous referral program was terminated less than 24 hours ago: further changes can be made after the date specified in userFull.starref_program.end_date. */
export declare class StarrefAwaitingEnd extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARREF_EXPIRED`: The specified referral link is expired. */
export declare class StarrefExpired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARREF_HASH_REVOKED`: The specified affiliate link was already revoked. */
export declare class StarrefHashRevoked extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARREF_MONTHS_TOO_LOW`: The `duration_months` parameter must be between 0 and 36. */
export declare class StarrefMonthsTooLow extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARREF_PERMILLE_INVALID`: The specified commission_permille is invalid: the minimum and maximum values for this parameter are contained in the [starref_min_commission_permille](https://core.telegram.org/api/config#starref-min-commission-permille) and [starref_max_commission_permille](https://core.telegram.org/api/config#starref-max-commission-permille) client configuration parameters. */
export declare class StarrefPermilleInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARREF_PERMILLE_TOO_LOW`: The specified commission_permille is too low: the minimum and maximum values for this parameter are contained in the [starref_min_commission_permille](https://core.telegram.org/api/config#starref-min-commission-permille) and [starref_max_commission_permille](https://core.telegram.org/api/config#starref-max-commission-permille) client configuration parameters. */
export declare class StarrefPermilleTooLow extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARS_FORM_AMOUNT_MISMATCH`: The stars form amount mismatch. */
export declare class StarsFormAmountMismatch400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARS_INVOICE_INVALID`: The specified Telegram Star invoice is invalid. */
export declare class StarsInvoiceInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STARS_PAYMENT_REQUIRED`: To import this chat invite link, you must first [pay for the associated Telegram Star subscription »](https://core.telegram.org/api/subscriptions#channel-subscriptions). */
export declare class StarsPaymentRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STICKER_THUMB_TGS_NOTGS`: Incorrect stickerset TGS thumb file provided. */
export declare class StickerThumbTgsNotgs extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORAGE_KEY_REQUIRED`: A cloud storage key is required. */
export declare class StorageKeyRequired extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORY_LIVE_ALREADY_X`: The user or the chat has an active live story with identifier {value}. */
export declare class StoryLiveAlready extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `STORY_PUBLIC_MISSING`: The story you are trying to access or manipulate is not publicly available. */
export declare class StoryPublicMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SUBSCRIPTION_EXPORT_MISSING`: You cannot send a [bot subscription invoice](https://core.telegram.org/api/subscriptions#bot-subscriptions) directly, you may only create invoice links using [payments.exportInvoice](https://core.telegram.org/method/payments.exportInvoice). */
export declare class SubscriptionExportMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SUBSCRIPTION_ID_INVALID`: The specified subscription_id is invalid. */
export declare class SubscriptionIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SUGGESTED_POST_AMOUNT_INVALID`: The specified price for the suggested post is invalid. */
export declare class SuggestedPostAmountInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SUGGESTED_POST_PEER_INVALID`: You cannot send suggested posts to non-[monoforum](https://core.telegram.org/api/monoforum) peers. */
export declare class SuggestedPostPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `SWITCH_WEBVIEW_URL_INVALID`: The URL specified in switch_webview.url is invalid!. */
export declare class SwitchWebviewUrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TASK_ALREADY_EXISTS`: An email reset was already requested. */
export declare class TaskAlreadyExists extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TERMS_URL_INVALID`: The specified [invoice](https://core.telegram.org/constructor/invoice).`terms_url` is invalid. */
export declare class TermsUrlInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TEXTDRAFT_PEER_INVALID`: The specified peer is invalid. */
export declare class TextdraftPeerInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `THEME_PARAMS_INVALID`: The specified `theme_params` field is invalid. */
export declare class ThemeParamsInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `THEME_SLUG_INVALID`: The specified theme slug is invalid. */
export declare class ThemeSlugInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TIMEZONE_INVALID`: The specified timezone does not exist. */
export declare class TimezoneInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TODO_ITEMS_EMPTY`: A checklist was specified, but no [checklist items](https://core.telegram.org/api/todo) were passed. */
export declare class TodoItemsEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TODO_ITEM_DUPLICATE`: The provided ToDo task already exists. */
export declare class TodoItemDuplicate extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TODO_NOT_MODIFIED`: No todo items were specified, so no changes were made to the todo list. */
export declare class TodoNotModified extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOKEN_EMPTY`: The specified token is empty. */
export declare class TokenEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOKEN_SECRET_INVALID`: The specified token secret is invalid. */
export declare class TokenSecretInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOKEN_TYPE_INVALID`: The specified token type is invalid. */
export declare class TokenTypeInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TOPICS_EMPTY`: You specified no topic IDs. */
export declare class TopicsEmpty extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TO_ID_INVALID`: The specified `to_id` of the passed inputInvoiceStarGiftResale or inputInvoiceStarGiftTransfer is invalid. */
export declare class ToIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TRANSACTION_ID_INVALID`: The specified transaction ID is invalid. */
export declare class TransactionIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TRANSLATE_REQ_QUOTA_EXCEEDED`: Translation is currently unavailable due to a temporary server-side lack of resources. */
export declare class TranslateReqQuotaExceeded extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TRANSLATIONS_DISABLED`: Translation is disabled. */
export declare class TranslationsDisabled400 extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `TRANSLATIONS_DISABLED_ALT`: Translation is disabled. */
export declare class TranslationsDisabledAlt extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `UNSUPPORTED`: This method is not supported. */
export declare class Unsupported extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERNAMES_ACTIVE_TOO_MUCH`: The maximum number of active usernames was reached. */
export declare class UsernamesActiveTooMuch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USERNAME_SUFFIX_MISSING`: Bot username must end in `bot`. */
export declare class UsernameSuffixMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_GIFT_UNAVAILABLE`: Gifts are not available in the current region ([stars_gifts_enabled](https://core.telegram.org/api/config#stars-gifts-enabled) is equal to false). */
export declare class UserGiftUnavailable extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_HANDLE_MISMATCH`: The user handle mismatch. */
export declare class UserHandleMismatch extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `USER_RIGHTS_MISSING`: The user rights is missing. */
export declare class UserRightsMissing extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `VENUE_ID_INVALID`: The specified venue ID is invalid. */
export declare class VenueIdInvalid extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `VIDEO_PAUSE_FORBIDDEN`: You cannot pause the video stream. */
export declare class VideoPauseForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 400 `VIDEO_STOP_FORBIDDEN`: You cannot stop the video stream. */
export declare class VideoStopForbidden extends BadRequest {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** Base of the RPC errors with code 401. */
export declare class Unauthorized extends RpcError {
  static readonly CODE: number;
}
/** 401 `ACTIVE_USER_REQUIRED`: The method is only available to already activated users */
export declare class ActiveUserRequired extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 401 `AUTH_KEY_INVALID`: The key is invalid */
export declare class AuthKeyInvalid extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 401 `AUTH_KEY_PERM_EMPTY`: The method is unavailable for temporary authorization key, not bound to permanent */
export declare class AuthKeyPermEmpty extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 401 `AUTH_KEY_UNREGISTERED`: The key is not registered in the system. Delete your session file and login again */
export declare class AuthKeyUnregistered extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 401 `SESSION_EXPIRED`: The authorization has expired */
export declare class SessionExpired extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 401 `SESSION_PASSWORD_NEEDED`: The two-step verification is enabled and a password is required */
export declare class SessionPasswordNeeded extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 401 `SESSION_REVOKED`: The authorization has been invalidated, because of the user terminating all sessions */
export declare class SessionRevoked extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 401 `USER_DEACTIVATED`: The user has been deleted/deactivated */
export declare class UserDeactivated extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 401 `USER_DEACTIVATED_BAN`: The user has been deleted/deactivated */
export declare class UserDeactivatedBan extends Unauthorized {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** Base of the RPC errors with code 403. */
export declare class Forbidden extends RpcError {
  static readonly CODE: number;
}
/** 403 `BROADCAST_FORBIDDEN`: The request can't be used in channels */
export declare class BroadcastForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHANNEL_PUBLIC_GROUP_NA`: The channel/supergroup is not available */
export declare class ChannelPublicGroupNa extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_ADMIN_INVITE_REQUIRED`: You don't have rights to invite other users */
export declare class ChatAdminInviteRequired extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_ADMIN_REQUIRED`: The method requires chat admin privileges */
export declare class ChatAdminRequired403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_FORBIDDEN`: You cannot write in this chat */
export declare class ChatForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_GUEST_SEND_FORBIDDEN`: You need to join the discussion group before commentingr */
export declare class ChatGuestSendForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `EDIT_BOT_INVITE_FORBIDDEN`: Bots' chat invite links can't be edited */
export declare class EditBotInviteForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `INLINE_BOT_REQUIRED`: The action must be performed through an inline bot callback */
export declare class InlineBotRequired extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `MESSAGE_AUTHOR_REQUIRED`: You are not the author of this message */
export declare class MessageAuthorRequired extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `MESSAGE_DELETE_FORBIDDEN`: You don't have rights to delete messages in this chat, most likely because you are not the author of them */
export declare class MessageDeleteForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `NOT_ALLOWED`: Not allowed */
export declare class NotAllowed extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `NOT_ELIGIBLE`: You are not eligible for this action */
export declare class NotEligible403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `PARTICIPANT_JOIN_MISSING`: Trying to enable a presentation, when the user hasn't joined the Video Chat with phone.joinGroupCall */
export declare class ParticipantJoinMissing403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `POLL_VOTE_REQUIRED`: Cast a vote in the poll before calling this method */
export declare class PollVoteRequired403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `PREMIUM_ACCOUNT_REQUIRED`: This action requires a premium account */
export declare class PremiumAccountRequired403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `PRIVACY_PREMIUM_REQUIRED`: The user has restricted from sending messages OR This action requires a premium account */
export declare class PrivacyPremiumRequired403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `PUBLIC_CHANNEL_MISSING`: You can only export group call invite links for public chats or channels */
export declare class PublicChannelMissing extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `RIGHT_FORBIDDEN`: You don't have enough rights for this action, or you tried to set one or more admin rights that can't be applied to this kind of chat (channel or supergroup) */
export declare class RightForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `SENSITIVE_CHANGE_FORBIDDEN`: Your sensitive content settings can't be changed at this time */
export declare class SensitiveChangeForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `TAKEOUT_REQUIRED`: The method must be invoked inside a takeout session */
export declare class TakeoutRequired403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_BOT_INVALID`: This method can only be called by a bot */
export declare class UserBotInvalid403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_CHANNELS_TOO_MUCH`: One of the users you tried to add is already in too many channels/supergroups */
export declare class UserChannelsTooMuch403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_DELETED`: You can't send this secret message because the other participant deleted their account */
export declare class UserDeleted extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_INVALID`: The provided user is invalid */
export declare class UserInvalid403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_IS_BLOCKED`: The user is blocked */
export declare class UserIsBlocked403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_NOT_MUTUAL_CONTACT`: The provided user is not a mutual contact */
export declare class UserNotMutualContact403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_PRIVACY_RESTRICTED`: The user's privacy settings is preventing you to perform this action */
export declare class UserPrivacyRestricted extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_RESTRICTED`: You are limited/restricted. You can't perform this action */
export declare class UserRestricted403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_AUDIOS_FORBIDDEN`: You can't send audio messages in this chat */
export declare class ChatSendAudiosForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_DOCS_FORBIDDEN`: You can't send a documents to this chat */
export declare class ChatSendDocsForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_GAME_FORBIDDEN`: You can't send a game to this chat */
export declare class ChatSendGameForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_GIFS_FORBIDDEN`: You can't send gifs in this chat */
export declare class ChatSendGifsForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_INLINE_FORBIDDEN`: You can't use inline bot to send messages in this chat */
export declare class ChatSendInlineForbidden403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_MEDIA_FORBIDDEN`: You can't send media in this chat */
export declare class ChatSendMediaForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_PHOTOS_FORBIDDEN`: You can't send photos in this chat */
export declare class ChatSendPhotosForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_PLAIN_FORBIDDEN`: You can't send non-media (text) messages in this chat */
export declare class ChatSendPlainForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_POLL_FORBIDDEN`: You can't send polls in this chat */
export declare class ChatSendPollForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_STICKERS_FORBIDDEN`: You can't send stickers in this chat */
export declare class ChatSendStickersForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_VIDEOS_FORBIDDEN`: You can't send videos in this chat */
export declare class ChatSendVideosForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_VOICES_FORBIDDEN`: You can't send voice recordings in this chat */
export declare class ChatSendVoicesForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_WRITE_FORBIDDEN`: You can't write in this chat */
export declare class ChatWriteForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `GROUPCALL_ALREADY_STARTED`: The groupcall has already started, you can join directly using phone.joinGroupCall */
export declare class GroupcallAlreadyStarted extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `GROUPCALL_FORBIDDEN`: The group call has already ended */
export declare class GroupcallForbidden403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `LIVE_DISABLED`: Story is disabled server-side */
export declare class LiveDisabled extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `ALLOW_PAYMENT_REQUIRED_X`: Payment of {value} stars is required to perform this action */
export declare class AllowPaymentRequiredX extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `ACCESS_DENIED`: You cannot perform this request. */
export declare class AccessDenied extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `ANONYMOUS_REACTIONS_DISABLED`: Sorry, anonymous administrators cannot leave reactions or participate in polls. */
export declare class AnonymousReactionsDisabled extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `BOT_ACCESS_FORBIDDEN`: You can't access this bot. */
export declare class BotAccessForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `BOT_FORUM_CREATE_FORBIDDEN`: This bot prevents users from creating or deleting topics. */
export declare class BotForumCreateForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `BOT_OWNER_REQUIRED`: You must be the owner of the bot to perform this action. */
export declare class BotOwnerRequired extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `BOT_VERIFIER_FORBIDDEN`: This bot cannot assign [verification icons](https://core.telegram.org/api/bots/verification). */
export declare class BotVerifierForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_ACTION_FORBIDDEN`: You cannot execute this action. */
export declare class ChatActionForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_ROUNDVIDEOS_FORBIDDEN`: You can't send video notes in this chat. */
export declare class ChatSendRoundvideosForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_SEND_WEBPAGE_FORBIDDEN`: You can't send web pages in this chat. */
export declare class ChatSendWebpageForbidden extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `CHAT_TYPE_INVALID`: The specified chat type is invalid. */
export declare class ChatTypeInvalid extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `PEER_ID_INVALID`: The provided peer id is invalid. */
export declare class PeerIdInvalid403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `RECAPTCHA_CHECK_X`: The request can't be completed unless reCAPTCHA verification {value} is performed. */
export declare class RecaptchaCheck extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `STARGIFT_CONVERT_BOT_NOT_ALLOWED`: You can't convert this gift to stars. */
export declare class StargiftConvertBotNotAllowed extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_DISALLOWED_STARGIFTS`: You can't send gifts to this user due to their privacy settings. */
export declare class UserDisallowedStargifts extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_NOT_PARTICIPANT`: You're not a member of this supergroup/channel. */
export declare class UserNotParticipant403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `USER_PERMISSION_DENIED`: The user hasn't granted or has revoked the bot's access to change their emoji status using [bots.toggleUserEmojiStatusPermission](https://core.telegram.org/method/bots.toggleUserEmojiStatusPermission). */
export declare class UserPermissionDenied extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `VOICE_MESSAGES_FORBIDDEN`: This user's privacy settings forbid you from sending voice messages. */
export declare class VoiceMessagesForbidden403 extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 403 `YOUR_PRIVACY_RESTRICTED`: You cannot fetch the read date of this message because you have disallowed other users to do so for *your* messages; to fix, allow other users to see *your* exact last online date OR purchase a [Telegram Premium](https://core.telegram.org/api/premium) subscription. */
export declare class YourPrivacyRestricted extends Forbidden {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** Base of the RPC errors with code 406. */
export declare class NotAcceptable extends RpcError {
  static readonly CODE: number;
}
/** 406 `AUTH_KEY_DUPLICATED`: The same authorization key (session file) was used in more than one place simultaneously. You must delete your session file and log in again with your phone number or bot token */
export declare class AuthKeyDuplicated extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `CHANNEL_PRIVATE`: The channel/supergroup is not accessible */
export declare class ChannelPrivate406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `CHANNEL_TOO_LARGE`: Сhannel is too large to be deleted. Contact support for removal */
export declare class ChannelTooLarge406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `CHAT_FORWARDS_RESTRICTED`: You can't forward messages from a protected chat */
export declare class ChatForwardsRestricted406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `FILEREF_UPGRADE_NEEDED`: The file reference has expired and you must use a refreshed one by obtaining the original media message */
export declare class FilerefUpgradeNeeded extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `FRESH_CHANGE_ADMINS_FORBIDDEN`: You were just elected admin, you can't add or modify other admins yet */
export declare class FreshChangeAdminsForbidden406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `FRESH_CHANGE_PHONE_FORBIDDEN`: You can't change your phone number because your session was logged-in recently */
export declare class FreshChangePhoneForbidden extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `FRESH_RESET_AUTHORISATION_FORBIDDEN`: You can't terminate other authorized sessions because the current was logged-in recently */
export declare class FreshResetAuthorisationForbidden extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `GIFTCODE_NOT_ALLOWED`: Giftcode not allowed */
export declare class GiftcodeNotAllowed extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `INVITE_HASH_EXPIRED`: The chat the user tried to join has expired and is not valid anymore */
export declare class InviteHashExpired406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PHONE_NUMBER_INVALID`: The phone number is invalid */
export declare class PhoneNumberInvalid406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PHONE_PASSWORD_FLOOD`: You have tried to log-in too many times */
export declare class PhonePasswordFlood extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PREMIUM_CURRENTLY_UNAVAILABLE`: Premium currently unavailable */
export declare class PremiumCurrentlyUnavailable extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN`: Similar to a flood wait, must wait {value} minutes */
export declare class PreviousChatImportActiveWaitXmin extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `SEND_CODE_UNAVAILABLE`: Returned when all available options for this type of number were already used (e.g. flash-call, then SMS, then this error might be returned to trigger a second resend) */
export declare class SendCodeUnavailable extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PREMIUM_GIFTCODE_WAS_REFUNDED`: This gift code can't be redeemed because the giveaway organizer requested a refund */
export declare class PremiumGiftcodeWasRefunded406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `STICKERSET_INVALID`: The sticker set is invalid */
export declare class StickersetInvalid406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `STICKERSET_OWNER_ANONYMOUS`: This sticker set can't be used as the group's sticker set because it was created by one of its anonymous admins */
export declare class StickersetOwnerAnonymous extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `UPDATE_APP_TO_LOGIN`: Update app to login */
export declare class UpdateAppToLogin extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `USERPIC_PRIVACY_REQUIRED`: You need to disable privacy settings for your profile picture in order to make your geolocation public */
export declare class UserpicPrivacyRequired extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `USERPIC_UPLOAD_REQUIRED`: You must have a profile picture to publish your geolocation */
export declare class UserpicUploadRequired406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `USER_RESTRICTED`: You are limited/restricted. You can't perform this action */
export declare class UserRestricted406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `AICOMPOSE_ERROR_OCCURED`: The composeTextWithAi method encountered an error. */
export declare class AicomposeErrorOccured extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `ALLOW_PAYMENT_REQUIRED`: This peer only accepts [paid messages](https://core.telegram.org/api/paid-messages): this error is only emitted for older layers without paid messages support, so the client must be updated in order to use paid messages. */
export declare class AllowPaymentRequired extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `API_GIFT_RESTRICTED_UPDATE_APP`: Please update your Telegram app to send this gift. */
export declare class ApiGiftRestrictedUpdateApp extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `BANNED_RIGHTS_INVALID`: You provided some invalid flags in the banned rights. */
export declare class BannedRightsInvalid406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `BOT_PRECHECKOUT_FAILED`: Bot precheckout is failed. */
export declare class BotPrecheckoutFailed extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `BUSINESS_ADDRESS_ACTIVE`: The user is currently advertising a [Business Location](https://core.telegram.org/api/business#location), the location may only be changed (or removed) using [account.updateBusinessLocation »](https://core.telegram.org/method/account.updateBusinessLocation). */
export declare class BusinessAddressActive extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `CALL_PROTOCOL_COMPAT_LAYER_INVALID`: The other side of the call does not support any of the VoIP protocols supported by the local client, as specified by the `protocol.layer` and `protocol.library_versions` fields. */
export declare class CallProtocolCompatLayerInvalid extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PAYMENT_UNSUPPORTED`: A detailed description of the error will be received separately as described [here »](https://core.telegram.org/api/errors#406-not-acceptable). */
export declare class PaymentUnsupported extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PEER_ID_INVALID`: The provided peer id is invalid. */
export declare class PeerIdInvalid406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PRECHECKOUT_FAILED`: Precheckout is failed. */
export declare class PrecheckoutFailed406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `PRIVACY_PREMIUM_REQUIRED`: You need a [Telegram Premium subscription](https://core.telegram.org/api/premium) to send a message to this user. */
export declare class PrivacyPremiumRequired406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `STARGIFT_EXPORT_IN_PROGRESS`: You can't send this gift at the moment as the withdrawal process to the blockchain has already started. */
export declare class StargiftExportInProgress extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `STARGIFT_MESSAGE_INVALID`: The provided message for this gift is invalid. */
export declare class StargiftMessageInvalid406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `STARGIFT_USAGE_LIMITED`: Star gift usage limited. */
export declare class StargiftUsageLimited406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `STARS_FORM_AMOUNT_MISMATCH`: Stars form amount mismatch. */
export declare class StarsFormAmountMismatch406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `TOPIC_CLOSED`: This topic was closed, you can't send messages to it anymore. */
export declare class TopicClosed406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `TOPIC_DELETED`: The specified topic was deleted. */
export declare class TopicDeleted406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 406 `TRANSLATIONS_DISABLED`: Translations are unavailable, a detailed and localized description for the error will be emitted via an [updateServiceNotification as specified here](https://core.telegram.org/api/errors#406-not-acceptable). */
export declare class TranslationsDisabled406 extends NotAcceptable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** Base of the RPC errors with code 420. */
export declare class Flood extends RpcError {
  static readonly CODE: number;
}
/** 420 `2FA_CONFIRM_WAIT_X`: A wait of {value} seconds is required because this account is active and protected by a 2FA password */
export declare class TwoFaConfirmWait extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `FLOOD_TEST_PHONE_WAIT_X`: A wait of {value} seconds is required in the test servers */
export declare class FloodTestPhoneWait extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `FLOOD_WAIT_X`: A wait of {value} seconds is required */
export declare class FloodWait extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `FLOOD_PREMIUM_WAIT_X`: A wait of {value} seconds is required */
export declare class FloodPremiumWait extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `PREMIUM_SUB_ACTIVE_UNTIL_X`: A wait of {value} seconds is required */
export declare class PremiumSubActiveUntil extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `SLOWMODE_WAIT_X`: A wait of {value} seconds is required to send messages in this chat */
export declare class SlowmodeWait extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `STORY_SEND_FLOOD_X`: A wait of {value} seconds is required to continue posting stories */
export declare class StorySendFlood extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `TAKEOUT_INIT_DELAY_X`: You have to confirm the data export request using one of your mobile devices or wait {value} seconds */
export declare class TakeoutInitDelay extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `ADDRESS_INVALID`: The specified geopoint address is invalid. */
export declare class AddressInvalid420 extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 420 `FROZEN_METHOD_INVALID`: The method can't be used by frozen account. You can appeal via @SpamBot if you believe this was a mistake. */
export declare class FrozenMethodInvalid extends Flood {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** Base of the RPC errors with code 500. */
export declare class InternalServerError extends RpcError {
  static readonly CODE: number;
}
/** 500 `API_CALL_ERROR`: API call error due to Telegram having internal problems. Please try again later */
export declare class ApiCallError500 extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `AUTH_RESTART`: User authorization has restarted */
export declare class AuthRestart extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CALL_OCCUPY_FAILED`: The call failed because the user is already making another call */
export declare class CallOccupyFailed500 extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CHAT_ID_GENERATE_FAILED`: Failure while generating the chat ID due to Telegram having internal problems. Please try again later */
export declare class ChatIdGenerateFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CHAT_OCCUPY_LOC_FAILED`: An internal error occurred while creating the chat */
export declare class ChatOccupyLocFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CHAT_OCCUPY_USERNAME_FAILED`: Failure to occupy chat username due to Telegram having internal problems. Please try again later */
export declare class ChatOccupyUsernameFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CHP_CALL_FAIL`: Telegram is having internal problems. Please try again later */
export declare class ChpCallFail extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `ENCRYPTION_OCCUPY_ADMIN_FAILED`: Failed occupying memory for admin info due to Telegram having internal problems. Please try again later */
export declare class EncryptionOccupyAdminFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `ENCRYPTION_OCCUPY_FAILED`: Internal server error while accepting secret chat */
export declare class EncryptionOccupyFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `FOLDER_DEAC_AUTOFIX_ALL`: Telegram is having internal problems. Please try again later */
export declare class FolderDeacAutofixAll extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `GROUPCALL_ADD_PARTICIPANTS_FAILED`: Failure while adding voice chat member due to Telegram having internal problems. Please try again later */
export declare class GroupcallAddParticipantsFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `GROUPED_ID_OCCUPY_FAILED`: Telegram is having internal problems. Please try again later */
export declare class GroupedIdOccupyFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `HISTORY_GET_FAILED`: The chat history couldn't be retrieved due to Telegram having internal problems. Please try again later */
export declare class HistoryGetFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `IMAGE_ENGINE_DOWN`: Image engine down due to Telegram having internal problems. Please try again later */
export declare class ImageEngineDown extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `INTERDC_X_CALL_ERROR`: An error occurred while Telegram was intercommunicating with DC{value}. Please try again later */
export declare class InterdcCallError extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `INTERDC_X_CALL_RICH_ERROR`: A rich error occurred while Telegram was intercommunicating with DC{value}. Please try again later */
export declare class InterdcCallRichError extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `MEMBER_FETCH_FAILED`: Telegram is having internal problems. Please try again later */
export declare class MemberFetchFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `MEMBER_NO_LOCATION`: Couldn't find the member's location due to Telegram having internal problems. Please try again later */
export declare class MemberNoLocation extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `MEMBER_OCCUPY_PRIMARY_LOC_FAILED`: Telegram is having internal problems. Please try again later */
export declare class MemberOccupyPrimaryLocFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `MEMBER_OCCUPY_USERNAME_FAILED`: Failure to occupy member username due to Telegram having internal problems. Please try again later */
export declare class MemberOccupyUsernameFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `MSGID_DECREASE_RETRY`: Telegram is having internal problems. Please try again later */
export declare class MsgidDecreaseRetry extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `MSG_RANGE_UNSYNC`: Message range unsynchronized due to Telegram having internal problems. Please try again later */
export declare class MsgRangeUnsync extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `MT_SEND_QUEUE_TOO_LONG`: The MTProto send queue has grown too much due to Telegram having internal problems. Please try again later */
export declare class MtSendQueueTooLong extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `NEED_CHAT_INVALID`: The provided chat is invalid */
export declare class NeedChatInvalid extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `NEED_MEMBER_INVALID`: The provided member is invalid or does not exist */
export declare class NeedMemberInvalid extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `No workers running`: The Telegram server is restarting its workers. Try again later. */
export declare class NoWorkersRunning extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `PARTICIPANT_CALL_FAILED`: Failure while making call due to Telegram having internal problems. Please try again later */
export declare class ParticipantCallFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `PERSISTENT_TIMESTAMP_OUTDATED`: The persistent timestamp is outdated due to Telegram having internal problems. Please try again later */
export declare class PersistentTimestampOutdated extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `PHOTO_CREATE_FAILED`: The creation of the photo failed due to Telegram having internal problems. Please try again later */
export declare class PhotoCreateFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `POSTPONED_TIMEOUT`: Telegram is having internal problems. Please try again later */
export declare class PostponedTimeout extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `PTS_CHANGE_EMPTY`: No PTS change */
export declare class PtsChangeEmpty extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `RANDOM_ID_DUPLICATE`: You provided a random ID that was already used */
export declare class RandomIdDuplicate extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `REG_ID_GENERATE_FAILED`: The registration id failed to generate due to Telegram having internal problems. Please try again later */
export declare class RegIdGenerateFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `RPC_CALL_FAIL`: Telegram is having internal problems. Please try again later */
export declare class RpcCallFail extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `RPC_CONNECT_FAILED`: Telegram is having internal problems. Please try again later */
export declare class RpcConnectFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `RPC_MCGET_FAIL`: Telegram is having internal problems. Please try again later */
export declare class RpcMcgetFail extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `SIGN_IN_FAILED`: Failure while signing in due to Telegram having internal problems. Please try again later */
export declare class SignInFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `STORAGE_CHECK_FAILED`: Server storage check failed due to Telegram having internal problems. Please try again later */
export declare class StorageCheckFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `STORE_INVALID_SCALAR_TYPE`: Telegram is having internal problems. Please try again later */
export declare class StoreInvalidScalarType extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `TIMEOUT`: A timeout occurred while fetching data from the worker */
export declare class Timeout500 extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `UNKNOWN_METHOD`: The method you tried to call cannot be called on non-CDN DCs */
export declare class UnknownMethod extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `UPLOAD_NO_VOLUME`: Telegram is having internal problems. Please try again later */
export declare class UploadNoVolume extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `VOLUME_LOC_NOT_FOUND`: Telegram is having internal problems. Please try again later */
export declare class VolumeLocNotFound500 extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `WORKER_BUSY_TOO_LONG_RETRY`: Server workers are too busy right now due to Telegram having internal problems. Please try again later */
export declare class WorkerBusyTooLongRetry extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `WP_ID_GENERATE_FAILED`: Telegram is having internal problems. Please try again later */
export declare class WpIdGenerateFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `FILE_WRITE_FAILED`: Telegram is having internal problems. Please try again later */
export declare class FileWriteFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CHAT_FROM_CALL_CHANGED`:  */
export declare class ChatFromCallChanged extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `AUTH_KEY_UNSYNCHRONIZED`: Internal error, please repeat the method call. */
export declare class AuthKeyUnsynchronized extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `AUTH_RESTART_X`: Internal error (debug info {value}), please repeat the method call. */
export declare class AuthRestartX extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CDN_UPLOAD_TIMEOUT`: A server-side timeout occurred while reuploading the file to the CDN DC. */
export declare class CdnUploadTimeout extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CHAT_INVALID`: Invalid chat. */
export declare class ChatInvalid500 extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `CHP_BAD_EVENT`: Bad event. */
export declare class ChpBadEvent extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `MSG_WAIT_FAILED`: A waiting call returned an error. */
export declare class MsgWaitFailed500 extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `RPC_SEND_FAIL`: Telegram is having internal problems. Please try again later. */
export declare class RpcSendFail extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `SEND_MEDIA_INVALID`: The specified media is invalid. */
export declare class SendMediaInvalid extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `STORAGE_CHOOSE_VOLUME_FAILED`: Storage choose volume failed due to Telegram having internal problems. Please try again later. */
export declare class StorageChooseVolumeFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 500 `TRANSLATE_REQ_FAILED`: Translation failed, please try again later. */
export declare class TranslateReqFailed extends InternalServerError {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** Base of the RPC errors with code 503. */
export declare class ServiceUnavailable extends RpcError {
  static readonly CODE: number;
}
/** 503 `ApiCallError`: Telegram is having internal problems. Please try again later. */
export declare class ApiCallError503 extends ServiceUnavailable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 503 `Timeout`: Telegram is having internal problems. Please try again later. */
export declare class Timeout503 extends ServiceUnavailable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** 503 `Timedout`: Telegram is having internal problems. Please try again later. */
export declare class Timedout extends ServiceUnavailable {
  static readonly ID: string;
  static readonly DESCRIPTION: string;
}
/** Every known error class, by `"<code> <id>"`, e.g. `"420 FLOOD_WAIT_X"`. */
export declare const rpcErrorClasses: Map<string, RpcErrorClass>;
/** The base class of each known error code. */
export declare const rpcCodeClasses: Map<number, RpcErrorClass>;
/** The id of every known RPC error (numbered ones with `X`), for `RpcError.is`. */
export type RpcErrorId =
  | "2FA_CONFIRM_WAIT_X"
  | "ABOUT_TOO_LONG"
  | "ACCESS_DENIED"
  | "ACCESS_TOKEN_EXPIRED"
  | "ACCESS_TOKEN_INVALID"
  | "ACTIVE_USER_REQUIRED"
  | "ADDRESS_INVALID"
  | "ADMINS_TOO_MUCH"
  | "ADMIN_ID_INVALID"
  | "ADMIN_RANK_EMOJI_NOT_ALLOWED"
  | "ADMIN_RANK_INVALID"
  | "ADMIN_RIGHTS_EMPTY"
  | "AD_EXPIRED"
  | "AICOMPOSE_ERROR_OCCURED"
  | "AI_COMPOSE_TASK_MISSING"
  | "ALBUM_PHOTOS_TOO_MANY"
  | "ALLOW_PAYMENT_REQUIRED"
  | "ALLOW_PAYMENT_REQUIRED_X"
  | "ANONYMOUS_OPEN_INVALID"
  | "ANONYMOUS_REACTIONS_DISABLED"
  | "ANSWER_X_MEDIA_TYPE_INVALID"
  | "API_CALL_ERROR"
  | "API_GIFT_RESTRICTED_UPDATE_APP"
  | "API_ID_INVALID"
  | "API_ID_PUBLISHED_FLOOD"
  | "ARTICLE_TITLE_EMPTY"
  | "ATTACH_MEDIA_EMPTY"
  | "ATTACH_MEDIA_TYPE_INVALID"
  | "AUDIO_CONTENT_URL_EMPTY"
  | "AUDIO_TITLE_EMPTY"
  | "AUTH_BYTES_INVALID"
  | "AUTH_KEY_DUPLICATED"
  | "AUTH_KEY_INVALID"
  | "AUTH_KEY_PERM_EMPTY"
  | "AUTH_KEY_UNREGISTERED"
  | "AUTH_KEY_UNSYNCHRONIZED"
  | "AUTH_RESTART"
  | "AUTH_RESTART_X"
  | "AUTH_TOKEN_ALREADY_ACCEPTED"
  | "AUTH_TOKEN_EXCEPTION"
  | "AUTH_TOKEN_EXPIRED"
  | "AUTH_TOKEN_INVALID"
  | "AUTH_TOKEN_INVALID2"
  | "AUTH_TOKEN_INVALIDX"
  | "AUTOARCHIVE_NOT_AVAILABLE"
  | "ApiCallError"
  | "BALANCE_TOO_LOW"
  | "BANK_CARD_NUMBER_INVALID"
  | "BANNED_RIGHTS_INVALID"
  | "BASE_PORT_LOC_INVALID"
  | "BIRTHDAY_ALREADY"
  | "BIRTHDAY_INVALID"
  | "BOOSTS_EMPTY"
  | "BOOSTS_REQUIRED"
  | "BOOST_NOT_MODIFIED"
  | "BOOST_PEER_INVALID"
  | "BOTS_TOO_MUCH"
  | "BOT_ACCESS_FORBIDDEN"
  | "BOT_ALREADY_DISABLED"
  | "BOT_APP_BOT_INVALID"
  | "BOT_APP_INVALID"
  | "BOT_APP_SHORTNAME_INVALID"
  | "BOT_BUSINESS_MISSING"
  | "BOT_CHANNELS_NA"
  | "BOT_COMMAND_DESCRIPTION_INVALID"
  | "BOT_COMMAND_INVALID"
  | "BOT_DOMAIN_INVALID"
  | "BOT_FALLBACK_UNSUPPORTED"
  | "BOT_FORUM_CREATE_FORBIDDEN"
  | "BOT_GAMES_DISABLED"
  | "BOT_GROUPS_BLOCKED"
  | "BOT_INLINE_DISABLED"
  | "BOT_INVALID"
  | "BOT_INVOICE_INVALID"
  | "BOT_METHOD_INVALID"
  | "BOT_MISSING"
  | "BOT_NOT_CONNECTED_YET"
  | "BOT_ONESIDE_NOT_AVAIL"
  | "BOT_OWNER_REQUIRED"
  | "BOT_PAYMENTS_DISABLED"
  | "BOT_POLLS_DISABLED"
  | "BOT_PRECHECKOUT_FAILED"
  | "BOT_RESPONSE_TIMEOUT"
  | "BOT_SCORE_NOT_MODIFIED"
  | "BOT_VERIFIER_FORBIDDEN"
  | "BOT_WEBVIEW_DISABLED"
  | "BROADCAST_CALLS_DISABLED"
  | "BROADCAST_FORBIDDEN"
  | "BROADCAST_ID_INVALID"
  | "BROADCAST_PUBLIC_VOTERS_FORBIDDEN"
  | "BROADCAST_REQUIRED"
  | "BUSINESS_ADDRESS_ACTIVE"
  | "BUSINESS_BOT_MISSING"
  | "BUSINESS_CONNECTION_INVALID"
  | "BUSINESS_CONNECTION_NOT_ALLOWED"
  | "BUSINESS_PEER_INVALID"
  | "BUSINESS_PEER_USAGE_MISSING"
  | "BUSINESS_RECIPIENTS_EMPTY"
  | "BUSINESS_RECIPIENTS_INVALID"
  | "BUSINESS_WORK_HOURS_EMPTY"
  | "BUSINESS_WORK_HOURS_PERIOD_INVALID"
  | "BUTTON_COPY_TEXT_INVALID"
  | "BUTTON_DATA_INVALID"
  | "BUTTON_ID_INVALID"
  | "BUTTON_INVALID"
  | "BUTTON_POS_INVALID"
  | "BUTTON_TEXT_INVALID"
  | "BUTTON_TYPE_INVALID"
  | "BUTTON_URL_INVALID"
  | "BUTTON_USER_INVALID"
  | "BUTTON_USER_PRIVACY_RESTRICTED"
  | "CALL_ALREADY_ACCEPTED"
  | "CALL_ALREADY_DECLINED"
  | "CALL_OCCUPY_FAILED"
  | "CALL_PEER_INVALID"
  | "CALL_PROTOCOL_COMPAT_LAYER_INVALID"
  | "CALL_PROTOCOL_FLAGS_INVALID"
  | "CALL_PROTOCOL_LAYER_INVALID"
  | "CDN_METHOD_INVALID"
  | "CDN_UPLOAD_TIMEOUT"
  | "CHANNELS_ADMIN_LOCATED_TOO_MUCH"
  | "CHANNELS_ADMIN_PUBLIC_TOO_MUCH"
  | "CHANNELS_TOO_MUCH"
  | "CHANNEL_ADD_INVALID"
  | "CHANNEL_BANNED"
  | "CHANNEL_FORUM_MISSING"
  | "CHANNEL_ID_INVALID"
  | "CHANNEL_INVALID"
  | "CHANNEL_MONOFORUM_UNSUPPORTED"
  | "CHANNEL_PARICIPANT_MISSING"
  | "CHANNEL_PRIVATE"
  | "CHANNEL_PUBLIC_GROUP_NA"
  | "CHANNEL_TOO_BIG"
  | "CHANNEL_TOO_LARGE"
  | "CHARGE_ALREADY_REFUNDED"
  | "CHARGE_ID_EMPTY"
  | "CHARGE_ID_INVALID"
  | "CHARGE_NOT_FOUND"
  | "CHATLINKS_TOO_MUCH"
  | "CHATLINK_SLUG_EMPTY"
  | "CHATLINK_SLUG_EXPIRED"
  | "CHATLISTS_TOO_MUCH"
  | "CHATLIST_EXCLUDE_INVALID"
  | "CHAT_ABOUT_NOT_MODIFIED"
  | "CHAT_ABOUT_TOO_LONG"
  | "CHAT_ACTION_FORBIDDEN"
  | "CHAT_ADMIN_INVITE_REQUIRED"
  | "CHAT_ADMIN_REQUIRED"
  | "CHAT_DISCUSSION_UNALLOWED"
  | "CHAT_FORBIDDEN"
  | "CHAT_FORWARDS_RESTRICTED"
  | "CHAT_FROM_CALL_CHANGED"
  | "CHAT_GUEST_SEND_FORBIDDEN"
  | "CHAT_ID_EMPTY"
  | "CHAT_ID_GENERATE_FAILED"
  | "CHAT_ID_INVALID"
  | "CHAT_INVALID"
  | "CHAT_INVITE_PERMANENT"
  | "CHAT_LINK_EXISTS"
  | "CHAT_MEMBER_ADD_FAILED"
  | "CHAT_NOT_MODIFIED"
  | "CHAT_OCCUPY_LOC_FAILED"
  | "CHAT_OCCUPY_USERNAME_FAILED"
  | "CHAT_PUBLIC_REQUIRED"
  | "CHAT_RESTRICTED"
  | "CHAT_REVOKE_DATE_UNSUPPORTED"
  | "CHAT_SEND_AUDIOS_FORBIDDEN"
  | "CHAT_SEND_DOCS_FORBIDDEN"
  | "CHAT_SEND_GAME_FORBIDDEN"
  | "CHAT_SEND_GIFS_FORBIDDEN"
  | "CHAT_SEND_INLINE_FORBIDDEN"
  | "CHAT_SEND_MEDIA_FORBIDDEN"
  | "CHAT_SEND_PHOTOS_FORBIDDEN"
  | "CHAT_SEND_PLAIN_FORBIDDEN"
  | "CHAT_SEND_POLL_FORBIDDEN"
  | "CHAT_SEND_ROUNDVIDEOS_FORBIDDEN"
  | "CHAT_SEND_STICKERS_FORBIDDEN"
  | "CHAT_SEND_VIDEOS_FORBIDDEN"
  | "CHAT_SEND_VOICES_FORBIDDEN"
  | "CHAT_SEND_WEBPAGE_FORBIDDEN"
  | "CHAT_TITLE_EMPTY"
  | "CHAT_TOO_BIG"
  | "CHAT_TYPE_INVALID"
  | "CHAT_WRITE_FORBIDDEN"
  | "CHP_BAD_EVENT"
  | "CHP_CALL_FAIL"
  | "CODE_EMPTY"
  | "CODE_HASH_INVALID"
  | "CODE_INVALID"
  | "COLLECTIBLE_INVALID"
  | "COLLECTIBLE_NOT_FOUND"
  | "COLOR_INVALID"
  | "CONNECTION_API_ID_INVALID"
  | "CONNECTION_APP_VERSION_EMPTY"
  | "CONNECTION_DEVICE_MODEL_EMPTY"
  | "CONNECTION_ID_INVALID"
  | "CONNECTION_LANG_PACK_INVALID"
  | "CONNECTION_LAYER_INVALID"
  | "CONNECTION_NOT_INITED"
  | "CONNECTION_SYSTEM_EMPTY"
  | "CONNECTION_SYSTEM_LANG_CODE_EMPTY"
  | "CONTACT_ADD_MISSING"
  | "CONTACT_ID_INVALID"
  | "CONTACT_MISSING"
  | "CONTACT_NAME_EMPTY"
  | "CONTACT_REQ_MISSING"
  | "CREATE_CALL_FAILED"
  | "CREDENTIAL_INVALID"
  | "CURRENCY_TOTAL_AMOUNT_INVALID"
  | "CUSTOM_REACTIONS_TOO_MANY"
  | "DATA_HASH_SIZE_INVALID"
  | "DATA_INVALID"
  | "DATA_JSON_INVALID"
  | "DATA_TOO_LONG"
  | "DATE_EMPTY"
  | "DC_ID_INVALID"
  | "DELETE_ANSWER_FORBIDDEN"
  | "DH_G_A_INVALID"
  | "DOCUMENT_INVALID"
  | "EDIT_BOT_INVITE_FORBIDDEN"
  | "EFFECT_ID_INVALID"
  | "EMAIL_CODE_EMPTY"
  | "EMAIL_HASH_EXPIRED"
  | "EMAIL_INVALID"
  | "EMAIL_NOT_ALLOWED"
  | "EMAIL_NOT_SETUP"
  | "EMAIL_UNCONFIRMED"
  | "EMAIL_UNCONFIRMED_X"
  | "EMAIL_VERIFY_EXPIRED"
  | "EMOJI_INVALID"
  | "EMOJI_MARKUP_INVALID"
  | "EMOJI_NOT_MODIFIED"
  | "EMOTICON_EMPTY"
  | "EMOTICON_INVALID"
  | "EMOTICON_STICKERPACK_MISSING"
  | "ENCRYPTED_MESSAGE_INVALID"
  | "ENCRYPTION_ALREADY_ACCEPTED"
  | "ENCRYPTION_ALREADY_DECLINED"
  | "ENCRYPTION_DECLINED"
  | "ENCRYPTION_ID_INVALID"
  | "ENCRYPTION_OCCUPY_ADMIN_FAILED"
  | "ENCRYPTION_OCCUPY_FAILED"
  | "ENTITIES_TOO_LONG"
  | "ENTITY_BOUNDS_INVALID"
  | "ENTITY_DATE_INVALID"
  | "ENTITY_MENTION_USER_INVALID"
  | "ERROR_TEXT_EMPTY"
  | "EXPIRES_AT_INVALID"
  | "EXPIRE_DATE_INVALID"
  | "EXPIRE_FORBIDDEN"
  | "EXPORT_CARD_INVALID"
  | "EXTENDED_MEDIA_AMOUNT_INVALID"
  | "EXTENDED_MEDIA_INVALID"
  | "EXTENDED_MEDIA_PEER_INVALID"
  | "EXTENDED_MEDIA_TYPE_INVALID"
  | "EXTERNAL_URL_INVALID"
  | "FEATURE_DISABLED"
  | "FIELD_NAME_EMPTY"
  | "FIELD_NAME_INVALID"
  | "FILEREF_UPGRADE_NEEDED"
  | "FILE_CONTENT_TYPE_INVALID"
  | "FILE_EMTPY"
  | "FILE_ID_INVALID"
  | "FILE_MIGRATE_X"
  | "FILE_PARTS_INVALID"
  | "FILE_PART_0_MISSING"
  | "FILE_PART_EMPTY"
  | "FILE_PART_INVALID"
  | "FILE_PART_LENGTH_INVALID"
  | "FILE_PART_SIZE_CHANGED"
  | "FILE_PART_SIZE_INVALID"
  | "FILE_PART_TOO_BIG"
  | "FILE_PART_TOO_SMALL"
  | "FILE_PART_X_MISSING"
  | "FILE_REFERENCE_EMPTY"
  | "FILE_REFERENCE_EXPIRED"
  | "FILE_REFERENCE_INVALID"
  | "FILE_REFERENCE_X_EXPIRED"
  | "FILE_REFERENCE_X_INVALID"
  | "FILE_TITLE_EMPTY"
  | "FILE_TOKEN_INVALID"
  | "FILE_WRITE_FAILED"
  | "FILTER_ID_INVALID"
  | "FILTER_INCLUDE_EMPTY"
  | "FILTER_INCLUDE_TOO_MUCH"
  | "FILTER_NOT_SUPPORTED"
  | "FILTER_TITLE_EMPTY"
  | "FIRSTNAME_INVALID"
  | "FLOODSKIP_NOT_ALLOWED"
  | "FLOOD_PREMIUM_WAIT_X"
  | "FLOOD_TEST_PHONE_WAIT_X"
  | "FLOOD_WAIT_X"
  | "FOLDER_DEAC_AUTOFIX_ALL"
  | "FOLDER_ID_EMPTY"
  | "FOLDER_ID_INVALID"
  | "FORM_EXPIRED"
  | "FORM_ID_EMPTY"
  | "FORM_ID_EXPIRED"
  | "FORM_SUBMIT_DUPLICATE"
  | "FORM_UNSUPPORTED"
  | "FORUM_ENABLED"
  | "FRESH_CHANGE_ADMINS_FORBIDDEN"
  | "FRESH_CHANGE_PHONE_FORBIDDEN"
  | "FRESH_RESET_AUTHORISATION_FORBIDDEN"
  | "FROM_MESSAGE_BOT_DISABLED"
  | "FROM_PEER_INVALID"
  | "FROZEN_METHOD_INVALID"
  | "FROZEN_PARTICIPANT_MISSING"
  | "FUTURE_CREATOR_NONE"
  | "GAME_BOT_INVALID"
  | "GENERAL_MODIFY_ICON_FORBIDDEN"
  | "GEO_POINT_INVALID"
  | "GIFTCODE_NOT_ALLOWED"
  | "GIFT_MONTHS_INVALID"
  | "GIFT_SLUG_EXPIRED"
  | "GIFT_SLUG_INVALID"
  | "GIFT_STARS_INVALID"
  | "GIF_CONTENT_TYPE_INVALID"
  | "GIF_ID_INVALID"
  | "GRAPH_EXPIRED_RELOAD"
  | "GRAPH_INVALID_RELOAD"
  | "GRAPH_OUTDATED_RELOAD"
  | "GROUPCALL_ADD_PARTICIPANTS_FAILED"
  | "GROUPCALL_ALREADY_DISCARDED"
  | "GROUPCALL_ALREADY_STARTED"
  | "GROUPCALL_FORBIDDEN"
  | "GROUPCALL_INVALID"
  | "GROUPCALL_JOIN_MISSING"
  | "GROUPCALL_NOT_MODIFIED"
  | "GROUPCALL_SSRC_DUPLICATE_MUCH"
  | "GROUPED_ID_OCCUPY_FAILED"
  | "GROUPED_MEDIA_INVALID"
  | "GROUP_CALL_INVALID"
  | "HASHTAG_INVALID"
  | "HASH_INVALID"
  | "HASH_SIZE_INVALID"
  | "HIDE_REQUESTER_MISSING"
  | "HISTORY_GET_FAILED"
  | "ID_EXPIRED"
  | "ID_INVALID"
  | "IMAGE_ENGINE_DOWN"
  | "IMAGE_PROCESS_FAILED"
  | "IMPORT_FILE_INVALID"
  | "IMPORT_FORMAT_DATE_INVALID"
  | "IMPORT_FORMAT_UNRECOGNIZED"
  | "IMPORT_HISTORY_LOG_EMPTY"
  | "IMPORT_ID_INVALID"
  | "IMPORT_TOKEN_INVALID"
  | "INLINE_BOT_REQUIRED"
  | "INLINE_RESULT_EXPIRED"
  | "INPUT_CHATLIST_INVALID"
  | "INPUT_CONSTRUCTOR_INVALID"
  | "INPUT_FETCH_ERROR"
  | "INPUT_FETCH_ERROR_X"
  | "INPUT_FETCH_FAIL"
  | "INPUT_FILE_INVALID"
  | "INPUT_FILTER_INVALID"
  | "INPUT_LAYER_INVALID"
  | "INPUT_METHOD_INVALID"
  | "INPUT_PEERS_EMPTY"
  | "INPUT_PURPOSE_INVALID"
  | "INPUT_REQUEST_TOO_LONG"
  | "INPUT_STARS_NANOS_INVALID"
  | "INPUT_TEXT_EMPTY"
  | "INPUT_TEXT_TOO_LONG"
  | "INPUT_USER_DEACTIVATED"
  | "INTERDC_X_CALL_ERROR"
  | "INTERDC_X_CALL_RICH_ERROR"
  | "INVITES_TOO_MUCH"
  | "INVITE_FORBIDDEN_WITH_JOINAS"
  | "INVITE_HASH_EMPTY"
  | "INVITE_HASH_EXPIRED"
  | "INVITE_HASH_INVALID"
  | "INVITE_REQUEST_SENT"
  | "INVITE_REVOKED_MISSING"
  | "INVITE_SLUG_EMPTY"
  | "INVITE_SLUG_EXPIRED"
  | "INVITE_SLUG_INVALID"
  | "INVOICE_INVALID"
  | "INVOICE_PAYLOAD_INVALID"
  | "JOIN_AS_PEER_INVALID"
  | "LANGUAGE_INVALID"
  | "LANG_CODE_INVALID"
  | "LANG_CODE_NOT_SUPPORTED"
  | "LANG_PACK_INVALID"
  | "LASTNAME_INVALID"
  | "LIMIT_INVALID"
  | "LINK_NOT_MODIFIED"
  | "LIVE_DISABLED"
  | "LOCATION_INVALID"
  | "MANAGER_INVALID"
  | "MANAGER_PERMISSION_MISSING"
  | "MAX_DATE_INVALID"
  | "MAX_ID_INVALID"
  | "MAX_QTS_INVALID"
  | "MD5_CHECKSUM_INVALID"
  | "MEDIA_ALREADY_PAID"
  | "MEDIA_CAPTION_TOO_LONG"
  | "MEDIA_EMPTY"
  | "MEDIA_FILE_INVALID"
  | "MEDIA_GROUPED_INVALID"
  | "MEDIA_INVALID"
  | "MEDIA_NEW_INVALID"
  | "MEDIA_PREV_INVALID"
  | "MEDIA_TTL_INVALID"
  | "MEDIA_TYPE_INVALID"
  | "MEDIA_VIDEO_STORY_MISSING"
  | "MEGAGROUP_GEO_REQUIRED"
  | "MEGAGROUP_ID_INVALID"
  | "MEGAGROUP_PREHISTORY_HIDDEN"
  | "MEGAGROUP_REQUIRED"
  | "MEMBER_FETCH_FAILED"
  | "MEMBER_NO_LOCATION"
  | "MEMBER_OCCUPY_PRIMARY_LOC_FAILED"
  | "MEMBER_OCCUPY_USERNAME_FAILED"
  | "MESSAGE_AUTHOR_REQUIRED"
  | "MESSAGE_DELETE_FORBIDDEN"
  | "MESSAGE_EDIT_TIME_EXPIRED"
  | "MESSAGE_EMPTY"
  | "MESSAGE_IDS_EMPTY"
  | "MESSAGE_ID_INVALID"
  | "MESSAGE_NOT_MODIFIED"
  | "MESSAGE_NOT_READ_YET"
  | "MESSAGE_POLL_CLOSED"
  | "MESSAGE_TOO_LONG"
  | "MESSAGE_TOO_OLD"
  | "METHOD_INVALID"
  | "MIN_DATE_INVALID"
  | "MONOFORUM_FILTER_INVALID"
  | "MONTH_INVALID"
  | "MSGID_DECREASE_RETRY"
  | "MSG_ID_INVALID"
  | "MSG_RANGE_UNSYNC"
  | "MSG_TOO_OLD"
  | "MSG_VOICE_MISSING"
  | "MSG_WAIT_FAILED"
  | "MTPROTO_CLUSTER_INVALID"
  | "MT_SEND_QUEUE_TOO_LONG"
  | "MULTI_MEDIA_TOO_LONG"
  | "NEED_CHAT_INVALID"
  | "NEED_MEMBER_INVALID"
  | "NETWORK_MIGRATE_X"
  | "NEW_SALT_INVALID"
  | "NEW_SETTINGS_EMPTY"
  | "NEW_SETTINGS_INVALID"
  | "NEXT_OFFSET_INVALID"
  | "NOGENERAL_HIDE_FORBIDDEN"
  | "NOT_ALLOWED"
  | "NOT_ELIGIBLE"
  | "NOT_JOINED"
  | "NO_PAYMENT_NEEDED"
  | "No workers running"
  | "OFFSET_INVALID"
  | "OFFSET_PEER_ID_INVALID"
  | "OPTIONS_TOO_MUCH"
  | "OPTION_INVALID"
  | "ORDER_INVALID"
  | "PACK_SHORT_NAME_INVALID"
  | "PACK_SHORT_NAME_OCCUPIED"
  | "PACK_TITLE_INVALID"
  | "PACK_TYPE_INVALID"
  | "PARENT_PEER_INVALID"
  | "PARTICIPANTS_TOO_FEW"
  | "PARTICIPANT_CALL_FAILED"
  | "PARTICIPANT_ID_INVALID"
  | "PARTICIPANT_JOIN_MISSING"
  | "PARTICIPANT_VERSION_OUTDATED"
  | "PASSKEY_CREDENTIAL_NOT_FOUND"
  | "PASSWORD_EMPTY"
  | "PASSWORD_HASH_INVALID"
  | "PASSWORD_MISSING"
  | "PASSWORD_RECOVERY_EXPIRED"
  | "PASSWORD_RECOVERY_NA"
  | "PASSWORD_REQUIRED"
  | "PASSWORD_TOO_FRESH_X"
  | "PAYMENT_CREDENTIALS_INVALID"
  | "PAYMENT_PROVIDER_INVALID"
  | "PAYMENT_REQUIRED"
  | "PAYMENT_UNSUPPORTED"
  | "PEERS_LIST_EMPTY"
  | "PEER_FLOOD"
  | "PEER_HISTORY_EMPTY"
  | "PEER_ID_INVALID"
  | "PEER_ID_NOT_SUPPORTED"
  | "PEER_TYPES_INVALID"
  | "PERSISTENT_TIMESTAMP_EMPTY"
  | "PERSISTENT_TIMESTAMP_INVALID"
  | "PERSISTENT_TIMESTAMP_OUTDATED"
  | "PHONE_CODE_EMPTY"
  | "PHONE_CODE_EXPIRED"
  | "PHONE_CODE_HASH_EMPTY"
  | "PHONE_CODE_INVALID"
  | "PHONE_HASH_EXPIRED"
  | "PHONE_MIGRATE_X"
  | "PHONE_NOT_OCCUPIED"
  | "PHONE_NUMBER_APP_SIGNUP_FORBIDDEN"
  | "PHONE_NUMBER_BANNED"
  | "PHONE_NUMBER_FLOOD"
  | "PHONE_NUMBER_INVALID"
  | "PHONE_NUMBER_OCCUPIED"
  | "PHONE_NUMBER_UNOCCUPIED"
  | "PHONE_PASSWORD_FLOOD"
  | "PHONE_PASSWORD_PROTECTED"
  | "PHOTO_CONTENT_TYPE_INVALID"
  | "PHOTO_CONTENT_URL_EMPTY"
  | "PHOTO_CREATE_FAILED"
  | "PHOTO_CROP_FILE_MISSING"
  | "PHOTO_CROP_SIZE_SMALL"
  | "PHOTO_EXT_INVALID"
  | "PHOTO_FILE_MISSING"
  | "PHOTO_ID_INVALID"
  | "PHOTO_INVALID"
  | "PHOTO_INVALID_DIMENSIONS"
  | "PHOTO_SAVE_FILE_INVALID"
  | "PHOTO_THUMB_URL_EMPTY"
  | "PHOTO_THUMB_URL_INVALID"
  | "PINNED_DIALOGS_TOO_MUCH"
  | "PINNED_TOO_MUCH"
  | "PINNED_TOPIC_NOT_MODIFIED"
  | "PIN_RESTRICTED"
  | "PLATFORM_INVALID"
  | "POLL_ANSWERS_INVALID"
  | "POLL_ANSWER_INVALID"
  | "POLL_OPTION_DUPLICATE"
  | "POLL_OPTION_INVALID"
  | "POLL_QUESTION_INVALID"
  | "POLL_UNSUPPORTED"
  | "POLL_VOTE_REQUIRED"
  | "POSTPONED_TIMEOUT"
  | "PRECHECKOUT_FAILED"
  | "PREMIUM_ACCOUNT_REQUIRED"
  | "PREMIUM_CURRENTLY_UNAVAILABLE"
  | "PREMIUM_GIFTCODE_WAS_REFUNDED"
  | "PREMIUM_SUB_ACTIVE_UNTIL_X"
  | "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_XMIN"
  | "PRICING_CHAT_INVALID"
  | "PRIVACY_KEY_INVALID"
  | "PRIVACY_PREMIUM_REQUIRED"
  | "PRIVACY_TOO_LONG"
  | "PRIVACY_VALUE_INVALID"
  | "PTS_CHANGE_EMPTY"
  | "PUBLIC_BROADCAST_EXPECTED"
  | "PUBLIC_CHANNEL_MISSING"
  | "PUBLIC_KEY_REQUIRED"
  | "PURPOSE_INVALID"
  | "QUERY_ID_EMPTY"
  | "QUERY_ID_INVALID"
  | "QUERY_TOO_SHORT"
  | "QUICK_REPLIES_BOT_NOT_ALLOWED"
  | "QUICK_REPLIES_TOO_MUCH"
  | "QUIZ_ANSWER_MISSING"
  | "QUIZ_CORRECT_ANSWERS_EMPTY"
  | "QUIZ_CORRECT_ANSWERS_TOO_MUCH"
  | "QUIZ_CORRECT_ANSWER_INVALID"
  | "QUIZ_MULTIPLE_INVALID"
  | "QUOTE_TEXT_INVALID"
  | "RAISE_HAND_FORBIDDEN"
  | "RANDOM_ID_DUPLICATE"
  | "RANDOM_ID_EMPTY"
  | "RANDOM_ID_EXPIRED"
  | "RANDOM_ID_INVALID"
  | "RANDOM_LENGTH_INVALID"
  | "RANGES_INVALID"
  | "RANK_INVALID"
  | "REACTIONS_COUNT_INVALID"
  | "REACTIONS_TOO_MANY"
  | "REACTION_EMPTY"
  | "REACTION_INVALID"
  | "RECAPTCHA_CHECK_X"
  | "RECEIPT_EMPTY"
  | "REFLECTOR_NOT_AVAILABLE"
  | "REG_ID_GENERATE_FAILED"
  | "REPLY_MARKUP_BUY_EMPTY"
  | "REPLY_MARKUP_GAME_EMPTY"
  | "REPLY_MARKUP_INVALID"
  | "REPLY_MARKUP_TOO_LONG"
  | "REPLY_MESSAGES_TOO_MUCH"
  | "REPLY_MESSAGE_ID_INVALID"
  | "REPLY_TO_INVALID"
  | "REPLY_TO_MONOFORUM_PEER_INVALID"
  | "REPLY_TO_USER_INVALID"
  | "REQUEST_TOKEN_INVALID"
  | "RESET_REQUEST_MISSING"
  | "RESULTS_TOO_MUCH"
  | "RESULT_ID_DUPLICATE"
  | "RESULT_ID_EMPTY"
  | "RESULT_ID_INVALID"
  | "RESULT_TYPE_INVALID"
  | "REVOTE_NOT_ALLOWED"
  | "RIGHTS_NOT_MODIFIED"
  | "RIGHT_FORBIDDEN"
  | "RINGTONE_INVALID"
  | "RINGTONE_MIME_INVALID"
  | "RPC_CALL_FAIL"
  | "RPC_CONNECT_FAILED"
  | "RPC_MCGET_FAIL"
  | "RPC_SEND_FAIL"
  | "RSA_DECRYPT_FAILED"
  | "SAVED_DIALOGS_UNSUPPORTED"
  | "SAVED_ID_EMPTY"
  | "SAVED_PEER_INVALID"
  | "SCHEDULE_BOT_NOT_ALLOWED"
  | "SCHEDULE_DATE_INVALID"
  | "SCHEDULE_DATE_TOO_LATE"
  | "SCHEDULE_STATUS_PRIVATE"
  | "SCHEDULE_TOO_MUCH"
  | "SCORE_INVALID"
  | "SEARCH_QUERY_EMPTY"
  | "SEARCH_WITH_LINK_NOT_SUPPORTED"
  | "SECONDS_INVALID"
  | "SECURE_SECRET_REQUIRED"
  | "SELF_DELETE_RESTRICTED"
  | "SEND_AS_PEER_INVALID"
  | "SEND_CODE_UNAVAILABLE"
  | "SEND_MEDIA_INVALID"
  | "SEND_MESSAGE_GAME_INVALID"
  | "SEND_MESSAGE_MEDIA_INVALID"
  | "SEND_MESSAGE_TYPE_INVALID"
  | "SENSITIVE_CHANGE_FORBIDDEN"
  | "SESSION_EXPIRED"
  | "SESSION_PASSWORD_NEEDED"
  | "SESSION_REVOKED"
  | "SESSION_TOO_FRESH_X"
  | "SETTINGS_INVALID"
  | "SHA256_HASH_INVALID"
  | "SHORTCUT_INVALID"
  | "SHORTNAME_OCCUPY_FAILED"
  | "SHORT_NAME_INVALID"
  | "SHORT_NAME_OCCUPIED"
  | "SIGN_IN_FAILED"
  | "SLOTS_EMPTY"
  | "SLOWMODE_MULTI_MSGS_DISABLED"
  | "SLOWMODE_WAIT_X"
  | "SLUG_INVALID"
  | "SMSJOB_ID_INVALID"
  | "SMS_CODE_CREATE_FAILED"
  | "SOLUTION_MEDIA_EMPTY"
  | "SOLUTION_MEDIA_TYPE_INVALID"
  | "SRP_A_INVALID"
  | "SRP_ID_INVALID"
  | "SRP_PASSWORD_CHANGED"
  | "STARGIFT_ALREADY_BURNED"
  | "STARGIFT_ALREADY_CONVERTED"
  | "STARGIFT_ALREADY_REFUNDED"
  | "STARGIFT_ALREADY_TRANSFERRED"
  | "STARGIFT_ALREADY_UPGRADED"
  | "STARGIFT_ATTRIBUTE_INVALID"
  | "STARGIFT_CONVERT_BOT_NOT_ALLOWED"
  | "STARGIFT_CONVERT_TOO_OLD"
  | "STARGIFT_EXPORT_IN_PROGRESS"
  | "STARGIFT_EXPORT_UNAVAILABLE"
  | "STARGIFT_INVALID"
  | "STARGIFT_MESSAGE_INVALID"
  | "STARGIFT_NOT_FOUND"
  | "STARGIFT_NOT_OWNER"
  | "STARGIFT_OWNER_INVALID"
  | "STARGIFT_PEER_INVALID"
  | "STARGIFT_RESELL_CURRENCY_NOT_ALLOWED"
  | "STARGIFT_RESELL_NOT_ALLOWED"
  | "STARGIFT_RESELL_TOO_EARLY_X"
  | "STARGIFT_SLUG_INVALID"
  | "STARGIFT_TRANSFER_TOO_EARLY_X"
  | "STARGIFT_UPGRADE_UNAVAILABLE"
  | "STARGIFT_USAGE_LIMITED"
  | "STARGIFT_USER_USAGE_LIMITED"
  | "STARREF_AWAITING_END"
  | "STARREF_EXPIRED"
  | "STARREF_HASH_REVOKED"
  | "STARREF_MONTHS_TOO_LOW"
  | "STARREF_PERMILLE_INVALID"
  | "STARREF_PERMILLE_TOO_LOW"
  | "STARS_AMOUNT_INVALID"
  | "STARS_FORM_AMOUNT_MISMATCH"
  | "STARS_INVOICE_INVALID"
  | "STARS_PAYMENT_REQUIRED"
  | "START_PARAM_EMPTY"
  | "START_PARAM_INVALID"
  | "START_PARAM_TOO_LONG"
  | "STATS_MIGRATE_X"
  | "STICKERPACK_STICKERS_TOO_MUCH"
  | "STICKERSET_INVALID"
  | "STICKERSET_NOT_MODIFIED"
  | "STICKERSET_OWNER_ANONYMOUS"
  | "STICKERS_EMPTY"
  | "STICKERS_TOO_MUCH"
  | "STICKER_DOCUMENT_INVALID"
  | "STICKER_EMOJI_INVALID"
  | "STICKER_FILE_INVALID"
  | "STICKER_GIF_DIMENSIONS"
  | "STICKER_ID_INVALID"
  | "STICKER_INVALID"
  | "STICKER_MIME_INVALID"
  | "STICKER_PNG_DIMENSIONS"
  | "STICKER_PNG_NOPNG"
  | "STICKER_TGS_NODOC"
  | "STICKER_TGS_NOTGS"
  | "STICKER_THUMB_PNG_NOPNG"
  | "STICKER_THUMB_TGS_NOTGS"
  | "STICKER_VIDEO_BIG"
  | "STICKER_VIDEO_NODOC"
  | "STICKER_VIDEO_NOWEBM"
  | "STORAGE_CHECK_FAILED"
  | "STORAGE_CHOOSE_VOLUME_FAILED"
  | "STORAGE_KEY_REQUIRED"
  | "STORE_INVALID_SCALAR_TYPE"
  | "STORIES_NEVER_CREATED"
  | "STORIES_TOO_MUCH"
  | "STORY_ID_EMPTY"
  | "STORY_ID_INVALID"
  | "STORY_LIVE_ALREADY_X"
  | "STORY_NOT_MODIFIED"
  | "STORY_PERIOD_INVALID"
  | "STORY_PUBLIC_MISSING"
  | "STORY_SEND_FLOOD_MONTHLY_X"
  | "STORY_SEND_FLOOD_WEEKLY_X"
  | "STORY_SEND_FLOOD_X"
  | "SUBSCRIPTION_EXPORT_MISSING"
  | "SUBSCRIPTION_ID_INVALID"
  | "SUBSCRIPTION_PERIOD_INVALID"
  | "SUGGESTED_POST_AMOUNT_INVALID"
  | "SUGGESTED_POST_PEER_INVALID"
  | "SWITCH_PM_TEXT_EMPTY"
  | "SWITCH_WEBVIEW_URL_INVALID"
  | "TAKEOUT_INIT_DELAY_X"
  | "TAKEOUT_INVALID"
  | "TAKEOUT_REQUIRED"
  | "TASK_ALREADY_EXISTS"
  | "TEMP_AUTH_KEY_ALREADY_BOUND"
  | "TEMP_AUTH_KEY_EMPTY"
  | "TERMS_URL_INVALID"
  | "TEXTDRAFT_PEER_INVALID"
  | "THEME_FILE_INVALID"
  | "THEME_FORMAT_INVALID"
  | "THEME_INVALID"
  | "THEME_MIME_INVALID"
  | "THEME_PARAMS_INVALID"
  | "THEME_SLUG_INVALID"
  | "THEME_TITLE_INVALID"
  | "TIMEOUT"
  | "TIMEZONE_INVALID"
  | "TITLE_INVALID"
  | "TMP_PASSWORD_DISABLED"
  | "TMP_PASSWORD_INVALID"
  | "TODO_ITEMS_EMPTY"
  | "TODO_ITEM_DUPLICATE"
  | "TODO_NOT_MODIFIED"
  | "TOKEN_EMPTY"
  | "TOKEN_INVALID"
  | "TOKEN_SECRET_INVALID"
  | "TOKEN_TYPE_INVALID"
  | "TOPICS_EMPTY"
  | "TOPIC_CLOSED"
  | "TOPIC_CLOSE_SEPARATELY"
  | "TOPIC_DELETED"
  | "TOPIC_HIDE_SEPARATELY"
  | "TOPIC_ID_INVALID"
  | "TOPIC_NOT_MODIFIED"
  | "TOPIC_TITLE_EMPTY"
  | "TO_ID_INVALID"
  | "TO_LANG_INVALID"
  | "TRANSACTION_ID_INVALID"
  | "TRANSCRIPTION_FAILED"
  | "TRANSLATE_REQ_FAILED"
  | "TRANSLATE_REQ_QUOTA_EXCEEDED"
  | "TRANSLATIONS_DISABLED"
  | "TRANSLATIONS_DISABLED_ALT"
  | "TTL_DAYS_INVALID"
  | "TTL_MEDIA_INVALID"
  | "TTL_PERIOD_INVALID"
  | "TYPES_EMPTY"
  | "TYPE_CONSTRUCTOR_INVALID"
  | "Timedout"
  | "Timeout"
  | "UNKNOWN_ERROR"
  | "UNKNOWN_METHOD"
  | "UNSUPPORTED"
  | "UNTIL_DATE_INVALID"
  | "UPDATE_APP_TO_LOGIN"
  | "UPLOAD_NO_VOLUME"
  | "URL_INVALID"
  | "USAGE_LIMIT_INVALID"
  | "USERNAMES_ACTIVE_TOO_MUCH"
  | "USERNAME_INVALID"
  | "USERNAME_NOT_MODIFIED"
  | "USERNAME_NOT_OCCUPIED"
  | "USERNAME_OCCUPIED"
  | "USERNAME_PURCHASE_AVAILABLE"
  | "USERNAME_SUFFIX_MISSING"
  | "USERPIC_PRIVACY_REQUIRED"
  | "USERPIC_UPLOAD_REQUIRED"
  | "USERS_TOO_FEW"
  | "USERS_TOO_MUCH"
  | "USER_ADMIN_INVALID"
  | "USER_ALREADY_INVITED"
  | "USER_ALREADY_PARTICIPANT"
  | "USER_BANNED_IN_CHANNEL"
  | "USER_BLOCKED"
  | "USER_BOT"
  | "USER_BOT_INVALID"
  | "USER_BOT_REQUIRED"
  | "USER_CHANNELS_TOO_MUCH"
  | "USER_CREATOR"
  | "USER_DEACTIVATED"
  | "USER_DEACTIVATED_BAN"
  | "USER_DELETED"
  | "USER_DISALLOWED_STARGIFTS"
  | "USER_GIFT_UNAVAILABLE"
  | "USER_HANDLE_MISMATCH"
  | "USER_ID_INVALID"
  | "USER_INVALID"
  | "USER_IS_BLOCKED"
  | "USER_IS_BOT"
  | "USER_KICKED"
  | "USER_MIGRATE_X"
  | "USER_NOT_MUTUAL_CONTACT"
  | "USER_NOT_PARTICIPANT"
  | "USER_PERMISSION_DENIED"
  | "USER_PRIVACY_RESTRICTED"
  | "USER_PUBLIC_MISSING"
  | "USER_RESTRICTED"
  | "USER_RIGHTS_MISSING"
  | "USER_VOLUME_INVALID"
  | "VENUE_ID_INVALID"
  | "VIDEO_CONTENT_TYPE_INVALID"
  | "VIDEO_FILE_INVALID"
  | "VIDEO_PAUSE_FORBIDDEN"
  | "VIDEO_STOP_FORBIDDEN"
  | "VIDEO_TITLE_EMPTY"
  | "VOICE_MESSAGES_FORBIDDEN"
  | "VOLUME_LOC_NOT_FOUND"
  | "WALLPAPER_FILE_INVALID"
  | "WALLPAPER_INVALID"
  | "WALLPAPER_MIME_INVALID"
  | "WALLPAPER_NOT_FOUND"
  | "WC_CONVERT_URL_INVALID"
  | "WEBDOCUMENT_INVALID"
  | "WEBDOCUMENT_MIME_INVALID"
  | "WEBDOCUMENT_SIZE_TOO_BIG"
  | "WEBDOCUMENT_URL_EMPTY"
  | "WEBDOCUMENT_URL_INVALID"
  | "WEBPAGE_CURL_FAILED"
  | "WEBPAGE_MEDIA_EMPTY"
  | "WEBPAGE_NOT_FOUND"
  | "WEBPAGE_URL_INVALID"
  | "WEBPUSH_AUTH_INVALID"
  | "WEBPUSH_KEY_INVALID"
  | "WEBPUSH_TOKEN_INVALID"
  | "WORKER_BUSY_TOO_LONG_RETRY"
  | "WP_ID_GENERATE_FAILED"
  | "YOUR_PRIVACY_RESTRICTED"
  | "YOU_BLOCKED_USER";
