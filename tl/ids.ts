/**
 * Constructor ids the hand-written parts of tl/ handle themselves (the reader and writer
 * primitives, the service objects, `readResult`). The generated tables carry every other id.
 * A module of its own so that the primitives, the service objects and the top of tl/ share them
 * without importing one another.
 *
 * @module
 */

/** `vector#1cb5c415`: the boxed vector. */
export const VECTOR_ID = 0x1cb5c415;
/** `gzip_packed#3072cfa1 packed_data:bytes = Object`. */
export const GZIP_PACKED_ID = 0x3072cfa1;
/** `boolTrue#997275b5 = Bool`. */
export const BOOL_TRUE_ID = 0x997275b5;
/** `boolFalse#bc799737 = Bool`. */
export const BOOL_FALSE_ID = 0xbc799737;
/** `msg_container#73f1f8dc` (also in generate.ts MANUAL). */
export const MSG_CONTAINER_ID = 0x73f1f8dc;
/** `rpc_result#f35c6d01` (also in generate.ts MANUAL). */
export const RPC_RESULT_ID = 0xf35c6d01;
/** `rpc_error#2144ca19 error_code:int error_message:string = RpcError`. */
export const RPC_ERROR_ID = 0x2144ca19;
