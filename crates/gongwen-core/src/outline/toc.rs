//! Tables of contents: lines that repeat heading text and must not become
//! headings themselves.
//!
//! Two signs: an entry line with dot leaders and a page number
//! (`一、总体情况……………1`), and a `目录` line after which the headings repeat —
//! everything from it to the first repetition is the table, not the document.

use rustc_hash::FxHashSet;

use super::{Candidate, work};
use crate::clean::CleanedText;

/// Whether a line is a table-of-contents entry: it ends in a page number
/// after dot leaders (`……1`, `.....12`, `···3`).
pub(super) fn is_toc_entry(text: &str) -> bool {
    let without_page = text.trim_end().trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if without_page.len() == text.trim_end().len() {
        return false;
    }
    let leaders = without_page
        .chars()
        .rev()
        .take_while(|c| matches!(c, '…' | '.' | '．' | '·' | '•' | '-' | '—' | '　' | ' ' | '\t'))
        .filter(|c| !c.is_whitespace())
        .count();
    leaders >= 2
}

/// Whether a line is a table-of-contents caption: `目录`, `目 录`, `目　录`.
/// Asked of every line: the characters are compared as they come, and most
/// lines differ at their first.
pub(super) fn is_toc_caption(text: &str) -> bool {
    let compact = || text.chars().filter(|c| !c.is_whitespace());
    compact().eq("目录".chars()) || compact().map(|c| c.to_ascii_lowercase()).eq("contents".chars())
}

/// A line's text without dot leaders and a page number, for comparing a
/// contents entry with the heading it lists.
fn entry_key(text: &str) -> &str {
    text.trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        .trim_end_matches(|c: char| matches!(c, '…' | '.' | '．' | '·' | '•' | '-' | '—') || c.is_whitespace())
}

/// Removes the headings of a table of contents that follows a `目录` line:
/// the table runs from the caption to the line before the first line that
/// repeats one of its entries. Returns the source lines it spans.
pub(super) fn remove_listed_contents(cleaned: &CleanedText, candidates: &mut Vec<Candidate>) -> Option<(u32, u32)> {
    let caption = work::counted(0..cleaned.lines.len()).find(|&i| is_toc_caption(cleaned.line_text(i)))?;
    let entries: Vec<usize> =
        work::counted(caption + 1..cleaned.lines.len()).filter(|&i| !cleaned.lines[i].range.is_empty()).collect();
    // The entries seen so far, kept in a set: comparing each line with every
    // earlier one would be quadratic in a long document with no repetition.
    let mut earlier_keys = FxHashSet::default();
    let body_start = work::counted(entries.iter().copied()).find(|&line| {
        let key = entry_key(cleaned.line_text(line));
        !earlier_keys.insert(key) && !key.is_empty()
    })?;
    candidates.retain(|c| {
        work::step(1);
        c.line_index <= caption || c.line_index >= body_start
    });
    let last_entry =
        work::counted((caption..body_start).rev()).find(|&i| !cleaned.lines[i].range.is_empty()).unwrap_or(caption);
    Some((cleaned.lines[caption].source_line, cleaned.lines[last_entry].source_line))
}
