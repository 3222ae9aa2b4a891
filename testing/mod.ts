/**
 * Helpers for testing code that uses irenogram (and irenogram itself): a seeded random source
 * for reproducible fuzzing, and the storage conformance suite, so that a storage engine of your
 * own can be held to the same cases as the built-in ones.
 *
 * @example
 * ```ts
 * import { test } from "node:test";
 * import { registerConformanceTests } from "@x/irenogram/testing";
 * import { MemoryStorage } from "@x/irenogram";
 * // At the top level of a test file (here the built-in memory engine stands in for yours):
 * function registerSuite(): void {
 *   registerConformanceTests(test, { name: "memory", create: () => new MemoryStorage() });
 * }
 * ```
 *
 * @module
 */
export { SeededRandom } from "./random.ts";
export { registerConformanceTests } from "./conformance.ts";
export type { ConformanceTarget, ConformanceTestFunction } from "./conformance.ts";
export {
  type Account,
  type CallContext,
  type Channel,
  type DcAddress,
  type DcOption,
  type Destination,
  type Group,
  HOSTILE_MODES,
  type HostileMode,
  type Posted,
  RpcFailure,
  type Sent,
  TestMtproxy,
  type TestMtproxyOptions,
  type TestMtproxyStats,
  TestServer,
  TestServerError,
  type TestServerErrorCode,
  type TestServerOptions,
  type TestServerStats,
  TestWorld,
  TestWorldError,
  type TestWorldErrorCode,
  type UpdateSink,
  type World,
  type WorldDc,
  type WorldOptions,
} from "./server/mod.ts";
