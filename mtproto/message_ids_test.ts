// msg_id, seq_no and the checks on server msg_ids, on plain numbers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MessageIds, SEEN_CAPACITY, SeqNo, ServerMsgIds } from "./message_ids.ts";

test("msg_id: time in the high 32 bits, divisible by 4, strictly increasing", () => {
  let now = 1_700_000_000_123;
  const ids = new MessageIds(() => now);
  const first = ids.next();
  assert.equal(first >> 32n, 1_700_000_000n);
  // 0.123 s as a fraction of 2^32
  assert.equal(Number(first & 0xffffffffn), Math.floor(0.123 * 2 ** 32) & ~3);
  let last = first;
  for (let i = 0; i < 10_000; i++) {
    if (i % 1000 === 0) now += 1; // the clock moves slowly: ids must still grow
    const id = ids.next();
    assert.equal(id % 4n, 0n);
    assert.ok(id > last);
    last = id;
  }
  now -= 5000; // the local clock jumps back: still increasing
  assert.ok(ids.next() > last);
});

test("msg_id: corrected by a server msg_id (bad_msg_notification 16/17)", () => {
  const now = 1_700_000_000_000;
  const ids = new MessageIds(() => now);
  ids.next();
  const serverId = (BigInt(1_700_000_600) << 32n) | 1n; // the server is 10 minutes ahead
  ids.correct(serverId);
  assert.equal(ids.offset, 600);
  assert.equal(ids.next() >> 32n, 1_700_000_600n);
  ids.correct((BigInt(1_699_999_400) << 32n) | 1n); // and now 10 minutes behind
  assert.equal(ids.offset, -600);
  assert.equal(ids.next() >> 32n, 1_699_999_400n);
});

test("msg_id: a correction backwards never repeats an id the server may have taken", () => {
  // Ids sent at the true time, then the local clock jumps 100 s ahead within the same
  // millisecond: those ids are refused (17) and the server's clock is adopted again. The next
  // ids follow it but stay above the ones sent before the jump (a repeat is a duplicate).
  let now = 1_700_000_000_000;
  const ids = new MessageIds(() => now);
  const taken = [ids.next(), ids.next(), ids.next()];
  now += 100_000;
  const refused = ids.next();
  assert.equal(refused >> 32n, 1_700_000_100n);
  ids.correct((BigInt(1_700_000_000) << 32n) | 1n);
  const next = ids.next();
  assert.equal(next >> 32n, 1_700_000_000n);
  assert.ok(taken.every((id) => next > id), "above every id sent before the jump");
  assert.ok(next < refused);
});

test("seq_no: odd for content-related messages, counting them", () => {
  const s = new SeqNo();
  assert.deepEqual(
    [s.next(true), s.next(false), s.next(true), s.next(true), s.next(false)],
    [1, 2, 3, 5, 6],
  );
  s.reset();
  assert.equal(s.next(false), 0);
});

test("server msg_ids: even, duplicate, too old, too new are refused", () => {
  const now = 1_700_000_000_000;
  const at = (sec: number, low: number) => (BigInt(sec) << 32n) | BigInt(low);
  const seen = new ServerMsgIds();
  assert.equal(seen.check(at(1_700_000_000, 2), now), "even");
  assert.equal(seen.check(at(1_700_000_000, 1), now), undefined);
  assert.equal(seen.check(at(1_700_000_000, 1), now), "duplicate");
  assert.equal(seen.check(at(1_700_000_000 - 301, 1), now), "too old");
  assert.equal(seen.check(at(1_700_000_000 + 31, 1), now), "too new");
  assert.equal(seen.check(at(1_700_000_000 - 299, 5), now), undefined);
  assert.equal(seen.check(at(1_700_000_000 + 29, 5), now), undefined);
  // without a clock (inner messages of a container): only parity and duplicates
  assert.equal(seen.check(at(1_000, 1)), undefined);
  assert.ok(seen.has(at(1_000, 1)));
});

test("server msg_ids: memory bounded; forgotten ids still count as seen", () => {
  const seen = new ServerMsgIds();
  const base = 1_700_000_000n << 32n;
  const n = SEEN_CAPACITY * 3;
  for (let i = 0; i < n; i++) assert.equal(seen.check(base + BigInt(4 * i + 1)), undefined);
  assert.ok(seen.size <= SEEN_CAPACITY);
  // replaying the oldest: refused although no longer in the set
  assert.equal(seen.check(base + 1n), "duplicate");
  assert.equal(seen.check(base + BigInt(4 * n + 1)), undefined);
});
