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
/// fit 56 bits, so a whole column of up to 2 * KMAX + 3 products (a*b, m*n' and the few added
/// in `Mont::finish`; a square's doubled cross products count twice) sums in a u64 with no
/// carry handling: the inner loop is multiply-add only, two products per SIMD instruction
/// (`u64x2.extmul_*_u32x4`). With 32-bit limbs every product needs its own carry chain, which
/// made the modexp about 3x slower. 13-bit digits for `i32x4.dot_i16x8_s` (8 products per
/// instruction) measured slower: 4.6 times the digit products, and more work around them.
const W: u32 = 28;
const MASK: u32 = (1 << W) - 1;
/// Digits for a 2048-bit modulus times a 28-bit factor plus 2 bits (75), rounded up to a group
/// of 4 columns.
const KMAX: usize = 76;
/// 32-bit limbs that hold any value below R.
const NL: usize = (KMAX * W as usize + 31) / 32;
/// Zero digits on both sides of every digit array: the column loops read whole groups of 4 and
/// run up to 4 digits past the ends of their ranges, where the other factor is always zero.
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

/// The four products `x_l * y_l` (32x32 -> 64 bits), added in pairs into two u64 lanes.
#[inline(always)]
fn prod4(x: core::arch::wasm32::v128, y: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
    use core::arch::wasm32::*;
    u64x2_add(u64x2_extmul_low_u32x4(x, y), u64x2_extmul_high_u32x4(x, y))
}

#[inline(always)]
unsafe fn load4(p: *const u32) -> core::arch::wasm32::v128 {
    core::ptr::read_unaligned(p as *const core::arch::wasm32::v128)
}

/// `d`'s k digits reversed (`r[OFF + t] = d_(k-1-t)`), zero around them.
fn reversed(d: &Digits, k: usize) -> Digits {
    let mut r = [0u32; NBUF];
    for t in 0..k {
        r[OFF + t] = d[OFF + k - 1 - t];
    }
    r
}

/// `s[c]` plus the two lanes of `acc[c]`, for four columns.
#[inline(always)]
fn sums(acc: &[core::arch::wasm32::v128; 4], mut s: [u64; 4]) -> [u64; 4] {
    use core::arch::wasm32::*;
    for c in 0..4 {
        s[c] += u64x2_extract_lane::<0>(acc[c]) + u64x2_extract_lane::<1>(acc[c]);
    }
    s
}

/// Scratch space of the Montgomery products of one exponentiation: kept across them because
/// clearing fresh arrays per product (WebAssembly without bulk memory fills 4 bytes a step)
/// cost several percent. Each product rewrites the digits it reads; the padding stays zero.
struct Work {
    /// The squared number reversed.
    rev: Digits,
    /// Twice the squared number.
    a2: Digits,
    /// The Montgomery digits m.
    m: Digits,
}

impl Work {
    fn new() -> Work {
        Work { rev: [0; NBUF], a2: [0; NBUF], m: [0; NBUF] }
    }
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
    /// Product scanning, columns summed four at a time: one pass over j loads a_j and m_j once
    /// for all four, and the inner loop ends a quarter as often (its exit, at a trip count that
    /// changes from column to column, is a branch the processor mostly mispredicts; one column
    /// at a time measured 1.3x slower). The four columns get their m_j * n'_(i-j) for the m_j
    /// chosen among them in `finish`.
    fn mul(&self, a: &Digits, b: &Digits) -> Digits {
        let mut out = [0u32; NBUF];
        self.mul_into(&mut Work::new(), a, &reversed(b, self.k), &mut out);
        out
    }

