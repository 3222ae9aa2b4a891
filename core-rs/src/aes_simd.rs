//! AES-256 without table lookups in memory, for WebAssembly SIMD128.
//!
//! The state is kept in a tower-field representation of GF(2^8), GF((2^4)^2) with t^2 = t + 8
//! over GF(2^4) mod x^4 + x + 1, so that the S-box inversion needs only 16-entry lookups of
//! nibbles, which `i8x16.swizzle` does inside a register: no secret-dependent memory access
//! (constant time) and no bounds checks (the reason T-table AES is slow on Deno). The affine
//! maps, MixColumns factors and representation changes are folded into 16-entry tables
//! generated and checked against a reference AES by tools/gen_aes_tables.py.
//!
//! Inversion of x = i*t + k (i, k nibbles, j = i + k), with "∞" (0x80, which swizzle maps to 0)
//! standing for 1/0: the inverse is P*t + 8*Z with
//!   P = 1/(8i + 1/(1/k + 1/j)),   Z = 1/(8j + 1/(1/(8i) + 1/(j + 8i))).

use core::arch::wasm32::*;

include!("aes_tables.rs");

macro_rules! vconst {
    ($name:ident = $table:expr) => {
        static $name: [u8; 16] = $table;
    };
}
vconst!(V_INV = INV);
vconst!(V_MUL_A = MUL_A);
vconst!(V_INV_MUL_A = INV_MUL_A);
vconst!(V_PHI_LO = PHI_LO);
vconst!(V_PHI_HI = PHI_HI);
vconst!(V_PHI_INV_LO = PHI_INV_LO);
vconst!(V_PHI_INV_HI = PHI_INV_HI);
vconst!(V_G_LO = G_LO);
vconst!(V_G_HI = G_HI);
vconst!(V_ENC_S_P = ENC_S_P);
vconst!(V_ENC_S_Z = ENC_S_Z);
vconst!(V_ENC_S2_P = ENC_S2_P);
vconst!(V_ENC_S2_Z = ENC_S2_Z);
vconst!(V_DEC_E_P = DEC_E_P);
vconst!(V_DEC_E_Z = DEC_E_Z);
vconst!(V_DEC_B_P = DEC_B_P);
vconst!(V_DEC_B_Z = DEC_B_Z);
vconst!(V_DEC_D_P = DEC_D_P);
vconst!(V_DEC_D_Z = DEC_D_Z);
vconst!(V_DEC_N_P = DEC_N_P);
vconst!(V_DEC_N_Z = DEC_N_Z);
vconst!(V_DEC_OUT_P = DEC_OUT_P);
vconst!(V_DEC_OUT_Z = DEC_OUT_Z);
vconst!(V_LO = [0x0f; 16]);

/// The tables as values, read once with a volatile load so that the compiled loops keep them in
/// locals (registers) instead of re-materialising a 16-byte constant at every use.
#[derive(Clone, Copy)]
struct Tables {
    inv: v128,
    mul_a: v128,
    inv_mul_a: v128,
    phi_lo: v128,
    phi_hi: v128,
    phi_inv_lo: v128,
    phi_inv_hi: v128,
    g_lo: v128,
    g_hi: v128,
    enc_s_p: v128,
    enc_s_z: v128,
    enc_s2_p: v128,
    enc_s2_z: v128,
    dec_e_p: v128,
    dec_e_z: v128,
    dec_b_p: v128,
    dec_b_z: v128,
    dec_d_p: v128,
    dec_d_z: v128,
    dec_n_p: v128,
    dec_n_z: v128,
    dec_out_p: v128,
    dec_out_z: v128,
    lo: v128,
}

impl Tables {
    fn load() -> Tables {
        fn rd(b: &[u8; 16]) -> v128 {
            unsafe { core::ptr::read_volatile(b.as_ptr() as *const v128) }
        }
        Tables {
            inv: rd(&V_INV),
            mul_a: rd(&V_MUL_A),
            inv_mul_a: rd(&V_INV_MUL_A),
            phi_lo: rd(&V_PHI_LO),
            phi_hi: rd(&V_PHI_HI),
            phi_inv_lo: rd(&V_PHI_INV_LO),
            phi_inv_hi: rd(&V_PHI_INV_HI),
            g_lo: rd(&V_G_LO),
            g_hi: rd(&V_G_HI),
            enc_s_p: rd(&V_ENC_S_P),
            enc_s_z: rd(&V_ENC_S_Z),
            enc_s2_p: rd(&V_ENC_S2_P),
            enc_s2_z: rd(&V_ENC_S2_Z),
            dec_e_p: rd(&V_DEC_E_P),
            dec_e_z: rd(&V_DEC_E_Z),
            dec_b_p: rd(&V_DEC_B_P),
            dec_b_z: rd(&V_DEC_B_Z),
            dec_d_p: rd(&V_DEC_D_P),
            dec_d_z: rd(&V_DEC_D_Z),
            dec_n_p: rd(&V_DEC_N_P),
            dec_n_z: rd(&V_DEC_N_Z),
            dec_out_p: rd(&V_DEC_OUT_P),
            dec_out_z: rd(&V_DEC_OUT_Z),
            lo: rd(&V_LO),
        }
    }
}

