//! Phase 3, **outline**: the document model of a report — its title, preamble
//! and heading tree.
//!
//! The heading grammar is that of `DOMAIN.md` §2: line-opening markers
//! (`第一部分`, `一、`, `（一）`, `1.`, `1.1`, `（1）`, `①`, Markdown `#`) and
//! points (`一是`, `第一，`, `首先，`) that open a paragraph or follow
//! `。`/`；`/`：`. A heading's title runs to its first sentence end, so run-on
//! headings (`（一）突出思想引领，扎实开展主题教育。把学习……`) keep only their
//! title. Markup helps where there is some: `<h2>`/`##` lines rank by their
//! depth, bold-only lines are low-ranking headings.
//!
//! **Architecture invariant:** the outline is a flat `Vec<Heading>` in document
//! order with `parent: Option<usize>`; the tree is implied. A heading's parent is
//! the nearest earlier heading of a higher-ranking marker kind, so levels are
//! depths in the tree and skipped levels (`一、` straight to `一是`) need no
//! special case. An unnumbered closing paragraph after the last section
//! (`回顾过去一年……下一步……`) becomes a top-level node of kind
//! [`HeadingKind::Closing`] instead of being swallowed by the last subsection,
//! and so does a problems paragraph ([`HeadingKind::Problems`]).
//!
//! Not headings: the title block (title, subtitle, speaker, date), table of
//! contents entries, and the traps of [`markers`].

mod markers;
mod numbering;
pub(crate) mod numerals;
mod parts;
mod title;
mod toc;
mod work;

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::diagnostic::Diagnostic;
use crate::source::LineHint;
use crate::text::TextRange;
use markers::{MarkerMatch, enumeration_marker, line_start_marker, opens_point_after};
#[doc(hidden)]
pub use work::outline_steps;

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
    /// Decimal numbering: `1.1`, `3.1.1`.
    Decimal,
    /// `（1）` or `(1)`.
    ParenArabic,
    /// `①`.
    Circled,
    /// A heading marked by document markup and not by a number: Markdown
    /// `#`–`######` or a setext underline, HTML `<h1>`–`<h6>`, a Word heading
    /// style (marker `#` repeated by depth).
    Markdown,
    /// A short line that is bold and nothing else (`**项目背景：**`,
    /// `<p><strong>工作亮点</strong></p>`) and has no number: a low heading,
    /// with no marker.
    Bold,
    /// A point inside a section: `一是`, `第一，`, `首先，`.
    Enumeration,
    /// The unnumbered closing part (review and plans) after the last section.
    Closing,
    /// An unnumbered paragraph on problems and shortcomings, in a report with
    /// no problems heading.
    Problems,
}

