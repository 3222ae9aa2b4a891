// Logs in with nothing but the server's options (env CLIENT_OPTIONS, JSON), so that
// start() must ask on the terminal; prints the user id it logged in as (tests/client_prompt_test.ts).
import process from "node:process";
import { Client } from "../client/client.ts";

const app = new Client(":memory:", {
  ...JSON.parse(process.env.CLIENT_OPTIONS!),
  logLevel: "silent",
});
await app.start();
console.log(`LOGGED_IN ${app.userId}`);
await app.stop();
process.exit(0);
