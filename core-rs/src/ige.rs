//! AES-256 in IGE mode as MTProto uses it: the 32-byte IV is (previous ciphertext block,
//! previous plaintext block), as in OpenSSL's `AES_ige_encrypt`. Blocks stay in SIMD registers
//! across the chain (byte-array copies per block halved the speed).

use crate::aes256::Aes256;
use core::arch::wasm32::{v128, v128_load, v128_store, v128_xor};

#[inline(always)]
unsafe fn load(p: *const u8) -> v128 {
    v128_load(p as *const v128)
}

#[inline(always)]
unsafe fn store(p: *mut u8, v: v128) {
    v128_store(p as *mut v128, v)
}

/// Encrypts `data` (a multiple of 16 bytes) in place; `iv` is updated so that a following call
/// continues the chain.
pub fn encrypt(aes: &Aes256, data: &mut [u8], iv: &mut [u8; 32]) {
    unsafe {
        let mut c_prev = load(iv.as_ptr());
        let mut p_prev = load(iv.as_ptr().add(16));
        for chunk in data.chunks_exact_mut(16) {
            let p = load(chunk.as_ptr());
            let c = v128_xor(aes.encrypt_v(v128_xor(p, c_prev)), p_prev);
            store(chunk.as_mut_ptr(), c);
            c_prev = c;
            p_prev = p;
        }
        store(iv.as_mut_ptr(), c_prev);
        store(iv.as_mut_ptr().add(16), p_prev);
    }
}

/// Decrypts `data` (a multiple of 16 bytes) in place; `iv` as for [`encrypt`].
pub fn decrypt(aes: &Aes256, data: &mut [u8], iv: &mut [u8; 32]) {
    unsafe {
        let mut c_prev = load(iv.as_ptr());
        let mut p_prev = load(iv.as_ptr().add(16));
        for chunk in data.chunks_exact_mut(16) {
            let c = load(chunk.as_ptr());
            let p = v128_xor(aes.decrypt_v(v128_xor(c, p_prev)), c_prev);
            store(chunk.as_mut_ptr(), p);
            p_prev = p;
            c_prev = c;
        }
        store(iv.as_mut_ptr(), c_prev);
        store(iv.as_mut_ptr().add(16), p_prev);
    }
}
