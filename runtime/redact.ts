/**
 * Objects that hold secrets but print without them: Deno's `Deno.inspect`/`console.log`, Node's
 * and Bun's `util.inspect`/`console.log` and `JSON.stringify` all see a copy whose secret fields
 * read "[redacted]", while code reading the fields still gets the real values. Each runtime
 * looks for its own custom-inspect symbol, hence this adapter.
 *
 * @module
 */

const DENO_INSPECT = Symbol.for("Deno.customInspect");
const NODE_INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** What a secret field prints as. */
export const REDACTED = "[redacted]";

/**
 * Gives `value` (before it is frozen) a printed form in which `fields` that are set read
 * {@link REDACTED}. The added members are not enumerable: spreading or `Object.entries` see
 * only the real fields. Returns `value`.
 *
 * @example
 * ```ts
 * const options = redactWhenPrinted({ apiId: 1, apiHash: "0123abcd" }, ["apiHash"]);
 * JSON.stringify(options); // {"apiId":1,"apiHash":"[redacted]"}
 * options.apiHash; // "0123abcd"
 * ```
 */
export function redactWhenPrinted<T extends object>(value: T, fields: readonly string[]): T {
  const shown = (): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      copy[key] = fields.includes(key) && field !== undefined && field !== null ? REDACTED : field;
    }
    return copy;
  };
  Object.defineProperties(value, {
    [DENO_INSPECT]: {
      value: (inspect: (v: unknown, o?: unknown) => string, options?: unknown) =>
        inspect(shown(), options),
    },
    [NODE_INSPECT]: {
      value: (_depth: number, options: unknown, inspect: (v: unknown, o?: unknown) => string) =>
        inspect(shown(), options),
    },
    toJSON: { value: shown },
  });
  return value;
}

/**
 * Makes every instance of a class print as `shown(instance)`: under Deno's and Node's/Bun's
 * inspect (`console.log`) and in `JSON.stringify`. For objects whose fields are getters on the
 * prototype (which inspect does not show by itself). Defined once on `prototype`, not per object.
 *
 * @example
 * ```ts
 * class Point {
 *   constructor(readonly raw: [number, number]) {}
 *   get x(): number {
 *     return this.raw[0];
 *   }
 * }
 * printAs(Point.prototype, (p: Point) => ({ _: "Point", x: p.x }));
 * JSON.stringify(new Point([1, 2])); // {"_":"Point","x":1}
 * ```
 */
export function printAs<T extends object>(prototype: T, shown: (value: T) => object): void {
  Object.defineProperties(prototype, {
    [DENO_INSPECT]: {
      value(this: T, inspect: (v: unknown, o?: unknown) => string, options?: unknown) {
        return inspect(shown(this), options);
      },
    },
    [NODE_INSPECT]: {
      value(
        this: T,
        _depth: number,
        options: unknown,
        inspect: (v: unknown, o?: unknown) => string,
      ) {
        return inspect(shown(this), options);
      },
    },
    toJSON: {
      value(this: T) {
        return shown(this);
      },
    },
  });
}
