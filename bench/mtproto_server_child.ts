/**
 * The TestServer of bench/mtproto_bench.ts in its own process, so that the clients measured
 * there do not share their event loop with it: prints one JSON line (DC addresses, public key,
 * the port of a bare TCP echo server) and runs until its stdin closes. Each `cpu` line on stdin
 * is answered with one line: this process's CPU time so far in µs (user + system), so that the
 * bench can tell the server's share of a round trip from the client's; each `stats` line with the
 * server's counters as one JSON line (TestServer.stats(): messages and queries received, …).
 */
import process from "node:process";
import * as net from "node:net";
import { createInterface } from "node:readline";
import { TestServer } from "../testing/server/mod.ts";

const server = await TestServer.start();
// The floor of a round trip: the same runtime's socket echoing, with no protocol work at all.
const echo = net.createServer((socket) => {
  socket.setNoDelay(true);
  socket.on("data", (chunk) => socket.write(chunk));
  socket.on("error", () => {});
});
await new Promise<void>((ok) => echo.listen(0, "127.0.0.1", ok));
process.stdout.write(
  JSON.stringify({
    dcs: server.dcs,
    pem: server.publicKeys[0].pem,
    ws: server.wsUrl(2),
    echoPort: (echo.address() as net.AddressInfo).port,
  }) + "\n",
);
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() === "stats") {
    process.stdout.write(JSON.stringify(server.stats()) + "\n");
    return;
  }
  if (line.trim() !== "cpu") return;
  const u = process.cpuUsage();
  process.stdout.write(`${u.user + u.system}\n`);
});
lines.on("close", async () => {
  echo.close();
  await server.stop();
  process.exit(0);
});
