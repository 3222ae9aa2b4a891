/**
 * The synchronous file operations a session file's opening needs (its lock file, its checks):
 * Deno's own file API on Deno, node:fs elsewhere. On Deno the first `node:` module a process
 * loads starts Deno's Node compatibility layer, about 15 ms of a cold start that needs nothing
 * else from it; Deno's file calls cost nothing to load. Each operation behaves alike on both
 * (`runtime/files_test.ts` runs both on Deno and compares them); errors are the runtime's own,
 * with the same `code` (`"ENOENT"`, `"EEXIST"`, …) on both.
 *
 * What opens session files rarely (copies, temporary folders, recovery) uses node:fs itself,
 * taken when it runs.
 *
 * @module
 */
import type * as Fs from "node:fs";
import { nodeModule, RUNTIME } from "./runtime.ts";

/** What {@link Files.info} tells about a path. */
export interface FileInfo {
  size: number;
  isFile: boolean;
  /** The inode (0 where the system has none): a replaced file has another. */
  ino: number;
  /** Last modification, ms since the epoch. */
  mtimeMs: number;
}

/** The operations, each synchronous. */
export interface Files {
  /** What `path` is, or `undefined` when nothing is there (ENOENT). */
  info(path: string): FileInfo | undefined;
  /** The first `length` bytes of the file (fewer when it is shorter). */
  readHead(path: string, length: number): Uint8Array;
  /** The whole file as UTF-8 text. */
  readText(path: string): string;
  /**
   * The file's inode and text, both through one opening (so they belong to one version of a
   * file that others replace by renaming); `null` when it cannot be opened, `text` `null` when
   * it cannot be read.
   */
  readVersion(path: string): { ino: number; text: string | null } | null;
  /**
   * Creates `path` (it must not exist: O_EXCL) with mode `mode` holding `text`: false when it
   * exists. A write that fails removes the file again before the error is thrown.
   */
  createExclusive(path: string, text: string, mode: number): boolean;
  remove(path: string): void;
  rename(from: string, to: string): void;
  /** The path with every symlink resolved (the file must exist). */
  realPath(path: string): string;
  /** A symlink's target as written. */
  readLink(path: string): string;
  /** Creates the folder and its missing parents (new ones with `mode`). */
  makeDirectory(path: string, mode: number): void;
  /** Sets the access and modification times. */
  touch(path: string, time: Date): void;
}

let fs: typeof Fs | undefined;
const nodeFs = (): typeof Fs => (fs ??= nodeModule<typeof Fs>("node:fs"));

/** The operations on node:fs (Node, Bun; on Deno the reference they are compared with). */
export const nodeFiles: Files = {
  info(path) {
    const st = nodeFs().statSync(path, { throwIfNoEntry: false });
    return st && { size: st.size, isFile: st.isFile(), ino: st.ino, mtimeMs: st.mtimeMs };
  },
  readHead(path, length) {
    const { closeSync, openSync, readSync } = nodeFs();
    const head = new Uint8Array(length);
    const fd = openSync(path, "r");
    try {
      let got = 0;
      while (got < length) {
        const n = readSync(fd, head, got, length - got, got);
        if (n === 0) break;
        got += n;
      }
      return head.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  },
  readText: (path) => nodeFs().readFileSync(path, "utf8"),
  readVersion(path) {
    const { closeSync, constants, fstatSync, openSync, readFileSync } = nodeFs();
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY);
    } catch {
      return null;
    }
    try {
      const ino = fstatSync(fd).ino;
      let text: string | null = null;
      try {
        text = readFileSync(fd, "utf8");
      } catch {
        // unreadable
      }
      return { ino, text };
    } finally {
      closeSync(fd);
    }
  },
  createExclusive(path, text, mode) {
    const { closeSync, constants, openSync, unlinkSync, writeSync } = nodeFs();
    let fd: number;
    try {
      fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    } catch (e) {
      if ((e as { code?: unknown }).code === "EEXIST") return false;
      throw e;
    }
    try {
      writeSync(fd, text);
    } catch (e) {
      closeSync(fd);
      unlinkSync(path);
      throw e;
    }
    closeSync(fd);
    return true;
  },
  remove: (path) => nodeFs().unlinkSync(path),
  rename: (from, to) => nodeFs().renameSync(from, to),
  realPath: (path) => nodeFs().realpathSync(path),
  readLink: (path) => nodeFs().readlinkSync(path),
  makeDirectory: (path, mode) => void nodeFs().mkdirSync(path, { recursive: true, mode }),
  touch: (path, time) => nodeFs().utimesSync(path, time, time),
};

