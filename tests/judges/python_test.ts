// Judges: Telethon 1.45 (layer 229) and Irenogram 2.3.90 (layer 225), each in one Python process
// (tests/judges/python_judge.py) running every scenario on two transports against a TestServer in
// this process: bot login + getMe, user login, 2FA login, the user's message reaching the bot's
// handler, a restart from the session string without a login, logins that migrate to DC 4 / 3. Only under Deno: the Python clients do not care which runtime hosts the server,
// and one run keeps CI time down. Without IRENOGRAM_PYTHON they are skipped, except under CI=true,
// where a missing judge fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { fileURLToPath } from "node:url";
import {
  API_HASH,
  API_ID,
  bounded,
  judgePython,
  type JudgeWorld,
  LOGIN_METHODS,
  startJudgeWorld,
} from "./judge_helpers.ts";

const isDeno = "Deno" in globalThis;
// Asked only where the judges run (Deno), so that CI=true without Python fails there, not on Bun.
const python = isDeno ? judgePython() : null;
const script = fileURLToPath(new URL("./python_judge.py", import.meta.url));
const STEPS = ["bot getMe", "user login", "2fa login", "message as update", "restart", "migrate"];

interface Line {
  transport?: string;
  step?: string;
  ok?: boolean;
  detail?: string;
  mark?: string;
  done?: boolean;
}

/** Runs the judge script for `library`; returns its result lines and the calls after each mark. */
function runJudge(j: JudgeWorld, library: string, transports: string[]) {
  const { pem, fingerprint } = j.server.publicKeys[0];
  const jwk = createPublicKey(pem).export({ format: "jwk" }) as { n: string };
  const config = {
    host: j.server.dcs[0].host,
    ports: Object.fromEntries(j.server.dcs.map((d) => [d.id, d.port])),
    pem,
    fingerprint: BigInt.asIntN(64, fingerprint).toString(),
    modulus: Buffer.from(jwk.n, "base64url").toString("hex"),
    apiId: API_ID,
    apiHash: API_HASH,
    bot: j.bot,
    user: j.user,
    user2fa: j.user2fa,
    far: j.far,
    farBot: j.farBot,
    transports,
  };
  return new Promise<{ lines: Line[]; marks: Map<string, number>; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(python!, [script, library], { stdio: ["pipe", "pipe", "pipe"] });
      const lines: Line[] = [];
      const marks = new Map<string, number>();
      let stderr = "", buffered = "";
      child.stderr.on("data", (d) => {
        stderr = (stderr + d).slice(-4000);
      });
      child.stdout.on("data", (d) => {
        buffered += d;
        let nl;
        while ((nl = buffered.indexOf("\n")) >= 0) {
          const text = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          let line: Line;
          try {
            line = JSON.parse(text);
          } catch {
            continue; // a library's own print
          }
          if (line.mark) {
            marks.set(line.mark, j.calls.length);
            child.stdin.write("go\n");
          }
          lines.push(line);
        }
      });
      child.on("error", reject);
      child.on("close", () => resolve({ lines, marks, stderr }));
      child.stdin.write(JSON.stringify(config) + "\n");
    },
  );
}

for (
  const [library, transports, layer] of [
    ["telethon", ["full", "obfuscated"], 229],
    ["irenogram", ["abridged", "obfuscated"], 225],
  ] as const
) {
  test(
    `${library} (${
      transports.join(", ")
    }): bot, user, 2FA user, message as update, restart without login, DC migration`,
    {
      timeout: 200_000,
      skip: !isDeno
        ? "Python judges run under Deno only"
        : python === null
        ? "IRENOGRAM_PYTHON not set"
        : false,
    },
    () =>
      bounded(150_000, library, async () => {
        const j = await startJudgeWorld();
        try {
          const { lines, marks, stderr } = await runJudge(j, library, [...transports]);
          assert.ok(lines.some((l) => l.done), `the judge did not finish: ${stderr}`);
          for (const transport of transports) {
            const results = lines.filter((l) => l.transport === transport);
            const summary = JSON.stringify(results) + (stderr ? `\nstderr: ${stderr}` : "");
            for (const step of STEPS) {
              assert.ok(
                results.some((l) => l.step === step && l.ok),
                `${transport} ${step}: ${summary}`,
              );
            }
            assert.ok(!results.some((l) => l.ok === false), summary);
            // After the restart mark: calls were made (the client is alive), none of them a login.
            const from = marks.get(transport)!, to = marks.get(`${transport}:end`)!;
            const after = j.calls.slice(from, to).map((c) => c.method);
            assert.ok(after.length > 0, `${transport}: no calls after the restart`);
            assert.deepEqual(
              after.filter((m) => LOGIN_METHODS.has(m)),
              [],
              `${transport}: ${after}`,
            );
          }
          assert.ok(j.calls.some((c) => c.layer === layer), `no call at layer ${layer}`);
          assert.ok(
            j.calls.some((c) => c.method === "auth.signIn" && c.dcId === 4),
            "no login on DC 4",
          );
          assert.ok(
            j.calls.some((c) => c.method === "auth.importBotAuthorization" && c.dcId === 3),
            "no bot login on DC 3",
          );
        } finally {
          await j.server.stop();
        }
      }),
  );
}
