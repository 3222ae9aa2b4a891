//! C-ABI exports of the framing codecs for `core/framing.ts` (conventions: core-rs/README.md).
//!
//! Codecs are boxed and handed out as handles; the TypeScript face owns each one and frees it
//! exactly once. Calls that can fail return a negated `framing::Error` number (a namespace of
//! its own, mapped to `TransportError` codes by core/framing.ts); calls that return a pointer
//! into memory the codec owns (a frame, the decode buffer, records) return it as a positive
//! i32, valid until the next call on that codec.

use super::obfuscation::{self, ClientHeader, HEADER_LEN};
use super::{Decoder, Encoder, Error, Kind};
use crate::abi::array;

fn fail(e: Error) -> i32 {
    -(e as i32)
}

fn ptr_of(p: *const u8) -> i32 {
    p as usize as i32
}

fn result<T>(r: Result<T, Error>, ok: impl FnOnce(T) -> i32) -> i32 {
    match r {
        Ok(v) => ok(v),
        Err(e) => fail(e),
    }
}

fn boxed<T>(r: Option<Result<T, Error>>) -> *mut T {
    match r {
        Some(Ok(v)) => Box::into_raw(Box::new(v)),
        _ => std::ptr::null_mut(),
    }
}

/// `N` bytes at `ptr`, or none for a null pointer.
unsafe fn optional<const N: usize>(ptr: *const u8) -> Option<[u8; N]> {
    if ptr.is_null() {
        None
    } else {
        Some(array::<N>(ptr))
    }
}

/// Turns the 64 random bytes at `header` into a client's plain obfuscated header for `kind`
/// and the signed `dc_id`, in place; -BadHeader asks for fresh random bytes.
///
/// # Safety
/// `header..header+64` must be memory from `core_alloc`.
#[no_mangle]
pub unsafe extern "C" fn framing_header_fill(header: *mut u8, kind: u32, dc_id: i32) -> i32 {
    let kind = match Kind::from_code(kind) {
        Some(kind) if !header.is_null() && dc_id >= i16::MIN as i32 && dc_id <= i16::MAX as i32 => {
            kind
        }
        _ => return fail(Error::InvalidArgument),
    };
    let mut bytes = array::<HEADER_LEN>(header);
    let status = result(
        obfuscation::fill_client_header(&mut bytes, kind, dc_id as i16),
        |_| 0,
    );
    std::ptr::copy_nonoverlapping(bytes.as_ptr(), header, HEADER_LEN);
    status
}

/// A boxed client codec from the raw kind, header and secret pointers.
unsafe fn client_codec<T>(
    kind: u32,
    header: *const u8,
    secret: *const u8,
    make: impl FnOnce(Kind, Option<ClientHeader>) -> Result<T, Error>,
) -> *mut T {
    let header = optional::<HEADER_LEN>(header);
    let secret = optional::<16>(secret);
    let o = header.as_ref().map(|header| ClientHeader {
        header,
        secret: secret.as_ref(),
    });
    boxed(Kind::from_code(kind).map(|k| make(k, o)))
}

/// A client encoder, obfuscated with the plain header at `header` (from `framing_header_fill`)
/// and, through an MTProxy, the 16-byte secret at `secret`; either pointer may be null. Null on
/// bad arguments. Its frame holds the init bytes until the first `finish`.
///
/// # Safety
/// `header` and `secret` are null or point at 64 and 16 bytes from `core_alloc`.
#[no_mangle]
pub unsafe extern "C" fn framing_encoder_client(
    kind: u32,
    max: u32,
    header: *const u8,
    secret: *const u8,
) -> *mut Encoder {
    client_codec(kind, header, secret, |k, o| {
        Encoder::client(k, max as usize, o)
    })
}

/// A client decoder, the counterpart of `framing_encoder_client` with the same header and
/// secret.
///
/// # Safety
/// As for `framing_encoder_client`.
#[no_mangle]
pub unsafe extern "C" fn framing_decoder_client(
    kind: u32,
    max: u32,
    header: *const u8,
    secret: *const u8,
) -> *mut Decoder {
    client_codec(kind, header, secret, |k, o| {
        Decoder::client(k, max as usize, o)
    })
}

/// A server decoder that recognises the client's transport; obfuscated headers are keyed with
/// the MTProxy secret at `secret` unless it is null.
///
/// # Safety
/// `secret` is null or points at 16 bytes from `core_alloc`.
#[no_mangle]
pub unsafe extern "C" fn framing_decoder_server(max: u32, secret: *const u8) -> *mut Decoder {
    boxed(Some(Decoder::server(max as usize, optional::<16>(secret))))
}

