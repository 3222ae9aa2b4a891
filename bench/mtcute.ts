/**
 * The peer @mtcute/wasm, initialised as its users get it (the SIMD build, synchronously), for
 * the benchmarks that measure against it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as mtcute from "@mtcute/wasm";

/** The bytes of mtcute's SIMD module (the start-up rows instantiate it again). */
export const mtcuteBytes: Uint8Array = readFileSync(
  createRequire(import.meta.url).resolve("@mtcute/wasm/mtcute-simd.wasm"),
);
mtcute.initSync(new WebAssembly.Module(mtcuteBytes as Uint8Array<ArrayBuffer>));

export { mtcute };
