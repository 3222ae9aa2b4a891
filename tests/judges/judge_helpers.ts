// Shared by the third-party client judges: a TestServer with the real world, seeded with the
// accounts every scenario uses, a log of the API methods each auth key called (so that a restart
// can be shown to need no new login), and the rule that a missing judge fails under CI.
// JUDGE_TRACE=1 prints every call the world answers (layer and method) to stderr.
import { test } from "node:test";
import process from "node:process";
import { TestServer } from "../../testing/server/mod.ts";
import type { AnyFunction } from "../../tl/mod.ts";
import type { CallContext } from "../../testing/server/world_contract.ts";
import { TestWorld } from "../../testing/server/world.ts";

/** Credentials every judge uses (the TestServer accepts any api_id/api_hash). */
export const API_ID = 611335;
export const API_HASH = "0123456789abcdef0123456789abcdef";

/** The seeded world a judge scenario logs into. */
export interface JudgeWorld {
  server: TestServer;
  world: TestWorld;
  bot: { token: string; userId: number; username: string };
  user: { phone: string; code: string; userId: number };
  user2fa: { phone: string; code: string; userId: number; password: string };
  /** Homed on DC 4: a login on DC 2 is told PHONE_MIGRATE_4. */
  far: { phone: string; code: string; userId: number };
  /** Homed on DC 3: its token on DC 2 is told USER_MIGRATE_3. */
  farBot: { token: string; userId: number; username: string };
  /** Every API method called, with the DC and the key's user at the time. */
  calls: { method: string; dcId: number; userId: number | null; layer: number }[];
  /** The methods called since `mark` (an index into `calls`). */
  since(mark: number): string[];
}

/**
 * Starts a TestServer on the real world with a bot, a user and a user with 2FA homed on DC 2,
 * a user homed on DC 4 and a bot homed on DC 3 (logins there migrate). `tag` keeps usernames and phones apart when several worlds run in one process.
 */
export async function startJudgeWorld(tag = "a"): Promise<JudgeWorld> {
  let world!: TestWorld;
  const server = await TestServer.start({
    world: (s) => (world = new TestWorld({ dcs: () => s.dcs })),
  });
  const calls: JudgeWorld["calls"] = [];
  const handle = world.handle.bind(world);
  world.handle = (ctx: CallContext, fn: AnyFunction) => {
    calls.push({ method: fn._, dcId: ctx.dcId, userId: ctx.userId, layer: ctx.layer });
    if (process.env.JUDGE_TRACE) console.error("judge call", ctx.layer, fn._);
    return handle(ctx, fn);
  };
  const username = `judge_${tag}_bot`;
  const bot = { ...world.addBot({ username, firstName: "Judge" }), username };
  const phone = `1555${tag.charCodeAt(0)}0001`;
  const user = { phone, ...world.addUser({ phone, firstName: "Alice", username: `alice_${tag}` }) };
  const phone2 = `1555${tag.charCodeAt(0)}0002`;
  const password = "correct horse battery";
  const user2fa = {
    phone: phone2,
    password,
    ...world.addUser({ phone: phone2, firstName: "Carol", password }),
  };
  const phone3 = `1555${tag.charCodeAt(0)}0004`;
  const far = { phone: phone3, ...world.addUser({ phone: phone3, firstName: "Dave", dcId: 4 }) };
  const farUsername = `judge_${tag}_far_bot`;
  const farBot = { ...world.addBot({ username: farUsername, dcId: 3 }), username: farUsername };
  return {
    server,
    world,
    bot,
    user,
    user2fa,
    far,
    farBot,
    calls,
    since: (mark) => calls.slice(mark).map((c) => c.method),
  };
}

/** Whether this run must have every judge (CI=true): then a missing one fails, never skips. */
export const REQUIRED = process.env.CI === "true";

/** The Python with Irenogram and Telethon, or null (see {@link REQUIRED}). */
export function judgePython(): string | null {
  const py = process.env.IRENOGRAM_PYTHON;
  if (!py && REQUIRED) {
    throw new Error("CI=true but IRENOGRAM_PYTHON is not set: the Python judges must run");
  }
  return py ?? null;
}

/** Logins the scenarios may make; a restart with a saved session must make none of these. */
export const LOGIN_METHODS = new Set([
  "auth.importBotAuthorization",
  "auth.sendCode",
  "auth.signIn",
  "auth.signUp",
  "auth.checkPassword",
  "auth.importAuthorization",
]);

/** Resolves when `predicate` holds, polling; rejects after `ms` (bounded waits only). */
export async function waitFor(predicate: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs `scenario`, failing (not hanging) after `ms`: a judge that stalls is a failed judge. */
export async function bounded<T>(ms: number, what: string, scenario: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([scenario(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Registers one judge scenario as a test on a fresh {@link startJudgeWorld}: `make(...args)`
 * creates a client with `create(j, ...args)`; every client made is destroyed and the server
 * stopped afterwards, whatever happens; the scenario fails (not hangs) after 60 s.
 */
export function judgeTest<A extends unknown[], C extends { destroy(): Promise<unknown> }>(
  name: string,
  create: (j: JudgeWorld, ...args: A) => C,
  scenario: (j: JudgeWorld, make: (...args: A) => C) => Promise<void>,
): void {
  test(name, { timeout: 120_000 }, () =>
    bounded(60_000, name, async () => {
      const j = await startJudgeWorld();
      const clients: C[] = [];
      const make = (...args: A) => {
        const c = create(j, ...args);
        clients.push(c);
        return c;
      };
      try {
        await scenario(j, make);
      } finally {
        for (const c of clients) await c.destroy().catch(() => {});
        await j.server.stop();
      }
    }));
}
