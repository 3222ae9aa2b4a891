//! The `extern "C"` functions of the crypto part (framing has its own module).
//! Pointers point into buffers that TypeScript allocated with `core_alloc`.

use crate::abi::{array, inout, input};
use crate::ctr::Ctr256;

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
    Box::into_raw(Box::new(Ctr256::new(&array::<32>(key), &array::<16>(iv))))
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
