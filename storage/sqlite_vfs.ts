/**
 * A synchronous SQLite VFS over `node:fs`, so that @sqlite.org/sqlite-wasm reads and writes real
 * files in Deno, Bun and Node (the package alone persists only in browsers, through OPFS).
 *
 * SQLite calls these methods synchronously from inside WASM; every method maps to one or a few
 * `*Sync` calls of `node:fs`. Locking is not done here: the storage holds a whole-file process
 * lock (see `file_lock.ts`) and runs SQLite in `locking_mode=EXCLUSIVE`, so the VFS only records
 * lock levels. New files are created with mode 0600.
 *
 * @module
 */
import type * as Fs from "node:fs";
import type * as Os from "node:os";
import type processModule from "node:process";
import type * as Path from "node:path";
import { nodeModule } from "../runtime/runtime.ts";
import { fsyncDirectory } from "./fsync_dir.ts";
import type { Sqlite3Static } from "@sqlite.org/sqlite-wasm";

// Node built-ins, resolved when this module loads (a stand-in that throws when used in a
// browser: this engine then fails on open, not the import of the library).
const {
  closeSync,
  constants,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  statSync,
  unlinkSync,
  writeSync,
} = nodeModule<typeof Fs>("node:fs");
const { tmpdir } = nodeModule<typeof Os>("node:os");
const process = nodeModule<typeof processModule>("node:process");
const { dirname, join, resolve } = nodeModule<typeof Path>("node:path");

/** Name under which the VFS is registered. */
export const NODE_FS_VFS = "irenogram-node-fs";
/**
 * The same VFS, unable to change anything: files open read-only, writes, truncation and
 * deletion fail (only SQLite's own temporary files, in the temp folder, are writable). A file
 * is checked through this one before it is accepted, so that a refused file, and the `-wal` or
 * `-journal` beside it, stay byte-for-byte as they were.
 */
export const NODE_FS_VFS_READONLY = "irenogram-node-fs-readonly";

interface OpenFile {
  /** -1: a WAL that does not exist, seen by the read-only VFS as empty (it may not create it). */
  fd: number;
  path: string;
  /** Opened by the read-only VFS (and not a temporary file): nothing may change it. */
  readOnly: boolean;
  /** A journal or WAL just created: its folder is synced with its first sync (as unix does). */
  syncDir: boolean;
}

type Ptr = number;

/**
 * Registers both VFSs ({@link NODE_FS_VFS} and {@link NODE_FS_VFS_READONLY}) once per SQLite
 * instance; returns the read-write one's name.
 */
export function installNodeFsVfs(sqlite3: Sqlite3Static): string {
  if (!sqlite3.capi.sqlite3_vfs_find(NODE_FS_VFS)) {
    installOne(sqlite3, NODE_FS_VFS, false);
    installOne(sqlite3, NODE_FS_VFS_READONLY, true);
  }
  return NODE_FS_VFS;
}

