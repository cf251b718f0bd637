//! The machine-readable report records the CLI prints and the wasm API
//! returns: `gongwen outline --json` and `gongwen words --json`.
//!
//! **API boundary:** these shapes are contracts other tools rely on. Fields may
//! be added; none is ever renamed or removed. Both the CLI and the wasm crate
//! serialise these same structs, which is what makes their output identical.

use serde::{Deserialize, Serialize};

use crate::analysis::ReportAnalysis;
use crate::clean::RemovedNoise;
use crate::decode::Encoding;
use crate::diagnostic::Diagnostic;
use crate::outline::{DocumentTitle, HeadingKind};
use crate::source::SourceFormat;
use crate::words::WordCount;

/// The default number of words in [`WordsRecord::top`].
pub const DEFAULT_TOP_WORDS: usize = 100;

/// One file's outline, as `gongwen outline --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineRecord {
    /// The file's path as given.
    pub file: String,
    /// The detected encoding.
    pub encoding: Encoding,
    /// The document title line, if any.
    pub title: Option<String>,
    /// The source format: `"plain_text"`, `"markdown"` or `"html"` (added field).
    pub format: SourceFormat,
    /// The title block's subtitle line, if any (added field).
    pub subtitle: Option<String>,
    /// The title block's speaker or author line, if any (added field).
    pub author: Option<String>,
    /// The title block's date line, if any (added field).
    pub date: Option<String>,
    /// The headings in document order.
    pub headings: Vec<HeadingRecord>,
    /// Site marks and invisible characters removed by cleaning (added field).
    pub noise: Vec<RemovedNoise>,
    /// What the analysis found odd (added field).
    pub diagnostics: Vec<Diagnostic>,
}

/// One heading in an [`OutlineRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadingRecord {
    /// Depth in the tree, from 1.
    pub level: u32,
    /// Marker family.
    pub kind: HeadingKind,
    /// The marker as written; `""` for a closing part.
    pub marker: String,
    /// The marker's number, if it has one.
    pub number: Option<u32>,
    /// The title.
    pub title: String,
    /// 1-based source line.
    pub line: u32,
    /// Whether body text follows on the same line.
    pub inline: bool,
    /// Index of the parent heading.
    pub parent: Option<usize>,
    /// Characters in the section, whitespace not counted (added field).
    pub chars: usize,
    /// Points (`一是` …) among the section's descendants (added field).
    pub points: usize,
}

/// One file's word frequencies, as `gongwen words --json` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordsRecord {
    /// The file's path as given.
    pub file: String,
    /// Number of counted words.
    pub tokens: usize,
    /// The most frequent words, most frequent first.
    pub top: Vec<WordCount>,
}

impl OutlineRecord {
    /// The record of an analysed report.
    pub fn from_analysis(analysis: &ReportAnalysis) -> Self {
        Self {
            file: analysis.name.clone(),
            encoding: analysis.encoding,
            title: text_of(&analysis.outline.title),
            format: analysis.format,
            subtitle: text_of(&analysis.outline.subtitle),
            author: text_of(&analysis.outline.author),
            date: text_of(&analysis.outline.date),
            headings: analysis
                .outline
                .headings
                .iter()
                .map(|heading| HeadingRecord {
                    level: heading.level,
                    kind: heading.kind,
                    marker: heading.marker.clone(),
                    number: heading.number,
                    title: heading.title.clone(),
                    line: heading.line,
                    inline: heading.inline,
                    parent: heading.parent,
                    chars: heading.chars,
                    points: heading.points,
                })
                .collect(),
            noise: analysis.cleaned.removed.clone(),
            diagnostics: analysis.diagnostics().cloned().collect(),
        }
    }
}

impl WordsRecord {
    /// The record of an analysed report with its `top` most frequent words.
    pub fn from_analysis(analysis: &ReportAnalysis, top: usize) -> Self {
        Self { file: analysis.name.clone(), tokens: analysis.words.tokens, top: analysis.words.top(top).to_vec() }
    }
}

fn text_of(line: &Option<DocumentTitle>) -> Option<String> {
    line.as_ref().map(|line| line.text.clone())
}
