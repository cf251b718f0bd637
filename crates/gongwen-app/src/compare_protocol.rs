//! The messages between the page and the comparison worker, which compares
//! the loaded reports with each other (shared passages, similarity) off the
//! page's thread. Like the analysis worker's, they cross `postMessage` as
//! postcard bytes ([`crate::protocol::encode`], [`crate::protocol::decode`]).
//!
//! The page sends what a comparison needs of each report — its name,
//! cleaned text, the map to source lines and its headings — not the whole
//! analysis. Two requests: a set of reports compared with each other
//! ([`ToCompareWorker::Compare`]), and a report against an earlier year's
//! ([`ToCompareWorker::CompareYears`], 对照). A comparison is cancelled by
//! terminating the worker; the next request starts a new one.
//!
//! A third instance of the module keeps every report's word frequencies
//! ([`ToCompareWorker::SetWords`], [`ToCompareWorker::ForgetWords`]) and
//! answers the keyness panel's questions ([`ToCompareWorker::Keyness`]), so
//! that distinctive words and TF-IDF over a thousand reports never run on the
//! page's thread ([`crate::set_analyses`]).

use gongwen_core::analysis::ReportAnalysis;
use gongwen_core::clean::{CleanLine, CleanedText};
use gongwen_core::compare::year_over_year::YearComparison;
use gongwen_core::compare::{CompareProgress, CompareSettings, CompareText, Comparison};
use gongwen_core::keyness::WordSequence;
use gongwen_core::outline::Heading;
use gongwen_core::source::LineHint;
use gongwen_core::text::TextRange;
use gongwen_core::vocabulary::UserVocabulary;
use gongwen_core::words::WordFrequencies;
use serde::{Deserialize, Serialize};

use crate::protocol::ReportId;
use crate::set_analyses::KeynessLists;

/// What the comparison worker needs of one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareInput {
    /// The file's name.
    pub name: String,
    /// The cleaned text.
    pub text: String,
    /// Each cleaned line's range and source line.
    pub lines: Vec<(TextRange, u32)>,
    /// Where a cleaned line moves on to a later source line.
    pub source_breaks: Vec<(usize, u32)>,
    /// The outline's headings.
    pub headings: Vec<Heading>,
}

impl CompareInput {
    /// The input of an analysed report.
    pub fn of(analysis: &ReportAnalysis) -> Self {
        Self {
            name: analysis.name.clone(),
            text: analysis.cleaned.text.clone(),
            lines: analysis.cleaned.lines.iter().map(|line| (line.range, line.source_line)).collect(),
            source_breaks: analysis.cleaned.source_breaks.clone(),
            headings: analysis.outline.headings.clone(),
        }
    }
}

/// A report as the comparison worker compares it: the input with its
/// cleaned text as the core's type (line hints are not needed), the text
/// moved, not copied (a thousand reports' texts are tens of megabytes).
#[derive(Debug, Clone, PartialEq)]
pub struct ComparedInput {
    /// The file's name.
    pub name: String,
    /// The cleaned text.
    pub cleaned: CleanedText,
    /// The outline's headings.
    pub headings: Vec<Heading>,
}

impl From<CompareInput> for ComparedInput {
    fn from(input: CompareInput) -> Self {
        let CompareInput { name, text, lines, source_breaks, headings } = input;
        let lines = lines
            .into_iter()
            .map(|(range, source_line)| CleanLine { range, source_line, hint: LineHint::Plain })
            .collect();
        Self { name, cleaned: CleanedText { text, lines, removed: Vec::new(), source_breaks }, headings }
    }
}

impl ComparedInput {
    /// What the core's comparison reads of it.
    pub fn text(&self) -> CompareText<'_> {
        CompareText { name: &self.name, cleaned: &self.cleaned, headings: &self.headings }
    }
}

