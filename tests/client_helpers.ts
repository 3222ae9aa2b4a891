// Shared by the Client's end-to-end tests: a TestServer world with a bot, a user and a 2FA user
// (the judges' world), and a temporary folder for session files.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { MongoClient } from "mongodb";
import { type JudgeWorld, LOGIN_METHODS, startJudgeWorld } from "./judges/judge_helpers.ts";
import type { ClientOptions } from "../client/options.ts";

export { LOGIN_METHODS, waitFor } from "./judges/judge_helpers.ts";
export type { JudgeWorld };

/** A judges' world plus a temporary folder, both removed by `close()`. */
export async function startWorld(tag: string): Promise<
  JudgeWorld & {
    dir: string;
    /** The server's client options with the temporary folder as workdir. */
    options: () => ClientOptions;
    /** {@link options} plus the bot's token. */
    botOptions: () => ClientOptions;
    /** {@link options} plus the user's phone number and code. */
    userOptions: () => ClientOptions;
    close(): Promise<void>;
  }
> {
  const w = await startJudgeWorld(tag);
  const dir = mkdtempSync(join(tmpdir(), "irenogram-client-e2e-"));
  return {
    ...w,
    dir,
    options: () => ({ ...w.server.clientOptions(), workdir: dir }),
    botOptions: () => ({ ...w.server.clientOptions(), workdir: dir, botToken: w.bot.token }),
    userOptions: () => ({
      ...w.server.clientOptions(),
      workdir: dir,
      phoneNumber: w.user.phone,
      phoneCode: w.user.code,
    }),
    async close() {
      await w.server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether any of `methods` logs in. */
export const loggedIn = (methods: string[]) => methods.filter((m) => LOGIN_METHODS.has(m));

/** MONGODB_URL, or the local FerretDB of scripts/services.sh. */
export const MONGO_URL = process.env.MONGODB_URL || "mongodb://127.0.0.1:27017/";

/** Skip reason when no MongoDB answers (never skipped with MONGODB_URL set or in CI). */
export async function mongoSkip(): Promise<string | false> {
  const probe = new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 1500 });
  try {
    await probe.db("admin").command({ ping: 1 });
    return false;
  } catch {
    return process.env.MONGODB_URL || process.env.CI ? false : "no MongoDB server reachable";
  } finally {
    await probe.close();
  }
}

/** Drops the database of a session name. */
export async function dropMongo(name: string): Promise<void> {
  const c = new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 5000 });
  try {
    await c.db(name).dropDatabase();
  } finally {
    await c.close();
  }
}
