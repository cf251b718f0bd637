//! The page's view of a comparison of the loaded reports: the core's
//! [`Comparison`] with the page's id of each compared report, and where a
//! running comparison stands; likewise for a report compared with an
//! earlier year's (对照, [`YearStatus`]).

use std::rc::Rc;

use gongwen_core::compare::year_over_year::YearComparison;
use gongwen_core::compare::{CompareProgress, CompareStage, Comparison, Passage, TextId};

use crate::compare_client::CompareFailure;
use crate::i18n::Language;
use crate::protocol::ReportId;
use crate::state::SharedAnalysis;

/// The most characters (all loaded reports together) compared without being
/// asked. A comparison's worker and its answer grow with the shared text:
/// over reports of 8,000 characters that share most of their sentences
/// (`tests/bench/analysis-browser.mjs`), the tab's memory footprint peaked
/// at 447 MB for 500 of them compared unasked and 496 MB for 600, and at
/// 650–700 MB for 1,000, too much to spend on a view nobody opened (the
/// issue's budget is 500 MB). Four million characters are some 490 such
/// reports.
pub const BACKGROUND_COMPARISON_CHARS: usize = 4_000_000;

/// [`BACKGROUND_COMPARISON_CHARS`] as the page's texts write it: 「400 万字」,
/// "4 million characters".
pub fn background_comparison_limit(language: Language) -> String {
    language.pick(
        format!("{} 万字", BACKGROUND_COMPARISON_CHARS / 10_000),
        format!("{} million characters", BACKGROUND_COMPARISON_CHARS / 1_000_000),
    )
}

/// A finished comparison of the reports `ids` (the core's `TextId::Report(i)`
/// is `ids[i]`).
///
/// Its passages come without their texts (the worker leaves them out: over
/// a thousand reports they were half of its answer, and each is a slice of
/// a report the page holds): [`passage_text`](Self::passage_text) reads one
/// from the compared report, and [`with_passage_texts`](Self::with_passage_texts)
/// gives the comparison whole, as the exports write it.
#[derive(Debug, Clone, PartialEq)]
pub struct SetComparison {
    /// The compared reports, in the order compared.
    pub ids: Vec<ReportId>,
    /// Their analyses, in the same order: what the passages' texts are read
    /// from.
    pub reports: Vec<SharedAnalysis>,
    /// The comparison, its passages' `text` empty.
    pub comparison: Comparison,
    /// How long it took in the worker, in milliseconds.
    pub millis: f64,
    /// The worker's wasm memory afterwards, in bytes.
    pub memory_bytes: u64,
}

impl SetComparison {
    /// The page's id of a text, `None` for a template file.
    pub fn report_id(&self, text: TextId) -> Option<ReportId> {
        match text {
            TextId::Report(index) => self.ids.get(index).copied(),
            TextId::Template(_) => None,
        }
    }

    /// The index of report `id` in the comparison.
    pub fn index_of(&self, id: ReportId) -> Option<usize> {
        self.ids.iter().position(|&other| other == id)
    }

    /// A passage's text, read from the compared report of its first
    /// occurrence ([`Passage::text_in`]; a passage's first occurrence is
    /// always in a report: one no report holds is not kept).
    pub fn passage_text(&self, passage: &Passage) -> &str {
        passage.text_in(|text| match text {
            TextId::Report(index) => Some(self.reports.get(index)?.cleaned.text.as_str()),
            TextId::Template(_) => None,
        })
    }

    /// The comparison with every passage's text, as the core makes it (the
    /// JSON export, the passages' CSV and the printed summary write them).
    pub fn with_passage_texts(&self) -> Comparison {
        let mut comparison = self.comparison.clone();
        for passage in &mut comparison.passages {
            passage.text = self.passage_text(passage).to_owned();
        }
        comparison
    }
}

