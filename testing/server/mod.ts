/**
 * TestServer: an offline Telegram DC set on 127.0.0.1 that speaks MTProto 2.0 byte for byte as
 * Telegram does, for testing clients, bots and scripts without a network.
 *
 * @example
 * ```ts
 * import { TestServer } from "@x/irenogram/testing";
 * await using server = await TestServer.start();
 * console.log(server.dcs.map((dc) => dc.port), server.publicKeys[0].fingerprint);
 * ```
 *
 * @module
 */
export {
  type DcOption,
  TestServer,
  type TestServerOptions,
  type TestServerStats,
} from "./server.ts";
export type { DcAddress } from "./minimal_world.ts";
export { TestMtproxy, type TestMtproxyOptions, type TestMtproxyStats } from "./mtproxy.ts";
export { HOSTILE_MODES, type HostileMode } from "./hostile.ts";
export { TestServerError, type TestServerErrorCode } from "./errors.ts";
export { type CallContext, RpcFailure, type UpdateSink, type World } from "./world_contract.ts";
export {
  type Account,
  type Channel,
  type Destination,
  type Group,
  type Posted,
  type Sent,
  TestWorld,
  TestWorldError,
  type TestWorldErrorCode,
  type WorldDc,
  type WorldOptions,
} from "./world.ts";