// Deno's file API, as far as it is used here.
interface DenoFile {
  readSync(buffer: Uint8Array): number | null;
  writeSync(data: Uint8Array): number;
  statSync(): DenoStat;
  close(): void;
}
interface DenoStat {
  size: number;
  isFile: boolean;
  ino: number | null;
  mtime: Date | null;
}
interface DenoFileApi {
  statSync(path: string): DenoStat;
  openSync(
    path: string,
    options: { read?: boolean; write?: boolean; createNew?: boolean; mode?: number },
  ): DenoFile;
  readTextFileSync(path: string): string;
  removeSync(path: string): void;
  renameSync(from: string, to: string): void;
  realPathSync(path: string): string;
  readLinkSync(path: string): string;
  mkdirSync(path: string, options: { recursive: boolean; mode: number }): void;
  utimeSync(path: string, atime: Date, mtime: Date): void;
}

const deno = RUNTIME === "deno" ? (globalThis as { Deno?: DenoFileApi }).Deno : undefined;

const isMissing = (e: unknown) => (e as { code?: unknown })?.code === "ENOENT";

/** Everything from `file`'s position to its end (`size` is a hint: a file may grow). */
function readToEnd(file: DenoFile, size: number): Uint8Array {
  let buf = new Uint8Array(size + 1);
  for (let got = 0;;) {
    got += readFull(file, buf.subarray(got));
    if (got < buf.length) return buf.subarray(0, got);
    const bigger = new Uint8Array(buf.length * 2);
    bigger.set(buf);
    buf = bigger;
  }
}

/** Reads `file` from its position until `into` is full or the file ends; the bytes read. */
function readFull(file: DenoFile, into: Uint8Array): number {
  let got = 0;
  while (got < into.length) {
    const n = file.readSync(into.subarray(got));
    if (n === null || n === 0) break;
    got += n;
  }
  return got;
}

function makeDenoFiles(d: DenoFileApi): Files {
  const decoder = new TextDecoder();
  return {
    info(path) {
      let st: DenoStat;
      try {
        st = d.statSync(path);
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
      return { size: st.size, isFile: st.isFile, ino: st.ino ?? 0, mtimeMs: +(st.mtime ?? 0) };
    },
    readHead(path, length) {
      const file = d.openSync(path, { read: true });
      try {
        const head = new Uint8Array(length);
        return head.subarray(0, readFull(file, head));
      } finally {
        file.close();
      }
    },
    readText: (path) => d.readTextFileSync(path),
    readVersion(path) {
      let file: DenoFile;
      try {
        file = d.openSync(path, { read: true });
      } catch {
        return null;
      }
      try {
        const st = file.statSync();
        let text: string | null = null;
        try {
          text = decoder.decode(readToEnd(file, st.size));
        } catch {
          // unreadable
        }
        return { ino: st.ino ?? 0, text };
      } finally {
        file.close();
      }
    },
    createExclusive(path, text, mode) {
      let file: DenoFile;
      try {
        file = d.openSync(path, { write: true, createNew: true, mode });
      } catch (e) {
        if ((e as { code?: unknown }).code === "EEXIST") return false;
        throw e;
      }
      try {
        const bytes = new TextEncoder().encode(text);
        for (let at = 0; at < bytes.length;) at += file.writeSync(bytes.subarray(at));
      } catch (e) {
        file.close();
        d.removeSync(path);
        throw e;
      }
      file.close();
      return true;
    },
    remove: (path) => d.removeSync(path),
    rename: (from, to) => d.renameSync(from, to),
    realPath: (path) => d.realPathSync(path),
    readLink: (path) => d.readLinkSync(path),
    makeDirectory: (path, mode) => d.mkdirSync(path, { recursive: true, mode }),
    touch: (path, time) => d.utimeSync(path, time, time),
  };
}

/** The operations on Deno's own API (Deno only), else `undefined`. */
export const denoFiles: Files | undefined = deno && makeDenoFiles(deno);

/** The operations of this runtime. */
export const files: Files = denoFiles ?? nodeFiles;