    /// `mul` with `b` given reversed, into `out` (digits k and up must be zero).
    fn mul_into(&self, w: &mut Work, a: &Digits, brev: &Digits, out: &mut Digits) {
        use core::arch::wasm32::*;
        let k = self.k;
        if k > KMAX || k % 4 != 0 {
            return; // unreachable: k is set by `new`
        }
        let mut carry = 0u64;
        // SAFETY: every read is within the NBUF-digit arrays: j < k + 4, k <= KMAX, and the
        // column offsets stay in [OFF - 4, OFF + k + 3] (i, k and the first j are multiples
        // of 4).
        unsafe {
            let ap = a.as_ptr().add(OFF);
            let bp = brev.as_ptr().add(OFF);
            let np = self.nrev.as_ptr().add(OFF);
            let mp = w.m.as_mut_ptr().add(OFF);
            let mut i = 0;
            while i < 2 * k {
                // b_(i+c-j) and n'_(i+c-j) sit at index k - 1 - i - c + j of the reversed
                // arrays. In the low half m is known below i, and a * b needs one more group.
                let off = (k - 1).wrapping_sub(i);
                let (first, end) = if i < k { (0, i) } else { (i - k, k) };
                let mut acc = [u64x2_splat(0); 4];
                if i < k {
                    let p = bp.wrapping_add(off.wrapping_add(i));
                    let x = load4(ap.add(i));
                    for (c, acc) in acc.iter_mut().enumerate() {
                        *acc = prod4(x, load4(p.wrapping_sub(c)));
                    }
                }
                let mut j = first;
                while j < end {
                    let p = bp.wrapping_add(off.wrapping_add(j));
                    let q = np.wrapping_add(off.wrapping_add(j));
                    let x = load4(ap.add(j));
                    let u = load4(mp.add(j));
                    for (c, acc) in acc.iter_mut().enumerate() {
                        let y = load4(p.wrapping_sub(c));
                        let v = load4(q.wrapping_sub(c));
                        *acc = u64x2_add(*acc, u64x2_add(prod4(x, y), prod4(u, v)));
                    }
                    j += 4;
                }
                self.finish(i, sums(&acc, [0; 4]), mp, out, &mut carry);
                i += 4;
            }
        }
    }

    /// Ends columns i..i+4 from their sums: below k, each m is the column's low digit once the
    /// column has the carry and m_j * n'_(i-j) for the m_j chosen before it among the four
    /// (s + m * n'_0 = s + m * (2^28 - 1)); from k on, the digits are the result.
    ///
    /// # Safety
    /// `mp` points at m's digit 0 with digits up to i + 3 writable.
    #[inline(always)]
    unsafe fn finish(
        &self,
        i: usize,
        mut s: [u64; 4],
        mp: *mut u32,
        out: &mut Digits,
        carry: &mut u64,
    ) {
        let k = self.k;
        if i < k {
            let n = [self.n[OFF + 1] as u64, self.n[OFF + 2] as u64, self.n[OFF + 3] as u64];
            let mut ms = [0u64; 4];
            for c in 0..4 {
                let mut t = s[c] + *carry;
                for d in 0..c {
                    t += ms[d] * n[c - d - 1];
                }
                let mi = t & MASK as u64;
                ms[c] = mi;
                *mp.add(i + c) = mi as u32;
                *carry = (t >> W) + mi;
            }
        } else {
            for c in 0..4 {
                s[c] += *carry;
                out[OFF + i + c - k] = s[c] as u32 & MASK;
                *carry = s[c] >> W;
            }
        }
    }

    /// Montgomery square `a * a / R mod n'` (a < 2n', result below 2n'): each cross product
    /// a_j * a_(i-j) once, against a doubled copy of `a`, so the product half costs half of
    /// `mul`'s; columns four at a time as in `mul`.
    fn sqr(&self, a: &Digits) -> Digits {
        let mut out = [0u32; NBUF];
        self.sqr_into(&mut Work::new(), a, &mut out);
        out
    }

