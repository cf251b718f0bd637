//! The messages between the page and the comparison worker, which compares
//! the loaded reports with each other (shared passages, similarity) off the
//! page's thread. Like the analysis worker's, they cross `postMessage` as
//! postcard bytes ([`crate::protocol::encode`], [`crate::protocol::decode`]).
//!
//! The page sends what a comparison needs of each report — its name,
//! cleaned text, the map to source lines and its headings — not the whole
//! analysis. Two requests: a set of reports compared with each other
//! ([`ToCompareWorker::Compare`], after each text as a
//! [`ToCompareWorker::Text`]), and a report against an earlier year's
//! ([`ToCompareWorker::CompareYears`], 对照). A comparison is cancelled by
//! terminating the worker; the next request starts a new one.
//!
//! A third instance of the module keeps every report's word frequencies
//! ([`ToCompareWorker::SetWords`], [`ToCompareWorker::ForgetWords`]) and
//! answers the keyness panel's questions ([`ToCompareWorker::Keyness`]), so
//! that distinctive words and TF-IDF over a thousand reports never run on the
//! page's thread ([`crate::set_analyses`]).

use std::borrow::Cow;

use gongwen_core::analysis::ReportAnalysis;
use gongwen_core::clean::{CleanLine, CleanedText};
use gongwen_core::compare::year_over_year::YearComparison;
use gongwen_core::compare::{CompareProgress, CompareSettings, CompareText, Comparison, Passage};
use gongwen_core::keyness::WordSequence;
use gongwen_core::outline::Heading;
use gongwen_core::source::LineHint;
use gongwen_core::text::TextRange;
use gongwen_core::vocabulary::UserVocabulary;
use gongwen_core::words::WordFrequencies;
use serde::{Deserialize, Serialize};

use crate::protocol::ReportId;
use crate::set_analyses::KeynessLists;

/// What the comparison worker needs of one report. The page's borrows
/// its report's name, text, breaks and headings, which are encoded from
/// where they are (a thousand reports' texts are tens of megabytes, which a
/// copy would add to the page's memory for good: a wasm module's memory
/// never shrinks); the worker's owns what it decoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareInput<'a> {
    /// The file's name.
    pub name: Cow<'a, str>,
    /// The cleaned text.
    pub text: Cow<'a, str>,
    /// Each cleaned line's range and source line.
    pub lines: Vec<(TextRange, u32)>,
    /// Where a cleaned line moves on to a later source line.
    pub source_breaks: Cow<'a, [(usize, u32)]>,
    /// The outline's headings.
    pub headings: Cow<'a, [Heading]>,
}

impl<'a> CompareInput<'a> {
    /// The input of an analysed report, borrowed from it.
    pub fn of(analysis: &'a ReportAnalysis) -> Self {
        Self {
            name: Cow::Borrowed(&analysis.name),
            text: Cow::Borrowed(&analysis.cleaned.text),
            lines: analysis.cleaned.lines.iter().map(|line| (line.range, line.source_line)).collect(),
            source_breaks: Cow::Borrowed(&analysis.cleaned.source_breaks),
            headings: Cow::Borrowed(&analysis.outline.headings),
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

impl From<CompareInput<'_>> for ComparedInput {
    fn from(input: CompareInput<'_>) -> Self {
        let CompareInput { name, text, lines, source_breaks, headings } = input;
        let lines = lines
            .into_iter()
            .map(|(range, source_line)| CleanLine { range, source_line, hint: LineHint::Plain })
            .collect();
        let cleaned = CleanedText {
            text: text.into_owned(),
            lines,
            removed: Vec::new(),
            source_breaks: source_breaks.into_owned(),
        };
        Self { name: name.into_owned(), cleaned, headings: headings.into_owned() }
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
pub enum ToCompareWorker<'a> {
    /// One text of request `request`'s set, in order: a report, or a
    /// template file (模板 / 上级文件). Each text goes as a message of its
    /// own, so that neither the page nor the worker holds the set's texts
    /// encoded in one buffer (tens of megabytes for a thousand reports) on
    /// top of the texts themselves.
    Text {
        /// The page's number for the request its [`Compare`](Self::Compare)
        /// will have; a text of another request drops those before it.
        request: u32,
        /// Whether it is a template file.
        template: bool,
        /// The text.
        input: CompareInput<'a>,
    },
    /// Compare the texts sent for `request` (reports in the page's order).
    Compare {
        /// The page's number for the request, echoed in every answer.
        request: u32,
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
        current: CompareInput<'a>,
        /// The earlier report.
        previous: CompareInput<'a>,
        /// The shortest kept passage, in compared characters.
        min_chars: usize,
    },
    /// Keep report `id`'s word frequencies (replacing any kept before).
    SetWords {
        /// The report.
        id: ReportId,
        /// Its words: the page's, encoded where they are; the worker's,
        /// decoded as its own.
        words: Cow<'a, WordFrequencies>,
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
    /// Some of request `request`'s passages, in order, before its
    /// [`Compared`](Self::Compared): a thousand reports share hundreds of
    /// thousands of occurrences, which in one message took the page's
    /// thread over 100 ms to read and the worker a buffer of tens of
    /// megabytes to write. Their texts are left out (see
    /// [`SetComparison::passage_text`](crate::comparison::SetComparison::passage_text)).
    Passages {
        /// The request.
        request: u32,
        /// The passages.
        passages: Vec<Passage>,
    },
    /// Request `request` is done.
    Compared {
        /// The request.
        request: u32,
        /// The comparison, its passages sent before it
        /// ([`Passages`](Self::Passages)).
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
    /// headings: encoded from the page's report as they are, decoded by the
    /// worker as its own.
    #[test]
    fn an_input_is_compared_with_its_own_text() {
        let limits = gongwen_core::ReadLimits::default();
        let source = "一、总体情况\r\n坚持“两个维护”，落实主体责任。\r\n二、下一步打算\r\n持续深化。";
        let read = gongwen_core::read_report("a.txt", source.as_bytes(), &limits).expect("read");
        let lines: Vec<(TextRange, u32)> =
            read.cleaned.lines.iter().map(|line| (line.range, line.source_line)).collect();
        let input = CompareInput {
            name: Cow::Borrowed(&read.name),
            text: Cow::Borrowed(&read.cleaned.text),
            lines: lines.clone(),
            source_breaks: Cow::Borrowed(&read.cleaned.source_breaks),
            headings: Cow::Borrowed(&read.outline.headings),
        };
        // The page encodes it borrowed; the worker decodes it owned.
        let bytes = postcard::to_allocvec(&input).expect("encodes");
        let decoded: CompareInput<'static> = postcard::from_bytes(&bytes).expect("decodes");
        assert!(matches!(decoded.text, Cow::Owned(_)));
        assert_eq!(decoded, input);
        let compared = ComparedInput::from(decoded);
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
