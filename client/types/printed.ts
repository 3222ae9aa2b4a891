/**
 * How the result objects print: like Pyrogram's `str(obj)`, a JSON-like object with `_` (the
 * type's name) and every field that is set, `raw` left out and phone numbers masked (they are
 * personal data). Applies to `console.log`, `Deno.inspect`, `util.inspect` and `JSON.stringify`.
 *
 * @module
 */
import { printAs } from "../../runtime/redact.ts";

/** What a masked phone number prints as (Pyrogram's nine asterisks). */
export const MASKED_PHONE = "*********";

/**
 * Gives the instances of `cls` their printed form: `{ _: name, ...fields }` with the fields that
 * are not `undefined`, read through the getters (so printing computes them). `phoneNumber` is
 * masked; `raw` and the client are never printed.
 */
export function printable<T extends object>(
  cls: { prototype: T },
  name: string,
  fields: readonly (keyof T & string)[],
): void {
  printAs(cls.prototype, (value: T) => {
    const out: Record<string, unknown> = { _: name };
    for (const field of fields) {
      const v = value[field];
      if (v === undefined) continue;
      out[field] = field === "phoneNumber" ? MASKED_PHONE : v;
    }
    return out;
  });
}
