//! MTProto 2.0 message sealing and opening (core.telegram.org/mtproto/description): msg_key,
//! the AES key/IV derivation for x = 0 (client to server) and x = 8 (server to client), and
//! every check on opening.

use crate::abi::{
    ERR_AUTH_KEY_ID, ERR_DATA_LENGTH, ERR_HASH, ERR_LENGTH, ERR_MESSAGE_LENGTH, ERR_MSG_KEY,
    ERR_PADDING,
};
use crate::aes256::Aes256;
use crate::ige;
use crate::sha::{sha1, sha256};

pub const AUTH_KEY: usize = 256;
/// auth_key_id (8) + msg_key (16).
pub const HEADER: usize = 24;
/// salt, session_id, msg_id, seq_no, message_data_length.
pub const INNER_HEADER: usize = 32;

/// The 64 lower-order bits of SHA1(auth_key). Callers compute it once per key and pass it to
/// [`seal`] and [`open`]: the module keeps no copy of any auth key between calls.
pub fn auth_key_id(key: &[u8; AUTH_KEY]) -> [u8; 8] {
    let h = sha1(&[key]);
    let mut id = [0u8; 8];
    id.copy_from_slice(&h[12..20]);
    id
}

fn msg_key(key: &[u8; AUTH_KEY], x: usize, plain: &[u8]) -> [u8; 16] {
    let large = sha256(&[&key[88 + x..120 + x], plain]);
    let mut k = [0u8; 16];
    k.copy_from_slice(&large[8..24]);
    k
}

/// aes_key and aes_iv for `msg_key` and direction `x`.
pub fn kdf(key: &[u8; AUTH_KEY], msg_key: &[u8; 16], x: usize) -> ([u8; 32], [u8; 32]) {
    let a = sha256(&[msg_key, &key[x..x + 36]]);
    let b = sha256(&[&key[40 + x..76 + x], msg_key]);
    let mut aes_key = [0u8; 32];
    let mut aes_iv = [0u8; 32];
    aes_key[..8].copy_from_slice(&a[..8]);
    aes_key[8..24].copy_from_slice(&b[8..24]);
    aes_key[24..].copy_from_slice(&a[24..]);
    aes_iv[..8].copy_from_slice(&b[..8]);
    aes_iv[8..24].copy_from_slice(&a[8..24]);
    aes_iv[24..].copy_from_slice(&b[24..]);
    (aes_key, aes_iv)
}

/// Seals in place: `buf` = 24 free bytes, then `data_len` bytes of inner data (salt ..
/// message_data), then padding bytes (12..1024 random bytes, total a multiple of 16). Writes
/// `key_id` (the key's auth_key_id) and msg_key into the first 24 bytes and encrypts the rest.
pub fn seal(
    key: &[u8; AUTH_KEY],
    key_id: &[u8; 8],
    buf: &mut [u8],
    data_len: usize,
    x: usize,
) -> Result<(), i32> {
    if buf.len() < HEADER + data_len || data_len < INNER_HEADER || data_len % 4 != 0 {
        return Err(ERR_LENGTH);
    }
    let plain_len = buf.len() - HEADER;
    let pad = plain_len - data_len;
    if !(12..=1024).contains(&pad) || plain_len % 16 != 0 {
        return Err(ERR_PADDING);
    }
    let (head, plain) = buf.split_at_mut(HEADER);
    let mk = msg_key(key, x, plain);
    head[..8].copy_from_slice(key_id);
    head[8..].copy_from_slice(&mk);
    let (aes_key, mut aes_iv) = kdf(key, &mk, x);
    ige::encrypt(&Aes256::new(&aes_key), plain, &mut aes_iv);
    Ok(())
}

