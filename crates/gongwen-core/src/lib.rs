//! # gongwen-core
//!
//! The analysis core of Gongwen Lens (公文透镜): everything that turns the bytes
//! of a Chinese work report into structure and evidence. The phases run in one
//! direction, each a pure function over plain data:
//!
//! bytes → [`decode`] → text → [`source`] lines (plain text, Markdown, HTML) →
//! [`clean`] → cleaned text + removed noise →
//! [`outline`] → document model → [`words`] (with [`segment`] and the
//! [`lexicon`]) → [`formulations`], [`themes`], [`concordance`] → set-level
//! [`keyness`] and [`compare`] (shared passages, similarity) → records for the
//! CLI and the page ([`report`], [`render`]); a researcher's word list counted
//! in every report with [`term_counts`], tables written for spreadsheets with [`csv`].
//! [`analysis::analyze_report`] runs them all for one file.
//!
//! **Architecture invariant:** the core never reads files, fetches, or touches
//! the clock or the browser: callers hand it bytes. It has no wasm-bindgen,
//! web-sys or file I/O dependency and builds for `wasm32-unknown-unknown`.

pub mod analysis;
pub mod clean;
pub mod compare;
pub mod concordance;
pub mod csv;
pub mod decode;
pub mod diagnostic;
pub mod figures;
pub mod file_name;
pub mod formulations;
pub mod keyness;
mod leb128;
pub mod lexicon;
pub mod lint;
pub mod noise;
pub mod outline;
pub mod overview;
pub mod pattern_search;
pub mod render;
pub mod report;
pub mod salutation;
pub mod segment;
pub mod source;
pub mod stopwords;
pub mod structure;
pub mod tables;
pub mod term_counts;
pub mod text;
pub mod themes;
pub mod vocabulary;
pub mod words;
pub mod xlsx;

pub use analysis::{
    ReadReport, Reading, ReportAnalysis, analyze_pdf_report, analyze_report, analyze_report_within, read_report,
};
pub use decode::{DecodeError, Encoding};
pub use segment::Segmenter;
pub use source::{ReadError, ReadLimits};
