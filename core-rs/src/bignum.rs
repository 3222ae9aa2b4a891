//! Fixed-size unsigned integers up to 2048 bits and Montgomery arithmetic modulo an odd number:
//! modular exponentiation for RSA and Diffie-Hellman, and the Miller-Rabin test of the DH checks.

/// Limbs of 32 bits (wasm32 has a fast 32x32->64 multiply, no 64x64->128).
pub const LIMBS: usize = 64;
pub const BYTES: usize = LIMBS * 4;

/// A little-endian array of 32-bit limbs.
pub type Big = [u32; LIMBS];

/// Reads a big-endian number of at most 256 bytes.
pub fn from_be(bytes: &[u8]) -> Option<Big> {
    if bytes.len() > BYTES {
        return None;
    }
    let mut r = [0u32; LIMBS];
    for (i, &b) in bytes.iter().rev().enumerate() {
        r[i / 4] |= (b as u32) << (8 * (i % 4));
    }
    Some(r)
}

/// Writes `a` big-endian into `out` (its low `out.len()` bytes; higher bytes must be zero).
pub fn to_be(a: &Big, out: &mut [u8]) {
    let n = out.len();
    for i in 0..n {
        out[n - 1 - i] = if i < BYTES { (a[i / 4] >> (8 * (i % 4))) as u8 } else { 0 };
    }
}

/// Number of significant bits.
pub fn bits(a: &Big) -> usize {
    for i in (0..LIMBS).rev() {
        if a[i] != 0 {
            return i * 32 + 32 - a[i].leading_zeros() as usize;
        }
    }
    0
}

pub fn cmp(a: &Big, b: &Big) -> core::cmp::Ordering {
    for i in (0..LIMBS).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    core::cmp::Ordering::Equal
}

/// `a -= b`, returns the borrow.
pub fn sub_assign(a: &mut Big, b: &Big) -> bool {
    let mut borrow = 0u64;
    for i in 0..LIMBS {
        let d = (a[i] as u64).wrapping_sub(b[i] as u64).wrapping_sub(borrow);
        a[i] = d as u32;
        borrow = (d >> 63) & 1;
    }
    borrow != 0
}

/// `a += b`, returns the carry.
pub fn add_assign(a: &mut Big, b: &Big) -> bool {
    let mut carry = 0u64;
    for i in 0..LIMBS {
        let s = a[i] as u64 + b[i] as u64 + carry;
        a[i] = s as u32;
        carry = s >> 32;
    }
    carry != 0
}

pub fn small(v: u32) -> Big {
    let mut r = [0u32; LIMBS];
    r[0] = v;
    r
}

/// `a mod m` for a small `m`.
pub fn rem_u32(a: &Big, m: u32) -> u32 {
    let mut r = 0u64;
    for i in (0..LIMBS).rev() {
        r = ((r << 32) | a[i] as u64) % m as u64;
    }
    r as u32
}

/// Bits per digit of the Montgomery representation. 28-bit digits make every 32x32->64 product
/// fit 56 bits, so a whole column of up to 2 * KMAX products (a*b and m*n) sums in a u64 with no
/// carry handling: the inner loop is multiply-add only, two products per SIMD instruction
/// (`u64x2.extmul_*_u32x4`). With 32-bit limbs every product needs its own carry chain, which
/// made the modexp about 3x slower.
const W: u32 = 28;
const MASK: u32 = (1 << W) - 1;
/// Digits for a 2048-bit modulus times a 28-bit factor plus 2 bits (75), rounded up to the SIMD
/// width of 4.
const KMAX: usize = 76;
/// 32-bit limbs that hold any value below R.
const NL: usize = (KMAX * W as usize + 31) / 32;
/// Zero digits on both sides of every digit array: the dot products read whole groups of 4 and
/// run past the ends of their ranges, where one side is always zero.
const OFF: usize = 4;
const NBUF: usize = OFF + KMAX + OFF;

/// A number in radix 2^28, digit `i` at index `OFF + i`, zero outside the used digits.
type Digits = [u32; NBUF];