/// From the page to the comparison worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ToCompareWorker {
    /// Compare these reports.
    Compare {
        /// The page's number for the request, echoed in every answer.
        request: u32,
        /// The reports, in the page's order.
        reports: Vec<CompareInput>,
        /// Template files (模板 / 上级文件).
        templates: Vec<CompareInput>,
        /// How to compare.
        settings: CompareSettings,
        /// The user's vocabulary: its added terms are formulations too.
        vocabulary: UserVocabulary,
    },
    /// Compare a later report with an earlier one (对照).
    CompareYears {
        /// The page's number for the request, echoed in the answer.
        request: u32,
        /// The later report.
        current: CompareInput,
        /// The earlier report.
        previous: CompareInput,
        /// The shortest kept passage, in compared characters.
        min_chars: usize,
    },
    /// Keep report `id`'s word frequencies (replacing any kept before).
    SetWords {
        /// The report.
        id: ReportId,
        /// Its words.
        words: WordFrequencies,
    },
    /// Drop these reports' word frequencies.
    ForgetWords {
        /// The reports.
        ids: Vec<ReportId>,
    },
    /// Compute a report's lists against the words kept, and its TextRank
    /// keywords from its word sequence.
    Keyness {
        /// The page's number for the request, echoed in the answer.
        request: u32,
        /// The report whose lists to compute.
        id: ReportId,
        /// Its counted words in text order with their paragraphs, for
        /// TextRank (sent with the question, not kept: it is read once).
        sequence: WordSequence,
    },
    /// Compute every kept report's first distinctive words (the overview's
    /// column).
    DistinctiveTops {
        /// The page's number for the request, echoed in the answer.
        request: u32,
    },
}

/// From the comparison worker to the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum FromCompareWorker {
    /// The worker's module is running.
    Ready,
    /// A step of request `request` is under way.
    Progress {
        /// The request.
        request: u32,
        /// Where it stands.
        progress: CompareProgress,
    },
    /// Request `request` is done.
    Compared {
        /// The request.
        request: u32,
        /// The comparison.
        comparison: Box<Comparison>,
        /// How long it took, in milliseconds.
        millis: f64,
        /// The worker's wasm memory afterwards, in bytes (its high-water
        /// mark: wasm memory never shrinks).
        memory_bytes: u64,
    },
    /// Keyness request `request` is done: the lists, or `None` if the
    /// report's words were not kept.
    Keyness {
        /// The request.
        request: u32,
        /// The lists.
        lists: Option<KeynessLists>,
    },
    /// Request `request` for every report's first distinctive words is done.
    DistinctiveTops {
        /// The request.
        request: u32,
        /// Each kept report's words, highest G² first.
        tops: Vec<(ReportId, Vec<String>)>,
    },
    /// Year-over-year request `request` is done.
    YearsCompared {
        /// The request.
        request: u32,
        /// What the later report kept, edited, added and dropped.
        comparison: YearComparison,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report compared keeps its input's text, lines, line breaks and
    /// headings, as the comparison read them when they were copied.
    #[test]
    fn an_input_is_compared_with_its_own_text() {
        let limits = gongwen_core::ReadLimits::default();
        let source = "一、总体情况\r\n坚持“两个维护”，落实主体责任。\r\n二、下一步打算\r\n持续深化。";
        let read = gongwen_core::read_report("a.txt", source.as_bytes(), &limits).expect("read");
        let lines: Vec<(TextRange, u32)> =
            read.cleaned.lines.iter().map(|line| (line.range, line.source_line)).collect();
        let input = CompareInput {
            name: read.name.clone(),
            text: read.cleaned.text.clone(),
            lines: lines.clone(),
            source_breaks: read.cleaned.source_breaks.clone(),
            headings: read.outline.headings.clone(),
        };
        let compared = ComparedInput::from(input);
        assert_eq!(compared.cleaned.text, read.cleaned.text);
        assert_eq!(compared.cleaned.source_breaks, read.cleaned.source_breaks);
        let compared_lines: Vec<(TextRange, u32)> =
            compared.cleaned.lines.iter().map(|line| (line.range, line.source_line)).collect();
        assert_eq!(compared_lines, lines);
        assert!(compared.cleaned.lines.iter().all(|line| line.hint == LineHint::Plain));
        assert_eq!(compared.headings.len(), 2, "the sample has two headings");
        let text = compared.text();
        assert_eq!((text.name, text.headings), ("a.txt", read.outline.headings.as_slice()));
    }
}
