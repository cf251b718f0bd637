//! The overview of the whole stack as a table: one line per report (the
//! core's [`OverviewRow`] with its distinctive words once the keyness worker
//! has them and, once the reports are compared, the share of text that is
//! its own), filtered by text, sorted by any column, and the
//! window of lines drawn for a scroll position (a thousand lines scroll as
//! smoothly as ten: only those in view are in the page). Plain data.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

use gongwen_core::file_name::display_file_name;
use gongwen_core::overview::OverviewRow;

use crate::protocol::ReportId;

/// A line of the overview.
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewLine {
    /// The report.
    pub id: ReportId,
    /// Its numbers.
    pub row: Rc<OverviewRow>,
    /// The share of its text found in no other report (0–1), once the
    /// reports are compared.
    pub own_share: Option<f64>,
}

/// A column of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OverviewColumn {
    /// The list's order.
    #[default]
    Report,
    /// Unit or author.
    Unit,
    /// Characters.
    Chars,
    /// Top-level sections.
    Sections,
    /// Points.
    Points,
    /// Figures per 1,000 characters.
    FiguresPerThousand,
    /// Redacted figures.
    Redactions,
    /// The 问题 part's share.
    ProblemsShare,
    /// Own-text share.
    OwnShare,
    /// 校对 findings.
    Lint,
}

/// How the lines are ordered: a column, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OverviewOrder {
    /// The column.
    pub column: OverviewColumn,
    /// Largest (or last) first.
    pub descending: bool,
}

impl OverviewOrder {
    /// The order after a click on `column`'s header: the column, in the
    /// other direction if it was already the one; numbers start largest
    /// first, names in their order.
    pub fn clicked(self, column: OverviewColumn) -> Self {
        if self.column == column {
            Self { column, descending: !self.descending }
        } else {
            let names = matches!(column, OverviewColumn::Report | OverviewColumn::Unit);
            Self { column, descending: !names }
        }
    }
}

/// The number a line shows in `column`, if the column is a number and the
/// line has one.
pub fn number_of(line: &OverviewLine, column: OverviewColumn) -> Option<f64> {
    let row = &line.row;
    match column {
        OverviewColumn::Report | OverviewColumn::Unit => None,
        OverviewColumn::Chars => Some(row.chars as f64),
        OverviewColumn::Sections => Some(row.sections as f64),
        OverviewColumn::Points => Some(row.points as f64),
        OverviewColumn::FiguresPerThousand => Some(row.figures_per_thousand),
        OverviewColumn::Redactions => Some(row.redactions as f64),
        OverviewColumn::ProblemsShare => row.problems_share,
        OverviewColumn::OwnShare => line.own_share,
        OverviewColumn::Lint => Some(row.lint as f64),
    }
}

/// `row` with report `id`'s distinctive words from `tops`, when they are
/// there.
pub fn with_distinctive(row: OverviewRow, tops: Option<&HashMap<ReportId, Vec<String>>>, id: ReportId) -> OverviewRow {
    match tops.and_then(|tops| tops.get(&id)) {
        Some(words) => OverviewRow { distinctive: words.clone(), ..row },
        None => row,
    }
}

/// What a line is called: its title, else its file name.
pub fn line_label(row: &OverviewRow) -> String {
    row.title.clone().filter(|title| !title.trim().is_empty()).unwrap_or_else(|| display_file_name(&row.file))
}

