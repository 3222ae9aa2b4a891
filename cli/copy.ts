/**
 * `session copy SOURCE DEST`: everything a session holds (session row, auth keys of every DC,
 * peers with usernames and phones, update state with channel pts) copied between engines,
 * peers streamed in batches, then read back from the destination and compared.
 *
 * @module
 */
import type { ListableStorage, PeerRecord, SessionData } from "../storage/storage.ts";
import type { SessionReader } from "./source.ts";
import { PeerDigest } from "./digest.ts";
import { Progress, type ProgressSink } from "./progress.ts";
import { CliError } from "./errors.ts";

/** Peers read and written per round: large enough for bulk writes, small for memory. */
export const COPY_BATCH = 10_000;

/** The session fields compared after a copy (the key is compared with the other keys). */
const SESSION_FIELDS = [
  "dcId",
  "apiId",
  "testMode",
  "userId",
  "isBot",
  "date",
  "serverAddress",
  "port",
] as const;

/** What was copied. */
export interface CopyReport {
  peers: number;
  usernames: number;
  authKeys: number;
  channels: number;
  updateState: boolean;
  /** Milliseconds spent copying, and reading back and comparing. */
  copyMs: number;
  verifyMs: number;
}

/** Writes everything of `source` into the empty `dest`, then verifies it; see the module. */
export async function copySession(
  source: SessionReader,
  dest: ListableStorage,
  options: {
    peerTotal: number;
    progress: ProgressSink;
    session?: Partial<SessionData>;
    /** How peers are written (default `dest.updatePeers`): a bulk load into an empty engine. */
    writePeers?: (peers: PeerRecord[]) => Promise<void>;
  },
): Promise<CopyReport> {
  const started = performance.now();
  const session = { ...(await source.getSession()), ...options.session };
  const keys = await source.listAuthKeys();
  const state = await source.getUpdateState();
  const channels = await source.listChannelPts();

  await dest.setSession({
    dcId: session.dcId,
    apiId: session.apiId,
    testMode: session.testMode,
    userId: session.userId,
    isBot: session.isBot,
    date: session.date,
    serverAddress: session.serverAddress,
    port: session.port,
    authKey: keys.get(session.dcId) ?? null,
  });
  for (const [dc, key] of keys) if (dc !== session.dcId) await dest.setAuthKey(dc, key);
  if (state) await dest.setUpdateState(state);
  for (const [id, pts] of channels) await dest.setChannelPts(id, pts);

  const write = options.writePeers ?? ((peers: PeerRecord[]) => dest.updatePeers(peers));
  const written = new PeerDigest();
  const bar = new Progress("copying peers", options.peerTotal, options.progress);
  for await (const batch of source.listPeers(COPY_BATCH)) {
    await write(batch);
    written.add(batch);
    bar.add(batch.length);
  }
  bar.done();
  const copied = performance.now();

  // Read back: every field, from the destination engine itself.
  const mismatch = (what: string): never => {
    throw new CliError("CLI_MISMATCH", `the copy read back differs from its source: ${what}`);
  };
  const got = await dest.getSession();
  for (const field of SESSION_FIELDS) {
    if (got[field] !== session[field]) mismatch(`session field ${field}`);
  }
  const gotKeys = await dest.listAuthKeys();
  if (gotKeys.size !== keys.size) mismatch("the number of auth keys");
  for (const [dc, key] of keys) {
    const other = gotKeys.get(dc);
    if (!other || !sameBytes(other, key)) mismatch(`the auth key of DC ${dc}`);
  }
  const gotState = await dest.getUpdateState();
  if (JSON.stringify(gotState) !== JSON.stringify(state)) mismatch("the update state");
  const gotChannels = await dest.listChannelPts();
  if (gotChannels.size !== channels.size) mismatch("the number of channel pts rows");
  for (const [id, pts] of channels) {
    if (gotChannels.get(id) !== pts) mismatch(`the pts of channel ${id}`);
  }
  const read = new PeerDigest();
  const check = new Progress("verifying peers", written.count, options.progress);
  for await (const batch of dest.listPeers(COPY_BATCH)) {
    read.add(batch);
    check.add(batch.length);
  }
  check.done();
  if (read.count !== written.count) mismatch(`${read.count} peers instead of ${written.count}`);
  if (!read.equals(written)) mismatch("the peers' fields");
  return {
    peers: written.count,
    usernames: written.usernames,
    authKeys: keys.size,
    channels: channels.size,
    updateState: state !== undefined,
    copyMs: copied - started,
    verifyMs: performance.now() - copied,
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
