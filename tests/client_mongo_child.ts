// A separate process on a shared MongoDB session (tests/client_updates_test.ts): starts a Client
// from the database named argv[2] (options as JSON on stdin), sends a message to the chat
// argv[3], prints {"me":…, "sent":…} and stops.
import process from "node:process";
import { Client } from "../client/client.ts";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const options = JSON.parse(input);
const app = new Client(process.argv[2], options);
await app.start();
const me = await app.getMe();
const sent = await app.sendMessage(Number(process.argv[3]), `from process ${process.pid}`);
await app.stop();
console.log(JSON.stringify({ me: Number(me.id), sent: sent.id }));
process.exit(0);
