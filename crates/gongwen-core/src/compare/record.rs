//! The machine-readable comparison, as `gongwen compare --json` prints it
//! and the wasm API's `compare` returns it, and the year-over-year record of
//! `gongwen years --json`. Contracts: fields are added, never renamed or
//! removed.

use serde::{Deserialize, Serialize};

use super::year_over_year::{ChangeKind, YearComparison, YearSide};
use super::{CompareSettings, CompareText, Comparison, TextId};
use crate::analysis::ReportAnalysis;
use crate::concordance::innermost_heading;
use crate::diagnostic::Diagnostic;

/// A set of reports compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareRecord {
    /// Each report, in the order given.
    pub reports: Vec<CompareReportRecord>,
    /// Row A, column B: the share (0–1) of A's text in passages A shares with B.
    pub similarity: Vec<Vec<f64>>,
    /// The shared passages, longest first.
    pub passages: Vec<PassageRecord>,
    /// Row A, column B: how many passages A and B share.
    pub shared_passages: Vec<Vec<usize>>,
    /// The template files given, in order.
    pub templates: Vec<String>,
    /// The settings used.
    pub settings: CompareSettings,
    /// What the comparison found odd.
    pub diagnostics: Vec<Diagnostic>,
}

/// One report in a [`CompareRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareReportRecord {
    /// The file's path as given.
    pub file: String,
    /// Characters compared: letters, digits and CJK characters.
    pub chars: usize,
    /// Share (0–1) of its text in no shared passage.
    pub own_share: f64,
    /// Characters in shared passages.
    pub shared_chars: usize,
    /// Characters in template passages.
    pub template_chars: usize,
}

/// One shared passage in a [`CompareRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageRecord {
    /// The passage as its first occurrence writes it.
    pub text: String,
    /// Its length in compared characters.
    pub chars: usize,
    /// Whether it is template phrasing (in most reports, or in a template file).
    pub template: bool,
    /// How many reports hold it.
    pub reports: usize,
    /// Whether it was joined across small edits (a near-copy).
    pub near_copy: bool,
    /// Every occurrence.
    pub occurrences: Vec<PassageOccurrenceRecord>,
}

/// One occurrence of a shared passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageOccurrenceRecord {
    /// The file's path as given (a report's or a template's).
    pub file: String,
    /// The source line (or paragraph) it starts on.
    pub line: u32,
    /// Its first character, counted in the cleaned text from 0.
    pub start: usize,
    /// Its past-the-last character in the cleaned text.
    pub end: usize,
    /// The occurrence as written, punctuation included.
    pub text: String,
    /// The innermost heading holding it (marker and title), if any.
    pub section: Option<String>,
    /// Whether the file is a template file.
    pub template_file: bool,
    /// Where a near-copy differs from another occurrence: character
    /// ranges (start, end) in the cleaned text, as `start` and `end` count.
    pub differences: Vec<(usize, usize)>,
}

