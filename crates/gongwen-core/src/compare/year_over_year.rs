//! This year against last year (对照): what a report kept of an earlier one,
//! what is new and what was dropped, section by section — the check for
//! 年年一个样, last year's report with the dates changed.
//!
//! The two texts are compared as any pair is ([`compare_texts`], without
//! templates or the formulation rule: a kept formulation is kept text).
//! Every compared character of each report is then kept (inside a shared
//! passage), edited (a near-copy's differing characters, or a stretch of
//! fewer than [`MIN_CHANGE_CHARS`] characters between kept text: a changed
//! year, figure or unit name), or new (in the later report) / dropped (from
//! the earlier one). Reports are paired by the same file name once the year
//! is taken out, the earlier one being the latest earlier year.

use serde::{Deserialize, Serialize};

use super::normalize::{NormalizedText, normalize};
use super::{CompareSettings, CompareText, TextId, compare_texts};
use crate::analysis::ReportAnalysis;
use crate::lexicon::Lexicon;
use crate::outline::Heading;
use crate::text::TextRange;

/// An unmatched stretch shorter than this is an edit, not new or dropped text.
pub const MIN_CHANGE_CHARS: usize = 8;

/// What became of a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// In both reports.
    Kept,
    /// In both, with small edits (a year, a figure, a name).
    Edited,
    /// Only in the later report.
    New,
    /// Only in the earlier report.
    Dropped,
}

/// A stretch of one report's text with what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextChange {
    /// What became of it.
    pub kind: ChangeKind,
    /// Its byte range in the report's cleaned text.
    pub range: TextRange,
    /// Its compared characters.
    pub chars: usize,
    /// The source line (or paragraph) it starts on.
    pub line: u32,
}

/// How one top-level section of a report fared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionChange {
    /// The top-level heading; `None` for the text before the first one.
    pub heading: Option<usize>,
    /// Compared characters per kind: kept, edited, and new (later report)
    /// or dropped (earlier report).
    pub kept: usize,
    /// See `kept`.
    pub edited: usize,
    /// See `kept`.
    pub changed: usize,
}

/// One report's side of a year-over-year comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearSide {
    /// Its text, stretch by stretch, in order; together they cover every
    /// compared character.
    pub changes: Vec<TextChange>,
    /// Its top-level sections, in order.
    pub sections: Vec<SectionChange>,
    /// Compared characters.
    pub chars: usize,
    /// Share (0–1) of its text kept or edited.
    pub kept_share: f64,
}

/// A later report against an earlier one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearComparison {
    /// The later report: kept, edited and new text.
    pub current: YearSide,
    /// The earlier report: kept, edited and dropped text.
    pub previous: YearSide,
}

/// Compares a later report with an earlier one.
pub fn compare_years(current: &ReportAnalysis, previous: &ReportAnalysis, min_chars: usize) -> YearComparison {
    compare_year_texts(current.into(), previous.into(), min_chars)
}

/// Compares a later text with an earlier one, as [`compare_years`] does.
pub fn compare_year_texts(current: CompareText, previous: CompareText, min_chars: usize) -> YearComparison {
    let settings = CompareSettings { min_chars, template_min_reports: usize::MAX, ..CompareSettings::default() };
    let comparison = compare_texts(&[current, previous], &[], &Lexicon::default(), &settings, &mut |_| {});
    let sides = [current, previous].map(|text| normalize(&text.cleaned.text));
    let mut kinds: Vec<Vec<ChangeKind>> = [(0, ChangeKind::New), (1, ChangeKind::Dropped)]
        .iter()
        .map(|&(side, unmatched)| vec![unmatched; sides[side].len()])
        .collect();
    for passage in &comparison.passages {
        for occurrence in &passage.occurrences {
            let TextId::Report(side) = occurrence.text else { continue };
            kinds[side][occurrence.start..occurrence.end].iter_mut().for_each(|k| *k = ChangeKind::Kept);
            for difference in &occurrence.differences {
                let (from, to) = normalized_span(&sides[side], *difference);
                kinds[side][from..to].iter_mut().for_each(|k| *k = ChangeKind::Edited);
            }
        }
    }
    let [current_side, previous_side] = [0, 1].map(|side| {
        let analysis = if side == 0 { current } else { previous };
        side_of(analysis, &sides[side], &mut kinds[side])
    });
    YearComparison { current: current_side, previous: previous_side }
}

