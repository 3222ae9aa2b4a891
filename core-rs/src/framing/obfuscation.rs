//! The 64-byte init header of an obfuscated connection and the two CTR streams derived from it
//! (core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
//!
//! Bytes 8..40 and 40..56 are the client→server key and IV; the same 48 bytes reversed give the
//! server→client key and IV. Bytes 56..60 carry the protocol tag and 60..62 the DC id (int16,
//! little-endian); the header travels with bytes 56..64 encrypted by the client→server stream.
//! Through an MTProxy, each key is SHA-256 of its 32 bytes followed by the proxy's secret.

use super::{le32, Cipher, Error, Kind};

pub const HEADER_LEN: usize = 64;

/// First 32-bit words a header may not start with: what the server would mistake for another
/// protocol (HTTP verbs, plain intermediate tags, a TLS record).
const FORBIDDEN_FIRST: [u32; 7] = [
    0x4441_4548, // "HEAD"
    0x5453_4f50, // "POST"
    0x2054_4547, // "GET "
    0x4954_504f, // "OPTI"
    0xeeee_eeee,
    0xdddd_dddd,
    0x0201_0316, // TLS handshake record
];

/// Whether random header bytes avoid every pattern the server reads as a plain transport:
/// first byte 0xef (abridged), the forbidden first words, and a zero second word (full
/// transport, whose first seqno is 0).
pub fn is_valid_random(header: &[u8; HEADER_LEN]) -> bool {
    header[0] != 0xef && !FORBIDDEN_FIRST.contains(&le32(header, 0)) && le32(header, 4) != 0
}

/// Turns 64 random bytes into a client's plain header for `kind` and `dc_id` (already signed:
/// negative for media DCs, +10000 for test DCs). Fails with `BadHeader` when the random bytes
/// hit a forbidden pattern (the caller draws new ones) and `InvalidArgument` for the full
/// transport, which has no obfuscated form.
pub fn fill_client_header(
    header: &mut [u8; HEADER_LEN],
    kind: Kind,
    dc_id: i16,
) -> Result<(), Error> {
    let tag = kind.tag().ok_or(Error::InvalidArgument)?;
    if !is_valid_random(header) {
        return Err(Error::BadHeader);
    }
    header[56..60].copy_from_slice(&tag.to_le_bytes());
    header[60..62].copy_from_slice(&dc_id.to_le_bytes());
    Ok(())
}

/// An MTProxy secret (the 16 bytes after any 0xdd/0xee prefix).
pub type Secret = [u8; 16];

/// A client's obfuscation: its plain init header and the MTProxy secret, if any.
#[derive(Clone, Copy)]
pub struct ClientHeader<'a> {
    pub header: &'a [u8; HEADER_LEN],
    pub secret: Option<&'a Secret>,
}

/// The stream from 48 key-and-IV bytes, the key hashed with the secret when there is one.
fn stream(key_iv: &[u8], secret: Option<&Secret>) -> Cipher {
    let mut key = [0u8; 32];
    match secret {
        None => key.copy_from_slice(&key_iv[..32]),
        Some(secret) => key = crate::sha::sha256(&[&key_iv[..32], secret]),
    }
    let mut iv = [0u8; 16];
    iv.copy_from_slice(&key_iv[32..48]);
    Cipher::new(&key, &iv)
}

fn forward(header: &[u8; HEADER_LEN], secret: Option<&Secret>) -> Cipher {
    stream(&header[8..56], secret)
}

fn reversed(header: &[u8; HEADER_LEN], secret: Option<&Secret>) -> Cipher {
    let mut key_iv = [0u8; 48];
    key_iv.copy_from_slice(&header[8..56]);
    key_iv.reverse();
    stream(&key_iv, secret)
}

/// The client→server stream, advanced past the header, and the header as sent on the wire.
pub fn client_send(
    header: &[u8; HEADER_LEN],
    secret: Option<&Secret>,
) -> (Cipher, [u8; HEADER_LEN]) {
    let mut cipher = forward(header, secret);
    let mut encrypted = *header;
    cipher.apply(&mut encrypted);
    let mut wire = *header;
    wire[56..].copy_from_slice(&encrypted[56..]);
    (cipher, wire)
}

/// The server→client stream as the client decrypts it.
pub fn client_receive(header: &[u8; HEADER_LEN], secret: Option<&Secret>) -> Cipher {
    reversed(header, secret)
}

/// What a server learns from a client's wire header.
pub struct Accepted {
    pub kind: Kind,
    pub dc_id: i16,
    /// Decrypts what the client sends next (already advanced past the header).
    pub receive: Cipher,
    /// Encrypts what the server sends.
    pub send: Cipher,
}

/// Reads a client's wire header: derives both streams, decrypts the tag and the DC id. With the
/// wrong MTProxy secret the tag decrypts to noise: `BadHeader`.
pub fn server_accept(wire: &[u8; HEADER_LEN], secret: Option<&Secret>) -> Result<Accepted, Error> {
    if !is_valid_random(wire) {
        return Err(Error::BadHeader);
    }
    let mut receive = forward(wire, secret);
    let mut plain = *wire;
    receive.apply(&mut plain);
    let kind = Kind::from_tag(le32(&plain, 56)).ok_or(Error::BadHeader)?;
    let dc_id = i16::from_le_bytes([plain[60], plain[61]]);
    let send = reversed(wire, secret);
    Ok(Accepted {
        kind,
        dc_id,
        receive,
        send,
    })
}