impl HeadingKind {
    /// The kind's name in the CLI's JSON (`"paren_chinese"`, …).
    pub fn label(self) -> &'static str {
        match self {
            HeadingKind::Part => "part",
            HeadingKind::Chinese => "chinese",
            HeadingKind::ParenChinese => "paren_chinese",
            HeadingKind::Arabic => "arabic",
            HeadingKind::Decimal => "decimal",
            HeadingKind::ParenArabic => "paren_arabic",
            HeadingKind::Circled => "circled",
            HeadingKind::Markdown => "markdown",
            HeadingKind::Bold => "bold",
            HeadingKind::Enumeration => "enumeration",
            HeadingKind::Closing => "closing",
            HeadingKind::Problems => "problems",
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
    /// Characters in the section, whitespace not counted.
    pub chars: usize,
    /// Points (`一是` …) among the section's descendants.
    pub points: usize,
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
    /// A subtitle in the title block (`——在……会议上的讲话`).
    pub subtitle: Option<DocumentTitle>,
    /// The speaker or author line in the title block.
    pub author: Option<DocumentTitle>,
    /// The date line in the title block.
    pub date: Option<DocumentTitle>,
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
    /// The marker as shown: its text, or `#`/`**` for markup headings.
    marker: String,
    marker_range: TextRange,
    title_range: TextRange,
    number: Option<u32>,
    inline: bool,
    line_index: usize,
    /// Whether the marker is an ordinal word (`首先，` … `最后，`).
    ordinal_word: bool,
    /// Whether the markup marks the line as a heading (`<h2>`, `##`).
    hinted: bool,
    /// The rank of the marker family alone, whatever the markup says.
    marker_rank: u8,
}

/// Rank of a heading marked only by markup (Markdown, `<h1>`–`<h6>`): its
/// depth, above every numbered family.
fn markup_rank(depth: u8) -> u8 {
    depth.saturating_sub(1)
}

/// Rank of a bold-only line without a number: below every numbered family,
/// above points.
const BOLD_RANK: u8 = 32;

/// Ranks of the marker families, highest first; points rank lowest.
fn rank_of(marker: &MarkerMatch) -> u8 {
    match marker.kind {
        HeadingKind::Markdown => markup_rank(marker.depth),
        HeadingKind::Bold => BOLD_RANK,
        HeadingKind::Part => 10,
        HeadingKind::Chinese | HeadingKind::Closing | HeadingKind::Problems => 11,
        HeadingKind::ParenChinese => 12,
        HeadingKind::Arabic => 20,
        HeadingKind::Decimal => 20 + marker.depth.saturating_sub(1).min(9),
        HeadingKind::ParenArabic => 30,
        HeadingKind::Circled => 31,
        HeadingKind::Enumeration => 33,
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

/// The longest bold-only line, in characters, read as a heading.
const MAX_BOLD_HEADING_CHARS: usize = 50;

/// Extracts the outline of cleaned text. Never fails: odd input gives fewer
/// headings and diagnostics.
pub fn extract_outline(cleaned: &CleanedText) -> Outline {
    let title_block = title::detect_title_block(cleaned);
    let mut diagnostics = Vec::new();
    let mut candidates = Vec::new();
    for (line_index, line) in work::counted(cleaned.lines.iter().enumerate()) {
        let text = line.range.slice(&cleaned.text);
        if text.is_empty() || title_block.line_indices.contains(&line_index) || toc::is_toc_entry(text) {
            continue;
        }
        let base = line.range.start;
        let body_start = match line_heading(text, base, line_index, line.hint) {
            Some((candidate, body_start)) => {
                candidates.push(candidate);
                body_start
            }
            None => 0,
        };
        collect_points(text, base, line_index, body_start, &mut candidates);
    }
    keep_complete_ordinal_sequences(&mut candidates);
    prefer_marker_hierarchy(&mut candidates);
    align_ranks_with_markup(&mut candidates);
    if let Some((first, last)) = toc::remove_listed_contents(cleaned, &mut candidates) {
        diagnostics.push(Diagnostic::info(
            "table-of-contents",
            format!("第 {first}–{last} 行是目录，未计入大纲"),
            format!("Lines {first}–{last} are a table of contents, left out of the outline"),
            Some(first),
        ));
    }
    for part in parts::detect_unnumbered_parts(cleaned, &candidates, &title_block.line_indices) {
        let at = candidates.partition_point(|c| c.marker_range.start < part.marker_range.start);
        candidates.insert(at, part);
    }

    let headings = build_tree(cleaned, &candidates);
    diagnostics.extend(numbering::check_numbering(&headings));
    if headings.is_empty() && !cleaned.text.trim().is_empty() {
        diagnostics.push(Diagnostic::warning(
            "no-headings",
            "没有识别到任何标题（如“一、”“（一）”“一是”），大纲为空",
            "No numbered headings were recognised: the outline is empty",
            None,
        ));
    }
    let last_title_line = title_block.line_indices.last().copied();
    Outline {
        preamble: preamble_range(cleaned, last_title_line, candidates.first()),
        title: title_block.title,
        subtitle: title_block.subtitle,
        author: title_block.author,
        date: title_block.date,
        headings,
        diagnostics,
    }
}

/// The heading that opens a line, if any, with the byte offset in the line
/// where its body starts. Markup hints decide what a line without a number is.
fn line_heading(text: &str, base: usize, line_index: usize, hint: LineHint) -> Option<(Candidate, usize)> {
    // An item of a list is a point of the text, whatever number it starts with.
    if hint == LineHint::ListItem {
        return None;
    }
    let hinted = matches!(hint, LineHint::Heading { .. });
    if let Some(marker) = line_start_marker(text, hinted) {
        let (mut candidate, body_start) = read_heading(text, base, line_index, &marker, TitleEnd::Sentence);
        if let LineHint::Heading { depth } = hint {
            candidate.rank = markup_rank(depth);
            candidate.hinted = true;
        }
        return Some((candidate, body_start));
    }
    let (marker, rank) = match hint {
        LineHint::Heading { depth } => ("#".repeat(usize::from(depth)), markup_rank(depth)),
        LineHint::Bold if is_bold_heading(text) => (String::new(), BOLD_RANK),
        _ => return None,
    };
    let title = text.trim_end_matches(TITLE_TRAILING).trim_end_matches('。');
    let candidate = Candidate {
        kind: if hint == LineHint::Bold { HeadingKind::Bold } else { HeadingKind::Markdown },
        rank,
        marker,
        marker_range: TextRange::new(base, base),
        title_range: TextRange::new(base, base + title.len()),
        number: None,
        inline: false,
        line_index,
        ordinal_word: false,
        hinted: hint != LineHint::Bold,
        marker_rank: rank,
    };
    Some((candidate, text.len()))
}

/// Whether a bold-only line reads as a heading: short, one sentence at most,
/// and not a table or figure caption (`表1 ……`, `图2 ……`).
fn is_bold_heading(text: &str) -> bool {
    let caption = text
        .strip_prefix(['表', '图'])
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)));
    !caption && text.chars().count() <= MAX_BOLD_HEADING_CHARS && !text.trim_end_matches('。').contains('。')
}

