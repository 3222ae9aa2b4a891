/**
 * `session copy SOURCE DEST`: everything a session holds (session row, auth keys of every DC,
 * peers with usernames and phones, update state with channel pts) copied between engines,
 * peers streamed in batches, then read back from the destination and compared.
 *
 * Peers are compared through order-independent digests (bounded memory, no sorting): where the
 * destination can hand over its peer documents as bytes (MongoDB), the bytes read back are
 * compared with the bytes written, which needs no decoding; when those differ (a server that
 * re-encodes documents) or the destination cannot, every peer is read back and compared field
 * by field, which alone decides. A mismatch is a {@link CliError} `CLI_MISMATCH`; the caller
 * then abandons the destination (see `dest.ts`).
 *
 * @module
 */
import { setImmediate } from "node:timers";
import type { ListableStorage, PeerRecord, SessionData } from "../storage/storage.ts";
import type { SessionReader } from "./source.ts";
import { DocumentDigest, PeerDigest } from "./digest.ts";
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

/** A destination's peer documents as bytes, for a read-back without decoding (MongoDB). */
export interface PeerDocuments {
  /** Writes peers the destination does not hold yet, handing over each stored document. */
  write(peers: PeerRecord[], written: (document: Uint8Array) => void): Promise<void>;
  /** Every stored peer document, as the destination returns it. */
  read(batchSize: number): AsyncIterable<Uint8Array[]>;
  /**
   * Every row of a separate username index, `[name, peer id]` (MongoDB's `usernames`
   * collection, which Python processes look names up in, holds the peers with several names).
   */
  names?(batchSize: number): AsyncIterable<[string, number][]>;
}

/** What was copied. */
export interface CopyReport {
  peers: number;
  usernames: number;
  authKeys: number;
  channels: number;
  updateState: boolean;
  /** How the peers read back were compared: as the bytes written, or field by field. */
  peersCompared: "bytes" | "fields";
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
    /** Peers written and read back as bytes (takes the place of `writePeers`). */
    documents?: PeerDocuments;
    /** Called once everything is written, before it is read back (tests damage the copy here). */
    afterWrite?: () => Promise<void>;
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

  const written = new PeerDigest();
  const writtenDocs = options.documents ? new DocumentDigest() : null;
  // The username index holds the peers with several names (few): name → the last peer written
  // with it, as the destination keeps it.
  const indexedNames = new Map<string, number>();
  const write = options.documents
    ? (peers: PeerRecord[]) => options.documents!.write(peers, (d) => writtenDocs!.add(d))
    : options.writePeers ?? ((peers: PeerRecord[]) => dest.updatePeers(peers));
  const bar = new Progress("copying peers", options.peerTotal, options.progress);
  // One batch is written while the next is read from the source: at most two in memory.
  let writing: Promise<void> | undefined;
  try {
    for await (const batch of source.listPeers(COPY_BATCH)) {
      written.add(batch);
      for (const p of batch) {
        if (p.usernames.length > 1) {
          for (const name of p.usernames) indexedNames.set(name, p.id);
        }
      }
      await writing;
      writing = write(batch);
      writing.catch(() => {}); // awaited on the next round or below
      // Let the driver put the batch on the wire before the source is read again.
      await new Promise((resolve) => setImmediate(resolve));
      bar.add(batch.length);
    }
    await writing;
  } finally {
    await writing?.catch(() => {});
  }
  bar.done();
  await options.afterWrite?.();
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
  let compared: CopyReport["peersCompared"] = "fields";
  if (options.documents && writtenDocs) {
    const readDocs = new DocumentDigest();
    const check = new Progress("verifying peers", writtenDocs.count, options.progress);
    for await (const batch of options.documents.read(COPY_BATCH)) {
      for (const d of batch) readDocs.add(d);
      check.add(batch.length);
    }
    check.done();
    if (readDocs.equals(writtenDocs) && writtenDocs.count === written.count) compared = "bytes";
  }
  if (options.documents?.names) {
    let rows = 0;
    for await (const batch of options.documents.names(COPY_BATCH)) {
      for (const [name, id] of batch) {
        rows++;
        if (indexedNames.get(name) !== id) mismatch(`the username index entry ${name}`);
      }
    }
    if (rows !== indexedNames.size) {
      mismatch(`${rows} username index entries, not ${indexedNames.size}`);
    }
  }
  if (compared === "fields") {
    const read = new PeerDigest();
    const check = new Progress("verifying peers", written.count, options.progress);
    for await (const batch of dest.listPeers(COPY_BATCH)) {
      read.add(batch);
      check.add(batch.length);
    }
    check.done();
    if (read.count !== written.count) mismatch(`${read.count} peers instead of ${written.count}`);
    if (!read.equals(written)) mismatch("the peers' fields");
  }
  return {
    peers: written.count,
    usernames: written.usernames,
    authKeys: keys.size,
    channels: channels.size,
    updateState: state !== undefined,
    peersCompared: compared,
    copyMs: copied - started,
    verifyMs: performance.now() - copied,
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
