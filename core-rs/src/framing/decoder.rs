//! Streaming decoder: bytes arrive in any chunking, whole frames come out.
//!
//! The caller reserves room at the end of the buffer, writes a chunk there and pushes it; the
//! frames found are reported as records pointing into the buffer, valid until the next
//! `reserve`. Only the unfinished tail is kept between pushes, and a frame announcing more than
//! the limit fails as soon as its length is readable, so memory stays bounded by the limit plus
//! one chunk whatever the peer sends.

use super::obfuscation::{self, ClientHeader, Secret, HEADER_LEN};
use super::{crc32, le32, Cipher, Encoder, Error, Kind, Role, MAX_FRAME_LIMIT};

/// The largest chunk one `reserve` accepts; callers split bigger ones.
pub const MAX_CHUNK: usize = 1 << 24;

/// Capacity kept across pushes; a buffer grown far beyond what it holds (for a big frame) is
/// given back, with slack so that a stream of mid-sized frames does not reallocate every time.
const KEEP_CAPACITY: usize = 1 << 18;

/// One decoded item, laid out for the TypeScript face to read straight from linear memory:
/// three little-endian u32 words.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    /// `PAYLOAD`, `PAYLOAD_ACK` or `QUICK_ACK`.
    pub kind: u32,
    /// Payloads: offset in the buffer. Quick ACKs: the token (top bit set, as sent).
    pub value: u32,
    /// Payloads: length. Quick ACKs: 0.
    pub len: u32,
}

impl Record {
    /// A payload.
    pub const PAYLOAD: u32 = 0;
    /// A payload whose sender (a client) asked the server for a quick ACK.
    pub const PAYLOAD_ACK: u32 = 1;
    /// A quick ACK received by a client.
    pub const QUICK_ACK: u32 = 2;

    fn payload(offset: usize, len: usize, quick_ack: bool) -> Record {
        let kind = if quick_ack {
            Record::PAYLOAD_ACK
        } else {
            Record::PAYLOAD
        };
        Record {
            kind,
            value: offset as u32,
            len: len as u32,
        }
    }
}

pub struct Decoder {
    role: Role,
    /// `None` while a server decoder has not yet recognised the client's init.
    kind: Option<Kind>,
    obfuscated: bool,
    dc_id: i16,
    max: usize,
    seqno: u32,
    cipher: Option<Cipher>,
    /// Server: the stream for the answering encoder, handed over once by `reply_encoder`.
    reply_cipher: Option<Cipher>,
    reply_taken: bool,
    /// Server: the MTProxy secret obfuscated headers are keyed with.
    secret: Option<Secret>,
    buf: Vec<u8>,
    /// Bytes of `buf` already consumed (dropped at the next `reserve`).
    pos: usize,
    /// Bytes of `buf` already decrypted by `cipher`.
    decrypted: usize,
    reserved: usize,
    records: Vec<Record>,
    failed: Option<Error>,
    server_code: i32,
}

impl Decoder {
    fn with(
        role: Role,
        kind: Option<Kind>,
        max: usize,
        cipher: Option<Cipher>,
    ) -> Result<Decoder, Error> {
        if max == 0 || max > MAX_FRAME_LIMIT {
            return Err(Error::InvalidArgument);
        }
        Ok(Decoder {
            role,
            kind,
            obfuscated: cipher.is_some(),
            dc_id: 0,
            max,
            seqno: 0,
            cipher,
            reply_cipher: None,
            reply_taken: false,
            secret: None,
            buf: Vec::new(),
            pos: 0,
            decrypted: 0,
            reserved: 0,
            records: Vec::new(),
            failed: None,
            server_code: 0,
        })
    }

    /// A client decoder for what the server sends, with the same obfuscation as the client's
    /// encoder.
    pub fn client(
        kind: Kind,
        max: usize,
        obfuscation: Option<ClientHeader>,
    ) -> Result<Decoder, Error> {
        let cipher = match obfuscation {
            None => None,
            Some(o) => {
                if kind.tag().is_none() {
                    return Err(Error::InvalidArgument);
                }
                Some(obfuscation::client_receive(o.header, o.secret))
            }
        };
        Decoder::with(Role::Client, Some(kind), max, cipher)
    }

    /// A server decoder: recognises the client's transport from its first bytes (plain tags,
    /// the full transport's zero first seqno, or an obfuscated header, keyed with `secret` when
    /// the server plays an MTProxy).
    pub fn server(max: usize, secret: Option<Secret>) -> Result<Decoder, Error> {
        let mut decoder = Decoder::with(Role::Server, None, max, None)?;
        decoder.secret = secret;
        Ok(decoder)
    }

    /// The transport in use, once known.
    pub fn kind(&self) -> Option<Kind> {
        self.kind
    }