/// Lets the marker hierarchy (一、 above （一） above 1.) decide levels when
/// the markup contradicts it: when two numbered families carry tags or `#`
/// counts that do not rank them as their markers do (`<h4>一、` above
/// `<h3>（一）`, or every heading a `#`), the markup's ranks are dropped for
/// numbered headings and each takes its family's rank.
fn prefer_marker_hierarchy(candidates: &mut [Candidate]) {
    let mut markup_ranks: Vec<(u8, u8)> = Vec::new();
    for candidate in
        candidates.iter().filter(|c| c.hinted && !matches!(c.kind, HeadingKind::Markdown | HeadingKind::Bold))
    {
        match markup_ranks.iter_mut().find(|(marker, _)| *marker == candidate.marker_rank) {
            Some((_, rank)) => *rank = (*rank).min(candidate.rank),
            None => markup_ranks.push((candidate.marker_rank, candidate.rank)),
        }
    }
    let contradicts = markup_ranks.iter().any(|&(marker_a, markup_a)| {
        markup_ranks.iter().any(|&(marker_b, markup_b)| marker_a < marker_b && markup_a >= markup_b)
    });
    if contradicts {
        for candidate in candidates.iter_mut().filter(|c| !matches!(c.kind, HeadingKind::Markdown | HeadingKind::Bold))
        {
            candidate.rank = candidate.marker_rank;
        }
    }
}

/// Gives unmarked headings of a family the rank the markup gave the same
/// family elsewhere: when `<h2>一、…</h2>` sets the level of `一、`, a plain
/// `<p>二、…</p>` in the same page is its sibling, not its child.
fn align_ranks_with_markup(candidates: &mut [Candidate]) {
    let mut markup_ranks: Vec<(HeadingKind, u8)> = Vec::new();
    for candidate in work::counted(candidates.iter())
        .filter(|c| c.hinted && !matches!(c.kind, HeadingKind::Markdown | HeadingKind::Bold))
    {
        match markup_ranks.iter_mut().find(|(kind, _)| *kind == candidate.kind) {
            Some((_, rank)) => *rank = (*rank).min(candidate.rank),
            None => markup_ranks.push((candidate.kind, candidate.rank)),
        }
    }
    for candidate in work::counted(candidates.iter_mut()).filter(|c| !c.hinted) {
        if let Some((_, rank)) = markup_ranks.iter().find(|(kind, _)| *kind == candidate.kind) {
            candidate.rank = *rank;
        }
    }
}

