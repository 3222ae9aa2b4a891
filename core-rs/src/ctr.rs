//! AES-256-CTR as a stateful stream with a 128-bit big-endian counter (the obfuscated
//! transport keeps one per direction for the life of a connection).

use aes::cipher::{KeyIvInit, StreamCipher};

/// One direction of an AES-256-CTR stream: `apply` XORs the next keystream bytes into `data`,
/// continuing where the previous call stopped (any chunking gives the same bytes).
pub struct Ctr256 {
    inner: ctr::Ctr128BE<aes::Aes256>,
}

impl Ctr256 {
    pub fn new(key: &[u8; 32], iv: &[u8; 16]) -> Self {
        Ctr256 { inner: ctr::Ctr128BE::<aes::Aes256>::new(key.into(), iv.into()) }
    }

    /// Encrypts or decrypts `data` in place (CTR is its own inverse).
    pub fn apply(&mut self, data: &mut [u8]) {
        self.inner.apply_keystream(data);
    }
}
