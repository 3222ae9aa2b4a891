//! irenogram's WebAssembly core: MTProto crypto and transport framing behind a plain C ABI.
//! See README.md for the memory and calling convention.

pub mod abi;
pub mod crc32;
pub mod ctr;
mod exports;
pub mod framing;
