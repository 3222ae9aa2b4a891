//! Builds whole frames in place: the caller reserves a frame, writes the payload (and, for the
//! padded transport, its random padding) where `prepare` says, and `finish` writes the header,
//! the CRC and applies the obfuscation stream.

use super::{crc32, obfuscation, Cipher, Error, Kind, Role, MAX_FRAME_LIMIT};

pub struct Encoder {
    kind: Kind,
    role: Role,
    max: usize,
    seqno: u32,
    cipher: Option<Cipher>,
    /// The frame being built, or the last one finished (the init bytes right after `new`).
    buf: Vec<u8>,
    /// Payload and padding lengths of the prepared frame; payload 0 means nothing prepared.
    payload: usize,
    pad: usize,
    header: usize,
}

/// The largest random padding of the padded intermediate transport.
pub const MAX_PADDING: usize = 15;

impl Encoder {
    fn with(
        kind: Kind,
        role: Role,
        max: usize,
        cipher: Option<Cipher>,
        init: &[u8],
    ) -> Result<Encoder, Error> {
        if max == 0 || max > MAX_FRAME_LIMIT {
            return Err(Error::InvalidArgument);
        }
        Ok(Encoder {
            kind,
            role,
            max,
            seqno: 0,
            cipher,
            buf: init.to_vec(),
            payload: 0,
            pad: 0,
            header: 0,
        })
    }

    /// A client encoder; its first `frame()` holds the bytes to send before any frame (the plain
    /// tag, or the obfuscated header of an obfuscated connection).
    pub fn client(
        kind: Kind,
        max: usize,
        obfuscation: Option<obfuscation::ClientHeader>,
    ) -> Result<Encoder, Error> {
        match obfuscation {
            None => Encoder::with(kind, Role::Client, max, None, kind.plain_init()),
            Some(o) => {
                if kind.tag().is_none() {
                    return Err(Error::InvalidArgument);
                }
                let (cipher, wire) = obfuscation::client_send(o.header, o.secret);
                Encoder::with(kind, Role::Client, max, Some(cipher), &wire)
            }
        }
    }

    /// A server encoder answering a client whose init the decoder has read.
    pub fn server(kind: Kind, max: usize, cipher: Option<Cipher>) -> Result<Encoder, Error> {
        Encoder::with(kind, Role::Server, max, cipher, &[])
    }

    /// Reserves a frame for `payload` bytes followed by `pad` bytes of padding and returns the
    /// offset in `buffer_mut()` where the caller writes them.
    pub fn prepare(&mut self, payload: usize, pad: usize) -> Result<usize, Error> {
        self.payload = 0;
        if payload > self.max {
            return Err(Error::TooLarge);
        }
        if payload == 0 || (self.kind == Kind::Abridged && payload % 4 != 0) {
            return Err(Error::BadLength);
        }
        let pad_limit = if self.kind == Kind::Padded {
            MAX_PADDING
        } else {
            0
        };
        if pad > pad_limit {
            return Err(Error::InvalidArgument);
        }
        let header = match self.kind {
            Kind::Abridged if payload / 4 < 0x7f => 1,
            Kind::Abridged | Kind::Intermediate | Kind::Padded => 4,
            Kind::Full => 8,
        };
        let trailer = if self.kind == Kind::Full { 4 } else { 0 };
        self.buf.clear();
        self.buf.resize(header + payload + pad + trailer, 0);
        self.payload = payload;
        self.pad = pad;
        self.header = header;
        Ok(header)
    }

    /// Completes the prepared frame and returns its length; the frame is `frame()`. A client may
    /// ask the server for a quick ACK (not on the full transport).
    pub fn finish(&mut self, quick_ack: bool) -> Result<usize, Error> {
        if self.payload == 0
            || (quick_ack && (self.role != Role::Client || self.kind == Kind::Full))
        {
            return Err(Error::InvalidArgument);
        }
        let payload = self.payload;
        let ack_bit = if quick_ack { 0x80u8 } else { 0 };
        match self.kind {
            Kind::Abridged => {
                let words = (payload / 4) as u32;
                if self.header == 1 {
                    self.buf[0] = words as u8 | ack_bit;
                } else {
                    self.buf[0] = 0x7f | ack_bit;
                    self.buf[1..4].copy_from_slice(&words.to_le_bytes()[..3]);
                }
            }
            Kind::Intermediate | Kind::Padded => {
                let length = (payload + self.pad) as u32 | (ack_bit as u32) << 24;
                self.buf[..4].copy_from_slice(&length.to_le_bytes());
            }
            Kind::Full => {
                let total = (payload + 12) as u32;
                self.buf[..4].copy_from_slice(&total.to_le_bytes());
                self.buf[4..8].copy_from_slice(&self.seqno.to_le_bytes());
                let crc = crc32(&self.buf[..8 + payload]);
                self.buf[8 + payload..].copy_from_slice(&crc.to_le_bytes());
                self.seqno = self.seqno.wrapping_add(1);
            }
        }
        self.payload = 0;
        if let Some(cipher) = self.cipher.as_mut() {
            cipher.apply(&mut self.buf);
        }
        Ok(self.buf.len())
    }

    /// A server's quick ACK for `token` (the first 32 bits of the client's SHA-256, as the
    /// client computed it): byte-swapped on abridged, little-endian otherwise, top bit set.
    pub fn quick_ack(&mut self, token: u32) -> Result<usize, Error> {
        if self.role != Role::Server || self.kind == Kind::Full {
            return Err(Error::InvalidArgument);
        }
        let token = token | 0x8000_0000;
        let bytes = if self.kind == Kind::Abridged {
            token.to_be_bytes()
        } else {
            token.to_le_bytes()
        };
        self.payload = 0;
        self.buf.clear();
        self.buf.extend_from_slice(&bytes);
        if let Some(cipher) = self.cipher.as_mut() {
            cipher.apply(&mut self.buf);
        }
        Ok(self.buf.len())
    }

    /// The last finished frame (right after construction: the init bytes).
    pub fn frame(&self) -> &[u8] {
        &self.buf
    }

    pub fn buffer_mut(&mut self) -> &mut [u8] {
        &mut self.buf
    }

    /// Convenience over `prepare` + `finish` for callers that hold the payload in Rust.
    pub fn encode(
        &mut self,
        payload: &[u8],
        padding: &[u8],
        quick_ack: bool,
    ) -> Result<&[u8], Error> {
        let at = self.prepare(payload.len(), padding.len())?;
        self.buf[at..at + payload.len()].copy_from_slice(payload);
        self.buf[at + payload.len()..at + payload.len() + padding.len()].copy_from_slice(padding);
        self.finish(quick_ack)?;
        Ok(&self.buf)
    }
}