    pub fn obfuscated(&self) -> bool {
        self.obfuscated
    }

    /// The DC id from an obfuscated header (server side), 0 otherwise.
    pub fn dc_id(&self) -> i16 {
        self.dc_id
    }

    /// The code of the last `ServerError`, e.g. -404.
    pub fn server_code(&self) -> i32 {
        self.server_code
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn buffer(&self) -> &[u8] {
        &self.buf
    }

    pub fn buffer_mut(&mut self) -> &mut [u8] {
        &mut self.buf
    }

    /// Drops what earlier pushes consumed and makes room for `len` more bytes; returns the
    /// offset in `buffer_mut()` where the caller writes them. Invalidates earlier records.
    pub fn reserve(&mut self, len: usize) -> Result<usize, Error> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        if len > MAX_CHUNK {
            return Err(Error::InvalidArgument);
        }
        self.records.clear();
        self.buf.truncate(self.buf.len() - self.reserved);
        self.buf.drain(..self.pos);
        self.decrypted = self.decrypted.saturating_sub(self.pos);
        self.pos = 0;
        let keep = self.buf.len() + len;
        if self.buf.capacity() > KEEP_CAPACITY && self.buf.capacity() > 4 * keep {
            self.buf.shrink_to(keep.max(KEEP_CAPACITY));
        }
        let at = self.buf.len();
        self.buf.resize(at + len, 0);
        self.reserved = len;
        Ok(at)
    }

