// One cold start for bench/client_bench.ts: a fresh process imports LIBRARY (argv[2]), opens the
// saved session (env BENCH_TARGET, BENCH_SESSION, BENCH_WORKDIR) and calls getMe, then exits.
// Prints the milliseconds from the first line of this script to getMe's answer.
import process from "node:process";

const t0 = performance.now();
const lib = process.argv[2];
const target = JSON.parse(process.env.BENCH_TARGET!);
const session = process.env.BENCH_SESSION ?? "";
let id: unknown;
if (lib === "irenogram") {
  const { Client } = await import("../mod.ts");
  const app = new Client("cold", {
    apiId: target.apiId,
    dcOptions: target.dcs,
    publicKeys: [target.pem],
    workdir: process.env.BENCH_WORKDIR,
    noUpdates: true,
  });
  await app.start();
  id = (await app.getMe()).id;
  await app.stop();
} else if (lib === "mtcute") {
  const { mtcuteClient } = await import("./client_mtcute.ts");
  const c = await mtcuteClient(target);
  await c.importSession(session);
  await c.connect();
  id = (await c.getMe()).id;
  await c.destroy();
} else {
  const { gramjsClient } = await import("./client_gramjs.ts");
  const c = gramjsClient(target, session);
  await c.connect();
  id = (await c.getMe() as { id: unknown }).id;
  await c.destroy();
}
console.log(JSON.stringify({ ms: performance.now() - t0, id: String(id) }));
process.exit(0);
