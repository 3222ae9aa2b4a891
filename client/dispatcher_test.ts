import { test } from "node:test";
import assert from "node:assert/strict";
import { Dispatcher } from "./dispatcher.ts";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const tick = () => new Promise((r) => setTimeout(r, 1));

test("dispatcher: tasks of a key run in order, one at a time, async or not", async () => {
  const d = new Dispatcher(quiet);
  const log: string[] = [];
  let running = 0;
  for (let i = 0; i < 20; i++) {
    d.run(
      "a",
      i % 2 === 0 ? () => void log.push(`a${i}`) : async () => {
        running++;
        assert.equal(running, 1, "never two of one key at once");
        await tick();
        log.push(`a${i}`);
        running--;
      },
    );
  }
  await d.idle();
  assert.deepEqual(log, Array.from({ length: 20 }, (_, i) => `a${i}`));
});

test("dispatcher: a task never starts inside run(); keys do not wait for each other", async () => {
  const d = new Dispatcher(quiet);
  const log: string[] = [];
  let release!: () => void;
  d.run("slow", () => new Promise<void>((r) => (release = r)).then(() => void log.push("slow")));
  d.run("fast", () => void log.push("fast"));
  assert.deepEqual(log, [], "nothing ran synchronously");
  for (let i = 0; i < 50 && log.length === 0; i++) await tick();
  assert.deepEqual(log, ["fast"]);
  release();
  await d.idle();
  assert.deepEqual(log, ["fast", "slow"]);
});

test("dispatcher: a failing task (thrown or rejected) is logged and the next one runs", async () => {
  const errors: unknown[] = [];
  const d = new Dispatcher({
    ...quiet,
    error: (_m: string, f?: { error?: unknown }) => void errors.push(f?.error),
  });
  const log: number[] = [];
  d.run(1, () => {
    throw new Error("sync");
  });
  d.run(1, () => Promise.reject(new Error("async")));
  d.run(1, () => void log.push(3));
  await d.idle();
  assert.deepEqual(log, [3]);
  assert.deepEqual(errors.map((e) => (e as Error).message), ["sync", "async"]);
});

test("dispatcher: idle() waits for tasks queued while others run; a key can be reused", async () => {
  const d = new Dispatcher(quiet);
  let n = 0;
  d.run("k", async () => {
    await tick();
    d.run("k", () => void n++); // queued behind the running task
    d.run("other", async () => (await tick(), n++));
  });
  await d.idle();
  assert.equal(n, 2);
  d.run("k", () => void n++);
  await d.idle();
  assert.equal(n, 3);
});
