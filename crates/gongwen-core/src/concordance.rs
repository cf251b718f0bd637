//! The concordance (KWIC, key word in context): every occurrence of a word with
//! its left and right context, its source line and the section it is in.
//!
//! The lines are every occurrence of the string in the text — what a
//! reader's Ctrl-F finds, so the total never depends on the stopwords — plus,
//! for a counted word, the occurrences of its lexicon variants (`两个维护`
//! finds `“两个维护”` written otherwise). A match inside a longer counted
//! word (`党组` in `党组织`) is listed and marked with that word. Contexts stop
//! at the paragraph's edges and are measured in characters.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::analysis::ReportAnalysis;
use crate::clean::CleanedText;
use crate::outline::{Heading, Outline};
use crate::text::TextRange;
use crate::words::{Occurrence, WordFrequencies};

/// What a concordance reads of a report: its text, outline and counted
/// words. An analysed report gives it ([`From<&ReportAnalysis>`]); so does
/// a report read and its words counted alone
/// ([`ReadReport::concordance_text`](crate::ReadReport::concordance_text):
/// the CLI's `kwic`, which needs neither figures nor lint).
#[derive(Debug, Clone)]
pub struct ConcordanceText<'a> {
    /// The cleaned text.
    pub cleaned: &'a CleanedText,
    /// Its outline, for each line's section.
    pub outline: &'a Outline,
    /// Its word frequencies, for a word's variants.
    pub words: &'a WordFrequencies,
    /// Every counted occurrence, in text order (unpacked from an
    /// analysis's [`PackedOccurrences`](crate::words::PackedOccurrences)).
    pub occurrences: Cow<'a, [Occurrence]>,
}

impl<'a> From<&'a ReportAnalysis> for ConcordanceText<'a> {
    /// What a concordance reads of an analysis, its occurrences unpacked
    /// (tens of microseconds a report).
    fn from(analysis: &'a ReportAnalysis) -> Self {
        Self {
            cleaned: &analysis.cleaned,
            outline: &analysis.outline,
            words: &analysis.words,
            occurrences: Cow::Owned(analysis.occurrences.unpack()),
        }
    }
}

/// One line of a concordance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConcordanceLine {
    /// Byte range of the match in the cleaned text.
    pub range: TextRange,
    /// 1-based source line of the match.
    pub line: u32,
    /// Up to `width` characters before the match, within its paragraph.
    pub left: String,
    /// The match as written.
    pub matched: String,
    /// Up to `width` characters after the match, within its paragraph.
    pub right: String,
    /// Index of the innermost heading whose section holds the match.
    pub heading: Option<usize>,
    /// That heading as `marker` + `title`.
    pub section: Option<String>,
    /// The longer counted word the match is part of (`党组织` for `党组`),
    /// if it is part of one.
    pub inside_word: Option<String>,
}

/// Every occurrence of `word` in a report, with `width` characters of context
/// on each side.
pub fn concordance<'a>(report: impl Into<ConcordanceText<'a>>, word: &str, width: usize) -> Vec<ConcordanceLine> {
    let analysis = report.into();
    let word = word.trim();
    if word.is_empty() {
        return Vec::new();
    }
    let mut ranges = text_matches(&analysis.cleaned.text, word);
    if let Some(index) = analysis.words.index_of(word) {
        // The word's variants, which the string itself does not find.
        ranges.extend(
            analysis
                .occurrences
                .iter()
                .filter(|occurrence| occurrence.word as usize == index)
                .map(|occurrence| occurrence.range)
                .filter(|range| range.slice(&analysis.cleaned.text) != word),
        );
        ranges.sort();
        ranges.dedup_by(|later, earlier| later.start < earlier.end);
    }
    ranges
        .into_iter()
        .map(|range| {
            let mut line = line_for(analysis.cleaned, analysis.outline, range, width);
            line.inside_word = containing_word(&analysis, range);
            line
        })
        .collect()
}

/// The counted word whose occurrence holds `range` and is longer than it.
fn containing_word(analysis: &ConcordanceText<'_>, range: TextRange) -> Option<String> {
    let occurrences = &analysis.occurrences;
    let after = occurrences.partition_point(|occurrence| occurrence.range.start <= range.start);
    let occurrence = occurrences.get(after.checked_sub(1)?)?;
    let holds = occurrence.range.end >= range.end && occurrence.range.len() > range.len();
    if !holds {
        return None;
    }
    analysis.words.counts.get(occurrence.word as usize).map(|count| count.word.to_string())
}

/// The concordance lines of given byte `ranges` of a report's cleaned text
/// (a search's hits), `width` characters of context on each side, in the
/// sections of its `outline`. Ranges must lie on character boundaries, as a
/// search's do. Lines at given places need no word occurrences.
pub fn lines_at(cleaned: &CleanedText, outline: &Outline, ranges: &[TextRange], width: usize) -> Vec<ConcordanceLine> {
    ranges.iter().map(|&range| line_for(cleaned, outline, range, width)).collect()
}

/// Non-overlapping occurrences of `needle` in `text`.
pub fn text_matches(text: &str, needle: &str) -> Vec<TextRange> {
    text.match_indices(needle).map(|(start, found)| TextRange::new(start, start + found.len())).collect()
}

fn line_for(cleaned: &CleanedText, outline: &Outline, range: TextRange, width: usize) -> ConcordanceLine {
    let paragraph = cleaned.lines[cleaned.line_index_at(range.start)].range;
    let before = &cleaned.text[paragraph.start..range.start];
    let after = &cleaned.text[range.end..paragraph.end.max(range.end)];
    let left_start = before.char_indices().rev().nth(width.saturating_sub(1)).map_or(0, |(at, _)| at);
    let left = if width == 0 { "" } else { &before[left_start..] };
    let right: String = after.chars().take(width).collect();
    let heading = innermost_heading(&outline.headings, range.start);
    ConcordanceLine {
        range,
        line: cleaned.source_line_at(range.start),
        left: left.to_owned(),
        matched: range.slice(&cleaned.text).to_owned(),
        right,
        heading,
        section: heading.map(|index| {
            let heading = &outline.headings[index];
            format!("{}{}", heading.marker, heading.title)
        }),
        inside_word: None,
    }
}

/// The deepest heading whose section contains `offset`, points included.
/// Sections nest (a section runs to the next heading that is not its
/// descendant), so of the headings starting at or before `offset`, the
/// latest-starting one that still runs past it is the deepest: a binary
/// search, then a short walk back.
pub fn innermost_heading(headings: &[Heading], offset: usize) -> Option<usize> {
    let started = headings.partition_point(|h| h.section.start <= offset);
    (0..started).rev().find(|&i| offset < headings[i].section.end.max(headings[i].section.start + 1))
}
