//! The `extern "C"` functions of the crypto part (framing has its own module).
//! Pointers point into buffers that TypeScript allocated with `core_alloc`.

use crate::abi::{array, inout, input, ERR_LENGTH, ERR_NOT_FOUND, ERR_RANGE, OK};
use crate::aes256::Aes256;
use crate::ctr::Ctr256;
use crate::sha::Hasher;
use crate::wipe::{wiping, wiping_message};
use crate::{bignum, dh, ige, mtproto, pq, rsa_pad, sha};

/// CRC32 of `len` bytes at `ptr`, continuing from `prev` (the CRC32 of the bytes before; 0 at
/// the start).
#[no_mangle]
pub unsafe extern "C" fn crc32_update(prev: u32, ptr: *const u8, len: usize) -> u32 {
    crate::crc32::crc32_update(prev, input(ptr, len))
}

/// A new AES-256-CTR stream from 32 key bytes at `key` and 16 IV bytes at `iv`; returns a
/// handle for `ctr256_apply` and `ctr256_free`.
#[no_mangle]
pub unsafe extern "C" fn ctr256_new(key: *const u8, iv: *const u8) -> *mut Ctr256 {
    wiping(|| {
        Box::into_raw(Box::new(Ctr256::new(&array::<32>(key), &array::<16>(iv))))
    })
}

/// XORs the stream's next `len` keystream bytes into `ptr..ptr+len`.
#[no_mangle]
pub unsafe extern "C" fn ctr256_apply(handle: *mut Ctr256, ptr: *mut u8, len: usize) {
    if let Some(ctr) = handle.as_mut() {
        ctr.apply(inout(ptr, len));
    }
}

/// Frees a stream from `ctr256_new`.
#[no_mangle]
pub unsafe extern "C" fn ctr256_free(handle: *mut Ctr256) {
    if !handle.is_null() {
        drop(Box::from_raw(handle));
    }
}

/// AES-256-IGE encryption of `len` bytes (a multiple of 16) at `data`, in place; the 32-byte
/// IV at `iv` is updated to continue the chain. Returns 0 or `ERR_LENGTH`.
#[no_mangle]
pub unsafe extern "C" fn ige256_encrypt(key: *const u8, iv: *mut u8, data: *mut u8, len: usize) -> i32 {
    ige256(key, iv, data, len, true)
}

/// AES-256-IGE decryption, as [`ige256_encrypt`].
#[no_mangle]
pub unsafe extern "C" fn ige256_decrypt(key: *const u8, iv: *mut u8, data: *mut u8, len: usize) -> i32 {
    ige256(key, iv, data, len, false)
}

unsafe fn ige256(key: *const u8, iv: *mut u8, data: *mut u8, len: usize, enc: bool) -> i32 {
    wiping(|| {
        if len % 16 != 0 {
            return ERR_LENGTH;
        }
        let aes = Aes256::new(&array::<32>(key));
        let iv = &mut *(iv as *mut [u8; 32]);
        if enc {
            ige::encrypt(&aes, inout(data, len), iv);
        } else {
            ige::decrypt(&aes, inout(data, len), iv);
        }
        OK
    })
}

/// SHA-1 of `len` bytes at `data` into 20 bytes at `out`.
#[no_mangle]
pub unsafe extern "C" fn sha1(data: *const u8, len: usize, out: *mut u8) {
    inout(out, 20).copy_from_slice(&sha::sha1(&[input(data, len)]));
}

/// SHA-256 of `len` bytes at `data` into 32 bytes at `out`.
#[no_mangle]
pub unsafe extern "C" fn sha256(data: *const u8, len: usize, out: *mut u8) {
    inout(out, 32).copy_from_slice(&sha::sha256(&[input(data, len)]));
}

/// A new incremental hash: `kind` 1 = SHA-1, 256 = SHA-256 (anything else: null).
#[no_mangle]
pub extern "C" fn hash_new(kind: u32) -> *mut Hasher {
    let h = match kind {
        1 => Hasher::Sha1(Default::default()),
        256 => Hasher::Sha256(Default::default()),
        _ => return std::ptr::null_mut(),
    };
    Box::into_raw(Box::new(h))
}