/// Reserves a frame; returns where to write `payload` bytes then `pad` padding bytes.
#[no_mangle]
pub extern "C" fn framing_encoder_prepare(encoder: &mut Encoder, payload: u32, pad: u32) -> i32 {
    match encoder.prepare(payload as usize, pad as usize) {
        Ok(at) => ptr_of(encoder.buffer_mut()[at..].as_ptr()),
        Err(e) => fail(e),
    }
}

/// Completes the prepared frame; returns its length (the bytes are at `framing_encoder_frame`).
#[no_mangle]
pub extern "C" fn framing_encoder_finish(encoder: &mut Encoder, quick_ack: u32) -> i32 {
    result(encoder.finish(quick_ack != 0), |n| n as i32)
}

/// Server: a quick ACK frame for `token`; returns its length.
#[no_mangle]
pub extern "C" fn framing_encoder_quick_ack(encoder: &mut Encoder, token: u32) -> i32 {
    result(encoder.quick_ack(token), |n| n as i32)
}

#[no_mangle]
pub extern "C" fn framing_encoder_frame(encoder: &Encoder) -> i32 {
    ptr_of(encoder.frame().as_ptr())
}

#[no_mangle]
pub extern "C" fn framing_encoder_frame_len(encoder: &Encoder) -> i32 {
    encoder.frame().len() as i32
}

#[no_mangle]
pub extern "C" fn framing_encoder_free(encoder: *mut Encoder) {
    if !encoder.is_null() {
        // SAFETY: the pointer came from Box::into_raw and the owner frees it once.
        drop(unsafe { Box::from_raw(encoder) });
    }
}

/// Makes room for a chunk of `len` bytes; returns where to write it.
#[no_mangle]
pub extern "C" fn framing_decoder_reserve(decoder: &mut Decoder, len: u32) -> i32 {
    match decoder.reserve(len as usize) {
        Ok(at) => ptr_of(decoder.buffer_mut()[at..].as_ptr()),
        Err(e) => fail(e),
    }
}

/// Decodes the chunk written after `reserve`; returns the number of records (on error the
/// records before it stay readable).
#[no_mangle]
pub extern "C" fn framing_decoder_push(decoder: &mut Decoder, len: u32) -> i32 {
    result(decoder.push(len as usize), |n| n as i32)
}

/// The records of the last push: `framing_decoder_push` gives their count, each is three u32
/// (kind, offset into `framing_decoder_buffer` or quick-ACK token, length).
#[no_mangle]
pub extern "C" fn framing_decoder_records(decoder: &Decoder) -> i32 {
    decoder.records().as_ptr() as usize as i32
}

#[no_mangle]
pub extern "C" fn framing_decoder_record_count(decoder: &Decoder) -> i32 {
    decoder.records().len() as i32
}

#[no_mangle]
pub extern "C" fn framing_decoder_buffer(decoder: &Decoder) -> i32 {
    ptr_of(decoder.buffer().as_ptr())
}

/// The stream closed; -Truncated if it stopped inside a frame.
#[no_mangle]
pub extern "C" fn framing_decoder_end(decoder: &mut Decoder) -> i32 {
    result(decoder.end(), |_| 0)
}

#[no_mangle]
pub extern "C" fn framing_decoder_server_code(decoder: &Decoder) -> i32 {
    decoder.server_code()
}

/// The transport: kind code (-1 while unknown) | 0x100 when obfuscated.
#[no_mangle]
pub extern "C" fn framing_decoder_kind(decoder: &Decoder) -> i32 {
    match decoder.kind() {
        Some(kind) => kind.code() as i32 | if decoder.obfuscated() { 0x100 } else { 0 },
        None => -1,
    }
}

#[no_mangle]
pub extern "C" fn framing_decoder_dc_id(decoder: &Decoder) -> i32 {
    decoder.dc_id() as i32
}

/// Server: the encoder answering this client (null before its init was read, or twice).
#[no_mangle]
pub extern "C" fn framing_decoder_reply_encoder(decoder: &mut Decoder) -> *mut Encoder {
    boxed(Some(decoder.reply_encoder()))
}

#[no_mangle]
pub extern "C" fn framing_decoder_free(decoder: *mut Decoder) {
    if !decoder.is_null() {
        // SAFETY: the pointer came from Box::into_raw and the owner frees it once.
        drop(unsafe { Box::from_raw(decoder) });
    }
}
