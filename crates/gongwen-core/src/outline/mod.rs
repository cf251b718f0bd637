//! Phase 3, **outline**: the document model of a report — its title, preamble
//! and heading tree.
//!
//! The heading grammar is that of `DOMAIN.md` §2: line-opening markers
//! (`第一部分`, `一、`, `（一）`, `1.`, `（1）`, `①`, Markdown `#`) and points
//! (`一是`, `第一，`, `首先，`) that open a paragraph or follow `。`/`；`/`：`. A
//! heading's title runs to its first sentence end, so run-on headings
//! (`（一）突出思想引领，扎实开展主题教育。把学习……`) keep only their title.
//!
//! **Architecture invariant:** the outline is a flat `Vec<Heading>` in document
//! order with `parent: Option<usize>`; the tree is implied. A heading's parent is
//! the nearest earlier heading of a higher-ranking marker kind, so levels are
//! depths in the tree and skipped levels (`一、` straight to `一是`) need no
//! special case. An unnumbered closing paragraph after the last section
//! (`回顾过去一年……下一步……`) becomes a top-level node of kind
//! [`HeadingKind::Closing`] instead of being swallowed by the last subsection.

mod closing;
mod markers;
mod numerals;

use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::diagnostic::Diagnostic;
use crate::text::TextRange;
use markers::{MarkerMatch, enumeration_marker, line_start_marker, opens_point_after};

/// The marker family of a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingKind {
    /// `第一部分`, `第一章`, `第一节`.
    Part,
    /// `一、`.
    Chinese,
    /// `（一）` or `(一)`.
    ParenChinese,
    /// `1.`, `1．` or `1、`.
    Arabic,
    /// `（1）` or `(1)`.
    ParenArabic,
    /// `①`.
    Circled,
    /// A Markdown ATX heading, `#` to `######`.
    Markdown,
    /// A point inside a section: `一是`, `第一，`, `首先，`.
    Enumeration,
    /// The unnumbered closing part (review and plans) after the last section.
    Closing,
}

impl HeadingKind {
    /// The kind's name in the CLI's JSON (`"paren_chinese"`, …).
    pub fn label(self) -> &'static str {
        match self {
            HeadingKind::Part => "part",
            HeadingKind::Chinese => "chinese",
            HeadingKind::ParenChinese => "paren_chinese",
            HeadingKind::Arabic => "arabic",
            HeadingKind::ParenArabic => "paren_arabic",
            HeadingKind::Circled => "circled",
            HeadingKind::Markdown => "markdown",
            HeadingKind::Enumeration => "enumeration",
            HeadingKind::Closing => "closing",
        }
    }
}

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// Depth in the tree, 1 for top-level headings.
    pub level: u32,
    /// Marker family.
    pub kind: HeadingKind,
    /// The marker as written (`一、`, `（一）`, `一是`); empty for a closing part.
    pub marker: String,
    /// The marker's number (`（十二）` → 12), if it has one.
    pub number: Option<u32>,
    /// The heading's title: for a run-on heading the text up to its first
    /// sentence end; for a closing part its first sentence.
    pub title: String,
    /// 1-based line in the source file.
    pub line: u32,
    /// Whether body text follows the title on the same line.
    pub inline: bool,
    /// Index of the parent heading in [`Outline::headings`].
    pub parent: Option<usize>,
    /// Byte range of the marker in the cleaned text.
    pub marker_range: TextRange,
    /// Byte range of the title in the cleaned text.
    pub title_range: TextRange,
    /// Byte range of the whole section: from the marker to the next heading
    /// that is not a descendant, or the end of the text.
    pub section: TextRange,
}

/// The document's title line (not a heading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentTitle {
    /// The title text.
    pub text: String,
    /// 1-based source line.
    pub line: u32,
    /// Byte range in the cleaned text.
    pub range: TextRange,
}

/// The document model of one report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outline {
    /// The title line, if the report has one.
    pub title: Option<DocumentTitle>,
    /// The opening text before the first heading (after the title), if any.
    pub preamble: Option<TextRange>,
    /// Headings in document order; the tree is given by `parent`.
    pub headings: Vec<Heading>,
    /// What the outline found odd.
    pub diagnostics: Vec<Diagnostic>,
}

/// A heading found while scanning, before the tree is built.
#[derive(Debug, Clone)]
struct Candidate {
    kind: HeadingKind,
    /// Rank of the marker family: a smaller rank is a higher level.
    rank: u8,
    marker_range: TextRange,
    title_range: TextRange,
    number: Option<u32>,
    inline: bool,
    line_index: usize,
    /// Whether the marker is an ordinal word (`首先，` … `最后，`).
    ordinal_word: bool,
}

/// Ranks of the marker families, highest first. Markdown headings rank above
/// everything by their `#` count; points rank below every numbered family.
fn rank_of(marker: &MarkerMatch) -> u8 {
    match marker.kind {
        HeadingKind::Markdown => marker.depth.saturating_sub(1),
        HeadingKind::Part => 10,
        HeadingKind::Chinese => 11,
        HeadingKind::ParenChinese => 12,
        HeadingKind::Arabic => 13,
        HeadingKind::ParenArabic => 14,
        HeadingKind::Circled => 15,
        HeadingKind::Enumeration => 16,
        HeadingKind::Closing => 11,
    }
}

