//! Secrets do not outlive the call that needed them in linear memory, which stays readable from
//! JavaScript: every heap block is zeroed when it is freed (the global allocator below), and
//! exports that handle keys zero the stack their frames used before returning ([`wiping`]).
//! TypeScript zeroes its own scratch copies (core/wasm.ts `wipe`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{compiler_fence, Ordering};

/// The system allocator (dlmalloc), zeroing each block it takes back.
pub struct ZeroingAllocator;

unsafe impl GlobalAlloc for ZeroingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        zero(ptr, layout.size());
        System.dealloc(ptr, layout)
    }

    // Not the system's realloc: it may move the block and free the old one unzeroed.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let new = System.alloc(new_layout);
        if !new.is_null() {
            std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: ZeroingAllocator = ZeroingAllocator;

/// Zeroes `len` bytes at `ptr`. The fence stops the stores moving past later code; it does not
/// stop the optimiser deleting them when the memory is provably never read again (a dying local,
/// see [`wipe_stack`]). Before `System.dealloc`, which it cannot see through, they stay
/// (core/wipe_test.ts checks both).
///
/// # Safety
/// `ptr..ptr+len` must be writable.
pub unsafe fn zero(ptr: *mut u8, len: usize) {
    std::ptr::write_bytes(ptr, 0, len);
    compiler_fence(Ordering::SeqCst);
}

/// Bytes of stack zeroed after a call that handled keys: more than the deepest such call uses
/// (core/wipe_test.ts searches the whole memory for the keys afterwards).
const STACK_WIPE: usize = 16 * 1024;

/// Bytes of stack zeroed after sealing or opening a message: both use about 2 KiB (measured,
/// core/wipe_test.ts checks that nothing they wrote stays), and they run for every message, where
/// zeroing 16 KiB twice a round trip also evicts a third of the L1 data cache.
const MESSAGE_STACK_WIPE: usize = 4 * 1024;

/// Runs `f`, then zeroes the stack below this frame, where `f`'s frames held keys, round keys,
/// hash states and intermediate values.
#[inline(always)]
pub fn wiping<T>(f: impl FnOnce() -> T) -> T {
    let result = run(f);
    wipe_stack::<STACK_WIPE>();
    result
}

/// [`wiping`] for message sealing and opening, whose stack is shallow: [`MESSAGE_STACK_WIPE`].
#[inline(always)]
pub fn wiping_message<T>(f: impl FnOnce() -> T) -> T {
    let result = run(f);
    wipe_stack::<MESSAGE_STACK_WIPE>();
    result
}

#[inline(never)]
fn run<T>(f: impl FnOnce() -> T) -> T {
    f()
}

/// Where the last stack wipe was: publishing the address (a volatile store, which cannot be
/// removed) makes the area escape, so the optimiser must keep the zeroing stores; to a local
/// that is never read they are dead otherwise.
static mut LAST_WIPE: usize = 0;

#[inline(never)]
fn wipe_stack<const N: usize>() {
    let mut area = std::mem::MaybeUninit::<[u8; N]>::uninit();
    let p = area.as_mut_ptr() as *mut u8;
    unsafe {
        std::ptr::write_volatile(std::ptr::addr_of_mut!(LAST_WIPE), p as usize);
        zero(p, N);
    }
}
