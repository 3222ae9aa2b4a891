//! AES-256 with the classic 32-bit T-tables (secret-indexed memory lookups: not constant time):
//! four little-endian tables per direction, masked byte offsets (no bounds checks, no rotations).
//! Kept to measure against the table-free `aes_simd`, which the core uses: a serial chain of this
//! runs at about the speed of the SIMD128 build of `aes_simd` (140-160 MB/s) and slower than its
//! relaxed-SIMD build (bench/aes_chain_bench.ts prints both every run).

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

/// Little-endian T-tables: `TE[r][x]` is the MixColumns column of S(x) entering at row r, so a
/// state column is one little-endian word and no lookup needs a rotation.
const fn rows(t0: [u32; 256]) -> [[u32; 256]; 4] {
    let mut t = [[0u32; 256]; 4];
    let mut x = 0;
    while x < 256 {
        let w = t0[x].swap_bytes();
        t[0][x] = w;
        t[1][x] = w.rotate_left(8);
        t[2][x] = w.rotate_left(16);
        t[3][x] = w.rotate_left(24);
        x += 1;
    }
    t
}

const TE0: [u32; 256] = te0();
const TD0: [u32; 256] = td0();
static TE: [[u32; 256]; 4] = rows(TE0);
static TD: [[u32; 256]; 4] = rows(TD0);

/// Row `r` byte of the little-endian column word `w`, looked up in `t[r]`. The index is masked
/// to 0..=255, so there is no bounds check.
#[inline(always)]
fn look(t: &[[u32; 256]; 4], r: usize, w: u32) -> u32 {
    // The byte offset (4 * index) straight from the word: one shift and one mask.
    let off = if r == 0 { (w << 2) & 0x3fc } else { (w >> (8 * r - 2)) & 0x3fc };
    // SAFETY: off <= 0x3fc, a 4-aligned offset inside the 1 KiB table t[r].
    unsafe { *((t[r].as_ptr() as *const u8).add(off as usize) as *const u32) }
}

fn sub_word(w: u32) -> u32 {
    let b = w.to_be_bytes();
    u32::from_be_bytes([SBOX[b[0] as usize], SBOX[b[1] as usize], SBOX[b[2] as usize], SBOX[b[3] as usize]])
}

fn inv_mix(w: u32) -> u32 {
    // InvMixColumns of a big-endian key word, by the T-table of S(S^-1(b)) = b.
    let b = w.to_be_bytes();
    let td = |x: u8, r: u32| TD0[SBOX[x as usize] as usize].rotate_right(8 * r);
    td(b[0], 0) ^ td(b[1], 1) ^ td(b[2], 2) ^ td(b[3], 3)
}

pub struct Aes256 {
    /// Round keys as little-endian column words.
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
                dk[4 * r + c] = (if r == 0 || r == 14 { w } else { inv_mix(w) }).swap_bytes();
            }
        }
        for w in ek.iter_mut() {
            *w = w.swap_bytes();
        }
        Aes256 { ek, dk }
    }

    #[inline(always)]
    fn words(b: &[u8; 16]) -> [u32; 4] {
        let w = |i: usize| u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
        [w(0), w(1), w(2), w(3)]
    }

    /// Column c of a round takes row r from column c + r (encryption) or c - r (decryption).
    #[inline(always)]
    fn round(t: &[[u32; 256]; 4], s: [u32; 4], k: &[u32], dir: usize) -> [u32; 4] {
        let mut o = [0u32; 4];
        for c in 0..4 {
            let from = |r: usize| s[(c + if dir == 0 { r } else { 4 - r }) % 4];
            o[c] = look(t, 0, s[c]) ^ look(t, 1, from(1)) ^ look(t, 2, from(2)) ^ look(t, 3, from(3))
                ^ k[c];
        }
        o
    }

    #[inline(always)]
    fn last(sbox: &[u8; 256], s: [u32; 4], k: &[u32], dir: usize, b: &mut [u8; 16]) {
        for c in 0..4 {
            let from = |r: usize| s[(c + if dir == 0 { r } else { 4 - r }) % 4];
            let byte = |r: usize| sbox[((from(r) >> (8 * r)) & 0xff) as usize] as u32;
            let w = (byte(0) | (byte(1) << 8) | (byte(2) << 16) | (byte(3) << 24)) ^ k[c];
            b[4 * c..4 * c + 4].copy_from_slice(&w.to_le_bytes());
        }
    }

    pub fn encrypt_block(&self, b: &mut [u8; 16]) {
        let k = &self.ek;
        let w = Self::words(b);
        let mut s = [w[0] ^ k[0], w[1] ^ k[1], w[2] ^ k[2], w[3] ^ k[3]];
        for r in 1..14 {
            s = Self::round(&TE, s, &k[4 * r..4 * r + 4], 0);
        }
        Self::last(&SBOX, s, &k[56..60], 0, b);
    }

    pub fn decrypt_block(&self, b: &mut [u8; 16]) {
        let k = &self.dk;
        let w = Self::words(b);
        let mut s = [w[0] ^ k[0], w[1] ^ k[1], w[2] ^ k[2], w[3] ^ k[3]];
        for r in 1..14 {
            s = Self::round(&TD, s, &k[4 * r..4 * r + 4], 1);
        }
        Self::last(&INV_SBOX, s, &k[56..60], 1, b);
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
