/**
 * A TestServer world that answers help.getCountriesList with a list large enough (about 20 KiB)
 * for the server to send it gzip_packed, as Telegram does with large answers, and hands every
 * other method to the world it wraps. Used by the gzip_packed tests here and in a browser.
 *
 * @module
 */
import type { AnyFunction, Api } from "../../tl/mod.ts";
import type { CallContext, UpdateSink, World } from "../../testing/server/mod.ts";

/** The list help.getCountriesList answers: `n` countries with names and calling codes. */
export function countriesList(n = 300): Api.HelpCountriesList {
  return {
    _: "help.countriesList",
    hash: n,
    countries: Array.from({ length: n }, (_, i) => ({
      _: "help.country",
      iso2: String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26)),
      defaultName: `Country number ${i}`,
      countryCodes: [{
        _: "help.countryCode",
        countryCode: String(100 + i),
        patterns: ["XXX XXX"],
      }],
    })),
  };
}

/** Wraps `inner`, answering help.getCountriesList with {@link countriesList}. */
export class BigAnswers implements World {
  constructor(readonly inner: World) {}

  handle(ctx: CallContext, fn: AnyFunction): unknown {
    if (fn._ === "help.getCountriesList") return countriesList();
    return this.inner.handle(ctx, fn);
  }

  attach(sink: UpdateSink): void {
    this.inner.attach(sink);
  }
}
