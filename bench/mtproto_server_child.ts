/**
 * The TestServer of bench/mtproto_bench.ts in its own process, so that the clients measured
 * there do not share their event loop with it: prints one JSON line (DC addresses, public key)
 * and runs until its stdin closes.
 */
import process from "node:process";
import { TestServer } from "../testing/server/mod.ts";

const server = await TestServer.start();
process.stdout.write(
  JSON.stringify({ dcs: server.dcs, pem: server.publicKeys[0].pem, ws: server.wsUrl(2) }) + "\n",
);
process.stdin.on("data", () => {});
process.stdin.on("end", async () => {
  await server.stop();
  process.exit(0);
});
process.stdin.resume();
