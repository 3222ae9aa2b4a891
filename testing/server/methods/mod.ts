/**
 * The API methods the TestServer's world answers, by TL function name. Each handler gets the
 * world, the call's context and the (unwrapped, layer-224) function; it returns a layer-224
 * result or throws {@link RpcFailure}.
 *
 * @module
 */
import { auth } from "./auth.ts";
import { help } from "./help.ts";
import { users } from "./users.ts";
import { messages } from "./messages.ts";
import { updates } from "./updates.ts";
import type { Handlers } from "./handler.ts";

/** Every implemented method. */
export const handlers: Handlers = { ...auth, ...help, ...users, ...messages, ...updates };
