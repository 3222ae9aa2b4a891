/**
 * Child process of tests/deno_cold_path_test.ts (Deno only): watches Deno's lazily made Node
 * globals (`process`, `setImmediate`, …, whose first use starts the Node compatibility layer,
 * ~15 ms) from its first line, then imports mod.ts, starts a Client on an existing session file
 * (env COLD_OPTIONS: the client options as JSON, COLD_WORKDIR), calls getMe and stops. Prints
 * one JSON line: the user id and, for each global touched, the step it was first touched in and
 * the top of the stack that touched it.
 */
const touched: Record<string, { step: string; stack: string }> = {};
let step = "import";
for (const name of ["process", "setImmediate", "clearImmediate", "global"]) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  if (!d?.get) continue; // not a lazy global in this Deno
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: d.enumerable,
    get() {
      touched[name] ??= { step, stack: new Error().stack!.split("\n").slice(2, 6).join("\n") };
      return d.get!.call(globalThis);
    },
    set(v) {
      d.set!.call(globalThis, v);
    },
  });
}
const deno = (globalThis as unknown as {
  Deno: { env: { get(n: string): string | undefined }; exit(code: number): never };
}).Deno;
const { Client } = await import("../mod.ts");
step = "start";
const options = JSON.parse(deno.env.get("COLD_OPTIONS")!);
const app = new Client("cold", {
  ...options,
  workdir: deno.env.get("COLD_WORKDIR"),
  noUpdates: true,
});
await app.start();
step = "getMe";
const me = await app.getMe();
step = "stop";
await app.stop();
console.log(JSON.stringify({ id: me.id, touched }));
deno.exit(0);
