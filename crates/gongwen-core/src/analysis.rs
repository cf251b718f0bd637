//! The whole per-report pipeline in one call: bytes → [`decode`] → [`clean`]
//! → [`outline`] → [`words`].
//!
//! [`decode`]: crate::decode
//! [`clean`]: crate::clean
//! [`outline`]: crate::outline
//! [`words`]: crate::words

use serde::{Deserialize, Serialize};

use crate::clean::{CleanedText, clean_document};
use crate::decode::{DecodeError, Encoding, decode_bytes};
use crate::diagnostic::Diagnostic;
use crate::outline::{Outline, extract_outline};
use crate::segment::Segmenter;
use crate::source::SourceFormat;
use crate::words::{WordFrequencies, count_words};

/// Everything the core knows about one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAnalysis {
    /// The file's name or path as the caller gave it.
    pub name: String,
    /// The encoding its bytes were decoded from.
    pub encoding: Encoding,
    /// The source format (plain text, Markdown, HTML).
    pub format: SourceFormat,
    /// The cleaned text, with the map to source lines and what was removed.
    pub cleaned: CleanedText,
    /// The document model.
    pub outline: Outline,
    /// Word frequencies.
    pub words: WordFrequencies,
    /// Findings about the file as a whole (the outline keeps its own).
    pub notes: Vec<Diagnostic>,
}

impl ReportAnalysis {
    /// Every diagnostic: the file's own notes, then the outline's.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.notes.iter().chain(&self.outline.diagnostics)
    }
}

/// Analyses one report's bytes. Fails only when the bytes are not text.
pub fn analyze_report(name: &str, bytes: &[u8], segmenter: &Segmenter) -> Result<ReportAnalysis, DecodeError> {
    let decoded = decode_bytes(bytes)?;
    let format = SourceFormat::detect(name, &decoded.text);
    let cleaned = clean_document(&decoded.text, format);
    let outline = extract_outline(&cleaned);
    let words = count_words(segmenter, &cleaned, &outline);
    let mut notes = Vec::new();
    if cleaned.text.trim().is_empty() {
        notes.push(Diagnostic::warning("empty", "文件没有正文内容", None));
    }
    Ok(ReportAnalysis { name: name.to_owned(), encoding: decoded.encoding, format, cleaned, outline, words, notes })
}