fn to_digits(a: &Big) -> Digits {
    let mut d = [0u32; NBUF];
    for i in 0..KMAX {
        let bit = i * W as usize;
        let (limb, shift) = (bit / 32, bit % 32);
        if limb >= LIMBS {
            break;
        }
        let mut v = a[limb] as u64 >> shift;
        if limb + 1 < LIMBS {
            v |= (a[limb + 1] as u64) << (32 - shift);
        }
        d[OFF + i] = v as u32 & MASK;
    }
    d
}

/// All ones when `a == b`, else zero, without a branch.
fn eq_mask(a: u32, b: u32) -> u32 {
    let d = a ^ b;
    ((d | d.wrapping_neg()) >> 31).wrapping_sub(1)
}

#[inline(always)]
unsafe fn load4(p: *const u32) -> core::arch::wasm32::v128 {
    core::ptr::read_unaligned(p as *const core::arch::wasm32::v128)
}

/// Montgomery arithmetic modulo an odd `n > 1` of up to 2048 bits, in radix 2^28 on `k` digits
/// (`k` a multiple of 4, R = 2^(28k)), product scanning with SIMD128 column sums.
///
/// The arithmetic runs modulo n' = λn with λ = -n^-1 mod 2^28, so that n' = -1 mod 2^28: each
/// Montgomery digit m_i is then the column's low digit, and the carry chain that links the
/// columns has no multiply (a multiple of n' is a multiple of n; results are reduced mod n at
/// the end). Values stay below 2n' between operations (R > 4n'), so no product ends with a
/// comparison and subtraction, which also took a branch on secret data.
pub struct Mont {
    /// n', digits forward.
    n: Digits,
    /// n', digits reversed (`nrev[OFF + t] = n'_(k-1-t)`) so that column sums read both
    /// operands forward.
    nrev: Digits,
    k: usize,
    /// R^2 mod n'.
    rr: Digits,
    /// R mod n' (the Montgomery form of 1), reduced.
    one: Digits,
    /// n in 32-bit limbs.
    n_big: Big,
}

impl Mont {
    pub fn new(n: &Big) -> Option<Mont> {
        let b = bits(n);
        if n[0] & 1 == 0 || b < 2 {
            return None;
        }
        let mut inv: u32 = 1;
        for _ in 0..5 {
            inv = inv.wrapping_mul(2u32.wrapping_sub(n[0].wrapping_mul(inv)));
        }
        let lambda = (inv.wrapping_neg() & MASK) as u64;
        // R > 2^30 n > 4n', and n << 29 (for `mod_n`) fits.
        let k = ((b + 30 + W as usize - 1) / W as usize + 3) & !3;
        if k > KMAX {
            return None; // unreachable: b <= 2048
        }
        let n1 = to_digits(n);
        let mut nd = [0u32; NBUF];
        let mut carry = 0u64;
        for i in 0..k {
            let v = n1[OFF + i] as u64 * lambda + carry;
            nd[OFF + i] = v as u32 & MASK;
            carry = v >> W;
        }
        let mut nrev = [0u32; NBUF];
        for t in 0..k {
            nrev[OFF + t] = nd[OFF + k - 1 - t];
        }
        let mut m = Mont { n: nd, nrev, k, rr: [0; NBUF], one: [0; NBUF], n_big: *n };
        // R mod n': start below n' at 2^(nb-1), double up to 2^(28k).
        let mut nb = k * W as usize;
        while (nd[OFF + (nb - 1) / W as usize] >> ((nb - 1) % W as usize)) & 1 == 0 {
            nb -= 1;
        }
        let mut x = [0u32; NBUF];
        x[OFF + (nb - 1) / W as usize] = 1 << ((nb - 1) % W as usize);
        for _ in (nb - 1)..(W as usize * k) {
            m.double(&mut x);
        }
        m.one = x;
        // R^2 mod n' = Montgomery form of 2^(28k): square-and-double from mont(1).
        let e = W as usize * k;
        let mut y = x;
        for i in (0..usize::BITS as usize - e.leading_zeros() as usize).rev() {
            y = m.sqr(&y);
            m.reduce(&mut y);
            if (e >> i) & 1 == 1 {
                m.double(&mut y);
            }
        }
        m.rr = y;
        Some(m)
    }

    /// `x = 2x mod n'` for `x < n'`.
    fn double(&self, x: &mut Digits) {
        let mut carry = 0u32;
        for i in 0..self.k {
            let v = (x[OFF + i] << 1) | carry;
            x[OFF + i] = v & MASK;
            carry = v >> W;
        }
        self.reduce(x);
    }

