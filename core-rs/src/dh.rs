//! Diffie-Hellman of the auth-key exchange with every check of core.telegram.org/mtproto/auth_key:
//! dh_prime a 2048-bit safe prime, g in 2..7 generating the subgroup of order (p-1)/2,
//! 1 < g_a, g_b < p - 1 and both within [2^(2048-64), p - 2^(2048-64)].

use crate::abi::{ERR_DH_G, ERR_DH_PRIME, ERR_DH_VALUE};
use crate::bignum::{self, Big, Mont, BYTES, LIMBS};

/// Small primes for trial division before Miller-Rabin.
const SMALL_PRIMES: [u32; 24] =
    [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

/// Miller-Rabin rounds per number (error below 4^-24 even for chosen composites).
const ROUNDS: u32 = 24;

fn bases(seed: &[u8; 32], tag: u8) -> impl Iterator<Item = Big> + '_ {
    (0..ROUNDS).map(move |i| {
        let mut bytes = [0u8; BYTES];
        for (j, chunk) in bytes.chunks_mut(32).enumerate() {
            chunk.copy_from_slice(&crate::sha::sha256(&[seed, &[tag, i as u8, j as u8]]));
        }
        bignum::from_be(&bytes).unwrap_or([0; LIMBS])
    })
}

fn is_probable_prime(n: &Big, seed: &[u8; 32], tag: u8) -> bool {
    for &p in SMALL_PRIMES.iter() {
        if bignum::rem_u32(n, p) == 0 {
            return false;
        }
    }
    match Mont::new(n) {
        Some(m) => m.probably_prime(bases(seed, tag)),
        None => false,
    }
}

/// Checks `p` (2048 bits) and `g`; the primality part is skipped when `p_known_safe`.
pub fn check_group(p: &Big, g: u32, p_known_safe: bool, seed: &[u8; 32]) -> Result<(), i32> {
    if bignum::bits(p) != 2048 || p[0] & 1 == 0 {
        return Err(ERR_DH_PRIME);
    }
    let ok = match g {
        2 => bignum::rem_u32(p, 8) == 7,
        3 => bignum::rem_u32(p, 3) == 2,
        4 => true,
        5 => matches!(bignum::rem_u32(p, 5), 1 | 4),
        6 => matches!(bignum::rem_u32(p, 24), 19 | 23),
        7 => matches!(bignum::rem_u32(p, 7), 3 | 5 | 6),
        _ => false,
    };
    if !ok {
        return Err(ERR_DH_G);
    }
    if !p_known_safe {
        let mut q = *p;
        bignum::shr1(&mut q);
        if !is_probable_prime(&q, seed, 1) || !is_probable_prime(p, seed, 2) {
            return Err(ERR_DH_PRIME);
        }
    }
    Ok(())
}

/// 1 < v < p - 1 and 2^(2048-64) <= v <= p - 2^(2048-64).
pub fn check_value(p: &Big, v: &Big) -> Result<(), i32> {
    let mut low = [0u32; LIMBS];
    low[(2048 - 64) / 32] = 1;
    let mut high = *p;
    bignum::sub_assign(&mut high, &low);
    if bignum::cmp(v, &low).is_lt() || bignum::cmp(v, &high).is_gt() {
        return Err(ERR_DH_VALUE);
    }
    Ok(())
}

/// One side of the exchange: checks the group and the peer's value, computes the own public
/// value `g^secret mod p` (checked too) and the shared key `peer^secret mod p`.
pub fn exchange(
    p: &Big,
    g: u32,
    peer: &Big,
    secret: &[u8],
    p_known_safe: bool,
    seed: &[u8; 32],
) -> Result<(Big, Big), i32> {
    check_group(p, g, p_known_safe, seed)?;
    check_value(p, peer)?;
    let m = Mont::new(p).ok_or(ERR_DH_PRIME)?;
    let own = m.pow_secret(&bignum::small(g), secret);
    check_value(p, &own)?;
    let key = m.pow_secret(peer, secret);
    Ok((own, key))
}
