/**
 * File path arithmetic for the file engines (`join`, `resolve`, `dirname`, …): node:path where
 * loading it is free (Node, Bun; Deno on Windows), and on Deno with POSIX paths the POSIX rules
 * written out here, because the first `node:` module a Deno process loads starts Deno's Node
 * compatibility layer, about 15 ms of a cold start that opens a session file and needs nothing
 * else from it. The hand-written functions behave as `node:path`'s POSIX ones do
 * (`runtime/path_test.ts` compares them on generated paths on every runtime).
 *
 * @module
 */
import type * as Path from "node:path";
import { nodeModule, RUNTIME } from "./runtime.ts";

interface DenoPaths {
  cwd(): string;
  build: { os: string };
}

const deno = RUNTIME === "deno" ? (globalThis as { Deno?: DenoPaths }).Deno : undefined;

/** Whether the hand-written POSIX rules serve here (Deno, not on Windows). */
export const POSIX_BY_HAND: boolean = deno !== undefined && deno.build.os !== "windows";

/** The path segments of `path` after `.` and `..` are applied (`..` kept at a relative start). */
function normalSegments(path: string, absolute: boolean): string[] {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg !== "..") out.push(seg);
    else if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (!absolute) out.push(".."); // above the root is the root
  }
  return out;
}

/** POSIX `path.normalize`: `.`/`..` applied, slashes collapsed, a trailing slash kept. */
export function posixNormalize(path: string): string {
  if (path === "") return ".";
  const absolute = path.charCodeAt(0) === 47;
  let body = normalSegments(path, absolute).join("/");
  if (body === "" && !absolute) body = ".";
  if (body !== "" && path.charCodeAt(path.length - 1) === 47) body += "/";
  return absolute ? "/" + body : body;
}

/** POSIX `path.join`. */
export function posixJoin(...parts: string[]): string {
  const joined = parts.filter((p) => p !== "").join("/");
  return joined === "" ? "." : posixNormalize(joined);
}

/** POSIX `path.resolve` against the working directory `cwd` (absolute). */
export function posixResolveFrom(cwd: string, ...parts: string[]): string {
  let path = "";
  for (let i = parts.length - 1; i >= -1 && path.charCodeAt(0) !== 47; i--) {
    const part = i >= 0 ? parts[i] : cwd;
    if (part !== "") path = path === "" ? part : part + "/" + path;
  }
  return "/" + normalSegments(path, true).join("/");
}

/** POSIX `path.dirname`: everything before the last name, one slash before it dropped. */
export function posixDirname(path: string): string {
  if (path === "") return ".";
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--; // trailing slashes
  while (end > 0 && path.charCodeAt(end - 1) !== 47) end--; // the last name
  if (end === 0) return ".";
  end--; // the slash before the name
  if (end === 0) return "/";
  // node:path keeps a leading "//" (POSIX lets the system give it a meaning of its own).
  return end === 1 && path.charCodeAt(0) === 47 && path.charCodeAt(1) === 47
    ? "//"
    : path.slice(0, end);
}

/** POSIX `path.basename` (without the suffix argument): the last name, trailing slashes off. */
export function posixBasename(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(path.lastIndexOf("/", end - 1) + 1, end);
}

/** POSIX `path.relative`: the way from `from` to `to`, both resolved against `cwd`. */
export function posixRelativeFrom(cwd: string, from: string, to: string): string {
  const a = posixResolveFrom(cwd, from).split("/").filter((s) => s !== "");
  const b = posixResolveFrom(cwd, to).split("/").filter((s) => s !== "");
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

const node = POSIX_BY_HAND ? undefined : nodeModule<typeof Path>("node:path");

/** `path.join`. */
export const join: (...parts: string[]) => string = node ? node.join : posixJoin;
/** `path.resolve` against the process's working directory. */
export const resolve: (...parts: string[]) => string = node
  ? node.resolve
  : (...parts) => posixResolveFrom(deno!.cwd(), ...parts);
/** `path.dirname`. */
export const dirname: (path: string) => string = node ? node.dirname : posixDirname;
/** `path.basename` (no suffix argument). */
export const basename: (path: string) => string = node
  ? (path) => node.basename(path)
  : posixBasename;
/** `path.isAbsolute`. */
export const isAbsolute: (path: string) => boolean = node
  ? node.isAbsolute
  : (path) => path.charCodeAt(0) === 47;
/** `path.relative` against the process's working directory. */
export const relative: (from: string, to: string) => string = node
  ? node.relative
  : (from, to) => posixRelativeFrom(deno!.cwd(), from, to);
/** `path.sep`. */
export const sep: string = node ? node.sep : "/";
