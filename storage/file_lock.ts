/**
 * One process per session file: a lock file `FILE.lock` created with O_EXCL that names its owner
 * (host, pid, a random token, the Linux boot id). `FILE` is the real path, symlinks resolved, so
 * every name of the file finds the same lock (hard links are not detected). A lock whose process
 * is gone (same host, and pid not alive, our own pid from an earlier life of this process id, or
 * an earlier boot) is stale and is taken over (atomically: one guard file per stale version, one
 * rename; see `#takeOver`); a live one gives {@link SessionLockedError}.
 * A process whose liveness cannot be checked from here (another host or container: another host
 * name or pid namespace) is judged by its heartbeat: the holder touches the lock file every
 * {@link HEARTBEAT_MS}, and a lock not touched for {@link FOREIGN_STALE_MS} is stale, so a
 * container that crashed does not keep its successor out forever.
 * Inside one process a registry refuses a second open of the same file. Node offers no
 * fcntl/flock, hence a lock file rather than an OS lock: SQLite's own locks are not taken, so a
 * Python client opening the same file at the same time is not kept out.
 *
 * @module
 */
import { files } from "../runtime/files.ts";
import { hostName, isProcessAlive, onProcessExit, processId, unrefTimer } from "../runtime/host.ts";
import { basename, dirname, join, resolve } from "../runtime/path.ts";
import { fillRandom } from "../runtime/random.ts";
import { toHex } from "../encoding/bytes.ts";
import { SessionLockedError, StorageError } from "./errors.ts";

interface Owner {
  pid: number;
  host: string;
  token: string;
  /** Linux boot id: a lock from an earlier boot is stale, whichever process has its pid now. */
  boot?: string;
  /** Linux pid namespace: a pid means something only inside its own namespace (container). */
  pidns?: string;
}

/** How often a holder touches its lock file. */
export const HEARTBEAT_MS = 10_000;
/** A lock of a process that cannot be checked from here is stale after this long untouched. */
export const FOREIGN_STALE_MS = 90_000;

/** This process's pid namespace (Linux), or undefined where there is none. */
function pidNamespace(): string | undefined {
  try {
    return files.readLink("/proc/self/ns/pid");
  } catch {
    return undefined;
  }
}

/** Whether `other`'s pid can be checked with kill() from this process. */
function checkableHere(other: Owner): boolean {
  if (other.host !== hostName()) return false;
  const ns = PID_NAMESPACE;
  return other.pidns === undefined || ns === undefined || other.pidns === ns;
}

