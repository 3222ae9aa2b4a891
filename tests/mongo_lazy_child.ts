/**
 * Child process of storage/mongo_test.ts: reports, as one JSON line, how many modules of the
 * `mongodb` driver are loaded after importing mod.ts, after constructing a MongoStorage, and
 * after that storage's open() (against a closed port: it fails, but must have loaded the
 * driver). CommonJS modules, which the driver is, land in `require.cache` on Deno, Bun and Node.
 */
import { createRequire } from "node:module";
import process from "node:process";

const require = createRequire(import.meta.url);
const driverModules = () =>
  Object.keys(require.cache).filter((k) => /[\\/]node_modules[\\/](.*[\\/])?mongodb[\\/]/.test(k))
    .length;

const port = Number(process.argv[process.argv.length - 1]);
const report: Record<string, unknown> = { start: driverModules() };
const mod = await import("../mod.ts");
report.afterImport = driverModules();
report.exported = typeof mod.MongoStorage;
const storage = new mod.MongoStorage("lazy_child", `mongodb://127.0.0.1:${port}/`, {
  serverSelectionTimeoutMS: 200,
});
report.afterConstruct = driverModules();
try {
  await storage.open();
  report.opened = true;
} catch (e) {
  report.openError = (e as { code?: string }).code;
}
report.afterOpen = driverModules();
console.log(JSON.stringify(report));
