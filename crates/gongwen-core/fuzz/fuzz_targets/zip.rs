//! Fuzzes unpacking a ZIP archive of reports within the limits.
#![no_main]

use gongwen_core::ReadLimits;
use gongwen_core::source::archive::unpack_reports;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let limits = ReadLimits { max_unpacked_bytes: 8 << 20, ..ReadLimits::default() };
    let _ = unpack_reports(bytes, &limits);
});
