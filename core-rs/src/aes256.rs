//! AES-256 block cipher used by IGE and the MTProto functions (one place to swap the
//! implementation). Currently RustCrypto's `aes` (constant-time fixsliced software AES on wasm32).

use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};

/// An expanded AES-256 key for both directions.
pub struct Aes256 {
    inner: aes::Aes256,
}

impl Aes256 {
    pub fn new(key: &[u8; 32]) -> Self {
        Aes256 { inner: aes::Aes256::new(key.into()) }
    }

    #[inline]
    pub fn encrypt_block(&self, block: &mut [u8; 16]) {
        self.inner.encrypt_block(block.into());
    }

    #[inline]
    pub fn decrypt_block(&self, block: &mut [u8; 16]) {
        self.inner.decrypt_block(block.into());
    }
}

/// Which AES implementation this build uses (reported by the benchmark): 1 = RustCrypto's
/// constant-time fixsliced software AES.
pub const KIND: u32 = 1;
