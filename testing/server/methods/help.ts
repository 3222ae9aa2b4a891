/**
 * help.getConfig (its dc_options point at this server's ports) and help.getNearestDc.
 *
 * @module
 */
import type { Handlers } from "./handler.ts";

/** The help.* handlers. */
export const help: Handlers = {
  "help.getConfig"(world, ctx) {
    const now = world.now();
    return {
      _: "config",
      date: now,
      expires: now + 3600,
      testMode: false,
      thisDc: ctx.dcId,
      dcOptions: world.dcs.map((d) => ({
        _: "dcOption" as const,
        id: d.id,
        ipAddress: d.host,
        port: d.port,
      })),
      dcTxtDomainName: "apv3.stel.com",
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
  },

  "help.getNearestDc"(_world, ctx) {
    return { _: "nearestDc", country: "US", thisDc: ctx.dcId, nearestDc: ctx.dcId };
  },
};
