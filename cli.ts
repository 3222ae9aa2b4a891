#!/usr/bin/env node
/**
 * The session tool: inspect, convert, copy and migrate Telegram sessions between libraries
 * (Pyrogram and its forks, Telethon, GramJS, mtcute) and engines (session files, MongoDB,
 * session strings).
 *
 * ```sh
 * deno run -A jsr:@x/irenogram/cli session info my_account.session
 * npx irenogram session convert my_account.session --to telethon
 * bunx irenogram session copy my_account.session mongodb://localhost:27017 --dest-name bot
 * ```
 *
 * `irenogram --help` lists the commands and exit codes; every command takes `--help`.
 *
 * @module
 */
import process from "node:process";
import { runCli } from "./cli/main.ts";

async function readStdin(): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Uint8Array).length;
    // A session string is under 2 KiB; anything far larger is not one.
    if (size > 64 * 1024) break;
    chunks.push(chunk as Uint8Array);
  }
  return new TextDecoder().decode(
    chunks.length === 1 ? chunks[0] : Uint8Array.from(chunks.flatMap((c) => [...c])),
  );
}

function main(): void {
  runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + "\n"),
    err: (line) => process.stderr.write(line + "\n"),
    progress: process.stderr,
    stdin: readStdin,
  }).then((code) => {
    process.exitCode = code;
  });
}

main();
