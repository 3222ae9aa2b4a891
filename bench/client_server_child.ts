/**
 * The TestServer of bench/client_bench.ts in its own process, so that its work (the world, the
 * pushes' TL and encryption, its sockets) lands on neither the clients' event loop nor their CPU
 * figures. Prints one JSON line (client options, the target the peer libraries take) and then
 * answers each JSON line on stdin with one JSON line, in order:
 * - `{"op":"addBot","username":…}` / `{"op":"addUser","phone":…}`: the world's answer;
 * - `{"op":"supergroup","creatorId":…,"memberId":…}`: a supergroup of the two; answers its id;
 * - `{"op":"push","fromId":…,"toUserId":…,"count":N}` (or `"toChannelId"`): posts N text
 *   messages from `fromId` to `toUserId` (or into the supergroup), each pushed to the live
 *   sessions of the recipient (the members) as the world does for a real sender, yielding to the
 *   event loop every 500 so the sockets drain; answers when all are posted;
 * - `{"op":"cpu"}`: this process's CPU time so far, µs (user + system);
 * - `{"op":"calls","userId":…}`: how many times that user called each method.
 * Runs until its stdin closes.
 */
import process from "node:process";
import { createInterface } from "node:readline";
import { TestServer } from "../testing/server/mod.ts";
import { TestWorld } from "../testing/server/world.ts";

let world!: TestWorld;
const server = await TestServer.start({
  world: (s) => (world = new TestWorld({ dcs: () => s.dcs })),
});
const options = server.clientOptions();
/** Methods each user called, by name (what a library does besides the measured work). */
const calls = new Map<number, Map<string, number>>();
{
  const handle = world.handle.bind(world);
  world.handle = (ctx, fn) => {
    const user = ctx.userId ?? 0;
    const mine = calls.get(user) ?? calls.set(user, new Map()).get(user)!;
    mine.set(fn._, (mine.get(fn._) ?? 0) + 1);
    return handle(ctx, fn);
  };
}
process.stdout.write(
  JSON.stringify({
    options,
    target: {
      apiId: options.apiId,
      apiHash: options.apiHash,
      dcs: server.dcs,
      pem: server.publicKeys[0].pem,
      fingerprint: BigInt.asIntN(64, server.publicKeys[0].fingerprint).toString(),
    },
  }) + "\n",
);

const pause = () => new Promise((r) => setTimeout(r, 0));
type Command =
  | { op: "addBot"; username: string; firstName?: string }
  | { op: "addUser"; phone: string; firstName?: string }
  | { op: "supergroup"; creatorId: number; memberId: number }
  | { op: "push"; fromId: number; toUserId?: number; toChannelId?: number; count: number }
  | { op: "cpu" }
  | { op: "calls"; userId: number };

async function run(c: Command): Promise<unknown> {
  switch (c.op) {
    case "addBot":
      return world.addBot({ username: c.username, firstName: c.firstName });
    case "addUser":
      return world.addUser({ phone: c.phone, firstName: c.firstName ?? c.phone });
    case "supergroup":
      return world.createChannel({
        title: `bench ${c.memberId}`,
        creatorId: c.creatorId,
        memberIds: [c.memberId],
        broadcast: false,
      });
    case "push": {
      const to = c.toChannelId !== undefined
        ? { channelId: c.toChannelId }
        : { userId: c.toUserId! };
      for (let i = 0; i < c.count; i++) {
        world.postMessage({ fromId: c.fromId, to, text: `u${i}` });
        if (i % 500 === 499) await pause();
      }
      return { pushed: c.count };
    }
    case "calls":
      return Object.fromEntries(calls.get(c.userId) ?? []);
    case "cpu": {
      const u = process.cpuUsage();
      return { cpu: u.user + u.system };
    }
  }
}

// One command at a time, answered in order.
let queue: Promise<unknown> = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() === "") return;
  queue = queue.then(async () => {
    let answer: unknown;
    try {
      answer = await run(JSON.parse(line) as Command);
    } catch (e) {
      answer = { error: String((e as Error)?.message ?? e) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  });
});
lines.on("close", async () => {
  await queue;
  await server.stop();
  process.exit(0);
});
