/**
 * help.getConfig (its dc_options point at this server's ports) and help.getNearestDc.
 *
 * @module
 */
import type { Handlers } from "./handler.ts";
import { testConfig } from "../minimal_world.ts";

/** The help.* handlers. */
export const help: Handlers = {
  "help.getConfig"(world, ctx) {
    return testConfig(world.dcs, ctx.dcId, world.now());
  },

  "help.getNearestDc"(_world, ctx) {
    return { _: "nearestDc", country: "US", thisDc: ctx.dcId, nearestDc: ctx.dcId };
  },
};
