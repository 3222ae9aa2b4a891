//! SHA-1 and SHA-256 (RustCrypto), one-shot and incremental.

use sha1::Digest;

pub fn sha1(parts: &[&[u8]]) -> [u8; 20] {
    let mut h = sha1::Sha1::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

pub fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = sha2::Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

/// An incremental hash behind a handle (for inputs larger than one scratch chunk).
pub enum Hasher {
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
}

impl Hasher {
    pub fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
        }
    }

    /// Writes the digest (20 or 32 bytes) to `out` and returns its length.
    pub fn finish(self, out: &mut [u8; 32]) -> usize {
        match self {
            Hasher::Sha1(h) => {
                out[..20].copy_from_slice(&h.finalize());
                20
            }
            Hasher::Sha256(h) => {
                out.copy_from_slice(&h.finalize());
                32
            }
        }
    }
}