/// The lines whose file name, title, unit or a distinctive word holds `filter` (all of them
/// for an empty filter), in `order`. Lines without a value for a number
/// column come last either way; ties keep the list's order.
pub fn arranged_lines(lines: &[OverviewLine], filter: &str, order: OverviewOrder) -> Vec<OverviewLine> {
    let filter = filter.trim();
    let mut kept: Vec<OverviewLine> = lines
        .iter()
        .filter(|line| {
            filter.is_empty()
                || line.row.file.contains(filter)
                || line.row.title.as_deref().is_some_and(|title| title.contains(filter))
                || line.row.unit.as_deref().is_some_and(|unit| unit.contains(filter))
                || line.row.distinctive.iter().any(|word| word.contains(filter))
        })
        .cloned()
        .collect();
    let direction = |ordering: Ordering| if order.descending { ordering.reverse() } else { ordering };
    match order.column {
        OverviewColumn::Report => {
            if order.descending {
                kept.reverse();
            }
        }
        OverviewColumn::Unit => kept.sort_by(|a, b| match (&a.row.unit, &b.row.unit) {
            (Some(x), Some(y)) => direction(x.cmp(y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }),
        column => kept.sort_by(|a, b| match (number_of(a, column), number_of(b, column)) {
            (Some(x), Some(y)) => direction(x.total_cmp(&y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }),
    }
    kept
}

/// The lines to draw for a viewport `height` pixels high scrolled to
/// `scroll_top`, of `total` lines `line_height` pixels each: the first and
/// one past the last, with `overscan` lines more on each side.
pub fn visible_window(scroll_top: f64, height: f64, line_height: f64, total: usize, overscan: usize) -> (usize, usize) {
    if total == 0 || line_height <= 0.0 {
        return (0, 0);
    }
    let first = (scroll_top.max(0.0) / line_height).floor() as usize;
    let shown = (height.max(0.0) / line_height).ceil() as usize + 1;
    let start = first.saturating_sub(overscan).min(total);
    let end = (first + shown + overscan).min(total);
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: ReportId, chars: usize, problems: Option<f64>, unit: Option<&str>) -> OverviewLine {
        OverviewLine {
            id,
            row: Rc::new(OverviewRow {
                file: format!("报告{id}.txt"),
                title: None,
                unit: unit.map(str::to_owned),
                year: None,
                chars,
                sections: 3,
                points: 2,
                figures: 0,
                figures_per_thousand: 0.0,
                redactions: 0,
                problems_share: problems,
                lint: id as usize,
                lint_warnings: 0,
                distinctive: vec![format!("词{id}")],
            }),
            own_share: None,
        }
    }

    #[test]
    fn lines_sort_either_way_with_the_missing_last_and_filter_by_text() {
        let lines = vec![
            line(1, 3000, Some(0.05), Some("乙局")),
            line(2, 1000, None, None),
            line(3, 2000, Some(0.2), Some("甲局")),
        ];
        let ids = |column, descending, filter: &str| -> Vec<ReportId> {
            arranged_lines(&lines, filter, OverviewOrder { column, descending }).iter().map(|l| l.id).collect()
        };
        assert_eq!(ids(OverviewColumn::Report, false, ""), [1, 2, 3]);
        assert_eq!(ids(OverviewColumn::Chars, true, ""), [1, 3, 2]);
        assert_eq!(ids(OverviewColumn::Chars, false, ""), [2, 3, 1]);
        assert_eq!(ids(OverviewColumn::ProblemsShare, false, ""), [1, 3, 2], "no 问题 part last");
        assert_eq!(ids(OverviewColumn::ProblemsShare, true, ""), [3, 1, 2], "no 问题 part last");
        assert_eq!(ids(OverviewColumn::Unit, false, ""), [1, 3, 2], "Unicode order: 乙 before 甲");
        assert_eq!(ids(OverviewColumn::OwnShare, true, ""), [1, 2, 3], "not compared yet: the list's order");
        assert_eq!(ids(OverviewColumn::Report, false, "甲"), [3]);
        assert_eq!(ids(OverviewColumn::Report, false, "报告2"), [2]);
        assert_eq!(ids(OverviewColumn::Report, false, "词3"), [3], "a distinctive word finds its report");
    }

    #[test]
    fn a_row_takes_its_reports_distinctive_words_when_they_are_there() {
        let row = || (*line(2, 100, None, None).row).clone();
        let tops: HashMap<ReportId, Vec<String>> = HashMap::from([(2, vec!["改革".to_owned()])]);
        assert_eq!(with_distinctive(row(), Some(&tops), 2).distinctive, ["改革"]);
        assert_eq!(with_distinctive(row(), Some(&tops), 3).distinctive, ["词2"], "not answered: kept");
        assert_eq!(with_distinctive(row(), None, 2).distinctive, ["词2"]);
    }

    #[test]
    fn a_header_click_toggles_or_starts_largest_first() {
        let order = OverviewOrder::default();
        let by_chars = order.clicked(OverviewColumn::Chars);
        assert_eq!(by_chars, OverviewOrder { column: OverviewColumn::Chars, descending: true });
        assert!(!by_chars.clicked(OverviewColumn::Chars).descending);
        assert!(!by_chars.clicked(OverviewColumn::Unit).descending);
    }

    #[test]
    fn only_the_lines_in_view_are_drawn() {
        assert_eq!(visible_window(0.0, 300.0, 30.0, 1000, 5), (0, 16));
        assert_eq!(visible_window(3000.0, 300.0, 30.0, 1000, 5), (95, 116));
        assert_eq!(visible_window(29_990.0, 300.0, 30.0, 1000, 5), (994, 1000));
        assert_eq!(visible_window(0.0, 300.0, 30.0, 3, 5), (0, 3));
        assert_eq!(visible_window(0.0, 300.0, 30.0, 0, 5), (0, 0));
    }
}
