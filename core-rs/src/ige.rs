//! AES-256 in IGE mode as MTProto uses it: the 32-byte IV is (previous ciphertext block,
//! previous plaintext block), as in OpenSSL's `AES_ige_encrypt`.

use crate::aes256::Aes256;

#[inline]
fn xor16(a: &mut [u8; 16], b: &[u8; 16]) {
    for i in 0..16 {
        a[i] ^= b[i];
    }
}

/// Encrypts `data` (a multiple of 16 bytes) in place; `iv` is updated so that a following call
/// continues the chain.
pub fn encrypt(aes: &Aes256, data: &mut [u8], iv: &mut [u8; 32]) {
    let mut c_prev = [0u8; 16];
    let mut p_prev = [0u8; 16];
    c_prev.copy_from_slice(&iv[..16]);
    p_prev.copy_from_slice(&iv[16..]);
    for chunk in data.chunks_exact_mut(16) {
        let mut p = [0u8; 16];
        p.copy_from_slice(chunk);
        let mut x = p;
        xor16(&mut x, &c_prev);
        aes.encrypt_block(&mut x);
        xor16(&mut x, &p_prev);
        chunk.copy_from_slice(&x);
        c_prev = x;
        p_prev = p;
    }
    iv[..16].copy_from_slice(&c_prev);
    iv[16..].copy_from_slice(&p_prev);
}

/// Decrypts `data` (a multiple of 16 bytes) in place; `iv` as for [`encrypt`].
pub fn decrypt(aes: &Aes256, data: &mut [u8], iv: &mut [u8; 32]) {
    let mut c_prev = [0u8; 16];
    let mut p_prev = [0u8; 16];
    c_prev.copy_from_slice(&iv[..16]);
    p_prev.copy_from_slice(&iv[16..]);
    for chunk in data.chunks_exact_mut(16) {
        let mut c = [0u8; 16];
        c.copy_from_slice(chunk);
        let mut x = c;
        xor16(&mut x, &p_prev);
        aes.decrypt_block(&mut x);
        xor16(&mut x, &c_prev);
        chunk.copy_from_slice(&x);
        p_prev = x;
        c_prev = c;
    }
    iv[..16].copy_from_slice(&c_prev);
    iv[16..].copy_from_slice(&p_prev);
}
