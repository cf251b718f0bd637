//! The set's tables as CSV for a reviewer's own 评议 table (Excel and WPS:
//! UTF-8 with BOM, CRLF, formulas defused — [`crate::csv`]): every report's
//! words, its formulations, its 校对 findings, and the comparison's
//! similarity matrix and shared passages. Headers are Chinese, as the
//! overview's are: the files are data, the same whatever the page's
//! language. Each row names its report's file.

use crate::compare::{Comparison, TextId};
use crate::csv::CsvTable;
use crate::diagnostic::Severity;
use crate::formulations::FormulationCount;
use crate::lexicon::LexiconCategory;
use crate::lint::LintFinding;
use crate::words::WordFrequencies;
use crate::xlsx::Cell;

/// A table with `header`, then `rows` of cells, as CSV.
pub fn cells_csv(header: &[&str], rows: impl IntoIterator<Item = Vec<Cell>>) -> String {
    let mut table = CsvTable::new();
    table.text_row(&header.iter().map(|name| (*name).to_owned()).collect::<Vec<_>>());
    for row in rows {
        for cell in row {
            match cell {
                Cell::Text(text) => table.cell_text(&text),
                Cell::Number(number) => table.cell_number(number),
                Cell::Empty => table.cell_text(""),
            }
        }
        table.end_row();
    }
    table.finish()
}

/// The columns of a 校对 finding's row, in the CSV and the workbook.
pub const FINDING_COLUMNS: [&str; 7] = ["文件", "行", "类别", "程度", "原文", "说明", "建议"];

/// A finding of report `file` as a row of [`FINDING_COLUMNS`].
pub fn finding_cells(file: &str, finding: &LintFinding) -> Vec<Cell> {
    vec![
        Cell::Text(file.to_owned()),
        Cell::Number(f64::from(finding.line)),
        Cell::Text(finding.kind.label().to_owned()),
        Cell::Text(if finding.severity == Severity::Warning { "警告" } else { "提示" }.to_owned()),
        Cell::Text(finding.text.clone()),
        Cell::Text(finding.message.clone()),
        finding.suggestion.clone().map_or(Cell::Empty, Cell::Text),
    ]
}

/// Every report's words: one row per report and word, most frequent first,
/// with both counts (词次 as segmented, 原文次数 as Ctrl-F finds it).
pub fn words_csv(reports: &[(&str, &WordFrequencies)]) -> String {
    let rows = reports.iter().flat_map(|&(file, words)| {
        words.counts.iter().map(move |count| {
            vec![
                Cell::Text(file.to_owned()),
                Cell::Text(count.word.to_string()),
                Cell::Number(count.count as f64),
                Cell::Number(count.text_count as f64),
            ]
        })
    });
    cells_csv(&["文件", "词语", "词次", "原文次数"], rows)
}

/// The Chinese name of a lexicon category, as the page shows it.
pub fn category_name(category: LexiconCategory) -> &'static str {
    match category {
        LexiconCategory::Formulation => "提法",
        LexiconCategory::Body => "机构",
        LexiconCategory::Activity => "活动",
        LexiconCategory::System => "制度",
        LexiconCategory::Slogan => "口号",
        LexiconCategory::User => "自定义",
    }
}

/// Every report's formulations (提法 and the lexicon's other entries): one
/// row per report and entry, with its count and density.
pub fn formulations_csv(reports: &[(&str, &[FormulationCount])]) -> String {
    let rows = reports.iter().flat_map(|&(file, formulations)| {
        formulations.iter().map(move |formulation| {
            vec![
                Cell::Text(file.to_owned()),
                Cell::Text(formulation.term.clone()),
                Cell::Text(category_name(formulation.category).to_owned()),
                Cell::Number(formulation.count as f64),
                Cell::Number((formulation.per_thousand * 1000.0).round() / 1000.0),
            ]
        })
    });
    cells_csv(&["文件", "条目", "类别", "次数", "每千字"], rows)
}

/// Every report's 校对 findings, in text order.
pub fn lint_csv(reports: &[(&str, &[LintFinding])]) -> String {
    let rows =
        reports.iter().flat_map(|&(file, findings)| findings.iter().map(move |finding| finding_cells(file, finding)));
    cells_csv(&FINDING_COLUMNS, rows)
}

/// The comparison's similarity matrix: row A, column B is the share of A's
/// text in passages A shares with B (0–1, to 0.0001), the diagonal empty.
/// `names` are the compared reports' files, in the comparison's order.
pub fn similarity_csv(names: &[&str], comparison: &Comparison) -> String {
    let mut header = vec!["报告"];
    header.extend_from_slice(names);
    let rows = comparison.similarity.iter().enumerate().map(|(row, shares)| {
        let mut cells = vec![Cell::Text(names.get(row).copied().unwrap_or_default().to_owned())];
        cells.extend(shares.iter().enumerate().map(|(column, share)| {
            if row == column { Cell::Empty } else { Cell::Number((share * 10_000.0).round() / 10_000.0) }
        }));
        cells
    });
    cells_csv(&header, rows)
}

/// The comparison's shared passages: one row per occurrence, longest
/// passage first as the comparison lists them, each with its passage's
/// number, length, report count and whether it is template phrasing (套话)
/// or a near copy. `names` are the compared reports' files and `templates`
/// the template files', in the comparison's order.
pub fn passages_csv(names: &[&str], templates: &[&str], comparison: &Comparison) -> String {
    let yes = |flag: bool| Cell::Text(if flag { "是" } else { "" }.to_owned());
    let rows = comparison.passages.iter().enumerate().flat_map(|(index, passage)| {
        passage.occurrences.iter().map(move |occurrence| {
            let file = match occurrence.text {
                TextId::Report(report) => names.get(report).copied().unwrap_or_default().to_owned(),
                TextId::Template(template) => {
                    format!("{}（模板）", templates.get(template).copied().unwrap_or_default())
                }
            };
            vec![
                Cell::Number((index + 1) as f64),
                Cell::Number(passage.chars as f64),
                Cell::Number(passage.reports as f64),
                yes(passage.template),
                yes(passage.near_copy),
                Cell::Text(file),
                Cell::Number(f64::from(occurrence.line)),
                Cell::Text(passage.text.clone()),
            ]
        })
    });
    cells_csv(&["段落", "字数", "份数", "套话", "近似", "文件", "行", "文字"], rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::WordCount;

    #[test]
    fn words_are_listed_per_report_with_both_counts() {
        let words = WordFrequencies {
            tokens: 5,
            counts: vec![
                WordCount { word: "党建".into(), count: 3, text_count: 4 },
                WordCount { word: "=SUM".into(), count: 2, text_count: 2 },
            ],
        };
        let csv = words_csv(&[("a,b.txt", &words)]);
        assert_eq!(csv, "\u{FEFF}文件,词语,词次,原文次数\r\n\"a,b.txt\",党建,3,4\r\n\"a,b.txt\",'=SUM,2,2\r\n");
    }

    #[test]
    fn the_similarity_matrix_names_rows_and_columns_and_leaves_the_diagonal_empty() {
        let comparison = Comparison {
            settings: crate::compare::CompareSettings::default(),
            reports: Vec::new(),
            similarity: vec![vec![1.0, 0.123_456], vec![0.5, 1.0]],
            shared_passages: Vec::new(),
            passages: Vec::new(),
            diagnostics: Vec::new(),
        };
        let csv = similarity_csv(&["甲.txt", "乙.txt"], &comparison);
        assert_eq!(csv, "\u{FEFF}报告,甲.txt,乙.txt\r\n甲.txt,,0.1235\r\n乙.txt,0.5,\r\n");
    }
}