    /// Subtracts n' from `x < 2n'` when `x >= n'`, in constant time.
    fn reduce(&self, x: &mut Digits) {
        let mut d = [0u32; NBUF];
        let mut borrow = 0u32;
        for i in 0..self.k {
            let v = x[OFF + i].wrapping_sub(self.n[OFF + i]).wrapping_sub(borrow);
            d[OFF + i] = v & MASK;
            borrow = v >> 31;
        }
        let keep = borrow.wrapping_neg(); // x < n': keep x
        for i in 0..self.k {
            x[OFF + i] = (x[OFF + i] & keep) | (d[OFF + i] & !keep);
        }
    }

    /// `x mod n` for `x < 2n' < 2^29 n`, in constant time: binary long division by n, in 32-bit
    /// limbs.
    fn mod_n(&self, x: &Digits) -> Big {
        const SH: usize = 29;
        let mut r = [0u32; NL];
        for i in 0..KMAX {
            let bit = i * W as usize;
            let v = (x[OFF + i] as u64) << (bit % 32);
            r[bit / 32] |= v as u32;
            if bit / 32 + 1 < NL {
                r[bit / 32 + 1] |= (v >> 32) as u32;
            }
        }
        // ns = n << SH, shifted right by one per step.
        let mut ns = [0u32; NL];
        for i in 0..LIMBS {
            let v = (self.n_big[i] as u64) << SH;
            ns[i] |= v as u32;
            if i + 1 < NL {
                ns[i + 1] |= (v >> 32) as u32;
            }
        }
        for _ in 0..=SH {
            let mut d = [0u32; NL];
            let mut borrow = 0u64;
            for i in 0..NL {
                let v = (r[i] as u64).wrapping_sub(ns[i] as u64).wrapping_sub(borrow);
                d[i] = v as u32;
                borrow = (v >> 63) & 1;
            }
            let keep = (borrow as u32).wrapping_neg(); // r < ns: keep r
            for i in 0..NL {
                r[i] = (r[i] & keep) | (d[i] & !keep);
            }
            for i in 0..NL {
                ns[i] = (ns[i] >> 1) | if i + 1 < NL { ns[i + 1] << 31 } else { 0 };
            }
        }
        let mut out = [0u32; LIMBS];
        out.copy_from_slice(&r[..LIMBS]);
        out
    }

    /// Montgomery product `a * b / R mod n'`, below 2n' for `a, b < 2n'`.
    ///
    /// Columns are summed two at a time: one pass over j loads a_j and m_j once for both, and
    /// the inner loop ends half as often (its exit, at a trip count that changes from column to
    /// column, is a branch the processor mostly mispredicts). Column i + 1 gets m_i * n'_1 once
    /// m_i is known.
    fn mul(&self, a: &Digits, b: &Digits) -> Digits {
        use core::arch::wasm32::*;
        let k = self.k;
        let mut brev = [0u32; NBUF];
        let mut m = [0u32; NBUF];
        let mut out = [0u32; NBUF];
        if k > KMAX || k % 4 != 0 {
            return out; // unreachable: k is set by `new`
        }
        for t in 0..k {
            brev[OFF + t] = b[OFF + k - 1 - t];
        }
        let n1 = self.n[OFF + 1] as u64;
        let mut carry = 0u64;
        // SAFETY: every read is within the NBUF-digit arrays: with j < k + 4 and k <= KMAX,
        // column offsets stay in [OFF - 4, OFF + k + 3].
        unsafe {
            let ap = a.as_ptr().add(OFF);
            let bp = brev.as_ptr().add(OFF);
            let np = self.nrev.as_ptr().add(OFF);
            let mp = m.as_mut_ptr().add(OFF);
            let mut i = 0;
            while i < 2 * k {
                // b_(i-j) and n'_(i-j) sit at index k - 1 - i + j of the reversed arrays,
                // those of column i + 1 one below.
                let off = (k - 1).wrapping_sub(i);
                let first = if i < k { 0 } else { (i + 1 - k) & !3 };
                let end = if i < k { i + 2 } else { k };
                let (mut lo0, mut hi0) = (u64x2_splat(0), u64x2_splat(0));
                let (mut lo1, mut hi1) = (u64x2_splat(0), u64x2_splat(0));
                let mut j = first;
                // m_j = 0 for j >= i (not chosen yet): column i + 1 lacks m_i * n'_1 here.
                while j < end {
                    let p = off.wrapping_add(j);
                    let x = load4(ap.add(j));
                    let y0 = load4(bp.wrapping_add(p));
                    let y1 = load4(bp.wrapping_add(p).wrapping_sub(1));
                    let u = load4(mp.add(j));
                    let v0 = load4(np.wrapping_add(p));
                    let v1 = load4(np.wrapping_add(p).wrapping_sub(1));
                    lo0 = u64x2_add(lo0, u64x2_extmul_low_u32x4(x, y0));
                    hi0 = u64x2_add(hi0, u64x2_extmul_high_u32x4(x, y0));
                    lo1 = u64x2_add(lo1, u64x2_extmul_low_u32x4(x, y1));
                    hi1 = u64x2_add(hi1, u64x2_extmul_high_u32x4(x, y1));
                    lo0 = u64x2_add(lo0, u64x2_extmul_low_u32x4(u, v0));
                    hi0 = u64x2_add(hi0, u64x2_extmul_high_u32x4(u, v0));
                    lo1 = u64x2_add(lo1, u64x2_extmul_low_u32x4(u, v1));
                    hi1 = u64x2_add(hi1, u64x2_extmul_high_u32x4(u, v1));
                    j += 4;
                }
                let s0 = u64x2_add(lo0, hi0);
                let s1 = u64x2_add(lo1, hi1);
                let s0 = carry + u64x2_extract_lane::<0>(s0) + u64x2_extract_lane::<1>(s0);
                let s1 = u64x2_extract_lane::<0>(s1) + u64x2_extract_lane::<1>(s1);
                self.finish_pair(i, s0, s1, n1, mp, &mut out, &mut carry);
                i += 2;
            }
        }
        out
    }

