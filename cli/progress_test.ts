import { test } from "node:test";
import assert from "node:assert/strict";
import { Progress } from "./progress.ts";

test("progress: drawn on a terminal only, ending with the full count", () => {
  const written: string[] = [];
  const bar = new Progress("peers", 200, {
    isTTY: true,
    columns: 100,
    write: (t) => written.push(t),
  });
  bar.add(50);
  bar.add(150);
  bar.done();
  assert.match(written.at(-2)!, /peers \[#+\] 200\/200 100%/);
  assert.equal(written.at(-1), "\n");
  const silent: string[] = [];
  const none = new Progress("peers", 10, { isTTY: false, write: (t) => silent.push(t) });
  none.add(10);
  none.done();
  assert.deepEqual(silent, []);
});
