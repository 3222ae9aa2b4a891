//! AES-256-CTR as a stateful stream with a 128-bit big-endian counter (the obfuscated
//! transport keeps one per direction for the life of a connection).

use crate::aes256::Aes256;
use core::arch::wasm32::{v128, v128_load, v128_store, v128_xor};

/// One direction of an AES-256-CTR stream: `apply` XORs the next keystream bytes into `data`,
/// continuing where the previous call stopped (any chunking gives the same bytes).
pub struct Ctr256 {
    aes: Aes256,
    counter: u128,
    /// Keystream bytes left over from the last partial block: `buf[used..]`.
    buf: [u8; 16],
    used: usize,
}

impl Ctr256 {
    pub fn new(key: &[u8; 32], iv: &[u8; 16]) -> Self {
        Ctr256 { aes: Aes256::new(key), counter: u128::from_be_bytes(*iv), buf: [0; 16], used: 16 }
    }

    #[inline(always)]
    fn next_counter(&mut self) -> v128 {
        let b = self.counter.to_be_bytes();
        self.counter = self.counter.wrapping_add(1);
        unsafe { v128_load(b.as_ptr() as *const v128) }
    }

    /// Encrypts or decrypts `data` in place (CTR is its own inverse).
    pub fn apply(&mut self, data: &mut [u8]) {
        let mut off = 0;
        while self.used < 16 && off < data.len() {
            data[off] ^= self.buf[self.used];
            self.used += 1;
            off += 1;
        }
        while data.len() - off >= 64 {
            let c = [self.next_counter(), self.next_counter(), self.next_counter(), self.next_counter()];
            let ks = self.aes.encrypt4_v(c);
            for (n, k) in ks.iter().enumerate() {
                let p = unsafe { data.as_mut_ptr().add(off + 16 * n) } as *mut v128;
                unsafe { v128_store(p, v128_xor(v128_load(p), *k)) };
            }
            off += 64;
        }
        while off < data.len() {
            let c = self.next_counter();
            let ks = self.aes.encrypt_v(c);
            let mut k = [0u8; 16];
            unsafe { v128_store(k.as_mut_ptr() as *mut v128, ks) };
            let n = (data.len() - off).min(16);
            for i in 0..n {
                data[off + i] ^= k[i];
            }
            off += n;
            if n < 16 {
                self.buf = k;
                self.used = n;
            }
        }
    }
}
