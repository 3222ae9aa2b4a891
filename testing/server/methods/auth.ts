/**
 * Login and logout: bot tokens, phone + code (with sign-up of new numbers), two-step verification
 * with real SRP, and moving an authorization to another DC (export/import).
 *
 * @module
 */
import type * as Crypto from "node:crypto";
import { nodeModule } from "../../../runtime/runtime.ts";
import type { Api } from "../../../tl/mod.ts";
import { RpcFailure } from "../world_contract.ts";
import type { Account, TestWorld } from "../world.ts";
import { normalizePhone } from "../phone.ts";
import type { CallContext } from "../world_contract.ts";
import { algoObject, checkProof, makeChallenge } from "../srp.ts";
import type { Handlers } from "./handler.ts";
// Loaded when used, not when imported: the testing entry loads in a browser bundle.
const { randomBytes } = nodeModule<typeof Crypto>("node:crypto");

/** Accounts beyond which `auth.signUp` refuses (scripted accounts are not limited). */
const MAX_SIGNUP_ACCOUNTS = 100_000;

/** How long a sent code stays valid (Telegram: a few minutes). */
const CODE_LIFETIME = 600;

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

/** The account behind a phone login, or PHONE_MIGRATE_X when it is homed elsewhere. */
function phoneAccount(world: TestWorld, ctx: CallContext, phone: string): Account | undefined {
  const account = world.byPhone(phone);
  if (account && account.dcId !== ctx.dcId) {
    throw new RpcFailure(303, `PHONE_MIGRATE_${account.dcId}`);
  }
  return account;
}

function checkCode(world: TestWorld, phone: string, hash: string, code: string | undefined) {
  if (!hash) throw new RpcFailure(400, "PHONE_CODE_HASH_EMPTY");
  const sent = world.codes.get(hash);
  if (!sent || sent.phone !== phone) throw new RpcFailure(400, "PHONE_CODE_EXPIRED");
  if (sent.expires < world.now()) {
    world.codes.delete(hash);
    throw new RpcFailure(400, "PHONE_CODE_EXPIRED");
  }
  if (!code) throw new RpcFailure(400, "PHONE_CODE_EMPTY");
  if (code !== sent.code) throw new RpcFailure(400, "PHONE_CODE_INVALID");
}

function passwordObject(world: TestWorld, account: Account | undefined): Api.AccountPassword {
  const fresh = algoObject(new Uint8Array(randomBytes(8)), new Uint8Array(randomBytes(16)));
  const base = {
    _: "account.password" as const,
    newAlgo: fresh,
    newSecureAlgo: {
      _: "securePasswordKdfAlgoPBKDF2HMACSHA512iter100000" as const,
      salt: new Uint8Array(randomBytes(8)),
    },
    secureRandom: new Uint8Array(randomBytes(32)),
  };
  if (!account?.srp) return base;
  const challenge = makeChallenge(account.srp);
  world.challenges.set(account.id, challenge);
  return {
    ...base,
    hasPassword: true,
    currentAlgo: algoObject(account.srp.salt1, account.srp.salt2),
    srpB: challenge.bBytes,
    srpId: challenge.srpId,
    hint: account.srp.hint,
  };
}

