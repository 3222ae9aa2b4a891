/**
 * Bounding maps and sets that grow at one end and shrink at the other (oldest entries first):
 * the client's recently seen peers, the TestServer's boxes, kept answers and replay sets.
 *
 * @module
 */

/**
 * One iterator per bounded map or set, left at its oldest entry. `map.keys().next()` on a map
 * whose front entries were deleted walks over every deleted slot until the table is rehashed
 * (V8, JavaScriptCore): at 10,000 messages per box that cost 6 µs per new message. A kept
 * iterator resumes where it stopped; entries added later are still reached, in insertion order.
 */
const oldestCursor = new WeakMap<object, Iterator<unknown>>();

/** Deletes the oldest entries (insertion order) of `collection` until at most `max` remain. */
export function trimOldest(collection: Map<unknown, unknown> | Set<unknown>, max: number): void {
  while (collection.size > max) {
    let cursor = oldestCursor.get(collection);
    let next = cursor?.next();
    if (next === undefined || next.done) {
      // A finished iterator stays finished: a new one starts at the oldest entry.
      cursor = collection.keys();
      oldestCursor.set(collection, cursor);
      next = cursor.next();
    }
    collection.delete(next.value);
  }
}