/// Opens in place: checks auth_key_id against `key_id`, decrypts, checks msg_key,
/// message_data_length and the padding length. Returns the length of the inner data
/// (32 + message_data_length), which then starts at `buf[24]`.
pub fn open(key: &[u8; AUTH_KEY], key_id: &[u8; 8], buf: &mut [u8], x: usize) -> Result<usize, i32> {
    if buf.len() < HEADER + INNER_HEADER + 16 || (buf.len() - HEADER) % 16 != 0 {
        return Err(ERR_MESSAGE_LENGTH);
    }
    let (head, plain) = buf.split_at_mut(HEADER);
    if head[..8] != key_id[..] {
        return Err(ERR_AUTH_KEY_ID);
    }
    let mut mk = [0u8; 16];
    mk.copy_from_slice(&head[8..]);
    let (aes_key, mut aes_iv) = kdf(key, &mk, x);
    ige::decrypt(&Aes256::new(&aes_key), plain, &mut aes_iv);
    let expected = msg_key(key, x, plain);
    let mut diff = 0u8;
    for i in 0..16 {
        diff |= expected[i] ^ mk[i];
    }
    if diff != 0 {
        return Err(ERR_MSG_KEY);
    }
    let len = u32::from_le_bytes([plain[28], plain[29], plain[30], plain[31]]) as usize;
    if len % 4 != 0 || len > plain.len() - INNER_HEADER {
        return Err(ERR_DATA_LENGTH);
    }
    let pad = plain.len() - INNER_HEADER - len;
    if !(12..=1024).contains(&pad) {
        return Err(ERR_PADDING);
    }
    Ok(INNER_HEADER + len)
}

/// tmp_aes_key and tmp_aes_iv of the DH answers from new_nonce and server_nonce.
pub fn tmp_aes(new_nonce: &[u8; 32], server_nonce: &[u8; 16]) -> ([u8; 32], [u8; 32]) {
    let a = sha1(&[new_nonce, server_nonce]);
    let b = sha1(&[server_nonce, new_nonce]);
    let c = sha1(&[new_nonce, new_nonce]);
    let mut key = [0u8; 32];
    let mut iv = [0u8; 32];
    key[..20].copy_from_slice(&a);
    key[20..].copy_from_slice(&b[..12]);
    iv[..8].copy_from_slice(&b[12..]);
    iv[8..28].copy_from_slice(&c);
    iv[28..].copy_from_slice(&new_nonce[..4]);
    (key, iv)
}

/// Encrypts a DH inner data with the temporary key: `buf` = 20 free bytes, `data_len` bytes of
/// data, then 0..15 random padding bytes making the total a multiple of 16.
pub fn tmp_encrypt(
    new_nonce: &[u8; 32],
    server_nonce: &[u8; 16],
    buf: &mut [u8],
    data_len: usize,
) -> Result<(), i32> {
    if buf.len() % 16 != 0 || buf.len() < 20 + data_len || buf.len() - 20 - data_len > 15 {
        return Err(ERR_LENGTH);
    }
    let h = sha1(&[&buf[20..20 + data_len]]);
    buf[..20].copy_from_slice(&h);
    let (key, mut iv) = tmp_aes(new_nonce, server_nonce);
    ige::encrypt(&Aes256::new(&key), buf, &mut iv);
    Ok(())
}

/// Decrypts a DH answer in place and finds the data length for which SHA1(data) equals the
/// leading 20 bytes with 0..15 bytes of padding; the data then starts at `buf[20]`.
pub fn tmp_decrypt(
    new_nonce: &[u8; 32],
    server_nonce: &[u8; 16],
    buf: &mut [u8],
) -> Result<usize, i32> {
    if buf.len() % 16 != 0 || buf.len() < 32 {
        return Err(ERR_MESSAGE_LENGTH);
    }
    let (key, mut iv) = tmp_aes(new_nonce, server_nonce);
    ige::decrypt(&Aes256::new(&key), buf, &mut iv);
    for pad in 0..16 {
        // A 32-byte buffer leaves room for at most 12 bytes of data: no underflow into a trap.
        let len = match (buf.len() - 20).checked_sub(pad) {
            Some(len) => len,
            None => break,
        };
        if sha1(&[&buf[20..20 + len]])[..] == buf[..20] {
            return Ok(len);
        }
    }
    Err(ERR_HASH)
}
