//! MTProto transport framing (core.telegram.org/mtproto/mtproto-transports): abridged,
//! intermediate, padded intermediate and full, each optionally obfuscated
//! (core.telegram.org/mtproto/mtproto-transports#transport-obfuscation), for both ends of a
//! connection: the client end talks to Telegram, the server end serves the in-process test DC.
//!
//! Encoders build a whole frame (header, payload, padding, CRC, CTR) in one call; decoders take
//! bytes in any chunking and report whole frames, buffering at most one partial frame.

pub mod decoder;
pub mod encoder;
pub mod ffi;
pub mod obfuscation;

pub use decoder::{Decoder, Record};
pub use encoder::Encoder;

/// The largest frame limit a codec accepts (abridged lengths end below 2^24 words anyway); the
/// limit is what bounds the memory a peer can make a decoder hold.
pub const MAX_FRAME_LIMIT: usize = 1 << 25;

/// How payloads are delimited on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Abridged,
    Intermediate,
    Padded,
    Full,
}

impl Kind {
    /// The numbering shared with the TypeScript face.
    pub fn from_code(code: u32) -> Option<Kind> {
        match code {
            0 => Some(Kind::Abridged),
            1 => Some(Kind::Intermediate),
            2 => Some(Kind::Padded),
            3 => Some(Kind::Full),
            _ => None,
        }
    }

    pub fn code(self) -> u32 {
        match self {
            Kind::Abridged => 0,
            Kind::Intermediate => 1,
            Kind::Padded => 2,
            Kind::Full => 3,
        }
    }

    /// The protocol tag at bytes 56..60 of an obfuscated init header; the full transport has
    /// none because obfuscation is not defined for it.
    pub fn tag(self) -> Option<u32> {
        match self {
            Kind::Abridged => Some(0xefef_efef),
            Kind::Intermediate => Some(0xeeee_eeee),
            Kind::Padded => Some(0xdddd_dddd),
            Kind::Full => None,
        }
    }

    pub fn from_tag(tag: u32) -> Option<Kind> {
        match tag {
            0xefef_efef => Some(Kind::Abridged),
            0xeeee_eeee => Some(Kind::Intermediate),
            0xdddd_dddd => Some(Kind::Padded),
            _ => None,
        }
    }

    /// What a client sends before its first frame on a plain (not obfuscated) connection.
    pub fn plain_init(self) -> &'static [u8] {
        match self {
            Kind::Abridged => &[0xef],
            Kind::Intermediate => &[0xee, 0xee, 0xee, 0xee],
            Kind::Padded => &[0xdd, 0xdd, 0xdd, 0xdd],
            Kind::Full => &[],
        }
    }
}

/// Which end of the connection a codec sits at: it decides the quick-ACK conventions and
/// whether the init header is written or read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Client,
    Server,
}

/// Failures, numbered for the C ABI (returned negated); the TypeScript face maps each number to
/// a stable `TransportError` code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// A frame (announced or offered) exceeds the configured maximum.
    TooLarge = 1,
    /// A length that no valid frame has: zero, too short for its envelope, not a multiple of 4
    /// where the transport needs it.
    BadLength = 2,
    /// Full transport: the CRC32 does not match.
    BadCrc = 3,
    /// Full transport: the sequence number is not the expected one.
    BadSeqno = 4,
    /// The stream ended inside a frame or an init header.
    Truncated = 5,
    /// The server sent a transport error code (a lone negative 32-bit integer).
    ServerError = 6,
    /// An init header that is not a valid (obfuscated) transport header.
    BadHeader = 7,
    /// A call the codec cannot honour in its state (wrong role, nothing prepared, bad option).
    InvalidArgument = 8,
}

pub(crate) fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// CRC32 (IEEE) from the crate's checksum module: the full transport's integrity check.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    crate::crc32::crc32(data)
}

/// The AES-256-CTR stream of one direction of an obfuscated connection.
pub type Cipher = crate::ctr::Ctr256;

#[cfg(test)]
mod tests;
