//! The word-list counts (词表统计) as the 词表 view shows them: one row per
//! report, a column per term and per category, counts or densities, sorted
//! by any column. Plain data, no web types; the counting is the core's
//! ([`gongwen_core::term_counts`]).

use std::cmp::Ordering;
use std::rc::Rc;

use gongwen_core::term_counts::TermCountRecord;

use crate::protocol::ReportId;

/// A list to start from, for the sample reports (党建 work): one term a
/// line, a tab and its category.
pub const SAMPLE_TERM_LIST: &str = "全面从严治党\t从严治党
主体责任\t从严治党
党风廉政\t从严治党
意识形态\t思想建设
理论学习\t思想建设
基层党组织\t组织建设
党员队伍\t组织建设
为民服务\t为民服务
";

/// The most term columns drawn; the CSV export has every one.
pub const MAX_TERM_COLUMNS: usize = 40;

/// Where the page keeps the last word list used.
pub const STORAGE_KEY: &str = "gongwen.term-list";

/// What the number cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// Occurrences.
    #[default]
    Count,
    /// Occurrences per 10,000 characters.
    Density,
}

/// A column the rows can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    /// The report list's order.
    #[default]
    Report,
    /// Year, earliest first.
    Year,
    /// Reporting unit, in Unicode order.
    Unit,
    /// Characters, most first.
    Chars,
    /// A term (its index in the list), most first.
    Term(usize),
    /// A category (its index), most first.
    Category(usize),
}

/// One row: a report and its counts.
pub type TermRow = (ReportId, Rc<TermCountRecord>);

/// The value of `column` in `record` under `measure` (counts as numbers).
pub fn number_in(record: &TermCountRecord, column: Column, measure: Measure) -> Option<f64> {
    let pick = |counts: &[(String, usize)], densities: &[(String, f64)], index: usize| match measure {
        Measure::Count => counts.get(index).map(|(_, count)| *count as f64),
        Measure::Density => densities.get(index).map(|(_, density)| *density),
    };
    match column {
        Column::Term(index) => pick(&record.counts.0, &record.densities.0, index),
        Column::Category(index) => pick(&record.categories.0, &record.category_densities.0, index),
        Column::Chars => Some(record.chars as f64),
        Column::Year => record.year.map(f64::from),
        Column::Report | Column::Unit => None,
    }
}

/// `rows` (in the report list's order) sorted by `column`: numbers most
/// first (years earliest first), units in Unicode order with the unknown
/// last; ties keep the list's order.
pub fn sorted_rows(mut rows: Vec<TermRow>, column: Column, measure: Measure) -> Vec<TermRow> {
    match column {
        Column::Report => {}
        Column::Unit => rows.sort_by(|(_, a), (_, b)| match (&a.unit, &b.unit) {
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }),
        Column::Year => rows.sort_by_key(|(_, record)| record.year.unwrap_or(u32::MAX)),
        _ => rows.sort_by(|(_, a), (_, b)| {
            let value = |record: &TermCountRecord| number_in(record, column, measure).unwrap_or(f64::NEG_INFINITY);
            value(b).total_cmp(&value(a))
        }),
    }
    rows
}

/// A number cell's text: a count as is, a density to two places.
pub fn cell_text(value: f64, measure: Measure) -> String {
    match measure {
        Measure::Count => format!("{value:.0}"),
        Measure::Density => format!("{value:.2}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongwen_core::term_counts::NamedValues;

    fn record(unit: Option<&str>, year: Option<u32>, counts: [usize; 2], chars: usize) -> Rc<TermCountRecord> {
        let names = ["甲", "乙"].map(str::to_owned);
        let density = |count: usize| gongwen_core::term_counts::per_ten_thousand(count, chars);
        Rc::new(TermCountRecord {
            file: format!("{unit:?}.txt"),
            year,
            unit: unit.map(str::to_owned),
            chars,
            counts: NamedValues(names.iter().cloned().zip(counts).collect()),
            categories: NamedValues(vec![("类".to_owned(), counts[0] + counts[1])]),
            densities: NamedValues(names.iter().cloned().zip(counts.map(density)).collect()),
            category_densities: NamedValues(vec![("类".to_owned(), density(counts[0] + counts[1]))]),
        })
    }

    #[test]
    fn rows_sort_by_counts_densities_years_and_units() {
        let rows = vec![
            (0, record(Some("乙市"), Some(2023), [1, 0], 10_000)),
            (1, record(None, None, [3, 1], 60_000)),
            (2, record(Some("甲市"), Some(2021), [2, 5], 5_000)),
        ];
        let order = |column, measure| -> Vec<ReportId> {
            sorted_rows(rows.clone(), column, measure).into_iter().map(|(id, _)| id).collect()
        };
        assert_eq!(order(Column::Report, Measure::Count), [0, 1, 2]);
        assert_eq!(order(Column::Term(0), Measure::Count), [1, 2, 0]);
        assert_eq!(order(Column::Term(0), Measure::Density), [2, 0, 1], "4.0, 1.0 and 0.5 per 10,000");
        assert_eq!(order(Column::Category(0), Measure::Count), [2, 1, 0]);
        assert_eq!(order(Column::Year, Measure::Count), [2, 0, 1], "the unknown year last");
        assert_eq!(order(Column::Unit, Measure::Count), [0, 2, 1], "Unicode order, the unknown unit last");
        assert_eq!(order(Column::Chars, Measure::Count), [1, 0, 2]);
        assert_eq!(cell_text(4.0, Measure::Count), "4");
        assert_eq!(cell_text(0.5, Measure::Density), "0.50");
    }

    #[test]
    fn the_sample_list_parses_whole() {
        let (list, diagnostics) =
            gongwen_core::term_counts::TermList::parse(SAMPLE_TERM_LIST).expect("the sample list parses");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(list.terms.len(), 8);
        assert_eq!(list.categories, ["从严治党", "思想建设", "组织建设", "为民服务"]);
    }
}