#[inline(always)]
fn sw(table: v128, idx: v128) -> v128 {
    i8x16_swizzle(table, idx)
}

#[inline(always)]
fn x(a: v128, b: v128) -> v128 {
    v128_xor(a, b)
}

/// A linear (or affine) map of bytes given by its values on the low and the high nibble.
#[inline(always)]
fn nibbles(t: &Tables, lo: v128, hi: v128, v: v128) -> v128 {
    x(sw(lo, v128_and(v, t.lo)), sw(hi, u8x16_shr(v, 4)))
}

/// The two coordinates (P, Z) of the inverse of each tower-field byte.
#[inline(always)]
fn inversion(t: &Tables, s: v128) -> (v128, v128) {
    let k = v128_and(s, t.lo);
    let i = u8x16_shr(s, 4);
    let j = x(i, k);
    let ai = sw(t.mul_a, i);
    let p = sw(t.inv, x(ai, sw(t.inv, x(sw(t.inv, k), sw(t.inv, j)))));
    let z = sw(t.inv, x(sw(t.mul_a, j), sw(t.inv, x(sw(t.inv_mul_a, i), sw(t.inv, x(j, ai))))));
    (p, z)
}

#[inline(always)]
fn shift_rows(s: v128) -> v128 {
    i8x16_shuffle::<0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11>(s, s)
}

#[inline(always)]
fn inv_shift_rows(s: v128) -> v128 {
    i8x16_shuffle::<0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3>(s, s)
}

#[inline(always)]
fn rot1(s: v128) -> v128 {
    i8x16_shuffle::<1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12>(s, s)
}

#[inline(always)]
fn rot2(s: v128) -> v128 {
    i8x16_shuffle::<2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13>(s, s)
}

#[inline(always)]
fn rot3(s: v128) -> v128 {
    i8x16_shuffle::<3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14>(s, s)
}

#[inline(always)]
fn load(b: &[u8; 16]) -> v128 {
    unsafe { v128_load(b.as_ptr() as *const v128) }
}

#[inline(always)]
fn store(v: v128, b: &mut [u8; 16]) {
    unsafe { v128_store(b.as_mut_ptr() as *mut v128, v) }
}

/// The AES S-box on the 4 bytes of a key-schedule word (no table lookups either).
fn sub_word(t: &Tables, w: [u8; 4]) -> [u8; 4] {
    let mut b = [0u8; 16];
    b[..4].copy_from_slice(&w);
    let (p, z) = inversion(t, nibbles(t, t.phi_lo, t.phi_hi, load(&b)));
    let s = nibbles(t, t.phi_inv_lo, t.phi_inv_hi, x(sw(t.enc_s_p, p), sw(t.enc_s_z, z)));
    store(s, &mut b);
    [b[0] ^ 0x63, b[1] ^ 0x63, b[2] ^ 0x63, b[3] ^ 0x63]
}