/// Where a heading's title stops.
#[derive(Clone, Copy)]
enum TitleEnd {
    /// At a sentence end: `。`, `！`, `？`.
    Sentence,
    /// Also at a clause end `；`, as points often run `一是……；二是……`.
    Clause,
}

impl TitleEnd {
    fn is_end(self, c: char) -> bool {
        match self {
            TitleEnd::Sentence => matches!(c, '。' | '！' | '？' | '!' | '?'),
            TitleEnd::Clause => matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';'),
        }
    }
}

/// Characters trimmed from the end of a title.
const TITLE_TRAILING: &[char] = &['：', ':', '，', ',', '；', ';', '、', ' ', '\u{3000}'];

/// Extracts the outline of cleaned text. Never fails: odd input gives fewer
/// headings and diagnostics.
pub fn extract_outline(cleaned: &CleanedText) -> Outline {
    let title = detect_title(cleaned);
    let title_line = title.as_ref().map(|(_, index)| *index);
    let mut candidates = Vec::new();
    for (line_index, line) in cleaned.lines.iter().enumerate() {
        let text = line.range.slice(&cleaned.text);
        if text.is_empty() || Some(line_index) == title_line {
            continue;
        }
        let base = line.range.start;
        let mut body_start = 0;
        if let Some(marker) = line_start_marker(text) {
            let (candidate, body) =
                read_heading(text, base, line_index, &marker, TitleEnd::Sentence);
            body_start = body;
            candidates.push(candidate);
        }
        collect_points(text, base, line_index, body_start, &mut candidates);
    }
    keep_complete_ordinal_sequences(&mut candidates);
    if let Some(closing) = closing::detect_closing(cleaned, &candidates, title_line) {
        let at = candidates.partition_point(|c| c.marker_range.start < closing.marker_range.start);
        candidates.insert(at, closing);
    }

    let mut outline = Outline {
        preamble: preamble_range(cleaned, title_line, candidates.first()),
        title: title.map(|(title, _)| title),
        headings: build_tree(cleaned, &candidates),
        diagnostics: Vec::new(),
    };
    if outline.headings.is_empty() && !cleaned.text.trim().is_empty() {
        outline.diagnostics.push(Diagnostic::warning(
            "no-headings",
            "没有识别到任何标题（如“一、”“（一）”“一是”），大纲为空",
            None,
        ));
    }
    outline
}

/// Reads a heading whose marker starts `text` (a line, or the rest of a
/// paragraph for points). Returns the candidate and the byte offset in `text`
/// where its body starts.
fn read_heading(
    text: &str,
    base: usize,
    line_index: usize,
    marker: &MarkerMatch,
    end: TitleEnd,
) -> (Candidate, usize) {
    let after_marker = &text[marker.len..];
    let title_start = marker.len + (after_marker.len() - after_marker.trim_start().len());
    let rest = &text[title_start..];
    let (title_len, body_start) = match rest.char_indices().find(|&(_, c)| end.is_end(c)) {
        Some((at, c)) => (at, title_start + at + c.len_utf8()),
        None => (rest.len(), text.len()),
    };
    let mut title = &rest[..title_len];
    if marker.kind == HeadingKind::Markdown {
        title = title.trim_end_matches('#');
    }
    let title = title.trim_end_matches(TITLE_TRAILING);
    let candidate = Candidate {
        kind: marker.kind,
        rank: rank_of(marker),
        marker_range: TextRange::new(base, base + marker.len),
        title_range: TextRange::new(base + title_start, base + title_start + title.len()),
        number: marker.number,
        inline: !text[body_start..].trim().is_empty(),
        line_index,
        ordinal_word: markers::is_ordinal_word_marker(&text[..marker.len]),
    };
    (candidate, body_start)
}

