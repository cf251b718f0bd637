//! Unnumbered parts: a problems paragraph (`但也存在一些问题和不足：一是……`)
//! and the closing paragraph (`回顾过去一年……下一步，我将……`) that reports put
//! after their numbered sections instead of giving them headings.
//!
//! Reviewers check that a report admits its problems and states its plans, so
//! these become top-level nodes of kind [`HeadingKind::Problems`] and
//! [`HeadingKind::Closing`] rather than being swallowed by the last
//! subsection.

use super::{Candidate, HeadingKind, TITLE_TRAILING, work};
use crate::clean::CleanedText;
use crate::pattern_search::AnyOf;
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
static REVIEW_WORDS: AnyOf = AnyOf::new(&["成效", "成绩", "差距", "不足", "短板"]);

/// Words that announce plans.
static PLAN_WORDS: AnyOf = AnyOf::new(&["下一步", "今后", "新的一年", "明年", "下一阶段"]);

/// Words in a section title that make it the plans section itself, whose
/// trailing paragraphs are its body and not a separate closing part.
const PLAN_TITLE_WORDS: &[&str] = &["打算", "下一步", "计划", "思路", "今后", "展望"];

/// Words in a section title that make it a problems section.
const PROBLEM_TITLE_WORDS: &[&str] = &["问题", "不足", "差距", "短板"];

/// Phrases in a paragraph's first sentence that open an account of problems.
static PROBLEM_CUES: AnyOf = AnyOf::new(&[
    "存在的问题",
    "存在问题",
    "问题和不足",
    "问题与不足",
    "不足之处",
    "但也存在",
    "但也要清醒",
    "但也清醒",
    "同时也要看到",
    "同时也存在",
    "还存在一些",
    "仍存在",
    "差距和不足",
    "也存在一些",
    "主要问题",
]);

/// Finds the problems and closing paragraphs, as heading candidates, in
/// document order.
pub(super) fn detect_unnumbered_parts(
    cleaned: &CleanedText,
    candidates: &[Candidate],
    excluded_lines: &[usize],
) -> Vec<Candidate> {
    let Some(top_rank) = work::counted(candidates.iter()).map(|c| c.rank).min() else {
        return Vec::new();
    };
    let paragraphs = Paragraphs::new(cleaned, candidates, excluded_lines);
    let mut parts = Vec::new();
    if let Some(problems) = detect_problems(&paragraphs, top_rank) {
        parts.push(problems);
    }
    let after = parts.last().map(|p: &Candidate| p.line_index);
    if let Some(closing) = detect_closing(&paragraphs, top_rank, after) {
        parts.push(closing);
    }
    parts
}

/// The body paragraphs of a document: non-empty lines that carry no
/// line-opening heading and are not in the title block.
///
/// What each line holds is indexed once, so that walking the paragraphs costs
/// time in proportion to the lines and not to lines × headings: a report of
/// 100,000 numbered lines must not search every heading for every line.
struct Paragraphs<'a> {
    cleaned: &'a CleanedText,
    candidates: &'a [Candidate],
    excluded_lines: &'a [usize],
    /// Per line: whether it holds a line-opening heading (not a point).
    heading_lines: Vec<bool>,
    /// Per line: whether it holds a line-opening heading that stands alone on
    /// its line, so that the next paragraph is its body.
    alone_heading_lines: Vec<bool>,
    /// The first line-opening heading of each line that has one, as
    /// (line, index in `candidates`), by line.
    line_headings: Vec<(usize, usize)>,
}

impl<'a> Paragraphs<'a> {
    fn new(cleaned: &'a CleanedText, candidates: &'a [Candidate], excluded_lines: &'a [usize]) -> Self {
        let mut heading_lines = vec![false; cleaned.lines.len()];
        let mut alone_heading_lines = vec![false; cleaned.lines.len()];
        let mut first_heading_on_line: Vec<Option<usize>> = vec![None; cleaned.lines.len()];
        for (index, candidate) in work::counted(candidates.iter().enumerate()) {
            if candidate.kind == HeadingKind::Enumeration {
                continue;
            }
            let Some(line) = heading_lines.get_mut(candidate.line_index) else { continue };
            *line = true;
            alone_heading_lines[candidate.line_index] |= !candidate.inline;
            first_heading_on_line[candidate.line_index].get_or_insert(index);
        }
        let line_headings = work::counted(first_heading_on_line.iter().enumerate())
            .filter_map(|(line, first)| first.map(|c| (line, c)))
            .collect();
        Self { cleaned, candidates, excluded_lines, heading_lines, alone_heading_lines, line_headings }
    }