#[no_mangle]
pub unsafe extern "C" fn hash_update(h: *mut Hasher, data: *const u8, len: usize) {
    if let Some(h) = h.as_mut() {
        h.update(input(data, len));
    }
}

/// Writes the digest to `out` (32 bytes of room), frees the hash, returns the digest length.
#[no_mangle]
pub unsafe extern "C" fn hash_finish(h: *mut Hasher, out: *mut u8) -> i32 {
    if h.is_null() {
        return ERR_LENGTH;
    }
    let mut d = [0u8; 32];
    let n = Box::from_raw(h).finish(&mut d);
    inout(out, n).copy_from_slice(&d[..n]);
    n as i32
}

fn direction(x: u32) -> Option<usize> {
    match x {
        0 => Some(0),
        8 => Some(8),
        _ => None,
    }
}

/// MTProto 2.0 sealing in place, see `mtproto::seal`: `key` is the 256-byte auth key followed by
/// its 8-byte auth_key_id; `buf` holds 24 free bytes, the inner data (`data_len`), the padding;
/// `len` is the whole buffer. `x` = 0 (client) or 8 (server).
#[no_mangle]
pub unsafe extern "C" fn mtproto_seal(key: *const u8, buf: *mut u8, len: usize, data_len: usize, x: u32) -> i32 {
    wiping_message(|| {
        let x = match direction(x) {
            Some(x) => x,
            None => return ERR_LENGTH,
        };
        match mtproto::seal(&array::<256>(key), &array::<8>(key.add(256)), inout(buf, len), data_len, x) {
            Ok(()) => OK,
            Err(e) => e,
        }
    })
}

/// MTProto 2.0 opening in place (`key` as for `mtproto_seal`); returns the inner data length
/// (data at `buf + 24`) or an error.
#[no_mangle]
pub unsafe extern "C" fn mtproto_open(key: *const u8, buf: *mut u8, len: usize, x: u32) -> i32 {
    wiping_message(|| {
        let x = match direction(x) {
            Some(x) => x,
            None => return ERR_LENGTH,
        };
        match mtproto::open(&array::<256>(key), &array::<8>(key.add(256)), inout(buf, len), x) {
            Ok(n) => n as i32,
            Err(e) => e,
        }
    })
}

/// auth_key_id (8 bytes) of the 256-byte key.
#[no_mangle]
pub unsafe extern "C" fn mtproto_auth_key_id(key: *const u8, out: *mut u8) {
    wiping(|| {
        inout(out, 8).copy_from_slice(&mtproto::auth_key_id(&array::<256>(key)));
    })
}

/// tmp_aes_key (32) then tmp_aes_iv (32) into `out`.
#[no_mangle]
pub unsafe extern "C" fn tmp_aes_key_iv(new_nonce: *const u8, server_nonce: *const u8, out: *mut u8) {
    wiping(|| {
        let (k, iv) = mtproto::tmp_aes(&array::<32>(new_nonce), &array::<16>(server_nonce));
        let o = inout(out, 64);
        o[..32].copy_from_slice(&k);
        o[32..].copy_from_slice(&iv);
    })
}

/// Temp-key encryption in place: `buf` = 20 free bytes, data (`data_len`), 0..15 padding bytes.
#[no_mangle]
pub unsafe extern "C" fn tmp_encrypt(nn: *const u8, sn: *const u8, buf: *mut u8, len: usize, data_len: usize) -> i32 {
    wiping(|| {
        match mtproto::tmp_encrypt(&array::<32>(nn), &array::<16>(sn), inout(buf, len), data_len) {
            Ok(()) => OK,
            Err(e) => e,
        }
    })
}

/// Temp-key decryption in place; returns the data length (data at `buf + 20`) or an error.
#[no_mangle]
pub unsafe extern "C" fn tmp_decrypt(nn: *const u8, sn: *const u8, buf: *mut u8, len: usize) -> i32 {
    wiping(|| {
        match mtproto::tmp_decrypt(&array::<32>(nn), &array::<16>(sn), inout(buf, len)) {
            Ok(n) => n as i32,
            Err(e) => e,
        }
    })
}

