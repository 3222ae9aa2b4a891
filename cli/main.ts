/**
 * The command line of the session tool: `irenogram session info|convert|copy|migrate`, with
 * `--help` on every command. {@link runCli} runs one command line and returns its exit status,
 * so that it can be driven in-process as well as from `cli.ts`.
 *
 * @module
 */
import { type OptionSpec, parseArgs } from "./args.ts";
import { CliError, EXIT_CODES, toCliError } from "./errors.ts";
import { convertCommand, copyCommand, infoCommand, type Io, migrateCommand } from "./commands.ts";
import { VERSION } from "../version.ts";

const EXIT_HELP = `Exit status:
  0  success
  1  unexpected failure (I/O error, bug)
  2  usage error (unknown command or option, missing argument)
  3  bad input: not a session (foreign, corrupt or unknown format), or it lacks what is needed
  4  the session file is in use by another process
  5  the destination exists (add --force to replace it)
  6  MongoDB is unreachable
  7  the copy read back differs from its source (the destination was not kept)`;

const SOURCE_HELP = `SOURCE is one of:
  PATH.session         a Pyrogram, Pyrofork, kurigram or Irenogram session file (any version),
                       or a Telethon session file; read through a private copy, never changed
  mongodb://…          a MongoDB session, with --name SESSION (opened as a client opens it:
                       one written by Python gets this library's indexes and version document)
  STRING               a session string: Pyrogram (any version and fork), Telethon, GramJS or
                       mtcute
  -                    a session string read from stdin (keeps it out of the process list)`;

interface Command {
  usage: string;
  help: string;
  options: OptionSpec;
  run(args: ReturnType<typeof parseArgs>, io: Io): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  info: {
    usage: "irenogram session info SOURCE [--name SESSION] [--json]",
    help: `Shows what a session holds: DC and address, test mode, api_id, user id, bot or user,
date, layout and version, the auth_key_id of each DC's key (never the key), and the number of
peers, usernames and update-state rows.

Options:
  --name SESSION   session (database) name of a mongodb:// SOURCE
  --json           print one JSON object (for scripts)`,
    options: { name: "value", json: "flag" },
    run: infoCommand,
  },
  convert: {
    usage: "irenogram session convert SOURCE --to pyrogram|telethon|gramjs|mtcute",
    help: `Prints the session as a session string of another library. The string is a secret: it
gives full access to the account. Formats:
  pyrogram   Pyrogram >= 2.0 and its forks (Irenogram, Pyrofork, kurigram); needs an api_id
  telethon   Telethon StringSession (an IP address; no api_id, no user id)
  gramjs     GramJS (telegram on npm) StringSession
  mtcute     mtcute session string (version 3)

Options:
  --to FORMAT      the format to write (required)
  --api-id N       the api_id, for sources that do not hold one (Telethon, GramJS, mtcute)
  --name SESSION   session (database) name of a mongodb:// SOURCE`,
    options: { to: "value", "api-id": "value", name: "value" },
    run: convertCommand,
  },
  copy: {
    usage: "irenogram session copy SOURCE DEST [--force]",
    help: `Copies everything a session holds - session, auth keys of every DC, peers with their
usernames and phone numbers, update state and channel pts - into DEST, then reads the copy back
and compares it with the source. Peers are streamed (bounded memory); a progress bar is drawn
when stderr is a terminal. DEST is a new PATH.session file (written beside it, renamed into
place once verified, mode 0600) or mongodb://… with --dest-name (or --name). An existing
destination is replaced only with --force.

Options:
  --name SESSION        session name of a mongodb:// SOURCE (and DEST, unless --dest-name)
  --dest-name SESSION   session name of a mongodb:// DEST
  --force               replace an existing destination
  --api-id N            the api_id, for sources that do not hold one`,
    options: { name: "value", "dest-name": "value", force: "flag", "api-id": "value" },
    run: copyCommand,
  },
  migrate: {
    usage: "irenogram session migrate FILE",
    help: `Brings an older Pyrogram, Pyrofork, kurigram or Irenogram session file to the current
layout (Irenogram version 7), in place, after writing a backup beside it (FILE.bak-TIMESTAMP).
Nothing is dropped; a file already current is left alone.`,
    options: {},
    run: migrateCommand,
  },
};

function mainHelp(): string {
  const list = Object.values(COMMANDS).map((c) => `  ${c.usage}`).join("\n");
  return `irenogram ${VERSION}: the session tool

Usage:
${list}
  irenogram session COMMAND --help

${SOURCE_HELP}

Secrets: session strings and keys are printed only by \`convert\`; \`info\` shows only
auth_key_id. Files written are mode 0600.

${EXIT_HELP}`;
}

function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.help}\n\n${SOURCE_HELP}\n\n${EXIT_HELP}`;
}

/** Runs one command line (without the program name); returns the exit status. */
export async function runCli(
  argv: readonly string[],
  io: Io & { err(line: string): void },
): Promise<number> {
  try {
    const [group, name, ...rest] = argv;
    if (group === undefined || group === "--help" || group === "-h" || group === "help") {
      io.out(mainHelp());
      return group === undefined ? EXIT_CODES.CLI_USAGE : EXIT_CODES.CLI_OK;
    }
    if (group === "--version") {
      io.out(VERSION);
      return EXIT_CODES.CLI_OK;
    }
    if (group !== "session") {
      throw new CliError("CLI_USAGE", `unknown command ${JSON.stringify(group.slice(0, 40))}`);
    }
    if (name === undefined || name === "--help" || name === "-h") {
      io.out(mainHelp());
      return name === undefined ? EXIT_CODES.CLI_USAGE : EXIT_CODES.CLI_OK;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      throw new CliError(
        "CLI_USAGE",
        `unknown command "session ${name.slice(0, 40)}" (${Object.keys(COMMANDS).join(", ")})`,
      );
    }
    const args = parseArgs(rest, command.options);
    if (args.flags.has("help")) {
      io.out(commandHelp(command));
      return EXIT_CODES.CLI_OK;
    }
    await command.run(args, io);
    return EXIT_CODES.CLI_OK;
  } catch (e) {
    const err = toCliError(e);
    // One line, whatever the message held.
    io.err(`irenogram: ${err.message.replace(/\s*\n\s*/g, " ")}`);
    if (err.code === "CLI_USAGE") io.err("run `irenogram session --help` for usage");
    return err.exitCode;
  }
}
