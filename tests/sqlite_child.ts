/**
 * Child process of the SQLite storage tests. Modes (argv after the script):
 * - `hold FILE`: opens the session file, prints `ready`, keeps it open until stdin closes.
 * - `write FILE FIRST_BATCH BATCH_SIZE`: opens the file and writes batches of peers forever,
 *   printing each batch number after its commit; the parent kills it with SIGKILL.
 * - `lazy`: imports mod.ts and prints, as JSON, whether SQLite WASM was loaded before and after
 *   opening a session file (sqlite-wasm defines `globalThis.sqlite3InitModule` when its module is evaluated).
 * The last argument names the SQLite driver (`auto`, `native`, `wasm`).
 */
import process from "node:process";

const args = process.argv.slice(process.argv.findIndex((a) => a.includes("sqlite_child")) + 1);
const [mode, file] = args;
const driver = args[args.length - 1] as "auto" | "native" | "wasm";
const loaded = () => "sqlite3InitModule" in globalThis;

if (mode === "lazy") {
  const before = loaded();
  const mod = await import("../mod.ts");
  const afterImport = loaded();
  const storage = new mod.SqliteStorage(file, { driver });
  const afterConstruct = loaded();
  await storage.open();
  const afterOpen = loaded();
  await storage.close();
  console.log(JSON.stringify({ before, afterImport, afterConstruct, afterOpen }));
} else {
  const { SqliteStorage } = await import("../storage/sqlite.ts");
  const storage = new SqliteStorage(file, { driver });
  await storage.open();
  if (mode === "hold") {
    process.stdout.write("ready\n");
    process.stdin.resume();
    process.stdin.on("end", async () => {
      await storage.close();
      process.exit(0);
    });
  } else if (mode === "write") {
    const size = Number(args[3]);
    const now = Math.floor(Date.now() / 1000);
    for (let batch = Number(args[2]);; batch++) {
      const peers = [];
      for (let i = 0; i < size; i++) {
        const id = batch * size + i + 1;
        peers.push({
          id,
          accessHash: BigInt(id) * -7919n,
          type: "user" as const,
          usernames: [`user_${id}`],
          phoneNumber: String(id),
          lastUpdateOn: now,
        });
      }
      await storage.updatePeers(peers);
      process.stdout.write(`${batch}\n`);
    }
  }
}