/// Reads a heading whose marker starts `text` (a line, or the rest of a
/// paragraph for points). Returns the candidate and the byte offset in `text`
/// where its body starts.
fn read_heading(text: &str, base: usize, line_index: usize, marker: &MarkerMatch, end: TitleEnd) -> (Candidate, usize) {
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
        marker_rank: rank_of(marker),
        marker: text[..marker.len].to_owned(),
        marker_range: TextRange::new(base, base + marker.len),
        title_range: TextRange::new(base + title_start, base + title_start + title.len()),
        number: marker.number,
        inline: !text[body_start..].trim().is_empty(),
        line_index,
        ordinal_word: markers::is_ordinal_word_marker(&text[..marker.len]),
        hinted: false,
    };
    (candidate, body_start)
}

/// Finds the points (`一是`, `第一，`, `首先，`) in a paragraph from byte
/// `from` on: at the paragraph start (when no other marker opens the line) or
/// right after a sentence or clause end. A point whose predecessor stands
/// where no point may start (`我们将一是……；二是……`) brings it in: the
/// sequence shows the writer meant it.
fn collect_points(text: &str, base: usize, line_index: usize, from: usize, candidates: &mut Vec<Candidate>) {
    let first_new = candidates.len();
    let mut at = from;
    while at < text.len() {
        let starts_point = at == 0 || follows_clause_end(&text[..at]);
        if let Some(marker) = starts_point.then(|| enumeration_marker(&text[at..])).flatten() {
            let (candidate, body) = read_heading(&text[at..], base + at, line_index, &marker, TitleEnd::Clause);
            candidates.push(candidate);
            // Resume at the title's end so that the next point is seen
            // right after its `。` or `；`.
            at += body.max(marker.len);
            continue;
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    add_missing_predecessors(text, base, line_index, from, candidates, first_new);
}

/// Brings in, for each point `N+1是` of a paragraph (`candidates[first_new..]`)
/// without an earlier `N是` point, the last `N是` before it that stands where
/// no point may start — and then that one's own predecessor — stopping at the
/// first that does not read as a point.
///
/// Points are taken up in text order, each once: a point that has its
/// predecessor, or has none to bring in, stays so as points are added, so no
/// pass over the paragraph's points is repeated per point added. That keeps a
/// paragraph of 100,000 points linear.
fn add_missing_predecessors(
    text: &str,
    base: usize,
    line_index: usize,
    from: usize,
    candidates: &mut Vec<Candidate>,
    first_new: usize,
) {
    let mut earliest: FxHashMap<u32, usize> = FxHashMap::default();
    let mut queue = BinaryHeap::new();
    for (index, point) in work::counted(candidates.iter().enumerate().skip(first_new)) {
        note_earliest(&mut earliest, point);
        queue.push(Reverse((point.marker_range.start, index)));
    }
    let mut occurrences = NumberedOccurrences { text, from, by_number: FxHashMap::default() };
    let mut added = false;
    while let Some(Reverse((_, index))) = queue.pop() {
        work::step(1);
        let Some(missing) = missing_predecessor(base, &candidates[index], &earliest, &mut occurrences) else {
            continue;
        };
        let at = missing - base;
        let Some(marker) = enumeration_marker(&text[at..]) else {
            break;
        };
        let (candidate, _) = read_heading(&text[at..], missing, line_index, &marker, TitleEnd::Clause);
        note_earliest(&mut earliest, &candidate);
        queue.push(Reverse((candidate.marker_range.start, candidates.len())));
        candidates.push(candidate);
        added = true;
    }
    if added {
        candidates[first_new..].sort_by_key(|c| c.marker_range.start);
    }
}

/// Records where the first point of each number starts.
fn note_earliest(earliest: &mut FxHashMap<u32, usize>, point: &Candidate) {
    if let Some(number) = point.number {
        let start = earliest.entry(number).or_insert(point.marker_range.start);
        *start = (*start).min(point.marker_range.start);
    }
}

/// The offset (in the cleaned text) of an `N是` that precedes `point`, a point
/// `N+1是` of the paragraph with no `N` point before it (`earliest` holds
/// where each number's first point starts), stands where no point may start,
/// and is not yet a point.
fn missing_predecessor(
    base: usize,
    point: &Candidate,
    earliest: &FxHashMap<u32, usize>,
    occurrences: &mut NumberedOccurrences<'_>,
) -> Option<usize> {
    let number = point.number.filter(|&n| n >= 2 && point.marker.ends_with('是'))?;
    if earliest.get(&(number - 1)).is_some_and(|&start| start < point.marker_range.start) {
        return None;
    }
    let found = occurrences.last_before(number - 1, point.marker_range.start - base)?;
    let preceded_by_numeral =
        occurrences.text[..found].chars().next_back().is_some_and(numerals::is_chinese_numeral_char);
    (!preceded_by_numeral).then_some(base + found)
}

/// Where `N是` occurs in a paragraph from byte `from` on, for each `N` asked
/// about: found once per number, not once per point.
struct NumberedOccurrences<'a> {
    text: &'a str,
    from: usize,
    /// For each number, `N是` and the offsets in `text` where it occurs.
    by_number: FxHashMap<u32, (String, Vec<usize>)>,
}

impl NumberedOccurrences<'_> {
    /// The offset of the last `N是` that lies wholly between `from` and `end`.
    fn last_before(&mut self, number: u32, end: usize) -> Option<usize> {
        let (text, from) = (self.text, self.from);
        let (wanted, offsets) = match self.by_number.entry(number) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let wanted = format!("{}是", numerals::format_chinese_numeral(number)?);
                work::step(text.len().saturating_sub(from));
                // `N是` is numerals then `是`, which is not a numeral, so its
                // occurrences never overlap and `match_indices` finds them all.
                let offsets = text.get(from..)?.match_indices(&wanted).map(|(at, _)| from + at).collect();
                entry.insert((wanted, offsets))
            }
        };
        let within = offsets.partition_point(|&at| at + wanted.len() <= end);
        within.checked_sub(1).map(|i| offsets[i])
    }
}

