//! # gongwen-wasm
//!
//! The JavaScript API of Gongwen Lens, for callers other than our own page
//! (which uses the core directly from Rust).
//!
//! **API boundary:** this is the only place where core results become
//! JavaScript values (through `serde-wasm-bindgen`, JSON-compatible: `null` for
//! absent values, plain objects for maps) and core errors become `Error`s. The
//! values are the CLI's records (`gongwen_core::report`), so `analyze` returns
//! exactly what `gongwen outline --json` and `gongwen words --json` print for
//! the same file.

use std::cell::OnceCell;

use gongwen_core::report::{DEFAULT_TOP_WORDS, OutlineRecord, WordsRecord};
use gongwen_core::{Segmenter, analyze_report};
use serde::Serialize;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The segmenter, built on first use: loading the dictionary takes about
    /// half a second in wasm, so it is done once per module instance.
    static SEGMENTER: OnceCell<Result<Segmenter, String>> = const { OnceCell::new() };
}

/// What [`analyze`] returns for one file.
#[derive(Serialize)]
struct Analysis {
    /// Equal to the file's element of `gongwen outline --json`.
    outline: OutlineRecord,
    /// Equal to `gongwen words --json` for this file alone (top 100; no
    /// distinctive words, since there is no rest of the set to compare with).
    words: WordsRecord,
}

/// Analyses one report: `{ outline, words }`, the same data the CLI prints for
/// the file. Throws an `Error` with the CLI's message when the bytes are not
/// text.
#[wasm_bindgen]
pub fn analyze(name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    SEGMENTER.with(|cell| {
        let segmenter = cell
            .get_or_init(|| Segmenter::new().map_err(|error| error.to_string()))
            .as_ref()
            .map_err(|message| JsError::new(message))?;
        let analysis = analyze_report(name, bytes, segmenter).map_err(|error| JsError::new(&error.to_string()))?;
        let result = Analysis {
            outline: OutlineRecord::from_analysis(&analysis),
            words: WordsRecord::for_set(std::slice::from_ref(&analysis), DEFAULT_TOP_WORDS).remove(0),
        };
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        result.serialize(&serializer).map_err(|error| JsError::new(&error.to_string()))
    })
}

/// Builds the segmenter now instead of on the first [`analyze`] call, so a
/// caller can pay the dictionary's load time up front (e.g. in a worker).
#[wasm_bindgen]
pub fn prepare() -> Result<(), JsError> {
    SEGMENTER.with(|cell| {
        cell.get_or_init(|| Segmenter::new().map_err(|error| error.to_string()))
            .as_ref()
            .map(|_| ())
            .map_err(|message| JsError::new(message))
    })
}
