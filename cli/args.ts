/**
 * A small command-line parser: positional arguments and `--flag` / `--option VALUE` /
 * `--option=VALUE`, checked against what each command accepts.
 *
 * @module
 */
import { CliError } from "./errors.ts";

/** What a command accepts: option names mapped to whether they take a value. */
export type OptionSpec = Readonly<Record<string, "flag" | "value">>;

/** A parsed command line. */
export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/**
 * Parses `argv` against `spec`. `--` ends the options; a lone `-` is a positional argument
 * (stdin). Unknown options and missing values are usage errors.
 *
 * @example
 * ```ts
 * import { parseArgs } from "./args.ts";
 * const a = parseArgs(["x.session", "--json"], { json: "flag" });
 * a.flags.has("json"); // true
 * ```
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Set(), values: new Map() };
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (options && arg === "--") {
      options = false;
      continue;
    }
    if (!options || !arg.startsWith("--")) {
      if (options && arg.startsWith("-") && arg !== "-" && arg !== "-h") {
        throw new CliError("CLI_USAGE", `unknown option ${JSON.stringify(arg.slice(0, 40))}`);
      }
      if (options && arg === "-h") out.flags.add("help");
      else out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = name === "help" ? "flag" : spec[name];
    if (kind === undefined) {
      throw new CliError("CLI_USAGE", `unknown option --${name.slice(0, 40)}`);
    }
    if (kind === "flag") {
      if (eq >= 0) throw new CliError("CLI_USAGE", `--${name} takes no value`);
      out.flags.add(name);
    } else {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new CliError("CLI_USAGE", `--${name} needs a value`);
      out.values.set(name, value);
    }
  }
  return out;
}