    /// `sqr` into `out` (digits k and up must be zero).
    fn sqr_into(&self, w: &mut Work, a: &Digits, out: &mut Digits) {
        use core::arch::wasm32::*;
        let k = self.k;
        if k > KMAX || k % 4 != 0 {
            return; // unreachable: k is set by `new`
        }
        for t in 0..k {
            w.rev[OFF + t] = a[OFF + k - 1 - t];
            // Below 2^29: a column of 76 such products plus 76 of m * n still fits 64 bits.
            w.a2[OFF + t] = a[OFF + t] << 1;
        }
        let mut carry = 0u64;
        // SAFETY: as in `mul`, every read stays within [OFF - 4, OFF + k + 3] of its array.
        unsafe {
            let ap = a.as_ptr().add(OFF);
            let a2p = w.a2.as_ptr().add(OFF);
            let rp = w.rev.as_ptr().add(OFF);
            let np = self.nrev.as_ptr().add(OFF);
            let mp = w.m.as_mut_ptr().add(OFF);
            let mut i = 0;
            while i < 2 * k {
                // i is a multiple of 4. a_(i+c-j) and n'_(i+c-j) sit at index k - 1 - i - c + j
                // of the reversed arrays.
                let off = (k - 1).wrapping_sub(i);
                let first = if i < k { 0 } else { i - k };
                let half = i / 2;
                // Column i + c: cross products j in [lo_c, end_c), twice each (a2 = 2a);
                // lo_c = max(0, i + c + 1 - k), end_c = (i + c + 1) / 2; terms below lo_c
                // read the zeros around the reversed copy.
                let ends = [half, half + 1, half + 1, half + 2];
                let mut acc = [u64x2_splat(0); 4];
                let mut j = first;
                while j + 4 <= half {
                    let p = rp.wrapping_add(off.wrapping_add(j));
                    let x = load4(a2p.add(j));
                    for (c, acc) in acc.iter_mut().enumerate() {
                        *acc = u64x2_add(*acc, prod4(x, load4(p.wrapping_sub(c))));
                    }
                    j += 4;
                }
                // One more group, j..j+4 (it reaches half + 2 as half - j is 0 or 2), each
                // column's lanes masked below its end.
                {
                    let p = rp.wrapping_add(off.wrapping_add(j));
                    let x = load4(a2p.add(j));
                    let lanes = i32x4_add(i32x4_splat(j as i32), i32x4(0, 1, 2, 3));
                    for (c, acc) in acc.iter_mut().enumerate() {
                        let live = i32x4_lt(lanes, i32x4_splat(ends[c] as i32));
                        let y = v128_and(load4(p.wrapping_sub(c)), live);
                        *acc = u64x2_add(*acc, prod4(x, y));
                    }
                }
                let mut s = [0u64; 4];
                // The squares a_(i/2)^2 and a_(i/2+1)^2 (zero digits past k).
                let d = *ap.add(half) as u64;
                s[0] += d * d;
                let d = *ap.add(half + 1) as u64;
                s[2] += d * d;
                // m * n' over the four columns; in the low half only m_j for j < i is chosen
                // yet (`finish` adds the four columns' own).
                let mend = if i < k { i } else { k };
                let mut j = first;
                while j < mend {
                    let q = np.wrapping_add(off.wrapping_add(j));
                    let u = load4(mp.add(j));
                    for (c, acc) in acc.iter_mut().enumerate() {
                        *acc = u64x2_add(*acc, prod4(u, load4(q.wrapping_sub(c))));
                    }
                    j += 4;
                }
                self.finish(i, sums(&acc, s), mp, out, &mut carry);
                i += 4;
            }
        }
    }

    /// `base^exp mod n` with `base < n` (plain form in and out); `exp` big-endian bytes, a
    /// public exponent (RSA, `mod_pow`): its leading zero bytes are skipped, so the time depends
    /// on its length in bytes, never on its bits.
    pub fn pow(&self, base: &Big, exp: &[u8]) -> Big {
        let skip = exp.iter().take_while(|&&b| b == 0).count();
        self.pow_secret(base, &exp[skip..])
    }

    /// `base^exp mod n` for a secret exponent (a DH private key): every given byte is
    /// processed, so the time depends on `exp.len()` only (and on n).
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
        let k = self.k;
        let total = exp.len() * 8;
        if total == 0 {
            return self.one;
        }
        let mut w = Work::new();
        // The table holds base^i in Montgomery form, reversed: only ever the second factor.
        let mut table = [[0u32; NBUF]; 1 << WIN];
        table[0] = reversed(&self.one, k);
        let mut prev = self.mul(&to_digits(base), &self.rr);
        table[1] = reversed(&prev, k);
        for i in 2..(1 << WIN) {
            let mut next = [0u32; NBUF];
            self.mul_into(&mut w, &prev, &table[1], &mut next);
            table[i] = reversed(&next, k);
            prev = next;
        }
        let select = |w: u32, out: &mut Digits| {
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
        let mut entry = [0u32; NBUF];
        select(window(total, first), &mut entry);
        let mut acc = reversed(&entry, k);
        let mut tmp = [0u32; NBUF];
        let (mut x, mut y) = (&mut acc, &mut tmp);
        let mut i = total - first;
        while i > 0 {
            for _ in 0..WIN {
                self.sqr_into(&mut w, x, y);
                core::mem::swap(&mut x, &mut y);
            }
            select(window(i, WIN), &mut entry);
            self.mul_into(&mut w, x, &entry, y);
            core::mem::swap(&mut x, &mut y);
            i -= WIN;
        }
        *x
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