/// The normalized characters inside a byte range.
fn normalized_span(text: &NormalizedText, range: TextRange) -> (usize, usize) {
    let from = text.offsets.partition_point(|&o| (o as usize) < range.start);
    let to = text.offsets.partition_point(|&o| (o as usize) < range.end);
    (from, to.max(from))
}

/// One side's stretches and sections; short unmatched stretches become edits.
fn side_of(analysis: CompareText, text: &NormalizedText, kinds: &mut [ChangeKind]) -> YearSide {
    let mut runs: Vec<(ChangeKind, usize, usize)> = Vec::new();
    for (at, &kind) in kinds.iter().enumerate() {
        match runs.last_mut() {
            Some((last, _, end)) if *last == kind => *end = at + 1,
            _ => runs.push((kind, at, at + 1)),
        }
    }
    let has_kept = runs.iter().any(|&(kind, _, _)| kind == ChangeKind::Kept);
    for run in &mut runs {
        if has_kept && matches!(run.0, ChangeKind::New | ChangeKind::Dropped) && run.2 - run.1 < MIN_CHANGE_CHARS {
            run.0 = ChangeKind::Edited;
            kinds[run.1..run.2].iter_mut().for_each(|k| *k = ChangeKind::Edited);
        }
    }
    let mut merged: Vec<(ChangeKind, usize, usize)> = Vec::with_capacity(runs.len());
    for run in runs {
        match merged.last_mut() {
            Some(last) if last.0 == run.0 => last.2 = run.2,
            _ => merged.push(run),
        }
    }
    let changes: Vec<TextChange> = merged
        .iter()
        .map(|&(kind, start, end)| {
            let range = text.source_range(start, end);
            TextChange { kind, range, chars: end - start, line: analysis.cleaned.source_line_at(range.start) }
        })
        .collect();
    let sections = sections_of(analysis.headings, text, kinds);
    let kept = kinds.iter().filter(|k| matches!(k, ChangeKind::Kept | ChangeKind::Edited)).count();
    let kept_share =
        if kinds.is_empty() { 0.0 } else { (kept as f64 / kinds.len() as f64 * 10_000.0).round() / 10_000.0 };
    YearSide { changes, sections, chars: kinds.len(), kept_share }
}

/// Characters per kind in each top-level section (and before the first).
fn sections_of(headings: &[Heading], text: &NormalizedText, kinds: &[ChangeKind]) -> Vec<SectionChange> {
    let tops: Vec<usize> = (0..headings.len()).filter(|&i| headings[i].parent.is_none()).collect();
    let mut sections: Vec<SectionChange> = Vec::with_capacity(tops.len() + 1);
    let starts: Vec<usize> = tops.iter().map(|&i| headings[i].section.start).collect();
    let mut before = SectionChange { heading: None, kept: 0, edited: 0, changed: 0 };
    sections.extend(tops.iter().map(|&i| SectionChange { heading: Some(i), kept: 0, edited: 0, changed: 0 }));
    for (at, kind) in kinds.iter().enumerate() {
        let offset = text.offsets[at] as usize;
        let index = starts.partition_point(|&s| s <= offset);
        let section = if index == 0 { &mut before } else { &mut sections[index - 1] };
        match kind {
            ChangeKind::Kept => section.kept += 1,
            ChangeKind::Edited => section.edited += 1,
            ChangeKind::New | ChangeKind::Dropped => section.changed += 1,
        }
    }
    if before.kept + before.edited + before.changed > 0 {
        sections.insert(0, before);
    }
    sections
}