impl CompareRecord {
    /// The record of a comparison of `reports` with `templates`.
    pub fn from_comparison(
        comparison: &Comparison,
        reports: &[CompareText<'_>],
        templates: &[CompareText<'_>],
    ) -> Self {
        let text_of = |id: TextId| match id {
            TextId::Report(i) => reports[i],
            TextId::Template(i) => templates[i],
        };
        // Character offsets of every occurrence's byte range, one sweep per text.
        let mut wanted: Vec<(TextId, usize)> = comparison
            .passages
            .iter()
            .flat_map(|p| &p.occurrences)
            .flat_map(|o| {
                let ends = o.differences.iter().flat_map(|d| [(o.text, d.start), (o.text, d.end)]);
                [(o.text, o.range.start), (o.text, o.range.end)].into_iter().chain(ends)
            })
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut char_offsets: Vec<((TextId, usize), usize)> = Vec::with_capacity(wanted.len());
        let mut at = 0;
        while at < wanted.len() {
            let id = wanted[at].0;
            let text = &text_of(id).cleaned.text;
            let (mut bytes, mut chars) = (0usize, 0usize);
            while at < wanted.len() && wanted[at].0 == id {
                let target = wanted[at].1;
                chars += text[bytes..target].chars().count();
                bytes = target;
                char_offsets.push((wanted[at], chars));
                at += 1;
            }
        }
        let char_offset = |id: TextId, byte: usize| {
            char_offsets.binary_search_by(|(key, _)| key.cmp(&(id, byte))).map_or(0, |i| char_offsets[i].1)
        };
        Self {
            reports: reports
                .iter()
                .zip(&comparison.reports)
                .map(|(text, report)| CompareReportRecord {
                    file: text.name.to_owned(),
                    chars: report.chars,
                    own_share: report.own_share,
                    shared_chars: report.shared_chars,
                    template_chars: report.template_chars,
                })
                .collect(),
            similarity: comparison.similarity.clone(),
            passages: comparison
                .passages
                .iter()
                .map(|passage| PassageRecord {
                    text: passage.text.clone(),
                    chars: passage.chars,
                    template: passage.template,
                    reports: passage.reports,
                    near_copy: passage.near_copy,
                    occurrences: passage
                        .occurrences
                        .iter()
                        .map(|occurrence| {
                            let text = text_of(occurrence.text);
                            PassageOccurrenceRecord {
                                file: text.name.to_owned(),
                                line: occurrence.line,
                                start: char_offset(occurrence.text, occurrence.range.start),
                                end: char_offset(occurrence.text, occurrence.range.end),
                                text: occurrence.range.slice(&text.cleaned.text).to_owned(),
                                section: occurrence.heading.map(|i| {
                                    let heading = &text.headings[i];
                                    format!("{}{}", heading.marker, heading.title)
                                }),
                                template_file: matches!(occurrence.text, TextId::Template(_)),
                                differences: occurrence
                                    .differences
                                    .iter()
                                    .map(|d| {
                                        (char_offset(occurrence.text, d.start), char_offset(occurrence.text, d.end))
                                    })
                                    .collect(),
                            }
                        })
                        .collect(),
                })
                .collect(),
            shared_passages: comparison.shared_passages.clone(),
            templates: templates.iter().map(|t| t.name.to_owned()).collect(),
            settings: comparison.settings,
            diagnostics: comparison.diagnostics.clone(),
        }
    }
}

/// A later report against an earlier one, as `gongwen years --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearRecord {
    /// The later report's path as given.
    pub file: String,
    /// The earlier report's path as given.
    pub previous: String,
    /// Share (0–1) of the later report kept or edited from the earlier one.
    pub kept_share: f64,
    /// Share (0–1) of the earlier report still in the later one.
    pub previous_kept_share: f64,
    /// The later report's top-level sections: characters kept, edited, new.
    pub sections: Vec<YearSectionRecord>,
    /// The earlier report's top-level sections: characters kept, edited, dropped.
    pub previous_sections: Vec<YearSectionRecord>,
    /// Text only in the later report.
    pub new: Vec<ChangeRecord>,
    /// Text only in the earlier report.
    pub dropped: Vec<ChangeRecord>,
    /// Small edits (years, figures, names) in the later report.
    pub edited: Vec<ChangeRecord>,
}

/// One top-level section in a [`YearRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearSectionRecord {
    /// The heading (marker and title); `None` for the text before the first.
    pub heading: Option<String>,
    /// Characters kept unchanged.
    pub kept: usize,
    /// Characters kept with small edits.
    pub edited: usize,
    /// Characters new (later report) or dropped (earlier report).
    pub changed: usize,
}

/// One changed stretch in a [`YearRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRecord {
    /// The source line (or paragraph) it starts on.
    pub line: u32,
    /// Its compared characters.
    pub chars: usize,
    /// The text as written.
    pub text: String,
    /// The innermost heading holding it (marker and title), if any.
    pub section: Option<String>,
}

impl YearRecord {
    /// The record of `current` compared with `previous`.
    pub fn from_comparison(comparison: &YearComparison, current: &ReportAnalysis, previous: &ReportAnalysis) -> Self {
        let heading_text = |analysis: &ReportAnalysis, index: usize| {
            let heading = &analysis.outline.headings[index];
            format!("{}{}", heading.marker, heading.title)
        };
        let sections = |side: &YearSide, analysis: &ReportAnalysis| -> Vec<YearSectionRecord> {
            side.sections
                .iter()
                .map(|s| YearSectionRecord {
                    heading: s.heading.map(|i| heading_text(analysis, i)),
                    kept: s.kept,
                    edited: s.edited,
                    changed: s.changed,
                })
                .collect()
        };
        let changes = |side: &YearSide, analysis: &ReportAnalysis, kind: ChangeKind| -> Vec<ChangeRecord> {
            side.changes
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| ChangeRecord {
                    line: c.line,
                    chars: c.chars,
                    text: c.range.slice(&analysis.cleaned.text).to_owned(),
                    section: innermost_heading(&analysis.outline.headings, c.range.start)
                        .map(|i| heading_text(analysis, i)),
                })
                .collect()
        };
        Self {
            file: current.name.clone(),
            previous: previous.name.clone(),
            kept_share: comparison.current.kept_share,
            previous_kept_share: comparison.previous.kept_share,
            sections: sections(&comparison.current, current),
            previous_sections: sections(&comparison.previous, previous),
            new: changes(&comparison.current, current, ChangeKind::New),
            dropped: changes(&comparison.previous, previous, ChangeKind::Dropped),
            edited: changes(&comparison.current, current, ChangeKind::Edited),
        }
    }
}
