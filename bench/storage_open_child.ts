/**
 * Child of bench/storage_bench.ts: prints how many milliseconds it took, in this fresh process,
 * to import the engine, start it, open FILE and look up one peer.
 *   storage_open_child ours-wasm|ours-native|native FILE PEER_ID
 */
import process from "node:process";

const t0 = performance.now();
const args = process.argv.slice(
  process.argv.findIndex((a) => a.includes("storage_open_child")) + 1,
);
const [mode, file, id] = args;
if (mode.startsWith("ours-")) {
  const { SqliteStorage } = await import("../storage/sqlite.ts");
  const s = new SqliteStorage(file, { driver: mode.slice(5) as "wasm" | "native" });
  await s.open();
  if (!(await s.getPeerById(Number(id)))) throw new Error("peer missing");
  await s.close();
} else {
  const { openNative } = await import("./storage_native.ts");
  const { SQL } = await import("../storage/sqlite_schema.ts");
  const db = await openNative(file);
  // What a native user does: open and read (no check of its own).
  db.exec("PRAGMA locking_mode=EXCLUSIVE;");
  db.prepare(SQL.peerById).row(BigInt(id));
  db.close();
}
console.log((performance.now() - t0).toFixed(1));
