import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { fileUri, nativeSqlite } from "./sqlite_native.ts";
import { RUNTIME } from "./runtime.ts";
import { SeededRandom } from "../testing/random.ts";

// Characters a file URI must escape (URL syntax, SQLite's `?` query and `%` escapes), letters,
// and characters outside ASCII of two, three and four UTF-8 bytes.
const ALPHABET = [..."%?#\\\n\r\t ;[]{}|^`\"<>~!$&'()*+,=@:.-_aZ09é€😀"];

test("fileUri: known answers, and node:url decodes every URI back to its path", () => {
  assert.equal(fileUri("/tmp/s/a b.session"), "file:///tmp/s/a%20b.session");
  assert.equal(fileUri("/tmp/100%?#x"), "file:///tmp/100%25%3F%23x");
  const r = new SeededRandom(41);
  for (let i = 0; i < 2000; i++) {
    const segments = Array.from(
      { length: 1 + r.int(4) },
      () => Array.from({ length: 1 + r.int(8) }, () => ALPHABET[r.int(ALPHABET.length)]).join(""),
    );
    // Some not normalised (`//`, `.`, `..`): those take node:url's own path.
    if (i % 10 === 0) segments.splice(r.int(segments.length), 0, ["", ".", ".."][r.int(3)]);
    const path = "/" + segments.join("/");
    const uri = fileUri(path);
    const expected = pathToFileURL(path);
    assert.equal(fileURLToPath(uri), fileURLToPath(expected), `path ${JSON.stringify(path)}`);
    assert.match(uri, /^file:\/\/\/[^?#\s\\]*$/, `path ${JSON.stringify(path)}`);
  }
});

test("nativeSqlite: on Node, better-sqlite3's addon is the one its own search (bindings) finds", {
  skip: RUNTIME !== "node" && "better-sqlite3 is Node's native SQLite only",
}, () => {
  const found = nativeSqlite();
  assert.equal(found?.kind, "better-sqlite3");
  assert.notEqual(found?.binding, undefined);
  // bindings, resolved as better-sqlite3 resolves it, loads the same file (one module object).
  const main = createRequire(import.meta.url).resolve("better-sqlite3"); // ROOT/lib/index.js
  const bindings = createRequire(main)("bindings") as (o: Record<string, string>) => unknown;
  const root = fileURLToPath(new URL("..", pathToFileURL(main)));
  assert.equal(
    bindings({ bindings: "better_sqlite3.node", module_root: root }),
    found?.binding,
  );
});
