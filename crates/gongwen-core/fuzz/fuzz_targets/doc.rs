//! Fuzzes the Word 97–2003 reader (compound file, FIB, piece table).
#![no_main]

use gongwen_core::ReadLimits;
use gongwen_core::source::doc::read_doc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = read_doc(bytes, &ReadLimits::default());
});
