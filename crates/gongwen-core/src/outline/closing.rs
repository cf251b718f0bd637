//! The closing part: an unnumbered paragraph after the last numbered section
//! that reviews the year and announces the plans (`回顾过去一年……下一步，我将……`).
//!
//! Reports often end this way instead of with `二、下一步工作打算`. Left alone,
//! such a paragraph would be read as the body of the last subsection; reviewers
//! look for it as the plans part, so it becomes its own top-level node.

use super::{Candidate, HeadingKind, TITLE_TRAILING};
use crate::clean::CleanedText;
use crate::text::TextRange;

/// Words that open a closing paragraph.
const CLOSING_OPENERS: &[&str] = &[
    "回顾",
    "总之",
    "总的来看",
    "总的来说",
    "综上",
    "展望",
    "今后",
    "下一步",
    "新的一年",
    "一年来",
    "过去的一年",
    "在新的一年",
];

/// Words that review the results or admit shortcomings.
const REVIEW_WORDS: &[&str] = &["成效", "成绩", "差距", "不足", "短板"];

/// Words that announce plans.
const PLAN_WORDS: &[&str] = &["下一步", "今后", "新的一年", "明年", "下一阶段"];

/// Words in a section title that make it the plans section itself, whose
/// trailing paragraphs are its body and not a separate closing part.
const PLAN_TITLE_WORDS: &[&str] = &["打算", "下一步", "计划", "思路", "今后", "展望"];

/// Finds the closing paragraph, if there is one, as a heading candidate of
/// kind [`HeadingKind::Closing`].
pub(super) fn detect_closing(
    cleaned: &CleanedText,
    candidates: &[Candidate],
    title_line: Option<usize>,
) -> Option<Candidate> {
    let last_section = candidates
        .iter()
        .rev()
        .find(|c| c.kind != HeadingKind::Enumeration)?;
    let top_rank = candidates.iter().map(|c| c.rank).min()?;
    let last_top = candidates.iter().rev().find(|c| c.rank == top_rank)?;
    let is_plans = |c: &Candidate| {
        let title = c.title_range.slice(&cleaned.text);
        PLAN_TITLE_WORDS.iter().any(|word| title.contains(word))
    };
    if is_plans(last_section) || is_plans(last_top) {
        return None;
    }
    // A heading alone on its line owns at least the paragraph after it.
    let owned_paragraphs = usize::from(!last_section.inline);
    let (line_index, line) = cleaned
        .lines
        .iter()
        .enumerate()
        .skip(last_section.line_index + 1)
        .filter(|(index, line)| !line.range.is_empty() && Some(*index) != title_line)
        .skip(owned_paragraphs)
        .find(|(_, line)| is_closing_paragraph(line.range.slice(&cleaned.text)))?;
    let text = line.range.slice(&cleaned.text);
    let first_sentence_len = text.find(['。', '！', '？']).unwrap_or(text.len());
    let title = text[..first_sentence_len].trim_end_matches(TITLE_TRAILING);
    let start = line.range.start;
    Some(Candidate {
        kind: HeadingKind::Closing,
        rank: top_rank,
        marker_range: TextRange::new(start, start),
        title_range: TextRange::new(start, start + title.len()),
        number: None,
        inline: first_sentence_len < text.len(),
        line_index,
        ordinal_word: false,
    })
}

/// Whether a paragraph reads as a closing: it opens with a closing word, or it
/// both reviews the results and announces plans.
fn is_closing_paragraph(text: &str) -> bool {
    CLOSING_OPENERS
        .iter()
        .any(|opener| text.starts_with(opener))
        || (REVIEW_WORDS.iter().any(|word| text.contains(word))
            && PLAN_WORDS.iter().any(|word| text.contains(word)))
}
