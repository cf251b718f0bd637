//! Fuzzes text decoding and the content sniffer: any bytes give text, a
//! known format or a `ReadError`, never a panic.
#![no_main]

use gongwen_core::ReadLimits;
use gongwen_core::decode::decode_bytes;
use gongwen_core::source::read_source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = decode_bytes(bytes);
    let _ = read_source("input.txt", bytes, &ReadLimits::default());
});
