//! AES-256 without table lookups in memory, for WebAssembly SIMD128: a vector-permute AES in
//! the manner of Hamburg's "vpaes". Every S-box is computed with 16-entry nibble lookups done
//! inside a register by `i8x16.swizzle`: no secret-dependent memory access or branch (constant
//! time), and no bounds checks.
//!
//! GF(2^8) is represented as GF(16)[T]/(T^2 + aT + a) (a = 2 in GF(16) mod x^4 + x + 1): a byte
//! (i << 4) | k stands for iT + k. With j = i + k and 1/0 written as "∞" (0x80, which swizzle
//! turns into 0, and which stays ≥ 16 when a nibble is XORed into it), the inverse takes five
//! lookups in three levels:
//!   io = 1/(1/i + a/k) + j,   jo = 1/(1/j + a/k) + i,
//! and 1/x is f(io) + g(jo) for two fixed nibble-to-byte maps (1/io and 1/jo are the inverse's
//! coordinates over the norm a i^2 + a i k + k^2). The AES affine map, the MixColumns factors and
//! the change of basis are linear, so they fold into the 16-entry output tables U[io] ^ T[jo].
//!
//! Encryption keeps the state in that representation; decryption keeps it in the one where the
//! inverse S-box input needs no conversion (the inverse affine map folded in), and uses the
//! equivalent inverse cipher. ShiftRows and the column rotations of MixColumns are merged into
//! four byte permutations per round applied to the table outputs, so no permutation sits
//! between the state and the S-box; the round key is XORed into the first table output before
//! its permutation (pre-permuted keys), off the critical path. Tables and permutations come from
//! tools/gen_aes_tables.py, which checks a model built from them against a reference AES.

use core::arch::wasm32::*;

include!("aes_tables.rs");

/// The tables in a fixed order, 16-byte aligned, read into locals by [`Tables::load`].
#[repr(C, align(16))]
struct Raw([[u8; 16]; 31]);

static RAW: Raw = Raw([
    [0x0f; 16], INV, AK, PSI_LO, PSI_HI, D_LO, D_HI, E1_U, E1_T, E2_U, E2_T, EL_U, EL_T, DE_U,
    DE_T, DB_U, DB_T, DD_U, DD_T, DN_U, DN_T, DL_U, DL_T, ESR0, ESR1, ESR2, ESR3, DSR0, DSR1, DSR2,
    DSR3,
]);

/// The tables as values, read once with a volatile load so that the compiled loops keep them in
/// locals (registers) instead of re-materialising a 16-byte constant at every use. The round
/// permutations are swizzle indices too: V8 then emits one `pshufb` on the critical path
/// (a constant `i8x16.shuffle` costs five instructions to build its mask every time).
#[derive(Clone, Copy)]
struct Tables {
    lo: v128,
    inv: v128,
    ak: v128,
    psi_lo: v128,
    psi_hi: v128,
    d_lo: v128,
    d_hi: v128,
    e1u: v128,
    e1t: v128,
    e2u: v128,
    e2t: v128,
    elu: v128,
    elt: v128,
    deu: v128,
    det: v128,
    dbu: v128,
    dbt: v128,
    ddu: v128,
    ddt: v128,
    dnu: v128,
    dnt: v128,
    dlu: v128,
    dlt: v128,
    esr: [v128; 4],
    dsr: [v128; 4],
}

