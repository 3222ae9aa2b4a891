/**
 * An offline tour of irenogram's session storage (`deno task demo`, or `npm run demo`): a
 * SQLite session file in a temporary folder, peers stored and resolved, the file reopened, a
 * session string exported and read back into memory, the lock that keeps a second process (or
 * client) out, and clean-up. Needs no network and no Telegram account: the auth key is random.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import {
  Client,
  decodeSessionString,
  SessionLockedError,
  SessionStringStorage,
  SqliteStorage,
} from "./mod.ts";

const say = (line: string) => console.log(line);
const workdir = mkdtempSync(join(tmpdir(), "irenogram-demo-"));

try {
  say(`1. A client named "demo_account" keeps its session in ${workdir}/demo_account.session`);
  const app = new Client("demo_account", { workdir });
  await app.storage.open();
  const authKey = crypto.getRandomValues(new Uint8Array(256));
  await app.storage.setSession({ dcId: 2, apiId: 12345, authKey, userId: 777000, isBot: false });
  const now = Math.floor(Date.now() / 1000);
  await app.storage.updatePeers([
    {
      id: 777000,
      accessHash: -5_555_555_555_555_555n,
      type: "user",
      usernames: ["Telegram"],
      phoneNumber: "42777",
      lastUpdateOn: now,
    },
    {
      id: -1_001_234_567_890,
      accessHash: 8_765_432_101_234_567n,
      type: "supergroup",
      usernames: ["demo_chat", "demo_alias"],
      phoneNumber: null,
      lastUpdateOn: now,
    },
  ]);
  const mode = (statSync(join(workdir, "demo_account.session")).mode & 0o777).toString(8);
  say(`   stored the session and 2 peers; the file has mode ${mode}`);

  say("2. While it is open, a second opener of the same file is refused:");
  try {
    await new SqliteStorage(join(workdir, "demo_account.session")).open();
    say("   (unexpectedly opened)");
  } catch (e) {
    if (!(e instanceof SessionLockedError)) throw e;
    say(`   ${e.name} [${e.code}]: ${e.message}`);
  }
  await app.storage.close();

  say("3. Reopened by a new client, the peers resolve by id, username and phone:");
  const again = new Client("demo_account", { workdir });
  await again.storage.open();
  const byName = await again.storage.getPeerByUsername("@DEMO_ALIAS");
  const byPhone = await again.storage.getPeerByPhoneNumber("42777");
  const byId = await again.storage.getPeerById(-1_001_234_567_890);
  say(`   @demo_alias -> ${byName?.id} (${byName?.type}, access hash ${byName?.accessHash})`);
  say(`   +42777      -> ${byPhone?.id} (${byPhone?.usernames.join(", ")})`);
  say(`   by id       -> usernames ${byId?.usernames.join(", ")}`);

  say("4. The session exported as a Pyrogram-style session string:");
  const text = await again.storage.exportSessionString();
  say(`   ${text.length} characters, starting ${text.slice(0, 8)}… (a secret: never log it whole)`);
  const decoded = decodeSessionString(text);
  say(`   decodes to DC ${decoded.dcId}, api_id ${decoded.apiId}, user ${decoded.userId}`);
  await again.storage.close();

  say("5. The same string, used as a session kept only in memory:");
  const fromString = new SessionStringStorage(text);
  await fromString.open();
  const s = await fromString.getSession();
  const same = s.authKey !== null && s.authKey.every((b, i) => b === authKey[i]);
  say(`   user ${s.userId} on DC ${s.dcId}, same auth key: ${same}`);
  await fromString.close();

  say("6. Deleting the session removes its file:");
  const last = SqliteStorage.forSession("demo_account", workdir);
  await last.open();
  await last.delete();
  say(`   files left in the folder: ${readdirSync(workdir).length}`);
} finally {
  rmSync(workdir, { recursive: true, force: true });
}
say("Done: the temporary folder is gone.");
process.exit(0);