/// RSA_PAD, see `rsa_pad::rsa_pad`; writes 256 bytes to `out`.
#[no_mangle]
pub unsafe extern "C" fn rsa_pad(
    data: *const u8,
    data_len: usize,
    random: *const u8,
    random_len: usize,
    n: *const u8,
    n_len: usize,
    e: *const u8,
    e_len: usize,
    out: *mut u8,
) -> i32 {
    wiping(|| {
        let o = &mut *(out as *mut [u8; 256]);
        match rsa_pad::rsa_pad(input(data, data_len), input(random, random_len), input(n, n_len), input(e, e_len), o) {
            Ok(()) => OK,
            Err(e) => e,
        }
    })
}

/// `base^exp mod m` (big-endian, each at most 256 bytes, `m` odd > 1, `base < m`); writes
/// `m_len` bytes to `out`.
#[no_mangle]
pub unsafe extern "C" fn mod_pow(
    base: *const u8,
    base_len: usize,
    exp: *const u8,
    exp_len: usize,
    m: *const u8,
    m_len: usize,
    out: *mut u8,
) -> i32 {
    wiping(|| {
        let (b, mm) = match (bignum::from_be(input(base, base_len)), bignum::from_be(input(m, m_len))) {
            (Some(b), Some(mm)) => (b, mm),
            _ => return ERR_LENGTH,
        };
        if exp_len > bignum::BYTES {
            return ERR_LENGTH;
        }
        let mont = match bignum::Mont::new(&mm) {
            Some(m) => m,
            None => return ERR_RANGE,
        };
        if bignum::cmp(&b, &mm).is_ge() {
            return ERR_RANGE;
        }
        bignum::to_be(&mont.pow(&b, input(exp, exp_len)), inout(out, m_len));
        OK
    })
}

/// One side of the DH exchange with all checks (`dh::exchange`): `p`, `peer` 256 bytes,
/// `secret` `secret_len` bytes, `seed` 32 random bytes for Miller-Rabin, `flags` bit 0 = p is
/// already known to be a safe prime. Writes g^secret and peer^secret (256 bytes each).
/// `flags` bit 1: only check the group and the peer's value (the caller exponentiates, with
/// native or JS BigInt code where that is faster, and checks its own value).
#[no_mangle]
pub unsafe extern "C" fn dh_exchange(
    p: *const u8,
    g: u32,
    peer: *const u8,
    secret: *const u8,
    secret_len: usize,
    seed: *const u8,
    flags: u32,
    out_own: *mut u8,
    out_key: *mut u8,
) -> i32 {
    wiping(|| {
        let (pb, peer_b) = match (bignum::from_be(input(p, 256)), bignum::from_be(input(peer, 256))) {
            (Some(a), Some(b)) => (a, b),
            _ => return ERR_LENGTH,
        };
        if secret_len > bignum::BYTES {
            return ERR_LENGTH;
        }
        if flags & 2 != 0 {
            return match dh::check_group(&pb, g, flags & 1 == 1, &array::<32>(seed))
                .and_then(|_| dh::check_value(&pb, &peer_b))
            {
                Ok(()) => OK,
                Err(e) => e,
            };
        }
        match dh::exchange(&pb, g, &peer_b, input(secret, secret_len), flags & 1 == 1, &array::<32>(seed)) {
            Ok((own, key)) => {
                bignum::to_be(&own, inout(out_own, 256));
                bignum::to_be(&key, inout(out_key, 256));
                OK
            }
            Err(e) => e,
        }
    })
}

/// Checks a DH group alone (`flags` as for `dh_exchange`).
#[no_mangle]
pub unsafe extern "C" fn dh_check_group(p: *const u8, g: u32, seed: *const u8, flags: u32) -> i32 {
    let pb = match bignum::from_be(input(p, 256)) {
        Some(p) => p,
        None => return ERR_LENGTH,
    };
    match dh::check_group(&pb, g, flags & 1 == 1, &array::<32>(seed)) {
        Ok(()) => OK,
        Err(e) => e,
    }
}

