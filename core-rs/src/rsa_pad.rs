//! RSA_PAD of core.telegram.org/mtproto/auth_key: the encryption of p_q_inner_data for
//! req_DH_params with a server's public RSA key.

use crate::abi::{ERR_LENGTH, ERR_NOT_FOUND, ERR_RANGE};
use crate::aes256::Aes256;
use crate::bignum::{self, Mont};
use crate::ige;
use crate::sha::sha256;

/// Random bytes RSA_PAD consumes: the padding up to 192 bytes, then 32 per temp_key attempt.
pub const ATTEMPTS: usize = 8;

/// `data` (at most 144 bytes), `random` = 192 - data.len() padding bytes followed by
/// `ATTEMPTS` temp keys of 32 bytes, `n`/`e` big-endian (n of 2048 bits). Writes 256 bytes.
pub fn rsa_pad(data: &[u8], random: &[u8], n: &[u8], e: &[u8], out: &mut [u8; 256]) -> Result<(), i32> {
    if data.len() > 144 || random.len() != 192 - data.len() + 32 * ATTEMPTS || e.len() > 256 {
        return Err(ERR_LENGTH);
    }
    let n_big = bignum::from_be(n).ok_or(ERR_LENGTH)?;
    if bignum::bits(&n_big) != 2048 {
        return Err(ERR_RANGE);
    }
    let mont = Mont::new(&n_big).ok_or(ERR_RANGE)?;
    let pad_len = 192 - data.len();
    let mut with_padding = [0u8; 192];
    with_padding[..data.len()].copy_from_slice(data);
    with_padding[data.len()..].copy_from_slice(&random[..pad_len]);
    for attempt in 0..ATTEMPTS {
        let off = pad_len + 32 * attempt;
        let mut temp_key = [0u8; 32];
        temp_key.copy_from_slice(&random[off..off + 32]);
        let mut with_hash = [0u8; 224];
        for i in 0..192 {
            with_hash[i] = with_padding[191 - i];
        }
        with_hash[192..].copy_from_slice(&sha256(&[&temp_key, &with_padding]));
        ige::encrypt(&Aes256::new(&temp_key), &mut with_hash, &mut [0u8; 32]);
        let h = sha256(&[&with_hash]);
        let mut key_aes = [0u8; 256];
        for i in 0..32 {
            key_aes[i] = temp_key[i] ^ h[i];
        }
        key_aes[32..].copy_from_slice(&with_hash);
        let m = bignum::from_be(&key_aes).ok_or(ERR_LENGTH)?;
        if bignum::cmp(&m, &n_big).is_ge() {
            continue;
        }
        bignum::to_be(&mont.pow(&m, e), out);
        return Ok(());
    }
    Err(ERR_NOT_FOUND)
}