/** The auth.* and account.getPassword handlers. */
export const auth: Handlers = {
  "auth.sendCode"(world, ctx, fn) {
    const phone = normalizePhone(fn.phoneNumber);
    if (phone.length < 5 || phone.length > 15) throw new RpcFailure(400, "PHONE_NUMBER_INVALID");
    if (!fn.apiHash) throw new RpcFailure(400, "API_ID_INVALID");
    const account = phoneAccount(world, ctx, phone);
    if (account?.bot) throw new RpcFailure(400, "PHONE_NUMBER_INVALID");
    let code = account?.code;
    if (!code) {
      code = world.signUpCodes.get(phone) ??
        String(10000 + (randomBytes(4).readUInt32LE(0) % 90000));
      world.signUpCodes.set(phone, code);
      world.bound(world.signUpCodes);
    }
    const hash = randomBytes(9).toString("hex");
    world.codes.set(hash, { phone, code, expires: world.now() + CODE_LIFETIME });
    world.bound(world.codes);
    return {
      _: "auth.sentCode",
      type: { _: "auth.sentCodeTypeApp", length: code.length },
      phoneCodeHash: hash,
      timeout: 120,
    };
  },

  "auth.resendCode"(world, _ctx, fn) {
    const sent = world.codes.get(fn.phoneCodeHash);
    if (!sent || sent.phone !== normalizePhone(fn.phoneNumber)) {
      throw new RpcFailure(400, "PHONE_CODE_EXPIRED");
    }
    return {
      _: "auth.sentCode",
      type: { _: "auth.sentCodeTypeApp", length: sent.code.length },
      phoneCodeHash: fn.phoneCodeHash,
      timeout: 120,
    };
  },

  "auth.cancelCode"(world, _ctx, fn) {
    return world.codes.delete(fn.phoneCodeHash);
  },

  "auth.signIn"(world, ctx, fn) {
    const phone = normalizePhone(fn.phoneNumber);
    const account = phoneAccount(world, ctx, phone);
    checkCode(world, phone, fn.phoneCodeHash, fn.phoneCode);
    if (!account) return { _: "auth.authorizationSignUpRequired" };
    world.codes.delete(fn.phoneCodeHash);
    if (account.srp) {
      world.passwordPending.set(ctx.authKeyId, account.id);
      throw new RpcFailure(401, "SESSION_PASSWORD_NEEDED");
    }
    return world.signedIn(ctx, account);
  },

  "auth.signUp"(world, ctx, fn) {
    const phone = normalizePhone(fn.phoneNumber);
    if (phoneAccount(world, ctx, phone)) throw new RpcFailure(400, "PHONE_NUMBER_OCCUPIED");
    const sent = world.codes.get(fn.phoneCodeHash);
    if (!sent || sent.phone !== phone) throw new RpcFailure(400, "PHONE_CODE_EXPIRED");
    // Sign-ups are the one way a client creates state without end: capped.
    if (world.accounts.size >= MAX_SIGNUP_ACCOUNTS) throw new RpcFailure(400, "PHONE_NUMBER_FLOOD");
    const firstName = fn.firstName.trim();
    if (!firstName || firstName.length > 64) throw new RpcFailure(400, "FIRSTNAME_INVALID");
    world.codes.delete(fn.phoneCodeHash);
    const created = world.addUser({
      phone,
      firstName,
      lastName: fn.lastName.trim() || undefined,
      dcId: ctx.dcId,
    });
    world.signUpCodes.delete(phone);
    return world.signedIn(ctx, world.account(created.userId));
  },

  "account.getPassword"(world, ctx) {
    const pending = world.passwordPending.get(ctx.authKeyId);
    const account = pending !== undefined ? world.account(pending) : world.me(ctx);
    return passwordObject(world, account);
  },

  "auth.checkPassword"(world, ctx, fn) {
    const userId = world.passwordPending.get(ctx.authKeyId) ?? ctx.userId;
    const account = userId === null ? undefined : world.accounts.get(userId);
    if (!account) throw new RpcFailure(401, "AUTH_KEY_UNREGISTERED");
    if (!account.srp || fn.password._ !== "inputCheckPasswordSRP") {
      throw new RpcFailure(400, "PASSWORD_HASH_INVALID");
    }
    const challenge = world.challenges.get(account.id);
    if (!challenge || challenge.srpId !== fn.password.srpId) {
      throw new RpcFailure(400, "SRP_ID_INVALID");
    }
    // One proof per challenge, right or wrong: a new attempt needs a new account.getPassword.
    world.challenges.delete(account.id);
    const refusal = checkProof(account.srp, challenge, fn.password.A, fn.password.M1);
    if (refusal) throw new RpcFailure(400, refusal);
    return world.signedIn(ctx, account);
  },

  "auth.importBotAuthorization"(world, ctx, fn) {
    const m = /^(\d+):([A-Za-z0-9_-]+)$/.exec(fn.botAuthToken);
    const account = m ? world.accounts.get(Number(m[1])) : undefined;
    if (!account?.bot || account.tokenSecret !== m![2]) {
      throw new RpcFailure(400, "ACCESS_TOKEN_INVALID");
    }
    if (account.dcId !== ctx.dcId) throw new RpcFailure(303, `USER_MIGRATE_${account.dcId}`);
    return world.signedIn(ctx, account);
  },

  "auth.logOut"(world, ctx) {
    world.me(ctx);
    world.importedKeys.delete(ctx.authKeyId);
    ctx.bindUser(null);
    return { _: "auth.loggedOut" };
  },

  "auth.exportAuthorization"(world, ctx, fn) {
    // Allowed off the home DC too: a key left behind by a move carries its login to the new home.
    const account = world.loggedInAnywhere(ctx);
    if (!world.dcs.some((d) => d.id === fn.dcId)) throw new RpcFailure(400, "DC_ID_INVALID");
    const bytes = new Uint8Array(randomBytes(64));
    world.exported.set(hex(bytes), { userId: account.id, dcId: fn.dcId });
    world.bound(world.exported);
    return { _: "auth.exportedAuthorization", id: BigInt(account.id), bytes };
  },

  "auth.importAuthorization"(world, ctx, fn) {
    const key = hex(fn.bytes);
    const entry = world.exported.get(key);
    if (!entry || BigInt(entry.userId) !== fn.id || entry.dcId !== ctx.dcId) {
      throw new RpcFailure(400, "AUTH_BYTES_INVALID");
    }
    world.exported.delete(key);
    const account = world.account(entry.userId);
    if (account.dcId !== ctx.dcId) world.importedKeys.add(ctx.authKeyId);
    return world.signedIn(ctx, account);
  },
};
