//! The messages between the page and the analysis worker.
//!
//! **API boundary:** messages cross `postMessage` as JavaScript values made by
//! `serde-wasm-bindgen`; file bytes travel as a `Uint8Array`. Both ends are our
//! own Rust, so the types are shared here.

use gongwen_core::ReportAnalysis;
use gongwen_core::vocabulary::UserVocabulary;
use serde::{Deserialize, Serialize};

/// Identifies one submitted file across the round trip.
pub type ReportId = u32;

/// From the page to the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ToWorker {
    /// Use these vocabulary changes from now on and analyse every kept file
    /// again.
    Configure {
        /// The user's changes to the lexicon and stopwords.
        vocabulary: UserVocabulary,
    },
    /// Analyse one file and keep its bytes for later re-analysis.
    Analyze {
        /// The page's id for the file.
        id: ReportId,
        /// The file's name.
        name: String,
        /// The file's bytes.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// The user removed a file: drop its bytes.
    Forget {
        /// The page's id for the file.
        id: ReportId,
    },
}

/// From the worker to the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum FromWorker {
    /// The dictionary is loaded; files can be analysed.
    Ready {
        /// How long loading the dictionary took, in milliseconds.
        load_millis: f64,
    },
    /// The dictionary could not be loaded: nothing can be analysed.
    Broken {
        /// Why, in Chinese.
        message: String,
    },
    /// One file's analysis, or why it failed (in Chinese).
    Analyzed {
        /// The page's id for the file.
        id: ReportId,
        /// The analysis or the error message.
        result: Result<Box<ReportAnalysis>, String>,
        /// How long the analysis took, in milliseconds.
        millis: f64,
    },
}
