//! One line per report for the overview of a whole stack: the numbers that
//! tell at a glance which reports are thin (few characters, sections or
//! points), careless (many 校对 findings), evasive (a small or missing
//! 问题 part) or vague (few figures), each taken from the report's own
//! analysis. The set-level columns (own-text share, distinctive words) come
//! from the comparison and keyness and are added by the caller.

use serde::Serialize;

use crate::analysis::ReportAnalysis;
use crate::csv::CsvTable;
use crate::diagnostic::Severity;
use crate::outline::HeadingKind;
use crate::structure::PartKind;
use crate::term_counts::reporting_unit_of;

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
        }
    }
}

/// The overview as CSV for Excel and WPS (UTF-8 with BOM, CRLF): one row
/// per report, each with its own-text share when the reports were compared.
pub fn overview_csv(lines: &[(&OverviewRow, Option<f64>)]) -> String {
    let mut table = CsvTable::new();
    let header = [
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
    ];
    table.text_row(&header.map(str::to_owned));
    for (row, own_share) in lines {
        table.cell_text(&row.file);
        table.cell_text(row.title.as_deref().unwrap_or(""));
        table.cell_text(row.unit.as_deref().unwrap_or(""));
        match row.year {
            Some(year) => table.cell_number(year),
            None => table.cell_text(""),
        }
        for count in [row.chars, row.sections, row.points, row.figures] {
            table.cell_number(count);
        }
        table.cell_number(row.figures_per_thousand);
        table.cell_number(row.redactions);
        for share in [row.problems_share, *own_share] {
            match share {
                Some(share) => table.cell_number(share),
                None => table.cell_text(""),
            }
        }
        table.cell_number(row.lint);
        table.cell_number(row.lint_warnings);
        table.end_row();
    }
    table.finish()
}
