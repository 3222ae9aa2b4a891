import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fileUri } from "./sqlite_native.ts";
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
