//! AES-256 with the classic 32-bit T-tables (secret-indexed memory lookups: not constant time).
//! Kept to measure against the table-free `aes_simd` (the benchmark reports which one is used).

const fn gmul(mut a: u8, mut b: u8) -> u8 {
    let mut r = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            r ^= a;
        }
        b >>= 1;
        a = (a << 1) ^ if a & 0x80 != 0 { 0x1b } else { 0 };
    }
    r
}

const fn sbox() -> [u8; 256] {
    // exp/log tables of the generator 3 give inverses in 255 steps (the const-eval budget of
    // rustc 1.63 is too small for x^254 per byte).
    let mut exp = [0u8; 256];
    let mut log = [0u8; 256];
    let mut v = 1u8;
    let mut n = 0;
    while n < 255 {
        exp[n] = v;
        log[v as usize] = n as u8;
        v = v ^ ((v << 1) ^ if v & 0x80 != 0 { 0x1b } else { 0 });
        n += 1;
    }
    let mut s = [0u8; 256];
    let mut x = 0usize;
    while x < 256 {
        let b = if x == 0 { 0 } else { exp[(255 - log[x] as usize) % 255] };
        s[x] = b ^ b.rotate_left(1) ^ b.rotate_left(2) ^ b.rotate_left(3) ^ b.rotate_left(4) ^ 0x63;
        x += 1;
    }
    s
}

const SBOX: [u8; 256] = sbox();

const fn inv_sbox() -> [u8; 256] {
    let mut r = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        r[SBOX[x] as usize] = x as u8;
        x += 1;
    }
    r
}

const INV_SBOX: [u8; 256] = inv_sbox();

const fn te0() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut x = 0;
    while x < 256 {
        let s = SBOX[x];
        t[x] = u32::from_be_bytes([gmul(s, 2), s, s, gmul(s, 3)]);
        x += 1;
    }
    t
}

const fn td0() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut x = 0;
    while x < 256 {
        let s = INV_SBOX[x];
        t[x] = u32::from_be_bytes([gmul(s, 14), gmul(s, 9), gmul(s, 13), gmul(s, 11)]);
        x += 1;
    }
    t
}

const TE0: [u32; 256] = te0();
const TD0: [u32; 256] = td0();

#[inline(always)]
fn te(n: u32, r: u32) -> u32 {
    TE0[(n & 0xff) as usize].rotate_right(8 * r)
}

#[inline(always)]
fn td(n: u32, r: u32) -> u32 {
    TD0[(n & 0xff) as usize].rotate_right(8 * r)
}

fn sub_word(w: u32) -> u32 {
    let b = w.to_be_bytes();
    u32::from_be_bytes([SBOX[b[0] as usize], SBOX[b[1] as usize], SBOX[b[2] as usize], SBOX[b[3] as usize]])
}

fn inv_mix(w: u32) -> u32 {
    let b = w.to_be_bytes();
    td(SBOX[b[0] as usize] as u32, 0)
        ^ td(SBOX[b[1] as usize] as u32, 1)
        ^ td(SBOX[b[2] as usize] as u32, 2)
        ^ td(SBOX[b[3] as usize] as u32, 3)
}

pub struct Aes256 {
    ek: [u32; 60],
    dk: [u32; 60],
}

impl Aes256 {
    pub fn new(key: &[u8; 32]) -> Self {
        let mut ek = [0u32; 60];
        for n in 0..8 {
            ek[n] = u32::from_be_bytes([key[4 * n], key[4 * n + 1], key[4 * n + 2], key[4 * n + 3]]);
        }
        let mut rcon = 1u8;
        for n in 8..60 {
            let mut t = ek[n - 1];
            if n % 8 == 0 {
                t = sub_word(t.rotate_left(8)) ^ ((rcon as u32) << 24);
                rcon = gmul(rcon, 2);
            } else if n % 8 == 4 {
                t = sub_word(t);
            }
            ek[n] = ek[n - 8] ^ t;
        }
        let mut dk = [0u32; 60];
        for r in 0..15 {
            for c in 0..4 {
                let w = ek[4 * (14 - r) + c];
                dk[4 * r + c] = if r == 0 || r == 14 { w } else { inv_mix(w) };
            }
        }
        Aes256 { ek, dk }
    }

