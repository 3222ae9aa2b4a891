/**
 * Functions know their result type: these only compile when `ResultOf` and `readResult` resolve
 * to the right types (checked by `deno test` and by the npm build's tsc), and they check the
 * decoded values at run time.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readResult, serialize, TlWriter } from "./mod.ts";
import type { AnyFunction, Api, ResultOf } from "./mod.ts";

/** Compiles only when `T` and `U` are the same type. */
type Same<T, U> = [T] extends [U] ? ([U] extends [T] ? true : false) : false;
const same = <T, U>(ok: Same<T, U>) => assert.equal(ok, true);

/** What an `invoke` built on these types infers from its argument. */
function resultOf<F extends AnyFunction>(fn: F, bytes: Uint8Array): ResultOf<F> {
  return readResult(fn, bytes);
}

test("results are typed by the function, through generic wrappers", () => {
  same<ResultOf<Api.HelpGetConfig>, Api.TypeConfig>(true);
  same<ResultOf<Api.ContactsGetContactIDs>, number[]>(true);
  same<ResultOf<Api.AccountGetContactSignUpNotification>, boolean>(true);
  same<
    ResultOf<{ _: "invokeWithLayer"; layer: number; query: Api.MessagesGetHistory }>,
    Api.TypeMessagesMessages
  >(true);

  const pong = serialize({ _: "pong", msgId: 1n, pingId: 2n });
  const r = resultOf({ _: "ping", pingId: 2n }, pong);
  same<typeof r, Api.TypePong>(true);
  assert.equal(r.pingId, 2n);

  const w = new TlWriter();
  w.vectorInt([4, 5]);
  const wrapped = resultOf({
    _: "invokeWithLayer",
    layer: 224,
    query: { _: "contacts.getContactIDs", hash: 0n },
  }, w.result());
  same<typeof wrapped, number[]>(true);
  assert.deepEqual(wrapped, [4, 5]);
});
