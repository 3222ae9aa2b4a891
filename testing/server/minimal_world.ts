/**
 * A placeholder world for the protocol side alone: it answers help.getConfig (pointing at this
 * server's ports) and help.getNearestDc, and a clear rpc_error for every other method. The real
 * in-memory world (users, bots, messages, updates) replaces it.
 *
 * @module
 */
import type { AnyFunction, Api } from "../../tl/mod.ts";
import { type CallContext, RpcFailure, type UpdateSink, type World } from "./world_contract.ts";

/** Where each DC of the server listens. */
export interface DcAddress {
  /** DC number, 1–5. */
  id: number;
  /** Address the DC listens on. */
  host: string;
  /** TCP port of the DC. */
  port: number;
}

/** help.getConfig's answer for a server whose DCs listen at `dcs`, seen from `thisDc`. */
export function testConfig(dcs: readonly DcAddress[], thisDc: number, now: number): Api.Config {
  return {
    _: "config",
    date: now,
    expires: now + 3600,
    testMode: false,
    thisDc,
    // IPv6 addresses carry the ipv6 flag, as Telegram's dc_options do.
    dcOptions: dcs.map((dc) => ({
      _: "dcOption",
      ...(dc.host.includes(":") ? { ipv6: true } : {}),
      id: dc.id,
      ipAddress: dc.host,
      port: dc.port,
    })),
    dcTxtDomainName: "localhost",
    chatSizeMax: 200,
    megagroupSizeMax: 200000,
    forwardedCountMax: 100,
    onlineUpdatePeriodMs: 210000,
    offlineBlurTimeoutMs: 5000,
    offlineIdleTimeoutMs: 30000,
    onlineCloudTimeoutMs: 300000,
    notifyCloudDelayMs: 30000,
    notifyDefaultDelayMs: 1500,
    pushChatPeriodMs: 60000,
    pushChatLimit: 2,
    editTimeLimit: 172800,
    revokeTimeLimit: 2147483647,
    revokePmTimeLimit: 2147483647,
    ratingEDecay: 2419200,
    stickersRecentLimit: 200,
    channelsReadMediaPeriod: 604800,
    callReceiveTimeoutMs: 20000,
    callRingTimeoutMs: 90000,
    callConnectTimeoutMs: 30000,
    callPacketTimeoutMs: 10000,
    meUrlPrefix: "https://t.me/",
    captionLengthMax: 1024,
    messageLengthMax: 4096,
    webfileDcId: 4,
  };
}

/** The placeholder {@link World}: configuration only. */
export class MinimalWorld implements World {
  readonly #dcs: () => readonly DcAddress[];

  constructor(dcs: () => readonly DcAddress[]) {
    this.#dcs = dcs;
  }

  handle(ctx: CallContext, fn: AnyFunction): unknown {
    switch (fn._) {
      case "help.getConfig":
        return testConfig(this.#dcs(), ctx.dcId, Math.floor(Date.now() / 1000));
      case "help.getNearestDc":
        return { _: "nearestDc", country: "XX", thisDc: ctx.dcId, nearestDc: ctx.dcId };
      default:
        throw new RpcFailure(400, "METHOD_NOT_SUPPORTED");
    }
  }

  attach(_sink: UpdateSink): void {}
}