    /// Takes the `len` bytes written after `reserve(len)` and decodes every complete frame.
    /// Returns the number of records; on error the records decoded before it are still there and
    /// the decoder stays failed.
    pub fn push(&mut self, len: usize) -> Result<usize, Error> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        if len != self.reserved {
            return Err(Error::InvalidArgument);
        }
        self.reserved = 0;
        match self.decode() {
            Ok(()) => Ok(self.records.len()),
            Err(e) => {
                self.failed = Some(e);
                Err(e)
            }
        }
    }

    /// Copies `chunk` in and decodes it (for callers holding bytes in Rust).
    pub fn push_slice(&mut self, chunk: &[u8]) -> Result<usize, Error> {
        let at = self.reserve(chunk.len())?;
        self.buf[at..at + chunk.len()].copy_from_slice(chunk);
        self.push(chunk.len())
    }

    /// The stream closed: fails with `Truncated` if it stopped inside an init or a frame.
    pub fn end(&mut self) -> Result<(), Error> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        if self.buf.len() - self.reserved > self.pos {
            self.failed = Some(Error::Truncated);
            return Err(Error::Truncated);
        }
        Ok(())
    }

    /// Server: the encoder answering this client, available once its init was read.
    pub fn reply_encoder(&mut self) -> Result<Encoder, Error> {
        let kind = match self.kind {
            Some(kind) if self.role == Role::Server && !self.reply_taken => kind,
            _ => return Err(Error::InvalidArgument),
        };
        self.reply_taken = true;
        Encoder::server(kind, self.max, self.reply_cipher.take())
    }

    fn decode(&mut self) -> Result<(), Error> {
        if self.kind.is_none() && !self.detect()? {
            return Ok(());
        }
        if let Some(cipher) = self.cipher.as_mut() {
            cipher.apply(&mut self.buf[self.decrypted..]);
            self.decrypted = self.buf.len();
        }
        while self.next_frame()? {}
        Ok(())
    }

    /// Recognises a client's init; false while more bytes are needed.
    fn detect(&mut self) -> Result<bool, Error> {
        let avail = &self.buf[self.pos..];
        if avail.is_empty() {
            return Ok(false);
        }
        if avail[0] == 0xef {
            self.kind = Some(Kind::Abridged);
            self.pos += 1;
            return Ok(true);
        }
        if avail.len() < 4 {
            return Ok(false);
        }
        match le32(avail, 0) {
            0xeeee_eeee => {
                self.kind = Some(Kind::Intermediate);
                self.pos += 4;
                return Ok(true);
            }
            0xdddd_dddd => {
                self.kind = Some(Kind::Padded);
                self.pos += 4;
                return Ok(true);
            }
            _ => {}
        }
        if avail.len() < 8 {
            return Ok(false);
        }
        if le32(avail, 4) == 0 {
            // A full transport frame: length, then seqno 0. Nothing to consume.
            self.kind = Some(Kind::Full);
            return Ok(true);
        }
        if avail.len() < HEADER_LEN {
            return Ok(false);
        }
        let mut wire = [0u8; HEADER_LEN];
        wire.copy_from_slice(&avail[..HEADER_LEN]);
        let accepted = obfuscation::server_accept(&wire, self.secret.as_ref())?;
        self.kind = Some(accepted.kind);
        self.dc_id = accepted.dc_id;
        self.obfuscated = true;
        self.cipher = Some(accepted.receive);
        self.reply_cipher = Some(accepted.send);
        self.pos += HEADER_LEN;
        self.decrypted = self.pos;
        Ok(true)
    }

    /// Decodes one record at `pos`; false while more bytes are needed.
    fn next_frame(&mut self) -> Result<bool, Error> {
        let kind = match self.kind {
            Some(kind) => kind,
            None => return Ok(false),
        };
        let client = self.role == Role::Client;
        let b = &self.buf[self.pos..];
        let (header, len, quick_ack) = match kind {
            Kind::Abridged => {
                if b.is_empty() {
                    return Ok(false);
                }
                if client && b[0] & 0x80 != 0 {
                    // Servers never announce 128+ words in one byte: this is a quick ACK.
                    if b.len() < 4 {
                        return Ok(false);
                    }
                    let token = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
                    return self.quick_ack(token);
                }
                let words = b[0] & 0x7f;
                if words < 0x7f {
                    (1, words as usize * 4, b[0] & 0x80 != 0)
                } else if b.len() < 4 {
                    return Ok(false);
                } else {
                    let words = u32::from_le_bytes([b[1], b[2], b[3], 0]) as usize;
                    (4, words * 4, b[0] & 0x80 != 0)
                }
            }
            Kind::Intermediate | Kind::Padded => {
                if b.len() < 4 {
                    return Ok(false);
                }
                let length = le32(b, 0);
                if length & 0x8000_0000 != 0 && client {
                    return self.quick_ack(length);
                }
                (
                    4,
                    (length & 0x7fff_ffff) as usize,
                    length & 0x8000_0000 != 0,
                )
            }
            Kind::Full => {
                if b.len() < 4 {
                    return Ok(false);
                }
                let total = le32(b, 0);
                // Servers have been seen sending the bare error code where the length goes
                // (Telethon issue 4042): a small negative length is that code.
                let code = total as i32;
                if client && (-999..0).contains(&code) {
                    self.server_code = code;
                    return Err(Error::ServerError);
                }
                let total = total as usize;
                if total < 12 {
                    return Err(Error::BadLength);
                }
                (8, total - 12, false)
            }
        };
        if len > self.max {
            return Err(Error::TooLarge);
        }
        if len == 0 {
            return Err(Error::BadLength);
        }
        let trailer = if kind == Kind::Full { 4 } else { 0 };
        let size = header + len + trailer;
        if b.len() < size {
            return Ok(false);
        }
        if kind == Kind::Full {
            if crc32(&b[..8 + len]) != le32(b, 8 + len) {
                return Err(Error::BadCrc);
            }
            if le32(b, 4) != self.seqno {
                return Err(Error::BadSeqno);
            }
            self.seqno = self.seqno.wrapping_add(1);
        }
        let payload = &b[header..header + len];
        // A lone negative int32 (padded: plus up to 15 bytes of padding) is a transport error.
        let lone_int = if kind == Kind::Padded {
            len < 20
        } else {
            len == 4
        };
        if client && lone_int && len >= 4 {
            let code = le32(payload, 0) as i32;
            if code < 0 {
                self.server_code = code;
                return Err(Error::ServerError);
            }
        }
        let len = if kind == Kind::Padded {
            unpadded_len(payload)?
        } else {
            len
        };
        self.records
            .push(Record::payload(self.pos + header, len, quick_ack));
        self.pos += size;
        Ok(true)
    }

    fn quick_ack(&mut self, token: u32) -> Result<bool, Error> {
        self.records.push(Record {
            kind: Record::QUICK_ACK,
            value: token,
            len: 0,
        });
        self.pos += 4;
        Ok(true)
    }
}

/// The padded intermediate transport appends 0..15 random bytes that its length includes; the
/// MTProto envelope gives the real length: plaintext messages (auth_key_id 0) carry
/// message_data_length at 16..20 after a 20-byte header, encrypted ones are 24 bytes plus
/// whole 16-byte blocks.
fn unpadded_len(padded: &[u8]) -> Result<usize, Error> {
    if padded.len() < 20 {
        return Err(Error::BadLength);
    }
    if padded[..8].iter().all(|&b| b == 0) {
        let body = le32(padded, 16) as usize;
        if body > padded.len() - 20 || padded.len() - 20 - body > super::encoder::MAX_PADDING {
            return Err(Error::BadLength);
        }
        Ok(20 + body)
    } else {
        if padded.len() < 24 {
            return Err(Error::BadLength);
        }
        Ok(24 + (padded.len() - 24) / 16 * 16)
    }
}