    /// Ends columns i and i + 1 from their sums (`s0` with the carry in): below k, m_i and
    /// m_(i+1) are their low digits (s + m * n'_0 = s + m * (2^28 - 1)), and column i + 1 first
    /// gets m_i * n'_1; from k on, the digits are the result.
    ///
    /// # Safety
    /// `mp` points at m's digit 0 with digits up to i + 1 writable.
    #[inline(always)]
    unsafe fn finish_pair(
        &self,
        i: usize,
        s0: u64,
        s1: u64,
        n1: u64,
        mp: *mut u32,
        out: &mut Digits,
        carry: &mut u64,
    ) {
        let k = self.k;
        if i < k {
            let m0 = s0 as u32 & MASK;
            let s1 = s1 + (s0 >> W) + m0 as u64 + m0 as u64 * n1;
            let m1 = s1 as u32 & MASK;
            *mp.add(i) = m0;
            *mp.add(i + 1) = m1;
            *carry = (s1 >> W) + m1 as u64;
        } else {
            out[OFF + i - k] = s0 as u32 & MASK;
            let s1 = s1 + (s0 >> W);
            out[OFF + i + 1 - k] = s1 as u32 & MASK;
            *carry = s1 >> W;
        }
    }

    /// Montgomery square `a * a / R mod n'` (a < 2n', result below 2n'): each cross product
    /// a_j * a_(i-j) once, against a doubled copy of `a`, so the product half costs half of
    /// `mul`'s; columns two at a time as in `mul`.
    fn sqr(&self, a: &Digits) -> Digits {
        use core::arch::wasm32::*;
        let k = self.k;
        let mut arev = [0u32; NBUF];
        let mut a2 = [0u32; NBUF];
        let mut m = [0u32; NBUF];
        let mut out = [0u32; NBUF];
        if k > KMAX || k % 4 != 0 {
            return out; // unreachable: k is set by `new`
        }
        for t in 0..k {
            arev[OFF + t] = a[OFF + k - 1 - t];
            // Below 2^29: a column of 76 such products plus 76 of m * n still fits 64 bits.
            a2[OFF + t] = a[OFF + t] << 1;
        }
        let n1 = self.n[OFF + 1] as u64;
        let mut carry = 0u64;
        // SAFETY: as in `mul`, every read stays within [OFF - 4, OFF + k + 3] of its array.
        unsafe {
            let ap = a.as_ptr().add(OFF);
            let a2p = a2.as_ptr().add(OFF);
            let rp = arev.as_ptr().add(OFF);
            let np = self.nrev.as_ptr().add(OFF);
            let mp = m.as_mut_ptr().add(OFF);
            let mut i = 0;
            while i < 2 * k {
                // i is even. a_(i-j) and n'_(i-j) sit at index k - 1 - i + j of the reversed
                // arrays, those of column i + 1 one below.
                let off = (k - 1).wrapping_sub(i);
                let lo0 = if i >= k { i + 1 - k } else { 0 };
                let lo1 = lo0 + (i >= k) as usize;
                let (mut l0, mut h0) = (u64x2_splat(0), u64x2_splat(0));
                let (mut l1, mut h1) = (u64x2_splat(0), u64x2_splat(0));
                // Cross products: j < i/2 for column i, j <= i/2 for column i + 1, twice each
                // (a2 = 2a); terms below lo read the zeros around the reversed copy.
                let half = i / 2;
                let mut j = lo0 & !3;
                while j + 4 <= half {
                    let p = off.wrapping_add(j);
                    let x = load4(a2p.add(j));
                    let y0 = load4(rp.wrapping_add(p));
                    let y1 = load4(rp.wrapping_add(p).wrapping_sub(1));
                    l0 = u64x2_add(l0, u64x2_extmul_low_u32x4(x, y0));
                    h0 = u64x2_add(h0, u64x2_extmul_high_u32x4(x, y0));
                    l1 = u64x2_add(l1, u64x2_extmul_low_u32x4(x, y1));
                    h1 = u64x2_add(h1, u64x2_extmul_high_u32x4(x, y1));
                    j += 4;
                }
                let (mut s0, mut s1) = (carry, 0u64);
                while j < half {
                    if j >= lo0 {
                        s0 += *a2p.add(j) as u64 * *ap.add(i - j) as u64;
                    }
                    if j >= lo1 {
                        s1 += *a2p.add(j) as u64 * *ap.add(i + 1 - j) as u64;
                    }
                    j += 1;
                }
                if half < k {
                    let d = *ap.add(half) as u64;
                    s0 += d * d;
                    if half >= lo1 {
                        s1 += *a2p.add(half) as u64 * *ap.add(half + 1) as u64;
                    }
                }
                // m * n' over both columns (m_j = 0 for j not chosen yet).
                let mut j = lo0 & !3;
                let mend = if i < k { i + 2 } else { k };
                while j < mend {
                    let p = off.wrapping_add(j);
                    let u = load4(mp.add(j));
                    let v0 = load4(np.wrapping_add(p));
                    let v1 = load4(np.wrapping_add(p).wrapping_sub(1));
                    l0 = u64x2_add(l0, u64x2_extmul_low_u32x4(u, v0));
                    h0 = u64x2_add(h0, u64x2_extmul_high_u32x4(u, v0));
                    l1 = u64x2_add(l1, u64x2_extmul_low_u32x4(u, v1));
                    h1 = u64x2_add(h1, u64x2_extmul_high_u32x4(u, v1));
                    j += 4;
                }
                let t0 = u64x2_add(l0, h0);
                let t1 = u64x2_add(l1, h1);
                let s0 = s0 + u64x2_extract_lane::<0>(t0) + u64x2_extract_lane::<1>(t0);
                let s1 = s1 + u64x2_extract_lane::<0>(t1) + u64x2_extract_lane::<1>(t1);
                self.finish_pair(i, s0, s1, n1, mp, &mut out, &mut carry);
                i += 2;
            }
        }
        out
    }

