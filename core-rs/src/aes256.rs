//! AES-256 block cipher used by IGE, CTR and the MTProto functions: the table-free SIMD128
//! implementation of `aes_simd` (chosen over RustCrypto's fixsliced `aes` by the benchmark:
//! see core-rs/README.md).

pub use crate::aes_simd::Aes256;

/// Which AES implementation this build uses (reported by the benchmark): 2 = tower-field
/// vector-permute AES in SIMD128 (no table lookups in memory, constant time).
pub const KIND: u32 = 2;
