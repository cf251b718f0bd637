//! LEB128, the variable-length integers of the core's packed data (the
//! built-in dictionary's frequencies, a report's packed occurrences): seven
//! bits a byte, least significant first, the high bit set on every byte but
//! the last.

/// Appends `value`.
pub(crate) fn write(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Reads one integer from the front of `bytes` and moves past it; `None` at
/// the end, or on a truncated or overlong integer.
pub(crate) fn read(bytes: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}