/** This boot's id (Linux), or undefined where there is none. */
function bootId(): string | undefined {
  try {
    return files.readText("/proc/sys/kernel/random/boot_id").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Fixed for the life of the process: read once. */
const BOOT_ID = bootId();
const PID_NAMESPACE = pidNamespace();

/**
 * The files this process holds. Kept on `globalThis` under a registered symbol, so that two
 * copies of this module in one process (an app bundling one version, a dependency another)
 * still see each other's locks instead of taking them for stale ones left by this pid.
 */
const registry = globalThis as { [key: symbol]: Map<string, { release(): void }> | undefined };
const HELD = Symbol.for("irenogram.sessionFileLocks");
const held = registry[HELD] ??= new Map();
let exitHookInstalled = false;

/** A lock file written but not yet filled in is given this long before it counts as stale. */
const HALF_WRITTEN_GRACE_MS = 10_000;

function readOwner(path: string): Owner | null {
  try {
    return parseOwner(files.readText(path));
  } catch {
    return null;
  }
}

function parseOwner(text: string): Owner | null {
  try {
    const data = JSON.parse(text);
    if (
      // A pid of 0 or below names a process group to kill(), which would always look alive.
      Number.isSafeInteger(data?.pid) && data.pid > 0 && typeof data.host === "string" &&
      typeof data.token === "string"
    ) return data;
  } catch {
    // Unreadable or half-written: the caller decides by age.
  }
  return null;
}

/** One version of a lock file: its inode (a replaced file has another) and its owner. */
interface Version {
  ino: number;
  owner: Owner | null;
}

/** The lock file's current version, read through one descriptor; null when there is none. */
function readVersion(path: string): Version | null {
  const seen = files.readVersion(path);
  // Unreadable: judged by age.
  return seen && { ino: seen.ino, owner: seen.text === null ? null : parseOwner(seen.text) };
}

function unlinkQuietly(path: string): void {
  try {
    files.remove(path);
  } catch {
    // already gone
  }
}

/**
 * The file's real path, symlinks resolved (in its folder too when it does not exist yet), so that
 * every name of one file finds the same lock.
 */
function realPath(file: string): string {
  let path = resolve(file);
  for (let hops = 0; hops < 32; hops++) {
    try {
      return files.realPath(path);
    } catch {
      // A link to a file not created yet: the file will be created where it points.
      try {
        path = resolve(dirname(path), files.readLink(path));
      } catch {
        break;
      }
    }
  }
  try {
    return join(files.realPath(dirname(path)), basename(path));
  } catch {
    return path; // no folder either: creating the lock file reports it
  }
}

/** The exclusive hold of one session file by this process. */
export class FileLock {
  /** The session file's real path (symlinks resolved): open the file by this name. */
  readonly path: string;
  /** The lock file next to it. */
  readonly lockPath: string;
  readonly #owner: Owner;
  #released = false;
  readonly #heartbeat: ReturnType<typeof setInterval>;

  private constructor(path: string, lockPath: string, owner: Owner, heartbeatMs: number) {
    this.path = path;
    this.lockPath = lockPath;
    this.#owner = owner;
    this.#heartbeat = setInterval(() => this.#touch(), heartbeatMs);
    // The heartbeat alone never keeps a process running.
    unrefTimer(this.#heartbeat);
  }

  #touch(): void {
    try {
      if (readOwner(this.lockPath)?.token !== this.#owner.token) return;
      const now = new Date();
      files.touch(this.lockPath, now);
    } catch {
      // A missed beat only brings the foreign-stale deadline nearer.
    }
  }

  /**
   * Takes the lock of `file` or throws {@link SessionLockedError} naming it. `heartbeatMs` is
   * for tests; the default is {@link HEARTBEAT_MS}.
   */
  static acquire(file: string, heartbeatMs: number = HEARTBEAT_MS): FileLock {
    const path = realPath(file);
    if (held.has(path)) {
      throw new SessionLockedError(file, `session file ${file} is already open in this process`);
    }
    const lockPath = path + ".lock";
    const owner: Owner = {
      pid: processId(),
      host: hostName(),
      token: toHex(fillRandom(new Uint8Array(16))),
      boot: BOOT_ID,
      pidns: PID_NAMESPACE,
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      let mine = FileLock.#tryCreate(lockPath, owner);
      if (!mine) {
        const seen = readVersion(lockPath);
        if (!seen) continue; // released meanwhile: try again
        if (!FileLock.#isStale(lockPath, seen.owner)) {
          const other = seen.owner;
          const who = other
            ? other.host === owner.host
              ? `process ${other.pid}`
              : `process ${other.pid} on ${other.host}`
            : "another process";
          throw new SessionLockedError(file, `session file ${file} is in use by ${who}`);
        }
        mine = FileLock.#takeOver(lockPath, seen, owner, 0);
      }
      if (mine) {
        const lock = new FileLock(path, lockPath, owner, heartbeatMs);
        held.set(path, lock);
        installExitHook();
        return lock;
      }
    }
    throw new SessionLockedError(file, `session file ${file} is in use (the lock keeps changing)`);
  }

  /** Creates `path` holding `owner`, unless it exists (false). */
  static #tryCreate(path: string, owner: Owner): boolean {
    try {
      // A write that fails (a disk full) leaves no empty lock behind to keep every opener out.
      return files.createExclusive(path, JSON.stringify(owner), 0o600);
    } catch (e) {
      throw new StorageError(`cannot create the lock file ${path}`, {
        cause: e,
        code: "STORAGE_IO",
      });
    }
  }

  static #isStale(lockPath: string, other: Owner | null): boolean {
    const untouchedFor = (): number => {
      try {
        return Date.now() - (files.info(lockPath)?.mtimeMs ?? -Infinity);
      } catch {
        return Infinity; // gone meanwhile: try again
      }
    };
    if (!other) return untouchedFor() > HALF_WRITTEN_GRACE_MS;
    // Another host's or container's process cannot be checked from here: its heartbeat tells.
    if (!checkableHere(other)) return untouchedFor() > FOREIGN_STALE_MS;
    // Our own pid but not in `held`: left by an earlier process that had this pid.
    if (other.pid === processId()) return true;
    // Left before a reboot (after a power loss, say): its pid may belong to anyone now.
    const boot = BOOT_ID;
    if (typeof other.boot === "string" && boot !== undefined && other.boot !== boot) return true;
    return !isProcessAlive(other.pid);
  }

  /**
   * Replaces the stale lock file version `stale` at `path` with one naming `owner`; false when
   * someone else got there first. Atomic against any number of openers: only the holder of the
   * guard file named after the stale version's inode may replace that version (every other
   * opener either fails to create the guard or finds the version gone), and the replacement is
   * one rename. A guard left by a breaker that died is itself stale and is taken over the same
   * way (to a bounded depth).
   */
  static #takeOver(path: string, stale: Version, owner: Owner, depth: number): boolean {
    const guard = `${path}.takeover-${stale.ino}`;
    if (!FileLock.#tryCreate(guard, owner)) {
      const other = readVersion(guard);
      if (!other || depth >= 2 || !FileLock.#isStale(guard, other.owner)) return false;
      if (!FileLock.#takeOver(guard, other, owner, depth + 1)) return false;
    }
    try {
      // Holding the guard: the version at `path` can change only through us now.
      const now = readVersion(path);
      if (!now || now.ino !== stale.ino || now.owner?.token !== stale.owner?.token) return false;
      const fresh = `${path}.${owner.token}.new`;
      if (!FileLock.#tryCreate(fresh, owner)) return false;
      try {
        files.rename(fresh, path);
      } catch (e) {
        unlinkQuietly(fresh);
        throw new StorageError(`cannot replace the stale lock file ${path}`, {
          cause: e,
          code: "STORAGE_IO",
        });
      }
      return true;
    } finally {
      if (readOwner(guard)?.token === owner.token) unlinkQuietly(guard);
    }
  }

  /** Gives the file up (idempotent). Removes the lock file only while it is still ours. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    clearInterval(this.#heartbeat);
    held.delete(this.path);
    if (readOwner(this.lockPath)?.token === this.#owner.token) {
      try {
        files.remove(this.lockPath);
      } catch {
        // already gone
      }
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A normal exit without close() should not leave a lock behind (a crash is handled as stale).
  onProcessExit(() => {
    for (const lock of [...held.values()]) lock.release();
  });
}
