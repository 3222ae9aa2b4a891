/**
 * The shape of a method handler (see `methods/mod.ts`).
 *
 * @module
 */
import type { Api } from "../../../tl/mod.ts";
import type { CallContext } from "../world_contract.ts";
import type { TestWorld } from "../world.ts";

/** Handlers by TL function name, each typed by its function. */
export type Handlers = {
  [N in keyof Api.Functions]?: (
    world: TestWorld,
    ctx: CallContext,
    fn: Api.Functions[N],
  ) => R<N> | Promise<R<N>>;
};

type R<N> = N extends keyof Api.Results ? Api.Results[N] : unknown;
