/**
 * {@link User}: a Telegram user or bot, as Pyrogram's `pyrogram.types.User`.
 *
 * @module
 */
import type { Api } from "../../tl/mod.ts";
import { printable } from "./printed.ts";

/** A user's last-seen status, as Pyrogram's `UserStatus` (bots have none). */
export type UserStatus =
  | "online"
  | "offline"
  | "recently"
  | "last_week"
  | "last_month"
  | "long_ago";

/** One of the usernames of a user or chat (Telegram allows several, with one editable). */
export interface Username {
  /** The username, without `@`. */
  username: string;
  /** Whether it is the editable (primary) username. */
  editable: boolean;
  /** Whether it is active (shown and resolvable). */
  active: boolean;
}

const STATUS: Record<string, UserStatus> = {
  userStatusOnline: "online",
  userStatusOffline: "offline",
  userStatusRecently: "recently",
  userStatusLastWeek: "last_week",
  userStatusLastMonth: "last_month",
};

/** The usernames of a `user` or `channel`, or undefined when it has none. */
export function usernamesOf(list: Api.TypeUsername[] | undefined): Username[] | undefined {
  if (list === undefined || list.length === 0) return undefined;
  return list.map((u) => ({
    username: u.username,
    editable: u.editable === true,
    active: u.active === true,
  }));
}

/**
 * A Telegram user or bot. Fields are read from {@link User.raw} when asked for (nothing is copied
 * when the object is made), with Pyrogram's names in camelCase.
 *
 * A user from a `min` constructor (`isMin`: seen in a group or channel message, not met directly)
 * carries names and username but no phone number, and its access hash is only valid in the
 * message it came with.
 *
 * Printed (console.log, inspect, JSON.stringify) like Pyrogram's `str(user)`: the fields that are
 * set, `raw` left out, `phoneNumber` as `*********`.
 *
 * @example
 * ```ts
 * import { User } from "@x/irenogram";
 * const user = new User({ _: "user", id: 777n, firstName: "Alice", username: "alice" });
 * console.log(user.id, user.firstName, user.isBot); // 777 "Alice" false
 * console.log(JSON.stringify(user)); // {"_":"User","id":777,"isSelf":false,…,"username":"alice"}
 * ```
 */
export class User {
  /** The TL object, for what is not wrapped. */
  readonly raw: Api.User;

  /** Wraps a `user` TL object (cheap: nothing is read until asked for). */
  constructor(raw: Api.User) {
    this.raw = raw;
  }

  /** A User, or undefined for `userEmpty` and a missing user (Pyrogram's `User._parse`). */
  static parse(raw: Api.TypeUser | undefined): User | undefined {
    return raw?._ === "user" ? new User(raw) : undefined;
  }

  /** The user's id. */
  get id(): number {
    return Number(this.raw.id);
  }
  /** Whether this is the logged-in user. */
  get isSelf(): boolean {
    return this.raw.self === true;
  }
  /** Whether this user is in your contacts. */
  get isContact(): boolean {
    return this.raw.contact === true;
  }
  /** Whether you are in each other's contacts. */
  get isMutualContact(): boolean {
    return this.raw.mutualContact === true;
  }
  /** Whether the account was deleted. */
  get isDeleted(): boolean {
    return this.raw.deleted === true;
  }
  /** Whether this is a bot. */
  get isBot(): boolean {
    return this.raw.bot === true;
  }
  /** Whether Telegram verified this user. */
  get isVerified(): boolean {
    return this.raw.verified === true;
  }
  /** Whether the account is restricted (see `raw.restrictionReason`). */
  get isRestricted(): boolean {
    return this.raw.restricted === true;
  }
  /** Whether Telegram flagged this user as a scam. */
  get isScam(): boolean {
    return this.raw.scam === true;
  }
  /** Whether Telegram flagged this user as impersonating someone. */
  get isFake(): boolean {
    return this.raw.fake === true;
  }
  /** Whether this is an official Telegram support account. */
  get isSupport(): boolean {
    return this.raw.support === true;
  }
  /** Whether the user has Telegram Premium. */
  get isPremium(): boolean {
    return this.raw.premium === true;
  }
  /** Whether this came from a `min` constructor (partial data; see the class). */
  get isMin(): boolean {
    return this.raw.min === true;
  }
  /** First name (absent for deleted accounts). */
  get firstName(): string | undefined {
    return this.raw.firstName;
  }
  /** Last name. */
  get lastName(): string | undefined {
    return this.raw.lastName;
  }
  /** First and last name joined by a space, or undefined when there is neither. */
  get fullName(): string | undefined {
    const { firstName, lastName } = this.raw;
    return [firstName, lastName].filter(Boolean).join(" ") || undefined;
  }
  /** Last-seen status (undefined for bots, as in Pyrogram). */
  get status(): UserStatus | undefined {
    if (this.raw.bot === true) return undefined;
    return STATUS[this.raw.status?._ ?? ""] ?? "long_ago";
  }
  /** When the user was last online (status "offline"). */
  get lastOnlineDate(): Date | undefined {
    const s = this.raw.status;
    return s?._ === "userStatusOffline" && this.raw.bot !== true
      ? new Date(s.wasOnline * 1000)
      : undefined;
  }
  /** When the user goes offline unless active again (status "online"). */
  get nextOfflineDate(): Date | undefined {
    const s = this.raw.status;
    return s?._ === "userStatusOnline" && this.raw.bot !== true
      ? new Date(s.expires * 1000)
      : undefined;
  }
  /** The username (the first of `usernames` when there is no main one), without `@`. */
  get username(): string | undefined {
    return this.raw.username ?? this.raw.usernames?.[0]?.username;
  }
  /** All usernames (collectible ones included), or undefined when there are none. */
  get usernames(): Username[] | undefined {
    return usernamesOf(this.raw.usernames);
  }
  /** The IETF language tag of the user's client, when Telegram shares it (bots see it). */
  get languageCode(): string | undefined {
    return this.raw.langCode;
  }
  /** The DC of the user's profile photo (Telegram's only hint of the user's DC). */
  get dcId(): number | undefined {
    const p = this.raw.photo;
    return p?._ === "userProfilePhoto" ? p.dcId : undefined;
  }
  /** The phone number, without `+`, when visible to you (personal data: printed masked). */
  get phoneNumber(): string | undefined {
    return this.raw.phone;
  }
}

printable(User, "User", [
  "id",
  "isSelf",
  "isContact",
  "isMutualContact",
  "isDeleted",
  "isBot",
  "isVerified",
  "isRestricted",
  "isScam",
  "isFake",
  "isSupport",
  "isPremium",
  "isMin",
  "firstName",
  "lastName",
  "status",
  "lastOnlineDate",
  "nextOfflineDate",
  "username",
  "usernames",
  "languageCode",
  "dcId",
  "phoneNumber",
]);
