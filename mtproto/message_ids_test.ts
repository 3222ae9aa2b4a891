// msg_id, seq_no and the checks on server msg_ids, on plain numbers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BACKWARD_JUMP_MS, MessageIds, SEEN_CAPACITY, SeqNo, ServerMsgIds } from "./message_ids.ts";

/** A monotonic clock that stands still: only the injected wall clock moves in these tests. */
const still = () => 0;

test("msg_id: time in the high 32 bits, divisible by 4, strictly increasing", () => {
  let now = 1_700_000_000_123;
  const ids = new MessageIds(() => now, still);
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
  const ids = new MessageIds(() => now, still);
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
  const ids = new MessageIds(() => now, still);
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

test("msg_id: the wall clock set back mid-session is noticed against the monotonic clock", () => {
  let wall = 1_700_000_000_000, mono = 5_000;
  const ids = new MessageIds(() => wall, () => mono);
  ids.offset = 2; // the server is 2 s ahead, as the key exchange found
  const before = ids.next();
  wall += 1000, mono += 1000;
  const later = ids.next();
  assert.equal(later >> 32n, 1_700_000_003n);
  // An hour back (NTP stepping the clock) while 10 ms pass: the server's time as believed here
  // goes on from where it was, and so do the ids (not stuck at +4 each, then refused as too old).
  wall -= 3_600_000, mono += 10;
  const after = ids.next();
  assert.ok(after > later && later > before);
  assert.equal(after >> 32n, 1_700_000_003n);
  assert.ok(Math.abs(ids.offset - 3602.01) < 1e-6, `offset ${ids.offset}`);
  assert.ok(Math.abs(ids.serverNow() - (1_700_000_003_010)) < 1);
  wall += 5000, mono += 5000;
  assert.equal(ids.next() >> 32n, 1_700_000_008n, "and moves on with the monotonic clock");
  // A small step back (under BACKWARD_JUMP_MS) is no jump: ids just keep increasing.
  const last = ids.next();
  wall -= BACKWARD_JUMP_MS - 100;
  assert.ok(ids.next() > last);
  assert.ok(Math.abs(ids.offset - 3602.01) < 1e-6);
  // Forward is left alone (a suspended machine's clock is right to move; 17 handles the rest).
  wall += 600_000;
  ids.next();
  assert.ok(Math.abs(ids.offset - 3602.01) < 1e-6);
  // Set back an hour during a two-hour wait between reads: the wall clock shows one hour more
  // than at the last read, the monotonic clock two; the hour is found all the same.
  wall += 3_600_000, mono += 7_200_000;
  ids.next();
  assert.ok(Math.abs(ids.offset - 7202.01) < 1e-3, `offset ${ids.offset}`);
});

/** The straightforward msg_id generator on BigInts (what MessageIds.next did before). */
class ReferenceIds {
  last = 0n;
  constructor(readonly now: () => number) {}
  next(offset: number): bigint {
    const ms = this.now() + offset * 1000;
    const seconds = Math.floor(ms / 1000);
    const fraction = Math.floor((ms - seconds * 1000) * 4294967.296) & ~3;
    let id = (BigInt(seconds) << 32n) | BigInt(fraction >>> 0);
    if (id <= this.last) id = this.last + 4n;
    this.last = id;
    return id;
  }
}

test("msg_id: next() on two 32-bit halves equals the BigInt arithmetic (differential)", () => {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let wall = 1_700_000_000_000;
  const ids = new MessageIds(() => wall, () => wall); // wall and monotonic in step: no jumps
  const ref = new ReferenceIds(() => wall);
  for (let i = 0; i < 20_000; i++) {
    const r = rnd();
    // the same millisecond, sub-millisecond steps, whole seconds, and a fraction near 2^32
    if (r < 0.4) { /* same instant */ }
    else if (r < 0.7) wall += rnd() * 2;
    else if (r < 0.8) wall += Math.floor(rnd() * 3) * 1000;
    else if (r < 0.85) wall = Math.floor(wall / 1000) * 1000 + 999.9999;
    else wall += rnd() * 50;
    if (i % 5000 === 4999) ids.offset = ids.offset + 0.5; // offsets with fractions too
    assert.equal(ids.next(), ref.next(ids.offset), `step ${i}`);
  }
  // Carrying into the seconds: more ids in one instant than the fraction has room for above it.
  const edge = new MessageIds(() => 1_700_000_000_999.9999, still);
  const edgeRef = new ReferenceIds(() => 1_700_000_000_999.9999);
  for (let i = 0; i < 100; i++) assert.equal(edge.next(), edgeRef.next(0));
  assert.ok(edgeRef.last >> 32n === 1_700_000_001n, "the test reaches the carry");
});

test("msgs_state_info flags: +8 once the ack went out, +16 for a message needing none (known answers)", () => {
  const base = 1_700_000_000n << 32n;
  const seen = new ServerMsgIds();
  const content = base + 1n, service = base + 5n, acked = base + 9n, never = base + 13n;
  assert.equal(seen.check(content, undefined, true), undefined);
  assert.equal(seen.check(service, undefined, false), undefined);
  assert.equal(seen.check(acked, undefined, true), undefined);
  assert.equal(seen.check(base + 17n), undefined);
  seen.acknowledged([acked, service, never]);
  // core.telegram.org/mtproto/service_messages_about_messages: 4 = received, +8 = already
  // acknowledged, +16 = not requiring acknowledgment; 2 = not received within the range kept.
  assert.deepEqual(
    [...seen.states([content, service, acked, never])],
    [4, 4 + 16, 4 + 8, 2],
  );
});

test("msgs_state_info flags: the ring of acks sent grows, then keeps the last SEEN_CAPACITY", () => {
  const base = 1_700_000_000n << 32n;
  const seen = new ServerMsgIds();
  const n = SEEN_CAPACITY + 100;
  const ids = Array.from({ length: n }, (_, i) => base + BigInt(4 * i + 1));
  for (const id of ids) seen.check(id);
  // In batches of uneven sizes, as msgs_ack goes out.
  for (let i = 0; i < n; i += 37) seen.acknowledged(ids.slice(i, i + 37));
  const states = seen.states(ids);
  // The oldest 100 are forgotten by the duplicate check too (1: nothing known); the rest 12.
  assert.deepEqual([...new Set(states.slice(0, 100))], [1]);
  assert.deepEqual([...new Set(states.slice(100))], [4 + 8]);
});

test("MessageIds.lastWall is the wall clock next() and serverNow() read last (what the session stamps a send with)", () => {
  let wall = 1_700_000_000_123;
  const ids = new MessageIds(() => wall, () => 0);
  assert.ok(Number.isNaN(ids.lastWall), "nothing read yet");
  for (let i = 0; i < 50; i++) {
    wall += (i * 7) % 13;
    const id = ids.next();
    assert.equal(ids.lastWall, wall);
    assert.equal(MessageIds.seconds(id), Math.floor(wall / 1000));
    wall += 3;
    ids.serverNow();
    assert.equal(ids.lastWall, wall);
  }
});
