//! The concordance (KWIC, key word in context): every occurrence of a word with
//! its left and right context, its source line and the section it is in.
//!
//! A word is looked up among the counted words first (so `两个维护` finds its
//! variants too, and `党组` does not match inside `党组织`); a string that is
//! not a counted word (a phrase, a stopword) is found as plain text instead.
//! Contexts stop at the paragraph's edges and are measured in characters.

use serde::{Deserialize, Serialize};

use crate::analysis::ReportAnalysis;
use crate::outline::Heading;
use crate::text::TextRange;

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
}

/// Every occurrence of `word` in a report, with `width` characters of context
/// on each side.
pub fn concordance(analysis: &ReportAnalysis, word: &str, width: usize) -> Vec<ConcordanceLine> {
    let word = word.trim();
    if word.is_empty() {
        return Vec::new();
    }
    let ranges: Vec<TextRange> = match analysis.words.index_of(word) {
        Some(index) => analysis
            .occurrences
            .iter()
            .filter(|occurrence| occurrence.word as usize == index)
            .map(|occurrence| occurrence.range)
            .collect(),
        None => text_matches(&analysis.cleaned.text, word),
    };
    ranges.into_iter().map(|range| line_for(analysis, range, width)).collect()
}

/// Non-overlapping occurrences of `needle` in `text`.
fn text_matches(text: &str, needle: &str) -> Vec<TextRange> {
    text.match_indices(needle).map(|(start, found)| TextRange::new(start, start + found.len())).collect()
}

fn line_for(analysis: &ReportAnalysis, range: TextRange, width: usize) -> ConcordanceLine {
    let cleaned = &analysis.cleaned;
    let paragraph = cleaned.lines[cleaned.line_index_at(range.start)].range;
    let before = &cleaned.text[paragraph.start..range.start];
    let after = &cleaned.text[range.end..paragraph.end.max(range.end)];
    let left_start = before.char_indices().rev().nth(width.saturating_sub(1)).map_or(0, |(at, _)| at);
    let left = if width == 0 { "" } else { &before[left_start..] };
    let right: String = after.chars().take(width).collect();
    let heading = innermost_heading(&analysis.outline.headings, range.start);
    ConcordanceLine {
        range,
        line: cleaned.source_line_at(range.start),
        left: left.to_owned(),
        matched: range.slice(&cleaned.text).to_owned(),
        right,
        heading,
        section: heading.map(|index| {
            let heading = &analysis.outline.headings[index];
            format!("{}{}", heading.marker, heading.title)
        }),
    }
}

/// The deepest heading whose section contains `offset`, points included.
pub fn innermost_heading(headings: &[Heading], offset: usize) -> Option<usize> {
    headings
        .iter()
        .enumerate()
        .filter(|(_, heading)| {
            heading.section.start <= offset && offset < heading.section.end.max(heading.section.start + 1)
        })
        .max_by_key(|(index, heading)| (heading.level, *index))
        .map(|(index, _)| index)
}
