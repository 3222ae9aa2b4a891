//! Factorisation of the 64-bit pq of the auth-key exchange: Pollard-Brent rho in Montgomery
//! arithmetic on u64 (wasm32 has no 64x64->128 multiply, so the high half is built from 32-bit
//! products).

/// High 64 bits of a 64x64-bit product.
#[inline(always)]
fn mulhi(a: u64, b: u64) -> u64 {
    let (a0, a1) = (a & 0xffff_ffff, a >> 32);
    let (b0, b1) = (b & 0xffff_ffff, b >> 32);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 32) + (p01 & 0xffff_ffff) + (p10 & 0xffff_ffff);
    p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32)
}

struct Mont64 {
    n: u64,
    ninv: u64, // n^-1 mod 2^64
}

impl Mont64 {
    fn new(n: u64) -> Self {
        let mut inv = n; // correct to 3 bits for odd n
        for _ in 0..5 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(n.wrapping_mul(inv)));
        }
        Mont64 { n, ninv: inv }
    }

    /// a * b / 2^64 mod n, for a, b < n.
    #[inline(always)]
    fn mul(&self, a: u64, b: u64) -> u64 {
        let lo = a.wrapping_mul(b);
        let hi = mulhi(a, b);
        let m = lo.wrapping_mul(self.ninv);
        let mn = mulhi(m, self.n);
        // (a*b - m*n) / 2^64: low halves cancel exactly.
        if hi >= mn {
            hi - mn
        } else {
            hi.wrapping_sub(mn).wrapping_add(self.n)
        }
    }

    #[inline(always)]
    fn add(&self, a: u64, b: u64) -> u64 {
        let (s, over) = a.overflowing_add(b);
        if over || s >= self.n {
            s.wrapping_sub(self.n)
        } else {
            s
        }
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    for p in [2u64, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] {
        if n % p == 0 {
            return n == p;
        }
    }
    let m = Mont64::new(n);
    let r = (u64::MAX % n).wrapping_add(1) % n; // 2^64 mod n = mont(1)
    let minus_one = n - r;
    let to_mont = |x: u64| -> u64 { ((x as u128) << 64).wrapping_rem(n as u128) as u64 };
    let mut d = n - 1;
    let s = d.trailing_zeros();
    d >>= s;
    // These bases are deterministic for every n < 2^64.
    'next: for a in [2u64, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] {
        let base = to_mont(a % n);
        let mut x = r;
        let mut b = base;
        let mut e = d;
        while e > 0 {
            if e & 1 == 1 {
                x = m.mul(x, b);
            }
            b = m.mul(b, b);
            e >>= 1;
        }
        if x == r || x == minus_one {
            continue;
        }
        for _ in 1..s {
            x = m.mul(x, x);
            if x == minus_one {
                continue 'next;
            }
        }
        return false;
    }
    true
}

/// A non-trivial divisor of an odd composite `n` by Brent's variant of rho, constant `c`.
fn brent(n: u64, c: u64) -> u64 {
    let m = Mont64::new(n);
    const BATCH: u32 = 128;
    let (mut y, mut x, mut ys) = (2u64 % n, 0u64, 0u64);
    let mut q = (u64::MAX % n).wrapping_add(1) % n; // mont(1)
    let mut g = 1u64;
    let mut r = 1u32;
    while g == 1 {
        x = y;
        for _ in 0..r {
            y = m.add(m.mul(y, y), c);
        }
        let mut k = 0;
        while k < r && g == 1 {
            ys = y;
            for _ in 0..BATCH.min(r - k) {
                y = m.add(m.mul(y, y), c);
                q = m.mul(q, if x > y { x - y } else { y - x });
            }
            g = gcd(q, n);
            k += BATCH;
        }
        r = r.saturating_mul(2);
        if r > (1 << 26) {
            return n;
        }
    }
    if g == n {
        // The batch overshot: step one at a time from the saved point.
        loop {
            ys = m.add(m.mul(ys, ys), c);
            g = gcd(if x > ys { x - ys } else { ys - x }, n);
            if g > 1 {
                break;
            }
        }
    }
    g
}

/// Splits `pq` into `(p, q)` with `p <= q`, `p * q == pq` and `p > 1`, taking for `p` the
/// smaller factor found; `None` for a prime or a number below 4.
pub fn factorize(pq: u64) -> Option<(u64, u64)> {
    if pq < 4 || is_prime(pq) {
        return None;
    }
    if pq % 2 == 0 {
        return Some((2, pq / 2));
    }
    for c in 1..64u64 {
        let d = brent(pq, c);
        if d != 1 && d != pq {
            let e = pq / d;
            return Some(if d < e { (d, e) } else { (e, d) });
        }
    }
    None
}
