// One cold start for bench/client_bench.ts: a fresh process imports LIBRARY (argv[2]), opens its
// default persistent session in BENCH_WORKDIR (env BENCH_TARGET names the TestServer) and calls
// getMe, then exits. Prints the milliseconds from the first line of this script to getMe's answer
// and the time at each step (imported; started: session open and connected; answered), and for
// irenogram the SQLite driver that ran. LIBRARY "none" imports nothing and exits: the runtime's
// own start and exit, the floor of every whole-process figure.
//
// On Deno the arguments, environment and exit go through Deno's own API, for every library and
// the empty child alike: node:process would start Deno's Node compatibility layer (~15 ms) in
// every child, whether the library needs it or not.

const t0 = performance.now();
const phases: Record<string, number> = {};
const mark = (name: string) => void (phases[name] = Math.round(performance.now() - t0));
interface DenoBits {
  args: string[];
  env: { get(name: string): string | undefined };
  exit(code: number): never;
}
const deno = (globalThis as { Deno?: DenoBits }).Deno;
const nodeProcess = deno ? undefined : (await import("node:process")).default;
const lib = deno ? deno.args[0] : nodeProcess!.argv[2];
const env = (name: string) => deno ? deno.env.get(name) : nodeProcess!.env[name];
const target = JSON.parse(env("BENCH_TARGET") ?? "null");
const workdir = env("BENCH_WORKDIR")!;
let id: unknown;
let driver: string | undefined;
if (lib === "none") {
  id = "none";
} else if (lib === "irenogram") {
  const { Client } = await import("../mod.ts");
  mark("imported");
  const app = new Client("cold", {
    apiId: target.apiId,
    dcOptions: target.dcs,
    publicKeys: [target.pem],
    workdir,
    noUpdates: true,
  });
  await app.start();
  mark("started");
  id = (await app.getMe()).id;
  mark("answered");
  driver = (app.storage as { inner?: { driver?: string } }).inner?.driver;
  await app.stop();
} else if (lib === "mtcute") {
  const { mtcuteClient, mtcuteStorage } = await import("./client_mtcute.ts");
  mark("imported");
  const c = await mtcuteClient(target, await mtcuteStorage(`${workdir}/mtcute.session`));
  await c.connect();
  mark("started");
  id = (await c.getMe()).id;
  mark("answered");
  await c.destroy();
} else {
  const { gramjsClient, gramjsStoreSession } = await import("./client_gramjs.ts");
  mark("imported");
  (await import("node:process")).default.chdir(workdir); // StoreSession's folder is relative to the working directory
  const c = gramjsClient(target, gramjsStoreSession("gramjs_session"));
  await c.connect();
  mark("started");
  id = (await c.getMe() as { id: unknown }).id;
  mark("answered");
  await c.destroy();
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, id: String(id), driver, ...phases }));
if (deno) deno.exit(0);
else nodeProcess!.exit(0);