impl Tables {
    fn load() -> Tables {
        let rd = |n: usize| unsafe { core::ptr::read_volatile(RAW.0[n].as_ptr() as *const v128) };
        Tables {
            lo: rd(0),
            inv: rd(1),
            ak: rd(2),
            psi_lo: rd(3),
            psi_hi: rd(4),
            d_lo: rd(5),
            d_hi: rd(6),
            e1u: rd(7),
            e1t: rd(8),
            e2u: rd(9),
            e2t: rd(10),
            elu: rd(11),
            elt: rd(12),
            deu: rd(13),
            det: rd(14),
            dbu: rd(15),
            dbt: rd(16),
            ddu: rd(17),
            ddt: rd(18),
            dnu: rd(19),
            dnt: rd(20),
            dlu: rd(21),
            dlt: rd(22),
            esr: [rd(23), rd(24), rd(25), rd(26)],
            dsr: [rd(27), rd(28), rd(29), rd(30)],
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

/// The high nibble of each byte. A 16-bit shift and the mask: V8 lowers an 8-bit shift to the
/// same shift plus a mask it builds anew each time.
#[inline(always)]
fn high(t: &Tables, v: v128) -> v128 {
    v128_and(u16x8_shr(v, 4), t.lo)
}

/// A linear map of bytes given by its values on the low and the high nibble.
#[inline(always)]
fn nibbles(t: &Tables, lo: v128, hi: v128, v: v128) -> v128 {
    x(sw(lo, v128_and(v, t.lo)), sw(hi, high(t, v)))
}

/// The two nibbles (io, jo) that determine the inverse of each byte (see the module comment).
#[inline(always)]
fn inversion(t: &Tables, s: v128) -> (v128, v128) {
    let k = v128_and(s, t.lo);
    let i = high(t, s);
    let j = x(i, k);
    let ak = sw(t.ak, k);
    let io = x(sw(t.inv, x(sw(t.inv, i), ak)), j);
    let jo = x(sw(t.inv, x(sw(t.inv, j), ak)), i);
    (io, jo)
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
#[inline(always)]
fn sub_word(t: &Tables, w: u32) -> u32 {
    let (io, jo) = inversion(t, nibbles(t, t.psi_lo, t.psi_hi, u32x4_splat(w)));
    u32x4_extract_lane::<0>(x(sw(t.elu, io), sw(t.elt, jo))) ^ 0x6363_6363
}

/// InvMixColumns of a round key in the standard basis (the key schedule runs per message: keep
/// it to a few vector operations).
fn inv_mix_columns(a: v128) -> v128 {
    let xt = |v: v128| {
        x(
            u8x16_add(v, v),
            v128_and(i8x16_lt(v, u8x16_splat(0)), u8x16_splat(0x1b)),
        )
    };
    let a2 = xt(a);
    let a4 = xt(a2);
    let a8 = xt(a4);
    let a9 = x(a8, a);
    // out_i = 14 a_i ^ 11 a_(i+1) ^ 13 a_(i+2) ^ 9 a_(i+3) within each column
    let m14 = x(x(a8, a4), a2);
    let m11 = x(a9, a2);
    let m13 = x(a9, a4);
    x(
        x(
            m14,
            i8x16_shuffle::<1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12>(m11, m11),
        ),
        x(
            i8x16_shuffle::<2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13>(m13, m13),
            i8x16_shuffle::<3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14>(a9, a9),
        ),
    )
}

/// An expanded AES-256 key for both directions.
pub struct Aes256 {
    t: Tables,
    /// Round keys in the encryption state's basis (1..=13: plus the S-box constant, moved back
    /// through the round's first permutation; 14: standard basis, plus 0x63).
    enc: [v128; 15],
    /// Equivalent-inverse-cipher round keys in the decryption state's basis (1..=13 likewise
    /// pre-permuted; 14: standard basis).
    dec: [v128; 15],
}

impl Aes256 {
    pub fn new(key: &[u8; 32]) -> Self {
        let t = Tables::load();
        let t = &t;
        // Little-endian words: byte 0 of a key word is the low byte.
        let mut w = [0u32; 60];
        for n in 0..8 {
            w[n] = u32::from_le_bytes([key[4 * n], key[4 * n + 1], key[4 * n + 2], key[4 * n + 3]]);
        }
        let mut rcon = 1u32;
        for n in 8..60 {
            let mut word = w[n - 1];
            if n % 8 == 0 {
                word = sub_word(t, word.rotate_right(8)) ^ rcon;
                rcon = (rcon << 1) ^ if rcon & 0x80 != 0 { 0x11b } else { 0 };
            } else if n % 8 == 4 {
                word = sub_word(t, word);
            }
            w[n] = w[n - 8] ^ word;
        }
        let rk = |r: usize| u32x4(w[4 * r], w[4 * r + 1], w[4 * r + 2], w[4 * r + 3]);
        let psi = |v: v128| nibbles(t, t.psi_lo, t.psi_hi, v);
        let d = |v: v128| x(nibbles(t, t.d_lo, t.d_hi, v), u8x16_splat(PSI_5));
        // A key XORed before permutation P must be P^-1 of itself: ESR0 = ShiftRows is undone
        // by DSR0 = InvShiftRows and the other way round.
        let enc = core::array::from_fn(|r| match r {
            0 => psi(rk(0)),
            14 => x(rk(14), u8x16_splat(0x63)),
            _ => sw(x(psi(rk(r)), u8x16_splat(PSI_63)), t.dsr[0]),
        });
        let dec = core::array::from_fn(|r| match r {
            0 => d(rk(14)),
            14 => rk(0),
            _ => sw(d(inv_mix_columns(rk(14 - r))), t.esr[0]),
        });
        Aes256 { t: *t, enc, dec }
    }

    #[inline(always)]
    fn enc_round(&self, s: v128, r: usize) -> v128 {
        let t = &self.t;
        let (io, jo) = inversion(t, s);
        // MixColumns(ShiftRows(S)) = 2S ^ rot1(3S) ^ rot2(S) ^ rot3(S), each term permuted once.
        let u2 = sw(t.e2u, io);
        let t2 = sw(t.e2t, jo);
        let s1 = x(sw(t.e1u, io), sw(t.e1t, jo));
        let a = x(x(u2, self.enc[r]), t2);
        let b = x(x(u2, t2), s1);
        x(
            x(sw(a, t.esr[0]), sw(s1, t.esr[2])),
            x(sw(b, t.esr[1]), sw(s1, t.esr[3])),
        )
    }

    #[inline(always)]
    fn enc_last(&self, s: v128) -> v128 {
        let t = &self.t;
        let (io, jo) = inversion(t, s);
        x(sw(x(sw(t.elu, io), sw(t.elt, jo)), t.esr[0]), self.enc[14])
    }

    #[inline(always)]
    pub fn encrypt_v(&self, b: v128) -> v128 {
        let t = &self.t;
        let mut s = x(nibbles(t, t.psi_lo, t.psi_hi, b), self.enc[0]);
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
            s[n] = x(nibbles(t, t.psi_lo, t.psi_hi, b[n]), self.enc[0]);
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
        let mut s = x(nibbles(t, t.d_lo, t.d_hi, b), self.dec[0]);
        for r in 1..14 {
            let (io, jo) = inversion(t, s);
            // InvMixColumns(InvShiftRows(S^-1)): factors 14, 11, 13, 9, each term permuted once.
            let e = x(x(sw(t.deu, io), self.dec[r]), sw(t.det, jo));
            let bb = x(sw(t.dbu, io), sw(t.dbt, jo));
            let d = x(sw(t.ddu, io), sw(t.ddt, jo));
            let n = x(sw(t.dnu, io), sw(t.dnt, jo));
            s = x(
                x(sw(e, t.dsr[0]), sw(bb, t.dsr[1])),
                x(sw(d, t.dsr[2]), sw(n, t.dsr[3])),
            );
        }
        let (io, jo) = inversion(t, s);
        x(sw(x(sw(t.dlu, io), sw(t.dlt, jo)), t.dsr[0]), self.dec[14])
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