/// A result shared between views; equality is identity. A result never
/// changes once the worker sends it, and comparing pointers keeps props and
/// memos from comparing whole matrices and passage lists on every render.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Shares a new result.
    pub fn new(value: T) -> Self {
        Self(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// A comparison of the loaded reports, shared between views.
pub type SharedComparison = Shared<SetComparison>;

/// Where the comparison of the loaded reports stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ComparisonStatus {
    /// Nothing asked yet (the view was never opened, or fewer than two reports).
    #[default]
    Idle,
    /// Running over `reports` reports; the latest step, once one is reported.
    Running {
        /// How many reports are compared.
        reports: usize,
        /// The latest step.
        progress: Option<CompareProgress>,
    },
    /// The user cancelled it.
    Cancelled,
    /// Done.
    Ready(SharedComparison),
    /// The worker could not start or died, with why.
    Failed(CompareFailure),
}

/// A step of a running comparison, in `language`, with its counts.
pub fn describe_progress(language: Language, reports: usize, progress: Option<CompareProgress>) -> String {
    let count = |n: usize| language.count(n);
    match progress {
        None => language.pick(
            format!("正在比对 {reports} 份报告……"),
            format!("Comparing {}…", language.things(reports, "份", "report", "reports")),
        ),
        Some(CompareProgress { stage: CompareStage::Normalizing, done, total }) => language.pick(
            format!("正在读取正文：{done} / {total} 份"),
            format!("Reading the texts: {} / {}", count(done), count(total)),
        ),
        Some(CompareProgress { stage: CompareStage::Indexing, total, .. }) => language.pick(
            format!("正在为 {reports} 份报告共 {total} 字建立索引……"),
            format!("Indexing {} characters of {}…", count(total), language.things(reports, "份", "report", "reports")),
        ),
        Some(CompareProgress { stage: CompareStage::Passages, total, .. }) => language.pick(
            format!("已找到 {total} 处重复片段，正在合并为共有段落……"),
            format!("Found {} repeated stretches; merging them into shared passages…", count(total)),
        ),
        Some(CompareProgress { stage: CompareStage::Scoring, total, .. }) => language.pick(
            format!("已得到 {total} 段共有段落，正在计算相似度……"),
            format!(
                "{} {}; computing similarities…",
                count(total),
                if total == 1 { "shared passage" } else { "shared passages" }
            ),
        ),
    }
}

/// Where the comparison of a report with an earlier year's stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum YearStatus {
    /// Nothing asked.
    #[default]
    Idle,
    /// The worker is comparing the two.
    Running,
    /// Done.
    Ready(Shared<YearComparison>),
    /// The worker could not start or died, with why.
    Failed(CompareFailure),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Passages sent without their texts read them from the compared
    /// reports: the comparison made whole again is the core's, text for
    /// text.
    #[test]
    fn passage_texts_are_read_from_the_compared_reports() {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let shared = "全面从严治党向纵深发展，基层党组织的政治功能和组织功能不断增强，党员干部的干事创业热情持续高涨。";
        let analyses: Vec<SharedAnalysis> = ["一、成效\n甲单位推进各项工作。", "二、成效\n乙单位坚持问题导向。"]
            .iter()
            .enumerate()
            .map(|(index, own)| {
                let text = format!("{own}{shared}");
                SharedAnalysis::new(
                    gongwen_core::analyze_report(&format!("{index}.txt"), text.as_bytes(), &segmenter).expect("read"),
                )
            })
            .collect();
        let reports: Vec<&gongwen_core::ReportAnalysis> = analyses.iter().map(|analysis| &**analysis).collect();
        let lexicon = gongwen_core::lexicon::Lexicon::builtin().expect("lexicon");
        let whole = gongwen_core::compare::compare_reports(&reports, &[], &lexicon, &Default::default());
        assert!(!whole.passages.is_empty(), "the two reports share a passage");
        let mut sent = whole.clone();
        for passage in &mut sent.passages {
            passage.text = String::new();
        }
        let set = SetComparison { ids: vec![3, 4], reports: analyses, comparison: sent, millis: 0.0, memory_bytes: 0 };
        assert_eq!(set.passage_text(&set.comparison.passages[0]), whole.passages[0].text);
        assert!(whole.passages[0].text.contains("基层党组织的政治功能"));
        assert_eq!(set.with_passage_texts(), whole);
    }

    #[test]
    fn the_background_limit_is_written_as_the_texts_said_it() {
        assert_eq!(background_comparison_limit(Language::Chinese), "400 万字");
        assert_eq!(background_comparison_limit(Language::English), "4 million characters");
    }

    #[test]
    fn progress_is_told_in_either_language() {
        let indexing = Some(CompareProgress { stage: CompareStage::Indexing, done: 0, total: 12_345 });
        assert_eq!(describe_progress(Language::Chinese, 3, indexing), "正在为 3 份报告共 12345 字建立索引……");
        assert_eq!(describe_progress(Language::English, 3, indexing), "Indexing 12,345 characters of 3 reports…");
        assert_eq!(describe_progress(Language::Chinese, 2, None), "正在比对 2 份报告……");
        assert_eq!(describe_progress(Language::English, 2, None), "Comparing 2 reports…");
    }
}
