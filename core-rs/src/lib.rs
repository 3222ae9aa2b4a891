//! irenogram's WebAssembly core: MTProto crypto and transport framing behind a plain C ABI.
//! See README.md for the memory and calling convention.

pub mod abi;
pub mod aes256;
pub mod aes_simd;
pub mod aes_table;
pub mod bignum;
pub mod crc32;
pub mod ctr;
pub mod dh;
mod exports;
pub mod framing;
pub mod ige;
pub mod mtproto;
pub mod pq;
pub mod rsa_pad;
pub mod sha;
pub mod wipe;
