//! One report's shared text in a finished comparison, as the reader shades
//! it (「标出共有文字」): the stretches of its cleaned text that lie in
//! passages shared with other reports, each with the reports it is shared
//! with, and the report's own-text share. The descriptions are written in
//! Chinese; [`SharedText::in_language`] rewrites them in the page's
//! language. Plain data, no web types.
//!
//! Shared passages overlap (a long one shared with one report, a shorter one
//! inside it shared with three more); the stretches do not: each holds one
//! set of other reports, cut wherever that set changes.

use gongwen_core::compare::{Passage, TextId};
use gongwen_core::file_name::display_file_name;
use gongwen_core::text::TextRange;

use crate::comparison::SetComparison;
use crate::i18n::Language;
use crate::protocol::ReportId;

/// The most report names a stretch's description lists.
const NAMED_REPORTS: usize = 8;

/// A stretch of the report's text that other reports share.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedStretch {
    /// Its byte range in the cleaned text.
    pub range: TextRange,
    /// The other reports holding it (indices in the comparison), ascending.
    pub reports: Vec<usize>,
    /// It lies in template phrasing (套话).
    pub template: bool,
    /// What it is, for its tooltip: which reports share it (in Chinese
    /// unless rewritten by [`SharedText::in_language`]).
    pub description: String,
}

/// A report's shared text and own-text share.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedText {
    /// Share (0–1) of the report's counted text in no shared passage.
    pub own_share: f64,
    /// Whether template passages were left out of the share.
    pub templates_excluded: bool,
    /// The shortest shared passage, in compared characters.
    pub min_chars: usize,
    /// The shared stretches, in text order, not overlapping.
    pub stretches: Vec<SharedStretch>,
    /// The compared reports' file names, by index in the comparison.
    pub names: Vec<String>,
}

impl SharedText {
    /// The shared text of report `id` in `set`, whose cleaned text is
    /// `text`; `None` when the report is not one of the compared. `names`
    /// are the compared reports' file names, by index in the comparison.
    /// Ranges that do not fit `text` (a comparison of an older text) are
    /// left out. The stretches are described in Chinese.
    pub fn of(set: &SetComparison, id: ReportId, text: &str, names: Vec<String>) -> Option<Self> {
        let index = set.index_of(id)?;
        let comparison = &set.comparison;
        let own_share = comparison.reports.get(index)?.own_share;
        let fits = |range: TextRange| {
            range.start < range.end
                && range.end <= text.len()
                && text.is_char_boundary(range.start)
                && text.is_char_boundary(range.end)
        };
        // (offset, opens?, passage) of every occurrence in this report.
        let mut events: Vec<(usize, bool, usize)> = Vec::new();
        for (k, passage) in comparison.passages.iter().enumerate() {
            for occurrence in passage.occurrences.iter().filter(|o| o.text == TextId::Report(index) && fits(o.range)) {
                events.push((occurrence.range.start, true, k));
                events.push((occurrence.range.end, false, k));
            }
        }
        // Closings first at one offset, so that touching passages do not overlap.
        events.sort_unstable_by_key(|&(offset, opens, k)| (offset, opens, k));
        let mut stretches: Vec<SharedStretch> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut from = 0;
        for (offset, opens, k) in events {
            if offset > from && !open.is_empty() {
                let passages: Vec<&Passage> = open.iter().map(|&k| &comparison.passages[k]).collect();
                push_stretch(&mut stretches, TextRange::new(from, offset), &passages, index);
            }
            from = offset;
            if opens {
                open.push(k);
            } else if let Some(at) = open.iter().position(|&other| other == k) {
                open.swap_remove(at);
            }
        }
        for stretch in &mut stretches {
            stretch.description = describe(stretch, &names, Language::Chinese);
        }
        Some(Self {
            own_share,
            templates_excluded: comparison.settings.exclude_templates,
            min_chars: comparison.settings.min_chars,
            stretches,
            names,
        })
    }

    /// The stretches that overlap `range`, in order.
    pub fn stretches_in(&self, range: TextRange) -> &[SharedStretch] {
        let first = self.stretches.partition_point(|stretch| stretch.range.end <= range.start);
        let last = self.stretches.partition_point(|stretch| stretch.range.start < range.end);
        &self.stretches[first..last.max(first)]
    }

    /// The same shared text with its stretches described in `language`.
    pub fn in_language(&self, language: Language) -> Self {
        let mut described = self.clone();
        for stretch in &mut described.stretches {
            stretch.description = describe(stretch, &self.names, language);
        }
        described
    }

    /// What the own-text share means, for its tooltip, in `language`.
    pub fn explain_own_share(&self, language: Language) -> String {
        match language {
            Language::Chinese => format!(
                "自有文字：本报告中不见于其他已载入报告（及模板文件）的文字所占比例；只计汉字、字母和数字，不计标点和空白；共有段落至少 {} 字{}。",
                self.min_chars,
                if self.templates_excluded { "；套话不计入" } else { "" }
            ),
            Language::English => format!(
                "Own text: the share of this report's text found in no other loaded report (nor in a template file). Only Chinese characters, letters and digits count, not punctuation or whitespace; a shared passage is at least {} characters long{}.",
                self.min_chars,
                if self.templates_excluded { "; boilerplate is left out" } else { "" }
            ),
        }
    }
}

