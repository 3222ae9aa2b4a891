import { test } from "node:test";
import assert from "node:assert/strict";
import { posix } from "node:path";
import * as path from "./path.ts";
import {
  posixBasename,
  posixDirname,
  posixJoin,
  posixNormalize,
  posixRelativeFrom,
  posixResolveFrom,
} from "./path.ts";

/** Paths built from the pieces where POSIX path rules have their corner cases. */
function* paths(count: number, seed: number): Generator<string> {
  const pieces = ["", "/", "//", ".", "..", "a", "b.session", "c d", "é", "...", ".x"];
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % pieces.length;
  for (let i = 0; i < count; i++) {
    let p = "";
    const n = next() % 6;
    for (let j = 0; j < n; j++) p += pieces[next()] + (next() % 3 === 0 ? "" : "/");
    yield p;
  }
}

test("path: the hand-written POSIX rules agree with node:path's on generated paths", () => {
  const cwd = "/home/u/work";
  let compared = 0;
  const list = [...paths(3000, 7), "/", "//", "///", "//a", "///a", "/a//b", "a/", "", "."];
  for (const [i, p] of list.entries()) {
    const q = list[(i * 7 + 3) % list.length];
    assert.equal(posixNormalize(p), posix.normalize(p), `normalize(${JSON.stringify(p)})`);
    assert.equal(posixDirname(p), posix.dirname(p), `dirname(${JSON.stringify(p)})`);
    assert.equal(posixBasename(p), posix.basename(p), `basename(${JSON.stringify(p)})`);
    assert.equal(posixJoin(p, q), posix.join(p, q), `join(${JSON.stringify([p, q])})`);
    assert.equal(posixJoin(p), posix.join(p));
    assert.equal(
      posixResolveFrom(cwd, p, q),
      posix.resolve(cwd, p, q),
      `resolve(${JSON.stringify([p, q])})`,
    );
    assert.equal(
      posixRelativeFrom(cwd, p, q),
      posix.relative(posix.resolve(cwd, p), posix.resolve(cwd, q)),
      `relative(${JSON.stringify([p, q])})`,
    );
    compared++;
  }
  assert.equal(posixJoin(), posix.join());
  assert.ok(compared > 3000);
});

test("path: the exported functions are this runtime's node:path ones in effect", () => {
  // Whichever implementation serves here (hand-written on Deno/POSIX, node:path elsewhere), it
  // answers as node:path does for the working directory of this process.
  for (const p of ["x.session", "./a/../b", "/tmp//s.session", "../up", ""]) {
    assert.equal(path.resolve(p), posix.resolve(p));
    assert.equal(path.join("w", p), posix.join("w", p));
    assert.equal(path.dirname(p), posix.dirname(p));
    assert.equal(path.basename(p), posix.basename(p));
    assert.equal(path.isAbsolute(p), posix.isAbsolute(p));
    assert.equal(path.relative("w", p), posix.relative("w", p));
  }
  assert.equal(path.sep, "/");
  assert.equal(path.POSIX_BY_HAND, "Deno" in globalThis);
});
