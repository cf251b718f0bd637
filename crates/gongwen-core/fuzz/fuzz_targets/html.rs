//! Fuzzes the HTML reader, then cleaning and the outline over its lines.
#![no_main]

use gongwen_core::clean::clean_document;
use gongwen_core::outline::extract_outline;
use gongwen_core::source::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let cleaned = clean_document(text, SourceFormat::Html);
    let _ = extract_outline(&cleaned);
});
