//! One line per report for the overview of a whole stack: the numbers that
//! tell at a glance which reports are thin (few characters, sections or
//! points), careless (many 校对 findings), evasive (a small or missing
//! 问题 part) or vague (few figures), each taken from the report's own
//! analysis. The set-level columns (own-text share, distinctive words) come
//! from the comparison and keyness and are added by the caller.

use serde::Serialize;

use crate::analysis::ReportAnalysis;
use crate::diagnostic::Severity;
use crate::keyness::{SetTotals, Significance, distinctive_words_against};
use crate::outline::HeadingKind;
use crate::structure::PartKind;
use crate::tables::{FINDING_COLUMNS, cells_csv, finding_cells};
use crate::term_counts::reporting_unit_of;
use crate::words::WordFrequencies;
use crate::xlsx::{Cell, Sheet, workbook};

/// How many distinctive words the overview shows for each report.
pub const OVERVIEW_DISTINCTIVE_WORDS: usize = 3;

/// The longest 署名 line taken as a report's unit or author, in characters.
const MAX_AUTHOR_CHARS: usize = 30;

/// The overview's line for one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverviewRow {
    /// The file's name or path.
    pub file: String,
    /// The report's title, if found.
    pub title: Option<String>,
    /// Who reports: the 署名 line, or the unit the title or file name
    /// begins with (北京市 of 北京市2023年政府工作报告).
    pub unit: Option<String>,
    /// The year the report is for, if found.
    pub year: Option<u32>,
    /// Characters, whitespace not counted.
    pub chars: usize,
    /// Top-level sections (一、二、…).
    pub sections: usize,
    /// Points (一是、二是 …) in all sections.
    pub points: usize,
    /// Figures (实绩数据), redacted ones included.
    pub figures: usize,
    /// Figures per 1,000 characters, to 0.01.
    pub figures_per_thousand: f64,
    /// Figures whose value is hidden (`**件`).
    pub redactions: usize,
    /// The 问题 part's share of the text (0–1, to 0.001), `None` when the
    /// report has none.
    pub problems_share: Option<f64>,
    /// 校对 findings of every kind.
    pub lint: usize,
    /// Of which warnings.
    pub lint_warnings: usize,
    /// The report's most distinctive words against the rest of the set (G²,
    /// p < 0.05, highest first, at most [`OVERVIEW_DISTINCTIVE_WORDS`]);
    /// empty until the caller, who has the set, adds them
    /// ([`OverviewRow::with_distinctive_against`]) (added field).
    pub distinctive: Vec<String>,
}

impl OverviewRow {
    /// The line of an analysed report.
    pub fn of(analysis: &ReportAnalysis) -> Self {
        let outline = &analysis.outline;
        let author = outline
            .author
            .as_ref()
            .map(|author| author.text.trim().to_owned())
            .filter(|author| !author.is_empty() && author.chars().count() <= MAX_AUTHOR_CHARS);
        let figures = analysis.figures.len();
        let per_thousand = if analysis.chars == 0 { 0.0 } else { figures as f64 * 1000.0 / analysis.chars as f64 };
        Self {
            file: analysis.name.clone(),
            title: outline.title.as_ref().map(|title| title.text.clone()),
            unit: author.or_else(|| reporting_unit_of(analysis.reading())),
            year: analysis.year,
            chars: analysis.chars,
            sections: outline.headings.iter().filter(|heading| heading.level == 1).count(),
            points: outline.headings.iter().filter(|heading| heading.kind == HeadingKind::Enumeration).count(),
            figures,
            figures_per_thousand: (per_thousand * 100.0).round() / 100.0,
            redactions: analysis.figures.iter().filter(|figure| figure.redacted).count(),
            problems_share: analysis
                .structure
                .parts
                .iter()
                .find(|part| part.part == PartKind::Problems)
                .map(|part| (part.share * 1000.0).round() / 1000.0),
            lint: analysis.lint.len(),
            lint_warnings: analysis.lint.iter().filter(|finding| finding.severity == Severity::Warning).count(),
            distinctive: Vec::new(),
        }
    }

    /// The line with the report's distinctive words: those of `words` (the
    /// report's) against the set whose counts are `totals`.
    #[must_use]
    pub fn with_distinctive_against(mut self, words: &WordFrequencies, totals: &SetTotals) -> Self {
        self.distinctive = distinctive_words_against(words, totals, OVERVIEW_DISTINCTIVE_WORDS, Significance::P05)
            .into_iter()
            .map(|word| word.word)
            .collect();
        self
    }

