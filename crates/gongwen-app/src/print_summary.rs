//! The one-page summary of a report that 「打印摘要」 prints for the 评议
//! meeting: its overview line, its outline (two levels), its 成效 / 问题 /
//! 打算 parts, its first figures and findings, and the passages it shares
//! with other reports when they were compared. Plain data: what is on the
//! page and in what order, the reports' own text as it is and the kinds of
//! parts and findings as kinds, not names; `components/print_view.rs` draws
//! it for print, its labels in the page's language.

use gongwen_core::ReportAnalysis;
use gongwen_core::compare::{Comparison, TextId};
use gongwen_core::file_name::display_file_name;
use gongwen_core::lint::LintKind;
use gongwen_core::overview::OverviewRow;
use gongwen_core::structure::PartKind;

/// Figures listed on a page.
pub const FIGURES_PER_PAGE: usize = 12;

/// Findings listed on a page.
pub const FINDINGS_PER_PAGE: usize = 10;

/// Shared passages listed on a page.
pub const PASSAGES_PER_PAGE: usize = 5;

/// Characters of a shared passage shown.
const PASSAGE_CHARS: usize = 60;

/// A passage the report shares: its characters, its text (shortened) and
/// the other reports holding it.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedPassage {
    /// Its length in characters.
    pub chars: usize,
    /// Its first characters.
    pub text: String,
    /// The other reports' file names.
    pub with: Vec<String>,
}

/// What a report's page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintSummary {
    /// The overview line.
    pub row: OverviewRow,
    /// Its own-text share, when compared.
    pub own_share: Option<f64>,
    /// Headings of the first two levels: (level, marker + title).
    pub headings: Vec<(u32, String)>,
    /// Each part: its kind, share and characters.
    pub parts: Vec<(PartKind, f64, usize)>,
    /// The first figures: text and what it counts.
    pub figures: Vec<(String, String)>,
    /// Figures not listed.
    pub more_figures: usize,
    /// The first findings: line, kind, text as written and message.
    pub findings: Vec<(u32, LintKind, String, String)>,
    /// Findings not listed.
    pub more_findings: usize,
    /// Its longest shared passages, when compared (`None`: not compared).
    pub passages: Option<Vec<SharedPassage>>,
}

impl PrintSummary {
    /// The page of the report `analysis`, number `index` of the compared
    /// reports when `comparison` (of reports named `names`) is given.
    pub fn of(
        analysis: &ReportAnalysis,
        comparison: Option<(&Comparison, usize, &[String])>,
        own_share: Option<f64>,
    ) -> Self {
        let headings = analysis
            .outline
            .headings
            .iter()
            .filter(|heading| heading.level <= 2)
            .map(|heading| (heading.level, format!("{}{}", heading.marker, heading.title)))
            .collect();
        let parts = analysis.structure.parts.iter().map(|part| (part.part, part.share, part.chars)).collect();
        let figures = analysis
            .figures
            .iter()
            .take(FIGURES_PER_PAGE)
            .map(|figure| (figure.text.clone(), figure.subject.clone().unwrap_or_default()))
            .collect();
        let findings = analysis
            .lint
            .iter()
            .take(FINDINGS_PER_PAGE)
            .map(|finding| (finding.line, finding.kind, finding.text.clone(), finding.message.clone()))
            .collect();
        let passages = comparison.map(|(comparison, index, names)| shared_passages(comparison, index, names));
        Self {
            row: OverviewRow::of(analysis),
            own_share,
            headings,
            parts,
            figures,
            more_figures: analysis.figures.len().saturating_sub(FIGURES_PER_PAGE),
            findings,
            more_findings: analysis.lint.len().saturating_sub(FINDINGS_PER_PAGE),
            passages,
        }
    }
}

/// The longest passages report `index` shares, with the others holding them.
fn shared_passages(comparison: &Comparison, index: usize, names: &[String]) -> Vec<SharedPassage> {
    let mut held: Vec<SharedPassage> = comparison
        .passages
        .iter()
        .filter(|passage| passage.occurrences.iter().any(|o| o.text == TextId::Report(index)))
        .map(|passage| {
            let mut with: Vec<String> = passage
                .occurrences
                .iter()
                .filter_map(|o| match o.text {
                    TextId::Report(other) if other != index => names.get(other).map(|name| display_file_name(name)),
                    _ => None,
                })
                .collect();
            with.dedup();
            let text: String = passage.text.chars().take(PASSAGE_CHARS).collect();
            let ellipsis = if passage.text.chars().count() > PASSAGE_CHARS { "…" } else { "" };
            SharedPassage { chars: passage.chars, text: format!("{text}{ellipsis}"), with }
        })
        .collect();
    held.sort_by_key(|passage| std::cmp::Reverse(passage.chars));
    held.truncate(PASSAGES_PER_PAGE);
    held
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_holds_the_outline_parts_figures_findings_and_shared_passages() {
        let segmenter = gongwen_core::Segmenter::new().expect("the segmenter builds");
        let text = "一、主要工作\n全年开展学习12次，走访群众300户。\n二、存在问题\n学习不够深入，联系群众不够紧密。\n三、下步打算\n继续加强学习。\n";
        let a = gongwen_core::analyze_report("a.txt", text.as_bytes(), &segmenter).expect("analysed");
        let b = gongwen_core::analyze_report("b.txt", text.as_bytes(), &segmenter).expect("analysed");
        let comparison = gongwen_core::compare::compare_reports(
            &[&a, &b],
            &[],
            segmenter.lexicon(),
            &gongwen_core::compare::CompareSettings::default(),
        );
        let names = ["a.txt".to_owned(), "b.txt".to_owned()];
        let page = PrintSummary::of(&a, Some((&comparison, 0, &names)), Some(0.0));
        assert_eq!(page.headings.first().map(|(_, text)| text.as_str()), Some("一、主要工作"));
        assert_eq!(page.figures.first().map(|(text, _)| text.as_str()), Some("12次"));
        assert!(page.parts.iter().any(|(part, _, _)| *part == PartKind::Problems), "{:?}", page.parts);
        let passages = page.passages.expect("compared");
        assert!(!passages.is_empty() && passages[0].with == ["b.txt"], "{passages:?}");
        assert!(PrintSummary::of(&a, None, None).passages.is_none());
    }
}