/// What a stretch is, for its tooltip in `language`: which of the reports
/// named `names` share it.
fn describe(stretch: &SharedStretch, names: &[String], language: Language) -> String {
    let shown: Vec<String> = stretch
        .reports
        .iter()
        .take(NAMED_REPORTS)
        .map(|&r| display_file_name(names.get(r).map_or("", String::as_str)))
        .collect();
    let mut text = if stretch.template {
        language
            .pick("套话（见于多数报告或模板文件）。", "Boilerplate (found in most reports or in a template file). ")
            .to_owned()
    } else {
        String::new()
    };
    if shown.is_empty() {
        text.push_str(language.pick("与模板文件共有", "Shared with a template file"));
    } else {
        let others = stretch.reports.len();
        text.push_str(&match language {
            Language::Chinese => format!("与另外 {others} 份报告共有：{}", shown.join("、")),
            Language::English => format!(
                "Shared with {}: {}",
                language.things(others, "份报告", "other report", "other reports"),
                shown.join(", ")
            ),
        });
        if others > NAMED_REPORTS {
            text.push_str(language.pick(" 等", " and more"));
        }
    }
    text
}

/// Appends the stretch `range` covered by `passages`, joined to the one
/// before when it touches it and is shared alike.
fn push_stretch(stretches: &mut Vec<SharedStretch>, range: TextRange, passages: &[&Passage], index: usize) {
    let mut reports: Vec<usize> = passages
        .iter()
        .flat_map(|passage| passage.occurrences.iter())
        .filter_map(|occurrence| match occurrence.text {
            TextId::Report(r) if r != index => Some(r),
            _ => None,
        })
        .collect();
    reports.sort_unstable();
    reports.dedup();
    let template = passages.iter().any(|passage| passage.template);
    match stretches.last_mut() {
        Some(last) if last.range.end == range.start && last.reports == reports && last.template == template => {
            last.range.end = range.end;
        }
        _ => stretches.push(SharedStretch { range, reports, template, description: String::new() }),
    }
}

#[cfg(test)]
mod tests {
    use gongwen_core::compare::{CompareSettings, ComparedReport, Comparison, PassageOccurrence};

    use super::*;

    fn occurrence(text: TextId, start: usize, end: usize) -> PassageOccurrence {
        PassageOccurrence {
            text,
            start: 0,
            end: 0,
            range: TextRange::new(start, end),
            line: 1,
            heading: None,
            differences: Vec::new(),
        }
    }

    fn passage(template: bool, occurrences: Vec<PassageOccurrence>) -> Passage {
        Passage { chars: 0, text: String::new(), template, reports: occurrences.len(), near_copy: false, occurrences }
    }

    fn set(passages: Vec<Passage>) -> SetComparison {
        let report = |own_share| ComparedReport { chars: 10, template_chars: 0, shared_chars: 0, own_share };
        SetComparison {
            ids: vec![7, 8, 9],
            reports: Vec::new(),
            comparison: Comparison {
                settings: CompareSettings::default(),
                reports: vec![report(0.25), report(0.5), report(1.0)],
                similarity: vec![vec![0.0; 3]; 3],
                shared_passages: vec![vec![0; 3]; 3],
                passages,
                diagnostics: Vec::new(),
            },
            millis: 0.0,
            memory_bytes: 0,
        }
    }

    #[test]
    fn overlapping_passages_become_stretches_shared_alike() {
        let (a, b, c) = (TextId::Report(0), TextId::Report(1), TextId::Report(2));
        let set = set(vec![
            // 0..30 of report 0 is shared with report 1 …
            passage(false, vec![occurrence(a, 0, 30), occurrence(b, 5, 35)]),
            // … 20..40 of it with report 2, as template phrasing.
            passage(true, vec![occurrence(a, 20, 40), occurrence(c, 0, 20)]),
            // A passage report 0 does not hold.
            passage(false, vec![occurrence(b, 40, 60), occurrence(c, 30, 50)]),
            // Inside the first one and shared alike: no stretch of its own.
            passage(false, vec![occurrence(a, 0, 10), occurrence(b, 50, 60)]),
        ]);
        let text = "x".repeat(60);
        let names: Vec<String> = ["甲.txt", "乙.txt", "丙.txt"].map(String::from).to_vec();
        let shared = SharedText::of(&set, 7, &text, names).expect("report 7 was compared");
        assert_eq!(shared.own_share, 0.25);
        let stretches: Vec<(usize, usize, Vec<usize>, bool)> =
            shared.stretches.iter().map(|s| (s.range.start, s.range.end, s.reports.clone(), s.template)).collect();
        assert_eq!(stretches, vec![(0, 20, vec![1], false), (20, 30, vec![1, 2], true), (30, 40, vec![2], true)]);
        assert_eq!(shared.stretches_in(TextRange::new(25, 35)).len(), 2);
        assert!(shared.stretches_in(TextRange::new(40, 60)).is_empty());
        assert_eq!(shared.stretches[0].description, "与另外 1 份报告共有：乙.txt");
        assert!(shared.stretches[1].description.starts_with("套话"));
        let english = shared.in_language(Language::English);
        assert_eq!(english.stretches[0].description, "Shared with 1 other report: 乙.txt");
        assert_eq!(
            english.stretches[1].description,
            "Boilerplate (found in most reports or in a template file). Shared with 2 other reports: 乙.txt, 丙.txt"
        );
        assert_eq!(english.stretches.len(), shared.stretches.len());
        assert!(shared.explain_own_share(Language::Chinese).starts_with("自有文字："));
        assert!(english.explain_own_share(Language::English).starts_with("Own text: "));
        assert!(SharedText::of(&set, 1, &text, Vec::new()).is_none(), "report 1 was not compared");
        let short = SharedText::of(&set, 7, &"x".repeat(25), Vec::new()).expect("compared");
        assert!(short.stretches.iter().all(|s| s.range.end <= 25), "ranges past an older text are left out");
    }
}