/// Factorises `pq`: writes p then q (p <= q) as two u64 at `out`; `ERR_NOT_FOUND` for a prime.
#[no_mangle]
pub unsafe extern "C" fn factorize_pq(pq: u64, out: *mut u64) -> i32 {
    match pq::factorize(pq) {
        Some((p, q)) => {
            *out = p;
            *out.add(1) = q;
            OK
        }
        None => ERR_NOT_FOUND,
    }
}

/// Which AES implementation is compiled in (see `aes256::KIND`).
#[no_mangle]
pub extern "C" fn aes_kind() -> u32 {
    crate::aes256::KIND
}

/// One AES-256 block in place with the T-table implementation (`decrypt` != 0: decryption), for
/// the tests that check it against node:crypto (it only serves the benchmark otherwise).
#[no_mangle]
pub unsafe extern "C" fn aes_table_block(key: *const u8, block: *mut u8, decrypt: u32) {
    let a = crate::aes_table::Aes256::new(&array(key));
    let b = &mut *(block as *mut [u8; 16]);
    if decrypt != 0 {
        a.decrypt_block(b);
    } else {
        a.encrypt_block(b);
    }
}

/// Encrypts one block `n` times in a chain (measures raw block latency; benchmark use only).
#[no_mangle]
pub extern "C" fn aes_bench_chain(n: u32, which: u32) -> u32 {
    let key = [7u8; 32];
    let mut b = [1u8; 16];
    // which: 2 = SIMD encrypt, 3 = T-table encrypt, 4 = SIMD decrypt, 5 = T-table decrypt
    match which {
        2 | 4 => {
            let a = crate::aes_simd::Aes256::new(&key);
            for _ in 0..n {
                if which == 2 {
                    a.encrypt_block(&mut b);
                } else {
                    a.decrypt_block(&mut b);
                }
            }
        }
        _ => {
            let a = crate::aes_table::Aes256::new(&key);
            for _ in 0..n {
                if which == 3 {
                    a.encrypt_block(&mut b);
                } else {
                    a.decrypt_block(&mut b);
                }
            }
        }
    }
    b[0] as u32
}

/// IGE encryption through an external AES-CBC pass (see `core/ige.ts`), step 1: writes the CBC
/// input x_1 = p_1, x_i = p_i ^ p_{i-2} (p_0 = second IV half) for `len` bytes (a multiple of 16).
#[no_mangle]
pub unsafe extern "C" fn ige_cbc_pre(iv: *const u8, p: *const u8, x: *mut u8, len: usize) -> i32 {
    if len % 16 != 0 {
        return ERR_LENGTH;
    }
    let (iv, p, x) = (input(iv, 32), input(p, len), inout(x, len));
    if len == 0 {
        return OK;
    }
    // Three straight runs so that the compiler vectorises them.
    x[..16].copy_from_slice(&p[..16]);
    if len > 16 {
        for (o, (a, b)) in x[16..32].iter_mut().zip(p[16..32].iter().zip(&iv[16..32])) {
            *o = a ^ b;
        }
    }
    if len > 32 {
        for (o, (a, b)) in x[32..].iter_mut().zip(p[32..].iter().zip(&p[..len - 32])) {
            *o = a ^ b;
        }
    }
    OK
}

/// Step 2, in place on the CBC output y: c_i = y_i ^ p_{i-1} (p_0 = second IV half).
#[no_mangle]
pub unsafe extern "C" fn ige_cbc_post(iv: *const u8, p: *const u8, y: *mut u8, len: usize) -> i32 {
    if len % 16 != 0 {
        return ERR_LENGTH;
    }
    let (iv, p, y) = (input(iv, 32), input(p, len), inout(y, len));
    if len == 0 {
        return OK;
    }
    for (o, a) in y[..16].iter_mut().zip(&iv[16..32]) {
        *o ^= a;
    }
    for (o, a) in y[16..].iter_mut().zip(&p[..len - 16]) {
        *o ^= a;
    }
    OK
}