    pub fn encrypt_block(&self, b: &mut [u8; 16]) {
        let k = &self.ek;
        let w = |i: usize| u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
        let (mut s0, mut s1, mut s2, mut s3) = (w(0) ^ k[0], w(1) ^ k[1], w(2) ^ k[2], w(3) ^ k[3]);
        for r in 1..14 {
            let t0 = te(s0 >> 24, 0) ^ te(s1 >> 16, 1) ^ te(s2 >> 8, 2) ^ te(s3, 3) ^ k[4 * r];
            let t1 = te(s1 >> 24, 0) ^ te(s2 >> 16, 1) ^ te(s3 >> 8, 2) ^ te(s0, 3) ^ k[4 * r + 1];
            let t2 = te(s2 >> 24, 0) ^ te(s3 >> 16, 1) ^ te(s0 >> 8, 2) ^ te(s1, 3) ^ k[4 * r + 2];
            let t3 = te(s3 >> 24, 0) ^ te(s0 >> 16, 1) ^ te(s1 >> 8, 2) ^ te(s2, 3) ^ k[4 * r + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        let sb = |x: u32| SBOX[(x & 0xff) as usize] as u32;
        let o = |a: u32, bb: u32, c: u32, d: u32, kk: u32| {
            ((sb(a >> 24) << 24) | (sb(bb >> 16) << 16) | (sb(c >> 8) << 8) | sb(d)) ^ kk
        };
        let out = [
            o(s0, s1, s2, s3, k[56]),
            o(s1, s2, s3, s0, k[57]),
            o(s2, s3, s0, s1, k[58]),
            o(s3, s0, s1, s2, k[59]),
        ];
        for i in 0..4 {
            b[4 * i..4 * i + 4].copy_from_slice(&out[i].to_be_bytes());
        }
    }

    pub fn decrypt_block(&self, b: &mut [u8; 16]) {
        let k = &self.dk;
        let w = |i: usize| u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
        let (mut s0, mut s1, mut s2, mut s3) = (w(0) ^ k[0], w(1) ^ k[1], w(2) ^ k[2], w(3) ^ k[3]);
        for r in 1..14 {
            let t0 = td(s0 >> 24, 0) ^ td(s3 >> 16, 1) ^ td(s2 >> 8, 2) ^ td(s1, 3) ^ k[4 * r];
            let t1 = td(s1 >> 24, 0) ^ td(s0 >> 16, 1) ^ td(s3 >> 8, 2) ^ td(s2, 3) ^ k[4 * r + 1];
            let t2 = td(s2 >> 24, 0) ^ td(s1 >> 16, 1) ^ td(s0 >> 8, 2) ^ td(s3, 3) ^ k[4 * r + 2];
            let t3 = td(s3 >> 24, 0) ^ td(s2 >> 16, 1) ^ td(s1 >> 8, 2) ^ td(s0, 3) ^ k[4 * r + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        let sb = |x: u32| INV_SBOX[(x & 0xff) as usize] as u32;
        let o = |a: u32, bb: u32, c: u32, d: u32, kk: u32| {
            ((sb(a >> 24) << 24) | (sb(bb >> 16) << 16) | (sb(c >> 8) << 8) | sb(d)) ^ kk
        };
        let out = [
            o(s0, s3, s2, s1, k[56]),
            o(s1, s0, s3, s2, k[57]),
            o(s2, s1, s0, s3, k[58]),
            o(s3, s2, s1, s0, k[59]),
        ];
        for i in 0..4 {
            b[4 * i..4 * i + 4].copy_from_slice(&out[i].to_be_bytes());
        }
    }
}

use core::arch::wasm32::{v128, v128_load, v128_store};

impl Aes256 {
    #[inline(always)]
    pub fn encrypt_v(&self, b: v128) -> v128 {
        let mut x = [0u8; 16];
        unsafe { v128_store(x.as_mut_ptr() as *mut v128, b) };
        self.encrypt_block(&mut x);
        unsafe { v128_load(x.as_ptr() as *const v128) }
    }

    #[inline(always)]
    pub fn encrypt4_v(&self, b: [v128; 4]) -> [v128; 4] {
        [self.encrypt_v(b[0]), self.encrypt_v(b[1]), self.encrypt_v(b[2]), self.encrypt_v(b[3])]
    }
}