/// Finds the points (`一是`, `第一，`, `首先，`) in a paragraph from byte
/// `from` on: at the paragraph start (when no other marker opens the line) or
/// right after a sentence or clause end.
fn collect_points(
    text: &str,
    base: usize,
    line_index: usize,
    from: usize,
    candidates: &mut Vec<Candidate>,
) {
    let mut at = from;
    while at < text.len() {
        let starts_point = if at == 0 {
            true
        } else {
            follows_clause_end(&text[..at])
        };
        let marker = if starts_point {
            enumeration_marker(&text[at..])
        } else {
            None
        };
        if let Some(marker) = marker {
            let (candidate, body) = read_heading(
                &text[at..],
                base + at,
                line_index,
                &marker,
                TitleEnd::Clause,
            );
            candidates.push(candidate);
            // Resume at the title's end so that the next point is seen
            // right after its `。` or `；`.
            at += body.max(marker.len);
            continue;
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
}

/// Whether text ends with a sentence or clause end, possibly followed by a
/// closing quote or bracket (`……。”二是`).
fn follows_clause_end(before: &str) -> bool {
    let mut chars = before.chars().rev();
    match chars.next() {
        Some(c) if opens_point_after(c) => true,
        Some('”' | '’' | '）' | ')' | '」' | '』') => {
            chars.next().is_some_and(opens_point_after)
        }
        _ => false,
    }
}

/// Drops ordinal-word points (`首先，` … `最后，`) whose section does not hold
/// a real sequence: a lone `最后，` in prose is not a point.
fn keep_complete_ordinal_sequences(candidates: &mut Vec<Candidate>) {
    // The section of a point is the nearest earlier line-opening heading.
    let mut section = None;
    let sections: Vec<Option<usize>> = candidates
        .iter()
        .enumerate()
        .map(|(index, candidate)| {
            if candidate.kind != HeadingKind::Enumeration {
                section = Some(index);
            }
            section
        })
        .collect();
    let sequence_is_complete = |section: Option<usize>| {
        let ordinals = || {
            candidates
                .iter()
                .zip(&sections)
                .filter(move |(c, s)| c.ordinal_word && **s == section)
                .map(|(c, _)| c)
        };
        ordinals().any(|c| c.number == Some(1)) && ordinals().any(|c| c.number != Some(1))
    };
    let keep: Vec<bool> = candidates
        .iter()
        .zip(&sections)
        .map(|(candidate, &section)| !candidate.ordinal_word || sequence_is_complete(section))
        .collect();
    let mut keep = keep.into_iter();
    candidates.retain(|_| keep.next().unwrap_or(true));
}

/// Builds the flat tree: parents by marker rank, levels as depths, sections
/// up to the next heading that is not a descendant.
fn build_tree(cleaned: &CleanedText, candidates: &[Candidate]) -> Vec<Heading> {
    let mut headings: Vec<Heading> = Vec::with_capacity(candidates.len());
    let mut open: Vec<(usize, u8)> = Vec::new();
    for candidate in candidates {
        while open.last().is_some_and(|&(_, rank)| rank >= candidate.rank) {
            open.pop();
        }
        let parent = open.last().map(|&(index, _)| index);
        let level = parent.map_or(1, |p| headings[p].level + 1);
        open.push((headings.len(), candidate.rank));
        headings.push(Heading {
            level,
            kind: candidate.kind,
            marker: candidate.marker_range.slice(&cleaned.text).to_owned(),
            number: candidate.number,
            title: candidate.title_range.slice(&cleaned.text).to_owned(),
            line: cleaned.lines[candidate.line_index].source_line,
            inline: candidate.inline,
            parent,
            marker_range: candidate.marker_range,
            title_range: candidate.title_range,
            section: TextRange::new(candidate.marker_range.start, cleaned.text.len()),
        });
    }
    // In document order a heading's descendants follow it directly, so its
    // section ends where the next heading of its level or above starts.
    for index in 0..headings.len() {
        let level = headings[index].level;
        if let Some(next) = headings[index + 1..].iter().find(|h| h.level <= level) {
            headings[index].section.end = trim_end_offset(&cleaned.text, next.marker_range.start);
        }
    }
    headings
}

/// Moves an end offset back over the line breaks before it, so a section does
/// not end with the newline that precedes the next heading.
fn trim_end_offset(text: &str, end: usize) -> usize {
    text[..end].trim_end_matches('\n').len()
}

/// The preamble: non-empty lines after the title and before the first heading.
fn preamble_range(
    cleaned: &CleanedText,
    title_line: Option<usize>,
    first_heading: Option<&Candidate>,
) -> Option<TextRange> {
    let first_line = title_line.map_or(0, |index| index + 1);
    let end_line = first_heading.map_or(cleaned.lines.len(), |c| c.line_index);
    let lines = cleaned.lines.get(first_line..end_line)?;
    let mut non_empty = lines.iter().filter(|line| !line.range.is_empty());
    let first = non_empty.next()?;
    let last = non_empty.next_back().unwrap_or(first);
    Some(TextRange::new(first.range.start, last.range.end))
}

/// The longest line, in characters, that can be a document title.
const MAX_TITLE_CHARS: usize = 60;

/// The document title: a first non-empty line that is short, carries no
/// heading marker and no sentence punctuation, and is followed by more text.
fn detect_title(cleaned: &CleanedText) -> Option<(DocumentTitle, usize)> {
    let mut non_empty = cleaned
        .lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.range.is_empty());
    let (index, line) = non_empty.next()?;
    non_empty.next()?;
    let text = line.range.slice(&cleaned.text);
    let is_title = line_start_marker(text).is_none()
        && enumeration_marker(text).is_none()
        && text.chars().count() <= MAX_TITLE_CHARS
        && !text.contains(['。', '；', '！', '？', ';'])
        && !text.ends_with(['：', ':', '，', ',', '、']);
    is_title.then(|| {
        let title = DocumentTitle {
            text: text.to_owned(),
            line: line.source_line,
            range: line.range,
        };
        (title, index)
    })
}