function installOne(sqlite3: Sqlite3Static, name: string, readOnlyVfs: boolean): void {
  const { capi, wasm } = sqlite3;
  // The typings of the low-level WASM helpers are partial; this view names what is used here.
  const w = wasm as unknown as {
    heap8u(): Uint8Array;
    poke32(p: Ptr, v: number): void;
    poke64(p: Ptr, v: bigint): void;
    pokePtr(p: Ptr, v: Ptr): void;
    poke(p: Ptr, v: number, type: string): void;
    cstrToJs(p: Ptr): string;
    allocCString(s: string, returnLength: true): [Ptr, number];
    dealloc(p: Ptr): void;
    cstrncpy(dst: Ptr, src: Ptr, n: number): number;
    peek8(p: Ptr): number;
  };
  const c = capi as unknown as Record<string, number>;
  const files = new Map<Ptr, OpenFile>();
  let lastError = "";

  const fail = (e: unknown, rc: number): number => {
    const err = e as NodeJS.ErrnoException;
    lastError = err?.message ?? String(e);
    if (err?.code === "ENOSPC" || err?.code === "EDQUOT") return c.SQLITE_FULL;
    return rc;
  };

  const io = new capi.sqlite3_io_methods();
  (io as unknown as { $iVersion: number }).$iVersion = 1;
  const ioMethods = {
    xClose(pFile: Ptr): number {
      const f = files.get(pFile);
      if (!f) return 0;
      files.delete(pFile);
      if (f.fd < 0) return 0;
      try {
        closeSync(f.fd);
        return 0;
      } catch (e) {
        return fail(e, c.SQLITE_IOERR_CLOSE);
      }
    },
    xRead(pFile: Ptr, pDest: Ptr, n: number, offset: bigint | number): number {
      const f = files.get(pFile)!;
      const dest = Number(pDest);
      if (f.fd < 0) {
        w.heap8u().fill(0, dest, dest + n);
        return c.SQLITE_IOERR_SHORT_READ;
      }
      try {
        const heap = w.heap8u();
        let done = 0;
        const at = Number(offset);
        while (done < n) {
          const got = readSync(f.fd, heap, dest + done, n - done, at + done);
          if (got === 0) break;
          done += got;
        }
        if (done < n) {
          heap.fill(0, dest + done, dest + n);
          return c.SQLITE_IOERR_SHORT_READ;
        }
        return 0;
      } catch (e) {
        return fail(e, c.SQLITE_IOERR_READ);
      }
    },
    xWrite(pFile: Ptr, pSrc: Ptr, n: number, offset: bigint | number): number {
      const f = files.get(pFile)!;
      if (f.readOnly) return c.SQLITE_READONLY;
      const src = Number(pSrc);
      try {
        const heap = w.heap8u();
        let done = 0;
        const at = Number(offset);
        while (done < n) done += writeSync(f.fd, heap, src + done, n - done, at + done);
        return 0;
      } catch (e) {
        return fail(e, c.SQLITE_IOERR_WRITE);
      }
    },
    xTruncate(pFile: Ptr, size: bigint | number): number {
      if (files.get(pFile)!.readOnly) return c.SQLITE_READONLY;
      try {
        ftruncateSync(files.get(pFile)!.fd, Number(size));
        return 0;
      } catch (e) {
        return fail(e, c.SQLITE_IOERR_TRUNCATE);
      }
    },
    xSync(pFile: Ptr, flags: number): number {
      const f = files.get(pFile)!;
      if (f.readOnly) return 0;
      try {
        if (flags & c.SQLITE_SYNC_DATAONLY) fdatasyncSync(f.fd);
        else fsyncSync(f.fd);
        if (f.syncDir) {
          f.syncDir = false;
          try {
            fsyncDirectory(dirname(f.path));
          } catch {
            // As SQLite's unix VFS: a folder that cannot be opened (some platforms) is skipped.
          }
        }
        return 0;
      } catch (e) {
        return fail(e, c.SQLITE_IOERR_FSYNC);
      }
    },
    xFileSize(pFile: Ptr, pSize: Ptr): number {
      try {
        const fd = files.get(pFile)!.fd;
        w.poke64(pSize, fd < 0 ? 0n : BigInt(fstatSync(fd).size));
        return 0;
      } catch (e) {
        return fail(e, c.SQLITE_IOERR_FSTAT);
      }
    },
    xLock(_pFile: Ptr, _level: number): number {
      return 0;
    },
    xUnlock(_pFile: Ptr, _level: number): number {
      return 0;
    },
    xCheckReservedLock(_pFile: Ptr, pOut: Ptr): number {
      // The process lock keeps every other connection out: nobody else can hold RESERVED.
      w.poke32(pOut, 0);
      return 0;
    },
    xFileControl(_pFile: Ptr, _op: number, _pArg: Ptr): number {
      return c.SQLITE_NOTFOUND;
    },
    xSectorSize(_pFile: Ptr): number {
      return 4096;
    },
    xDeviceCharacteristics(_pFile: Ptr): number {
      // As SQLite's unix VFS on Linux: writing a sector never damages its neighbours.
      return c.SQLITE_IOCAP_POWERSAFE_OVERWRITE;
    },
  };

  const vfs = new capi.sqlite3_vfs();
  vfs.$iVersion = 2;
  vfs.$szOsFile = (capi.sqlite3_file as unknown as { structInfo: { sizeof: number } }).structInfo
    .sizeof;
  vfs.$mxPathname = 1024;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const vfsMethods = {
    xOpen(_pVfs: Ptr, zName: Ptr, pFile: Ptr, flags: number, pOutFlags: Ptr): number {
      const temporary = !zName || w.peek8(zName) === 0;
      const path = temporary
        ? join(tmpdir(), `irenogram-sqlite-${process.pid}-${Math.random().toString(36).slice(2)}`)
        : w.cstrToJs(zName);
      let mode = constants.O_RDWR;
      if (flags & c.SQLITE_OPEN_CREATE) mode |= constants.O_CREAT;
      if (flags & c.SQLITE_OPEN_EXCLUSIVE) mode |= constants.O_EXCL;
      let outFlags = flags;
      try {
        let fd: number;
        const readOnly = readOnlyVfs && !temporary;
        if (readOnly) {
          // Only what exists, only for reading (SQLite accepts a WAL downgraded to read-only;
          // a missing one is an empty one, which it would otherwise create).
          try {
            fd = openSync(path, constants.O_RDONLY);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== "ENOENT" || !(flags & c.SQLITE_OPEN_WAL)) {
              throw e;
            }
            fd = -1;
          }
          outFlags = (flags & ~(c.SQLITE_OPEN_READWRITE | c.SQLITE_OPEN_CREATE)) |
            c.SQLITE_OPEN_READONLY;
        } else if (flags & c.SQLITE_OPEN_READONLY) {
          fd = openSync(path, constants.O_RDONLY);
        } else {
          try {
            fd = openSync(path, mode, 0o600);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code !== "EACCES" && code !== "EROFS" && code !== "EPERM") throw e;
            fd = openSync(path, constants.O_RDONLY);
            outFlags = (flags & ~c.SQLITE_OPEN_READWRITE) | c.SQLITE_OPEN_READONLY;
          }
        }
        // POSIX: an unlinked open file lives until closed, which is what DELETEONCLOSE means.
        if (temporary || flags & c.SQLITE_OPEN_DELETEONCLOSE) unlinkSync(path);
        const journal = c.SQLITE_OPEN_MAIN_JOURNAL | c.SQLITE_OPEN_SUPER_JOURNAL |
          c.SQLITE_OPEN_WAL;
        const syncDir = !temporary && (flags & c.SQLITE_OPEN_CREATE) !== 0 &&
          (flags & journal) !== 0;
        files.set(pFile, { fd, path, syncDir, readOnly });
        w.pokePtr(pFile, io.pointer as Ptr);
        if (pOutFlags) w.poke32(pOutFlags, outFlags);
        return 0;
      } catch (e) {
        return fail(e, c.SQLITE_CANTOPEN);
      }
    },
    xDelete(_pVfs: Ptr, zName: Ptr, syncDir: number): number {
      if (readOnlyVfs) return c.SQLITE_IOERR_DELETE;
      const path = w.cstrToJs(zName);
      try {
        unlinkSync(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return c.SQLITE_IOERR_DELETE_NOENT;
        return fail(e, c.SQLITE_IOERR_DELETE);
      }
      if (syncDir) {
        // Make the removal of a journal durable before the commit is considered done.
        try {
          fsyncDirectory(dirname(path));
        } catch (e) {
          return fail(e, c.SQLITE_IOERR_DIR_FSYNC);
        }
      }
      return 0;
    },
    xAccess(_pVfs: Ptr, zName: Ptr, flags: number, pOut: Ptr): number {
      let ok = 0;
      try {
        const st = statSync(w.cstrToJs(zName));
        // As SQLite's unix VFS: an empty regular file counts as absent (no hot journal).
        ok = flags === c.SQLITE_ACCESS_EXISTS ? (!st.isFile() || st.size > 0 ? 1 : 0) : 1;
      } catch {
        ok = 0;
      }
      w.poke32(pOut, ok);
      return 0;
    },
    xFullPathname(_pVfs: Ptr, zName: Ptr, nOut: number, pOut: Ptr): number {
      const [p, n] = w.allocCString(resolve(w.cstrToJs(zName)), true);
      try {
        if (n >= nOut) return c.SQLITE_CANTOPEN;
        w.cstrncpy(pOut, p, nOut);
        return 0;
      } finally {
        w.dealloc(p);
      }
    },
    xRandomness(_pVfs: Ptr, nOut: number, pOut: Ptr): number {
      const out = w.heap8u().subarray(Number(pOut), Number(pOut) + nOut);
      for (let i = 0; i < out.length; i += 65536) {
        // WASM memory is an ArrayBuffer here (no shared memory), which the typings cannot know.
        crypto.getRandomValues(
          out.subarray(i, Math.min(i + 65536, out.length)) as Uint8Array<ArrayBuffer>,
        );
      }
      return nOut;
    },
    xSleep(_pVfs: Ptr, micros: number): number {
      Atomics.wait(sleeper, 0, 0, Math.max(1, Math.floor(micros / 1000)));
      return micros;
    },
    xCurrentTime(_pVfs: Ptr, pOut: Ptr): number {
      w.poke(pOut, 2440587.5 + Date.now() / 86400000, "double");
      return 0;
    },
    xCurrentTimeInt64(_pVfs: Ptr, pOut: Ptr): number {
      w.poke64(pOut, 210866760000000n + BigInt(Date.now()));
      return 0;
    },
    xGetLastError(_pVfs: Ptr, nOut: number, pOut: Ptr): number {
      if (nOut > 0) {
        const [p] = w.allocCString(lastError.slice(0, nOut - 1), true);
        try {
          w.cstrncpy(pOut, p, nOut);
        } finally {
          w.dealloc(p);
        }
      }
      return 0;
    },
  };

  sqlite3.vfs.installVfs(
    {
      io: { struct: io, methods: ioMethods },
      vfs: { struct: vfs, methods: vfsMethods, name },
    } as unknown as Parameters<typeof sqlite3.vfs.installVfs>[0],
  );
}
