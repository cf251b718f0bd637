//! Fuzzes the .docx reader (ZIP container, XML walk, styles, numbering).
#![no_main]

use gongwen_core::ReadLimits;
use gongwen_core::source::docx::read_docx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = read_docx(bytes, &ReadLimits::default());
});
