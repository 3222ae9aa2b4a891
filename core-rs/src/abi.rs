//! The memory side of the C ABI: buffers that TypeScript allocates in the module's linear
//! memory, fills, passes to an export as (pointer, length), reads back and frees.
//! Every allocation is 16-byte aligned; a failed allocation returns 0 instead of trapping.

use std::alloc::{alloc, dealloc, Layout};

/// Status codes returned by exports (0 = ok). TypeScript maps them to `CoreError` codes.
pub const OK: i32 = 0;
pub const ERR_LENGTH: i32 = -1;
pub const ERR_ALLOC: i32 = -2;
pub const ERR_AUTH_KEY_ID: i32 = -3;
pub const ERR_MSG_KEY: i32 = -4;
pub const ERR_PADDING: i32 = -5;
pub const ERR_DATA_LENGTH: i32 = -6;
pub const ERR_RANGE: i32 = -7;
pub const ERR_NOT_FOUND: i32 = -8;
pub const ERR_DH_PRIME: i32 = -9;
pub const ERR_DH_G: i32 = -10;
pub const ERR_DH_VALUE: i32 = -11;
pub const ERR_MESSAGE_LENGTH: i32 = -12;
pub const ERR_HASH: i32 = -13;

fn layout(len: usize) -> Option<Layout> {
    Layout::from_size_align(len.max(1), 16).ok()
}

/// Allocates `len` bytes; returns 0 when the memory cannot grow.
#[no_mangle]
pub extern "C" fn core_alloc(len: usize) -> *mut u8 {
    match layout(len) {
        Some(l) => unsafe { alloc(l) },
        None => std::ptr::null_mut(),
    }
}

/// Frees a buffer from `core_alloc` (same `len`). A null pointer is ignored.
#[no_mangle]
pub extern "C" fn core_free(ptr: *mut u8, len: usize) {
    if ptr.is_null() {
        return;
    }
    if let Some(l) = layout(len) {
        unsafe { dealloc(ptr, l) }
    }
}

/// A read-only view of memory that TypeScript filled. Empty when `len` is 0 (pointer unused).
///
/// # Safety
/// `ptr..ptr+len` must lie in memory that TypeScript allocated with `core_alloc`.
pub unsafe fn input<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 || ptr.is_null() {
        &[]
    } else {
        std::slice::from_raw_parts(ptr, len)
    }
}

/// A mutable view of memory that TypeScript filled. Empty when `len` is 0 (pointer unused).
///
/// # Safety
/// As for [`input`], and no other view of the same bytes may be alive.
pub unsafe fn inout<'a>(ptr: *mut u8, len: usize) -> &'a mut [u8] {
    if len == 0 || ptr.is_null() {
        &mut []
    } else {
        std::slice::from_raw_parts_mut(ptr, len)
    }
}

/// A fixed-size array read from memory.
///
/// # Safety
/// `ptr..ptr+N` must lie in memory that TypeScript allocated.
pub unsafe fn array<const N: usize>(ptr: *const u8) -> [u8; N] {
    let mut a = [0u8; N];
    a.copy_from_slice(input(ptr, N));
    a
}