    /// `base^exp mod n` with `base < n` (plain form in and out); `exp` big-endian bytes, a
    /// public exponent: its leading zero bytes are skipped (the time depends on its length in
    /// bytes, not on its bits).
    pub fn pow(&self, base: &Big, exp: &[u8]) -> Big {
        let skip = exp.iter().take_while(|&&b| b == 0).count();
        self.pow_secret(base, &exp[skip..])
    }

    /// `base^exp mod n` for a secret exponent (a DH private key): every given byte is
    /// processed, so the time depends on `exp.len()` only.
    pub fn pow_secret(&self, base: &Big, exp: &[u8]) -> Big {
        let mut one = [0u32; NBUF];
        one[OFF] = 1;
        // Out of Montgomery form: at most n', then reduced mod n.
        self.mod_n(&self.mul(&self.pow_mont(base, exp), &one))
    }

    /// `base^exp mod n'` in Montgomery form (below 2n'), fixed 5-bit windows. Constant time in
    /// the exponent's value (its length is public): every window squares five times and
    /// multiplies by a table entry (entry 0 is 1), read by touching every entry; no branch
    /// depends on the exponent.
    fn pow_mont(&self, base: &Big, exp: &[u8]) -> Digits {
        use core::arch::wasm32::*;
        const WIN: usize = 5;
        let mut table = [[0u32; NBUF]; 1 << WIN];
        table[0] = self.one;
        table[1] = self.mul(&to_digits(base), &self.rr);
        for i in 2..(1 << WIN) {
            table[i] = self.mul(&table[i - 1], &table[1]);
        }
        let total = exp.len() * 8;
        if total == 0 {
            return self.one;
        }
        let select = |w: u32| -> Digits {
            let mut out = [0u32; NBUF];
            let mut masks = [0u32; 1 << WIN];
            for (i, mask) in masks.iter_mut().enumerate() {
                *mask = eq_mask(i as u32, w);
            }
            let mut t = 0;
            while t < NBUF {
                let mut v = u32x4_splat(0);
                for (entry, &mask) in table.iter().zip(masks.iter()) {
                    // SAFETY: t + 4 <= NBUF (a multiple of 4).
                    let e = unsafe { load4(entry.as_ptr().add(t)) };
                    v = v128_or(v, v128_and(e, u32x4_splat(mask)));
                }
                // SAFETY: as above.
                unsafe { core::ptr::write_unaligned(out.as_mut_ptr().add(t) as *mut v128, v) };
                t += 4;
            }
            out
        };
        let bit = |i: usize| -> u32 {
            // bit i counted from the least significant
            let byte = exp[exp.len() - 1 - i / 8];
            ((byte >> (i % 8)) & 1) as u32
        };
        let window = |top: usize, width: usize| -> u32 {
            let mut w = 0;
            for j in 0..width {
                w = (w << 1) | bit(top - 1 - j);
            }
            w
        };
        // Windows aligned to the least significant bit: the top one may be shorter.
        let first = if total % WIN == 0 { WIN } else { total % WIN };
        let mut acc = select(window(total, first));
        let mut i = total - first;
        while i > 0 {
            for _ in 0..WIN {
                acc = self.sqr(&acc);
            }
            acc = self.mul(&acc, &select(window(i, WIN)));
            i -= WIN;
        }
        acc
    }