/// Whether text ends with a sentence or clause end, possibly followed by a
/// closing quote or bracket (`……。”二是`).
fn follows_clause_end(before: &str) -> bool {
    let mut chars = before.chars().rev();
    match chars.next() {
        Some(c) if opens_point_after(c) => true,
        Some('”' | '’' | '）' | ')' | '」' | '』') => chars.next().is_some_and(opens_point_after),
        _ => false,
    }
}

/// Drops ordinal-word points (`首先，` … `最后，`) whose section does not hold
/// a real sequence: a lone `最后，` in prose is not a point.
fn keep_complete_ordinal_sequences(candidates: &mut Vec<Candidate>) {
    // The section of a point is the nearest earlier line-opening heading.
    let mut section = None;
    let sections: Vec<Option<usize>> = work::counted(candidates.iter().enumerate())
        .map(|(index, candidate)| {
            if candidate.kind != HeadingKind::Enumeration {
                section = Some(index);
            }
            section
        })
        .collect();
    // Whether each section has a first ordinal (`首先，`) and a later one,
    // gathered in one pass rather than by walking every candidate per point.
    let mut sequences: FxHashMap<Option<usize>, (bool, bool)> = FxHashMap::default();
    for (candidate, section) in work::counted(candidates.iter().zip(&sections)).filter(|(c, _)| c.ordinal_word) {
        let (first, other) = sequences.entry(*section).or_default();
        *first |= candidate.number == Some(1);
        *other |= candidate.number != Some(1);
    }
    let sequence_is_complete = |section: Option<usize>| sequences.get(&section).is_some_and(|&(f, o)| f && o);
    let keep: Vec<bool> = work::counted(candidates.iter().zip(&sections))
        .map(|(candidate, &section)| !candidate.ordinal_word || sequence_is_complete(section))
        .collect();
    let mut keep = keep.into_iter();
    candidates.retain(|_| {
        work::step(1);
        keep.next().unwrap_or(true)
    });
}