fn gmul(mut a: u8, mut b: u8) -> u8 {
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

fn inv_mix_columns(w: &[u8; 16]) -> [u8; 16] {
    // Multiples by 9, 11, 13, 14 from three doublings (the key schedule runs per message: keep
    // it cheap).
    let xt = |b: u8| (b << 1) ^ if b & 0x80 != 0 { 0x1b } else { 0 };
    let mut m = [[0u8; 4]; 16]; // 14, 11, 13, 9
    for (i, &b) in w.iter().enumerate() {
        let (b2, b4) = (xt(b), xt(xt(b)));
        let b8 = xt(b4);
        m[i] = [b8 ^ b4 ^ b2, b8 ^ b2 ^ b, b8 ^ b4 ^ b, b8 ^ b];
    }
    let mut o = [0u8; 16];
    for c in 0..4 {
        for r in 0..4 {
            let at = |n: usize, k: usize| m[4 * c + (r + n) % 4][k];
            o[4 * c + r] = at(0, 0) ^ at(1, 1) ^ at(2, 2) ^ at(3, 3);
        }
    }
    o
}

/// An expanded AES-256 key for both directions.
pub struct Aes256 {
    t: Tables,
    enc: [v128; 15],
    dec: [v128; 15],
}

impl Aes256 {
    pub fn new(key: &[u8; 32]) -> Self {
        let t = Tables::load();
        let t = &t;
        let mut w = [[0u8; 4]; 60];
        for n in 0..8 {
            w[n].copy_from_slice(&key[4 * n..4 * n + 4]);
        }
        let mut rcon = 1u8;
        for n in 8..60 {
            let mut word = w[n - 1];
            if n % 8 == 0 {
                word = sub_word(t, [word[1], word[2], word[3], word[0]]);
                word[0] ^= rcon;
                rcon = gmul(rcon, 2);
            } else if n % 8 == 4 {
                word = sub_word(t, word);
            }
            for b in 0..4 {
                w[n][b] = w[n - 8][b] ^ word[b];
            }
        }
        let mut rk = [[0u8; 16]; 15];
        for r in 0..15 {
            for c in 0..4 {
                rk[r][4 * c..4 * c + 4].copy_from_slice(&w[4 * r + c]);
            }
        }
        let phi63 = u8x16_splat(PHI_63);
        let g63 = u8x16_splat(G_63);
        let mut enc = [u8x16_splat(0); 15];
        enc[0] = nibbles(t, t.phi_lo, t.phi_hi, load(&rk[0]));
        for r in 1..15 {
            enc[r] = x(nibbles(t, t.phi_lo, t.phi_hi, load(&rk[r])), phi63);
        }
        // G_LO carries the constant G(0x63); undo it where a plain linear image is needed.
        let g = |b: &[u8; 16]| x(nibbles(t, t.g_lo, t.g_hi, load(b)), g63);
        let mut dec = [u8x16_splat(0); 15];
        dec[0] = g(&rk[14]);
        for r in 1..14 {
            dec[r] = x(g(&inv_mix_columns(&rk[14 - r])), g63);
        }
        dec[14] = load(&rk[0]);
        Aes256 { t: *t, enc, dec }
    }

    #[inline(always)]
    fn enc_round(&self, s: v128, r: usize) -> v128 {
        let t = &self.t;
        let (p, z) = inversion(t, shift_rows(s));
        let s1 = x(sw(t.enc_s_p, p), sw(t.enc_s_z, z));
        let s2 = x(sw(t.enc_s2_p, p), sw(t.enc_s2_z, z));
        x(x(x(s2, rot1(x(s2, s1))), x(rot2(s1), rot3(s1))), self.enc[r])
    }

    #[inline(always)]
    fn enc_last(&self, s: v128) -> v128 {
        let t = &self.t;
        let (p, z) = inversion(t, shift_rows(s));
        let s1 = x(x(sw(t.enc_s_p, p), sw(t.enc_s_z, z)), self.enc[14]);
        nibbles(t, t.phi_inv_lo, t.phi_inv_hi, s1)
    }

    #[inline(always)]
    pub fn encrypt_v(&self, b: v128) -> v128 {
        let t = &self.t;
        let mut s = x(nibbles(t, t.phi_lo, t.phi_hi, b), self.enc[0]);
        for r in 1..14 {
            s = self.enc_round(s, r);
        }
        self.enc_last(s)
    }

    /// Four independent blocks at once (the CPU overlaps their rounds).
    #[inline(always)]
    pub fn encrypt4_v(&self, b: [v128; 4]) -> [v128; 4] {
        let t = &self.t;
        let mut s = [u8x16_splat(0); 4];
        for n in 0..4 {
            s[n] = x(nibbles(t, t.phi_lo, t.phi_hi, b[n]), self.enc[0]);
        }
        for r in 1..14 {
            for n in 0..4 {
                s[n] = self.enc_round(s[n], r);
            }
        }
        for n in 0..4 {
            s[n] = self.enc_last(s[n]);
        }
        s
    }

    #[inline(always)]
    pub fn decrypt_v(&self, b: v128) -> v128 {
        let t = &self.t;
        let mut s = x(nibbles(t, t.g_lo, t.g_hi, b), self.dec[0]);
        for r in 1..14 {
            let (p, z) = inversion(t, inv_shift_rows(s));
            let e = x(sw(t.dec_e_p, p), sw(t.dec_e_z, z));
            let bb = x(sw(t.dec_b_p, p), sw(t.dec_b_z, z));
            let d = x(sw(t.dec_d_p, p), sw(t.dec_d_z, z));
            let n = x(sw(t.dec_n_p, p), sw(t.dec_n_z, z));
            s = x(x(x(e, rot1(bb)), x(rot2(d), rot3(n))), self.dec[r]);
        }
        let (p, z) = inversion(t, inv_shift_rows(s));
        x(x(sw(t.dec_out_p, p), sw(t.dec_out_z, z)), self.dec[14])
    }

    #[inline(always)]
    pub fn encrypt_block(&self, block: &mut [u8; 16]) {
        let v = self.encrypt_v(load(block));
        store(v, block);
    }

    #[inline(always)]
    pub fn decrypt_block(&self, block: &mut [u8; 16]) {
        let v = self.decrypt_v(load(block));
        store(v, block);
    }
}
