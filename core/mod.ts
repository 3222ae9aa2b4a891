/**
 * The TypeScript face of irenogram's WebAssembly core: MTProto crypto and transport framing.
 *
 * @module
 */
export { IrenogramError } from "../errors.ts";
