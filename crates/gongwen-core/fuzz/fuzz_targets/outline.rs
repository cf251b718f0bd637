//! Fuzzes the outline of plain text: markers, title block, contents,
//! problems and closing parts, numbering checks.
#![no_main]

use gongwen_core::clean::clean_text;
use gongwen_core::outline::extract_outline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = extract_outline(&clean_text(text));
});
