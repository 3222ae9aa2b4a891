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

/// Montgomery arithmetic modulo an odd `n > 1`, on `k` limbs (R = 2^(32k)).
pub struct Mont {
    n: Big,
    k: usize,
    n0: u32,
    rr: Big,
    one: Big,
}

impl Mont {
    pub fn new(n: &Big) -> Option<Mont> {
        let b = bits(n);
        if n[0] & 1 == 0 || b < 2 {
            return None;
        }
        let k = (b + 31) / 32;
        // n0 = -n^-1 mod 2^32 by Newton iteration.
        let mut inv: u32 = 1;
        for _ in 0..5 {
            inv = inv.wrapping_mul(2u32.wrapping_sub(n[0].wrapping_mul(inv)));
        }
        let mut m = Mont { n: *n, k, n0: inv.wrapping_neg(), rr: [0; LIMBS], one: [0; LIMBS] };
        // R mod n: start below n at 2^(b-1), double up to 2^(32k).
        let mut x = [0u32; LIMBS];
        x[(b - 1) / 32] = 1 << ((b - 1) % 32);
        for _ in (b - 1)..(32 * k) {
            m.double(&mut x);
        }
        m.one = x;
        // R^2 mod n = mont form of 2^(32k): square-and-double from mont(1).
        let e = 32 * k;
        let mut y = x;
        for i in (0..usize::BITS as usize - e.leading_zeros() as usize).rev() {
            y = m.mul(&y, &y);
            if (e >> i) & 1 == 1 {
                m.double(&mut y);
            }
        }
        m.rr = y;
        Some(m)
    }

    /// `x = 2x mod n` for `x < n`.
    fn double(&self, x: &mut Big) {
        let mut carry = 0u32;
        for i in 0..self.k {
            let v = x[i];
            x[i] = (v << 1) | carry;
            carry = v >> 31;
        }
        if carry != 0 || !self.less_than_n(x) {
            self.sub_n(x);
        }
    }

    fn less_than_n(&self, x: &Big) -> bool {
        for i in (0..self.k).rev() {
            if x[i] != self.n[i] {
                return x[i] < self.n[i];
            }
        }
        false
    }

    fn sub_n(&self, x: &mut Big) {
        let mut borrow = 0u64;
        for i in 0..self.k {
            let d = (x[i] as u64).wrapping_sub(self.n[i] as u64).wrapping_sub(borrow);
            x[i] = d as u32;
            borrow = (d >> 63) & 1;
        }
    }

    /// Montgomery product `a * b / R mod n` (a < R, b < n).
    pub fn mul(&self, a: &Big, b: &Big) -> Big {
        let k = self.k;
        // Lets the compiler drop the bounds checks of the loops below (k never exceeds LIMBS).
        if k > LIMBS || k == 0 {
            return [0; LIMBS];
        }
        let n = &self.n;
        let mut t = [0u32; LIMBS + 2];
        for i in 0..k {
            let ai = a[i] as u64;
            let mut c = 0u64;
            for j in 0..k {
                let s = t[j] as u64 + ai * b[j] as u64 + c;
                t[j] = s as u32;
                c = s >> 32;
            }
            let s = t[k] as u64 + c;
            t[k] = s as u32;
            t[k + 1] = (s >> 32) as u32;
            let m = t[0].wrapping_mul(self.n0) as u64;
            let s = t[0] as u64 + m * n[0] as u64;
            let mut c = s >> 32;
            for j in 1..k {
                let s = t[j] as u64 + m * n[j] as u64 + c;
                t[j - 1] = s as u32;
                c = s >> 32;
            }
            let s = t[k] as u64 + c;
            t[k - 1] = s as u32;
            t[k] = t[k + 1] + (s >> 32) as u32;
            t[k + 1] = 0;
        }
        let mut r = [0u32; LIMBS];
        r[..k].copy_from_slice(&t[..k]);
        if t[k] != 0 || !self.less_than_n(&r) {
            self.sub_n(&mut r);
        }
        r
    }

    pub fn to_mont(&self, a: &Big) -> Big {
        self.mul(a, &self.rr)
    }

    pub fn from_mont(&self, a: &Big) -> Big {
        self.mul(a, &small(1))
    }

    /// Mont form of 1.
    pub fn one(&self) -> Big {
        self.one
    }

    /// `base^exp mod n` with `base < n` (plain form in and out); `exp` big-endian bytes.
    pub fn pow(&self, base: &Big, exp: &[u8]) -> Big {
        const W: usize = 5;
        let mut table = [[0u32; LIMBS]; 1 << W];
        table[0] = self.one;
        table[1] = self.to_mont(base);
        for i in 2..(1 << W) {
            table[i] = self.mul(&table[i - 1], &table[1]);
        }
        let total = exp.len() * 8;
        let bit = |i: usize| -> usize {
            // bit i counted from the least significant
            let byte = exp[exp.len() - 1 - i / 8];
            ((byte >> (i % 8)) & 1) as usize
        };
        let mut acc = self.one;
        let mut started = false;
        let mut i = total;
        // Windows aligned to the least significant bit: the top one may be shorter.
        let first = total % W;
        let mut width = if first == 0 { W } else { first };
        while i > 0 {
            let mut w = 0usize;
            for j in 0..width {
                w = (w << 1) | bit(i - 1 - j);
            }
            if started {
                for _ in 0..width {
                    acc = self.mul(&acc, &acc);
                }
                if w != 0 {
                    acc = self.mul(&acc, &table[w]);
                }
            } else if w != 0 {
                acc = table[w];
                started = true;
            }
            i -= width;
            width = W;
        }
        self.from_mont(&acc)
    }

    /// Miller-Rabin with the given bases (each reduced into [2, n-2]); n odd and > 3.
    pub fn probably_prime(&self, bases: impl Iterator<Item = Big>) -> bool {
        let mut d = self.n;
        d[0] -= 1;
        let mut s = 0;
        while d[0] & 1 == 0 {
            shr1(&mut d);
            s += 1;
        }
        let mut d_be = [0u8; BYTES];
        to_be(&d, &mut d_be);
        let mut minus_one = self.n;
        sub_assign(&mut minus_one, &self.one);
        let nbits = bits(&self.n);
        for mut a in bases {
            // Keep the base below n: clear bits from the top of n down.
            for i in (nbits - 1)..(LIMBS * 32) {
                a[i / 32] &= !(1 << (i % 32));
            }
            if bits(&a) < 2 {
                a = small(2);
            }
            let mut x = self.to_mont(&self.pow(&a, &d_be));
            if x == self.one || x == minus_one {
                continue;
            }
            let mut witness = true;
            for _ in 1..s {
                x = self.mul(&x, &x);
                if x == minus_one {
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