    fn title(&self, candidate: &Candidate) -> &str {
        candidate.title_range.slice(&self.cleaned.text)
    }

    /// The first line-opening heading after line `index`. Candidates are in
    /// document order, so that is the one on the nearest later line.
    fn next_heading_after(&self, index: usize) -> Option<&Candidate> {
        work::step(1);
        let at = self.line_headings.partition_point(|&(line, _)| line <= index);
        self.line_headings.get(at).map(|&(_, candidate)| &self.candidates[candidate])
    }

    /// Body paragraphs after line `after`, skipping the first paragraph after a
    /// heading that stands alone on its line (that paragraph is its body).
    fn free_paragraphs_after(&self, after: usize) -> impl Iterator<Item = usize> + '_ {
        let lines = &self.cleaned.lines;
        // The nearest earlier non-empty line, carried along instead of searched
        // back for at every line.
        let mut previous = work::counted((0..(after + 1).min(lines.len())).rev()).find(|&i| !lines[i].range.is_empty());
        work::counted(after + 1..lines.len()).filter(move |&index| {
            if lines[index].range.is_empty() {
                return false;
            }
            let owned = previous.is_some_and(|p| self.alone_heading_lines[p]);
            previous = Some(index);
            !(owned || self.excluded_lines.contains(&index) || self.heading_lines[index])
        })
    }

    fn candidate_for(&self, line_index: usize, kind: HeadingKind, rank: u8) -> Candidate {
        let line = self.cleaned.lines[line_index];
        let text = line.range.slice(&self.cleaned.text);
        // The title is the first sentence, or its lead-in before a colon.
        let first_sentence_len = text.find(['。', '！', '？', '：', '；']).unwrap_or(text.len());
        let title = text[..first_sentence_len].trim_end_matches(TITLE_TRAILING);
        let start = line.range.start;
        Candidate {
            kind,
            rank,
            marker: String::new(),
            marker_range: TextRange::new(start, start),
            title_range: TextRange::new(start, start + title.len()),
            number: None,
            inline: first_sentence_len < text.len(),
            line_index,
            ordinal_word: false,
            hinted: false,
            marker_rank: rank,
        }
    }
}

/// A problems paragraph: only in a report with no problems heading of its own,
/// at the end of a top-level section, naming problems in its first sentence
/// and announcing no plans.
fn detect_problems(paragraphs: &Paragraphs<'_>, top_rank: u8) -> Option<Candidate> {
    let candidates = paragraphs.candidates;
    if work::counted(candidates.iter())
        .any(|c| PROBLEM_TITLE_WORDS.iter().any(|word| paragraphs.title(c).contains(word)))
    {
        return None;
    }
    let first_top = work::counted(candidates.iter()).find(|c| c.rank == top_rank)?;
    let line_index = paragraphs.free_paragraphs_after(first_top.line_index).find(|&index| {
        let text = paragraphs.cleaned.line_text(index);
        let first_sentence = &text[..text.find('。').unwrap_or(text.len())];
        PROBLEM_CUES.found_in(first_sentence)
            && !PLAN_WORDS.found_in(text)
            && paragraphs.next_heading_after(index).is_none_or(|c| c.rank == top_rank)
    })?;
    Some(paragraphs.candidate_for(line_index, HeadingKind::Problems, top_rank))
}

/// The closing paragraph: after the last section (and after a problems
/// paragraph, if any), unless that section is the plans section itself.
fn detect_closing(paragraphs: &Paragraphs<'_>, top_rank: u8, after: Option<usize>) -> Option<Candidate> {
    let candidates = paragraphs.candidates;
    let last_section = work::counted(candidates.iter().rev()).find(|c| c.kind != HeadingKind::Enumeration)?;
    let last_top = work::counted(candidates.iter().rev()).find(|c| c.rank == top_rank)?;
    let is_plans = |c: &Candidate| PLAN_TITLE_WORDS.iter().any(|word| paragraphs.title(c).contains(word));
    if is_plans(last_section) || is_plans(last_top) {
        return None;
    }
    let start = after.unwrap_or(0).max(last_section.line_index);
    let line_index = paragraphs
        .free_paragraphs_after(start)
        .find(|&index| is_closing_paragraph(paragraphs.cleaned.line_text(index)))?;
    Some(paragraphs.candidate_for(line_index, HeadingKind::Closing, top_rank))
}

/// Whether a paragraph reads as a closing: it opens with a closing word, or it
/// both reviews the results and announces plans.
fn is_closing_paragraph(text: &str) -> bool {
    CLOSING_OPENERS.iter().any(|opener| text.starts_with(opener))
        || (REVIEW_WORDS.found_in(text) && PLAN_WORDS.found_in(text))
}