/// Builds the flat tree: parents by marker rank, levels as depths, sections
/// up to the next heading that is not a descendant.
fn build_tree(cleaned: &CleanedText, candidates: &[Candidate]) -> Vec<Heading> {
    let mut headings: Vec<Heading> = Vec::with_capacity(candidates.len());
    let mut open: Vec<(usize, u8)> = Vec::new();
    for candidate in work::counted(candidates.iter()) {
        while open.last().is_some_and(|&(_, rank)| rank >= candidate.rank) {
            open.pop();
        }
        let parent = open.last().map(|&(index, _)| index);
        let level = parent.map_or(1, |p| headings[p].level + 1);
        open.push((headings.len(), candidate.rank));
        headings.push(Heading {
            level,
            kind: candidate.kind,
            marker: candidate.marker.clone(),
            number: candidate.number,
            title: candidate.title_range.slice(&cleaned.text).to_owned(),
            line: cleaned.source_line_at(candidate.marker_range.start),
            inline: candidate.inline,
            parent,
            marker_range: candidate.marker_range,
            title_range: candidate.title_range,
            section: TextRange::new(candidate.marker_range.start, cleaned.text.len()),
            chars: 0,
            points: 0,
        });
    }
    // In document order a heading's descendants follow it directly, so its
    // section ends where the next heading of its level or above starts. One
    // stack pass finds that heading for all, and running counts give each
    // section's characters and points: walking every subtree from every
    // heading would cost headings × depth, and rescanning the text per
    // section the text × depth.
    let subtree_ends = subtree_ends(&headings);
    let char_counts = non_whitespace_chars_before(&cleaned.text, &headings);
    let mut points_before = Vec::with_capacity(headings.len() + 1);
    points_before.push(0usize);
    for heading in work::counted(headings.iter()) {
        let points = points_before.last().copied().unwrap_or(0);
        points_before.push(points + usize::from(heading.kind == HeadingKind::Enumeration));
    }
    for index in work::counted(0..headings.len()) {
        let subtree_end = subtree_ends[index];
        // The section's characters run to the next heading's marker; the line
        // breaks trimmed from its end are whitespace and never counted.
        let (end_chars, end) = match headings.get(subtree_end) {
            Some(next) => (char_counts[subtree_end], trim_end_offset(&cleaned.text, next.marker_range.start)),
            None => (char_counts[headings.len()], cleaned.text.len()),
        };
        let heading = &mut headings[index];
        heading.section.end = end;
        heading.chars = end_chars - char_counts[index];
        heading.points = points_before[subtree_end] - points_before[index + 1];
    }
    headings
}

/// For each heading, the index of the first later heading at its level or
/// above (or the number of headings): where its subtree ends.
fn subtree_ends(headings: &[Heading]) -> Vec<usize> {
    let mut ends = vec![headings.len(); headings.len()];
    // Headings whose subtree is still open; their levels strictly increase.
    let mut open: Vec<usize> = Vec::new();
    for (index, heading) in work::counted(headings.iter().enumerate()) {
        while let Some(&last) = open.last() {
            work::step(1);
            if headings[last].level < heading.level {
                break;
            }
            ends[last] = index;
            open.pop();
        }
        open.push(index);
    }
    ends
}

/// For each heading's marker start, and last for the end of the text, the
/// number of non-whitespace characters before it, in one pass over the text.
fn non_whitespace_chars_before(text: &str, headings: &[Heading]) -> Vec<usize> {
    let mut offsets: Vec<(usize, usize)> =
        headings.iter().map(|h| h.marker_range.start).chain([text.len()]).enumerate().map(|(i, at)| (at, i)).collect();
    // Headings are in document order, so the sort finds the offsets in order
    // already; it keeps the counts right whatever the order.
    offsets.sort_unstable();
    let mut counts = vec![0; offsets.len()];
    let (mut at, mut count) = (0, 0);
    for (offset, index) in work::counted(offsets.into_iter()) {
        count += crate::text::visible_chars(&text[at..offset]);
        at = offset;
        counts[index] = count;
    }
    counts
}

/// Moves an end offset back over the line breaks before it, so a section does
/// not end with the newline that precedes the next heading.
fn trim_end_offset(text: &str, end: usize) -> usize {
    text[..end].trim_end_matches('\n').len()
}

/// The preamble: non-empty lines after the title block and before the first
/// heading.
fn preamble_range(
    cleaned: &CleanedText,
    title_line: Option<usize>,
    first_heading: Option<&Candidate>,
) -> Option<TextRange> {
    let first_line = title_line.map_or(0, |index| index + 1);
    let end_line = first_heading.map_or(cleaned.lines.len(), |c| c.line_index);
    let lines = cleaned.lines.get(first_line..end_line)?;
    let mut non_empty = work::counted(lines.iter()).filter(|line| !line.range.is_empty());
    let first = non_empty.next()?;
    let last = non_empty.next_back().unwrap_or(first);
    Some(TextRange::new(first.range.start, last.range.end))
}
