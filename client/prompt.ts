/**
 * Asking for login details on a terminal, as Pyrogram does, and only there: without a terminal
 * a missing value is a typed error naming it.
 *
 * @module
 */
import type processModule from "node:process";
import type * as Readline from "node:readline";
import { nodeModule } from "../runtime/runtime.ts";
import { ClientError } from "./errors.ts";
import type { Input } from "./options.ts";

// Node built-ins through runtime/ (a stand-in in a browser, where no terminal exists), taken when
// a question may be asked: loading a start that asks nothing pays nothing (on Deno the first
// node: module costs ~15 ms).
const proc = () => nodeModule<typeof processModule>("node:process");
// node:readline only when a question is asked (loading it costs start-up time on Deno).
const createInterface = (options: Readline.ReadLineOptions): Readline.Interface =>
  nodeModule<typeof Readline>("node:readline").createInterface(options);

/** Whether questions can be asked (stdin and stdout are terminals). */
export function canPrompt(): boolean {
  const process = proc();
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** Asks `question` on the terminal; `hidden` does not echo what is typed (passwords). */
export function ask(question: string, hidden = false): Promise<string> {
  const process = proc();
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    if (hidden) {
      // Echo nothing after the question: readline writes through _writeToOutput.
      const out = rl as unknown as { _writeToOutput(s: string): void };
      let asked = false;
      const write = out._writeToOutput.bind(rl);
      out._writeToOutput = (s: string) => {
        if (!asked) {
          asked = true;
          write(s);
        } else if (s.includes("\n") || s.includes("\r")) write("\n");
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer.trim());
    });
    rl.on("SIGINT", () => {
      rl.close();
      reject(new ClientError("CLIENT_INPUT_REQUIRED", "cancelled at the terminal"));
    });
  });
}

/**
 * The value of `input` (a value, or a callback's answer); when none was given, the terminal's
 * answer to `question`; without a terminal, `CLIENT_INPUT_REQUIRED` naming `what`.
 */
export async function obtain(
  input: Input | undefined,
  what: string,
  question: string,
  hidden = false,
): Promise<string> {
  if (typeof input === "string") return input;
  if (typeof input === "function") {
    const v = await input();
    if (typeof v !== "string") {
      throw new ClientError("CLIENT_INVALID_OPTION", `the ${what} callback must return a string`);
    }
    return v;
  }
  if (!canPrompt()) {
    throw new ClientError(
      "CLIENT_INPUT_REQUIRED",
      `logging in needs ${what} and stdin is not a terminal: pass it in the options`,
    );
  }
  return await ask(question, hidden);
}
