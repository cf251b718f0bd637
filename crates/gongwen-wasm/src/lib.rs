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
//! the same file, and `compare` what `gongwen compare --json` prints.

use std::cell::OnceCell;

#[cfg(feature = "bench")]
pub mod bench;

use gongwen_core::compare::record::CompareRecord;
use gongwen_core::compare::{CompareSettings, CompareText, compare_texts};
use gongwen_core::lexicon::Lexicon;
use gongwen_core::report::{DEFAULT_TOP_WORDS, OutlineRecord, WordsRecord};
use gongwen_core::{ReadLimits, ReadReport, Segmenter, analyze_report, read_report};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The segmenter, built on first use: loading the dictionary takes about
    /// half a second in wasm, so it is done once per module instance.
    static SEGMENTER: OnceCell<Result<Segmenter, String>> = const { OnceCell::new() };
}

/// Runs `work` with this module's segmenter, built on first use; an
/// `Error` when the segmenter cannot be built.
pub(crate) fn with_segmenter<T>(work: impl FnOnce(&Segmenter) -> Result<T, JsError>) -> Result<T, JsError> {
    SEGMENTER.with(|cell| {
        let segmenter = cell
            .get_or_init(|| Segmenter::new().map_err(|error| error.to_string()))
            .as_ref()
            .map_err(|message| JsError::new(message))?;
        work(segmenter)
    })
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
    with_segmenter(|segmenter| {
        let analysis = analyze_report(name, bytes, segmenter).map_err(|error| JsError::new(&error.to_string()))?;
        let result = Analysis {
            outline: OutlineRecord::of(analysis.reading()),
            words: WordsRecord::for_set(std::slice::from_ref(&analysis), DEFAULT_TOP_WORDS).remove(0),
        };
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        result.serialize(&serializer).map_err(|error| JsError::new(&error.to_string()))
    })
}

/// A file handed to [`compare`]: `{ name, bytes }`.
#[derive(Deserialize)]
struct InputFile {
    name: String,
    #[serde(with = "serde_bytes")]
    bytes: Vec<u8>,
}

/// The options of [`compare`], all optional: `{ minChars, templates,
/// excludeTemplates }`, as `gongwen compare`'s `--min-chars`, `--template`
/// and `--exclude-templates`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct CompareOptions {
    min_chars: Option<usize>,
    templates: Vec<InputFile>,
    exclude_templates: bool,
}

/// A file [`compare`] could not read, with the CLI's message.
#[derive(Serialize)]
struct FileError {
    file: String,
    message: String,
}

/// What [`compare`] returns: the CLI's record, and the files it could not read.
#[derive(Serialize)]
struct CompareResult {
    #[serde(flatten)]
    record: CompareRecord,
    errors: Vec<FileError>,
}

/// Compares reports: `files` is an array of `{ name, bytes }` (bytes a
/// `Uint8Array`), `options` as [`CompareOptions`] or `undefined`. Returns
/// what `gongwen compare --json` prints for the same files, plus `errors`:
/// the files that could not be read, each `{ file, message }` — the other
/// files are still compared.
#[wasm_bindgen]
pub fn compare(files: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let files: Vec<InputFile> =
        serde_wasm_bindgen::from_value(files).map_err(|error| JsError::new(&error.to_string()))?;
    let options: CompareOptions = if options.is_undefined() || options.is_null() {
        CompareOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|error| JsError::new(&error.to_string()))?
    };
    // As `gongwen compare`: the comparison reads texts and headings only, so
    // the files are read, not analysed, and no segmenter is built.
    let lexicon = Lexicon::builtin().map_err(|error| JsError::new(&error.to_string()))?;
    let mut errors = Vec::new();
    let mut read = |files: &[InputFile]| -> Vec<ReadReport> {
        files
            .iter()
            .filter_map(|file| match read_report(&file.name, &file.bytes, &ReadLimits::default()) {
                Ok(read) => Some(read),
                Err(error) => {
                    errors.push(FileError { file: file.name.clone(), message: error.to_string() });
                    None
                }
            })
            .collect()
    };
    let reports = read(&files);
    let templates = read(&options.templates);
    let defaults = CompareSettings::default();
    let settings = CompareSettings {
        min_chars: options.min_chars.unwrap_or(defaults.min_chars),
        exclude_templates: options.exclude_templates,
        ..defaults
    };
    let reports: Vec<CompareText> = reports.iter().map(CompareText::from).collect();
    let templates: Vec<CompareText> = templates.iter().map(CompareText::from).collect();
    let comparison = compare_texts(&reports, &templates, &lexicon, &settings, &mut |_| {});
    let result = CompareResult { record: CompareRecord::from_comparison(&comparison, &reports, &templates), errors };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    result.serialize(&serializer).map_err(|error| JsError::new(&error.to_string()))
}

/// Builds the segmenter now instead of on the first [`analyze`] call, so a
/// caller can pay the dictionary's load time up front (e.g. in a worker).
#[wasm_bindgen]
pub fn prepare() -> Result<(), JsError> {
    with_segmenter(|_| Ok(()))
}
