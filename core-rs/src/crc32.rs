//! CRC32 (IEEE 802.3), as used by the "full" transport's frame checksum.

/// CRC32 of `data` (the zlib / IEEE polynomial).
pub fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

/// CRC32 of bytes that follow bytes whose CRC32 was `prev` (0 for none).
pub fn crc32_update(prev: u32, data: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(prev);
    h.update(data);
    h.finalize()
}