/// The year a report is for: the first 19xx/20xx in its title, else in its
/// file name.
pub fn report_year(analysis: &ReportAnalysis) -> Option<u32> {
    let title = analysis.outline.title.as_ref().map(|t| t.text.as_str()).unwrap_or("");
    first_year(title).or_else(|| first_year(file_stem(&analysis.name)))
}

/// The first four-digit year 1900–2099 not inside a longer number.
pub(crate) fn first_year(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(3)).find_map(|at| {
        let digits = &chars[at..at + 4];
        let bounded =
            (at == 0 || !chars[at - 1].is_ascii_digit()) && chars.get(at + 4).is_none_or(|c| !c.is_ascii_digit());
        let year: String = digits.iter().collect();
        (bounded && digits.iter().all(char::is_ascii_digit) && (year.starts_with("19") || year.starts_with("20")))
            .then(|| year.parse().ok())
            .flatten()
    })
}

/// The file name without folders and extension.
pub(crate) fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(stem, _)| stem)
}

/// A file name with its years (and a 年/年度 after them) taken out, for
/// pairing reports of different years.
fn yearless_stem(name: &str) -> String {
    strip_years(file_stem(name))
        .trim_matches(|c: char| c == '_' || c == '-' || c == '.' || c == ' ' || c == '（' || c == '）')
        .to_owned()
}

/// `text` with its years taken out: four digits 1900–2099 or four Chinese
/// digits (二〇二三), each with the 年 or 年度 after it.
pub(crate) fn strip_years(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let chinese_digit =
        |c: char| matches!(c, '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九');
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < chars.len() {
        let window = chars.get(at..at + 4);
        let arabic = window
            .is_some_and(|w| w.iter().all(char::is_ascii_digit) && matches!(w[0..2], ['1', '9'] | ['2', '0']))
            && (at == 0 || !chars[at - 1].is_ascii_digit())
            && chars.get(at + 4).is_none_or(|c| !c.is_ascii_digit());
        let chinese = window.is_some_and(|w| w.iter().all(|&c| chinese_digit(c))) && chars.get(at + 4) == Some(&'年');
        if arabic || chinese {
            at += 4;
            if chars.get(at) == Some(&'年') {
                at += 1;
                if chars.get(at) == Some(&'度') {
                    at += 1;
                }
            }
            continue;
        }
        out.push(chars[at]);
        at += 1;
    }
    out
}

/// Pairs each report with its predecessor: the report with the same file
/// name once years are taken out and the latest earlier year. Returns
/// (later, earlier) index pairs, in input order of the later report.
pub fn pair_by_year(reports: &[&ReportAnalysis]) -> Vec<(usize, usize)> {
    let keys: Vec<(String, Option<u32>)> = reports.iter().map(|r| (yearless_stem(&r.name), report_year(r))).collect();
    let mut pairs = Vec::new();
    for (later, (stem, year)) in keys.iter().enumerate() {
        let Some(year) = year else { continue };
        let earlier = keys
            .iter()
            .enumerate()
            .filter(|(other, (other_stem, other_year))| {
                *other != later && other_stem == stem && other_year.is_some_and(|y| y < *year)
            })
            .max_by_key(|(_, (_, other_year))| *other_year)
            .map(|(other, _)| other);
        if let Some(earlier) = earlier {
            pairs.push((later, earlier));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_stems() {
        assert_eq!(first_year("2023年度党组书记抓基层党建工作述职报告"), Some(2023));
        assert_eq!(first_year("编号12023号"), None);
        assert_eq!(yearless_stem("docs/市财政局2022年度述职报告.docx"), "市财政局述职报告");
        assert_eq!(yearless_stem("report-2023.txt"), "report");
    }
}