    /// The lines of a whole set of analysed reports, each with its
    /// distinctive words against the others.
    pub fn for_set(analyses: &[ReportAnalysis]) -> Vec<Self> {
        let frequencies: Vec<&WordFrequencies> = analyses.iter().map(|analysis| &analysis.words).collect();
        let totals = SetTotals::of(&frequencies);
        analyses.iter().map(|analysis| Self::of(analysis).with_distinctive_against(&analysis.words, &totals)).collect()
    }
}

/// The overview's columns, as its CSV and its workbook's 总览 sheet name them.
const OVERVIEW_COLUMNS: [&str; 15] = [
    "文件",
    "标题",
    "单位",
    "年份",
    "字数",
    "章节",
    "要点",
    "数据",
    "数据/千字",
    "隐去",
    "问题占比",
    "自有文字",
    "校对",
    "校对警告",
    "特色词",
];

/// A report's overview line as cells, in [`OVERVIEW_COLUMNS`]' order, with
/// its own-text share when the reports were compared.
fn overview_cells(row: &OverviewRow, own_share: Option<f64>) -> Vec<Cell> {
    let text = |value: Option<&str>| value.map_or(Cell::Empty, |value| Cell::Text(value.to_owned()));
    let number = |value: Option<f64>| value.map_or(Cell::Empty, Cell::Number);
    vec![
        Cell::Text(row.file.clone()),
        text(row.title.as_deref()),
        text(row.unit.as_deref()),
        number(row.year.map(f64::from)),
        Cell::Number(row.chars as f64),
        Cell::Number(row.sections as f64),
        Cell::Number(row.points as f64),
        Cell::Number(row.figures as f64),
        Cell::Number(row.figures_per_thousand),
        Cell::Number(row.redactions as f64),
        number(row.problems_share),
        number(own_share),
        Cell::Number(row.lint as f64),
        Cell::Number(row.lint_warnings as f64),
        Cell::Text(row.distinctive.join("、")),
    ]
}

/// The overview as CSV for Excel and WPS (UTF-8 with BOM, CRLF): one row
/// per report, each with its own-text share when the reports were compared.
pub fn overview_csv(lines: &[(&OverviewRow, Option<f64>)]) -> String {
    cells_csv(&OVERVIEW_COLUMNS, lines.iter().map(|&(row, own_share)| overview_cells(row, own_share)))
}

/// The overview as an Excel workbook, one sheet per table: 总览 (the lines,
/// each with its own-text share when compared), 数据 (every figure), 结构
/// (every 成效 / 问题 / 打算 part) and 校对 (every finding), each row naming
/// its report's file. Each report comes with its overview line (set-level
/// columns filled) and its own-text share.
pub fn overview_workbook(reports: &[(&ReportAnalysis, &OverviewRow, Option<f64>)]) -> Vec<u8> {
    let text = |value: &str| Cell::Text(value.to_owned());
    let optional_text = |value: Option<&str>| value.map_or(Cell::Empty, |value| Cell::Text(value.to_owned()));
    let number = |value: f64| Cell::Number(value);
    let optional = |value: Option<f64>| value.map_or(Cell::Empty, Cell::Number);
    let header = |names: &[&str]| names.iter().map(|name| text(name)).collect::<Vec<_>>();
    let mut overview = vec![header(&OVERVIEW_COLUMNS)];
    let mut figures = vec![header(&["文件", "行", "数据", "数值", "单位", "约数", "隐去", "计数对象", "章节"])];
    let mut parts = vec![header(&["文件", "部分", "字数", "占比", "起始行"])];
    let mut findings = vec![header(&FINDING_COLUMNS)];
    for &(analysis, row, own_share) in reports {
        let file = || text(&analysis.name);
        overview.push(overview_cells(row, own_share));
        let headings = &analysis.outline.headings;
        for figure in &analysis.figures {
            let section = figure.heading.and_then(|index| headings.get(index));
            figures.push(vec![
                file(),
                number(f64::from(figure.line)),
                text(&figure.text),
                optional(figure.value),
                optional_text(figure.unit.as_deref()),
                optional_text(figure.approx.as_deref()),
                text(if figure.redacted { "是" } else { "" }),
                optional_text(figure.subject.as_deref()),
                section.map_or(Cell::Empty, |heading| Cell::Text(format!("{}{}", heading.marker, heading.title))),
            ]);
        }
        for part in &analysis.structure.parts {
            parts.push(vec![
                file(),
                text(part.part.label()),
                number(part.chars as f64),
                number((part.share * 1000.0).round() / 1000.0),
                number(f64::from(part.line)),
            ]);
        }
        findings.extend(analysis.lint.iter().map(|finding| finding_cells(&analysis.name, finding)));
    }
    let sheet = |name: &str, rows| Sheet { name: name.to_owned(), rows };
    workbook(&[sheet("总览", overview), sheet("数据", figures), sheet("结构", parts), sheet("校对", findings)])
}
