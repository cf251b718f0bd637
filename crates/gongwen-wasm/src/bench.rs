//! Entry points of the in-browser benchmark (`www/bench.html`, built by
//! `.ci/build-bench` with the `bench` feature): the same texts through raw
//! jieba-rs `cut` with HMM, as `jieba-wasm` cuts, over the core's dictionary
//! (jieba-rs's own, part-of-speech tags stripped; no lexicon), and through the per-report pipeline the page's analysis worker runs
//! (`analyze_report`: decode, clean, outline, segmentation with the lexicon,
//! words, formulations, themes, figures, structure, lint; TextRank is computed
//! for the report a reviewer opens, in the keyness worker, and is not part of it). Each returns a
//! count so that the work cannot be optimised away and results cross the
//! boundary as one number, not as JavaScript objects.

use std::cell::OnceCell;

use gongwen_core::analyze_report;
use jieba_rs::Jieba;
use wasm_bindgen::prelude::*;

/// The core's copy of jieba's dictionary, as plain text.
const DICTIONARY: &str = include_str!("../../gongwen-core/data/jieba-dict.txt");

/// A plain jieba-rs over [`DICTIONARY`]; the error when jieba rejects it
/// (timing an empty dictionary would measure nothing).
fn raw_jieba() -> Result<Jieba, String> {
    Jieba::with_dict(&mut DICTIONARY.as_bytes()).map_err(|error| format!("jieba dictionary: {error}"))
}

thread_local! {
    static RAW_JIEBA: OnceCell<Result<Jieba, String>> = const { OnceCell::new() };
}

/// Loads both dictionaries now, so that timings leave the load out.
#[wasm_bindgen(js_name = benchPrepare)]
pub fn bench_prepare() -> Result<(), JsError> {
    RAW_JIEBA.with(|cell| cell.get_or_init(raw_jieba).as_ref().map(|_| ()).map_err(|message| JsError::new(message)))?;
    crate::prepare()
}

/// Raw jieba-rs `cut` of `text` with HMM: the number of words.
#[wasm_bindgen(js_name = benchCut)]
pub fn bench_cut(text: &str) -> Result<usize, JsError> {
    RAW_JIEBA.with(|cell| match cell.get_or_init(raw_jieba) {
        Ok(jieba) => Ok(jieba.cut(text, true).len()),
        Err(message) => Err(JsError::new(message)),
    })
}

/// The page's per-report analysis of `bytes`, with the module's segmenter
/// ([`crate::with_segmenter`]), as the page's analysis worker computes it for
/// every report: the number of counted words (0 for a file that cannot be
/// read).
#[wasm_bindgen(js_name = benchAnalyze)]
pub fn bench_analyze(name: &str, bytes: &[u8]) -> Result<usize, JsError> {
    crate::with_segmenter(|segmenter| {
        Ok(analyze_report(name, bytes, segmenter).map_or(0, |analysis| analysis.words.tokens))
    })
}