    /// Miller-Rabin with the given bases (each reduced into [2, n-2]); n odd and > 3.
    pub fn probably_prime(&self, bases: impl Iterator<Item = Big>) -> bool {
        let mut d = self.n_big;
        d[0] -= 1;
        let mut s = 0;
        while d[0] & 1 == 0 {
            shr1(&mut d);
            s += 1;
        }
        let mut d_be = [0u8; BYTES];
        to_be(&d, &mut d_be);
        // Compared mod n: R mod n and n - R mod n (the Montgomery forms of 1 and -1).
        let one = self.mod_n(&self.one);
        let mut minus_one = self.n_big;
        sub_assign(&mut minus_one, &one);
        let nbits = bits(&self.n_big);
        for mut a in bases {
            // Keep the base below n: clear bits from the top of n down.
            for i in (nbits - 1)..(LIMBS * 32) {
                a[i / 32] &= !(1 << (i % 32));
            }
            if bits(&a) < 2 {
                a = small(2);
            }
            let skip = d_be.iter().take_while(|&&b| b == 0).count();
            let mut x = self.pow_mont(&a, &d_be[skip..]);
            let r = self.mod_n(&x);
            if r == one || r == minus_one {
                continue;
            }
            let mut witness = true;
            for _ in 1..s {
                x = self.sqr(&x);
                if self.mod_n(&x) == minus_one {
                    witness = false;
                    break;
                }
            }
            if witness {
                return false;
            }
        }
        true
    }
}

pub fn shr1(a: &mut Big) {
    for i in 0..LIMBS {
        a[i] = (a[i] >> 1) | if i + 1 < LIMBS { a[i + 1] << 31 } else { 0 };
    }
}
