//! The figures (实绩数据) of all loaded reports as one table: rows, the
//! filters and orders the view offers, each report's density of figures,
//! a figure's description in the page's language, and the table as CSV
//! (always in Chinese: a data contract). Plain data, no web types.

use gongwen_core::figures::Figure;
use gongwen_core::file_name::display_file_name;

use crate::i18n::Language;
use crate::protocol::ReportId;
use crate::state::AnalysedReports;

/// One row: a figure of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    /// The report.
    pub report: ReportId,
    /// The report's name as shown.
    pub report_name: String,
    /// The figure.
    pub figure: Figure,
    /// The headings of the sections that hold it, outermost first
    /// (`一、主要工作成效 › （一）突出思想引领`); empty in the preamble.
    pub section: String,
}

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FigureOrder {
    /// Report by report, in text order.
    #[default]
    Position,
    /// Largest value first (redacted last).
    ValueDescending,
    /// By unit, then value.
    Unit,
}

/// What the table is narrowed to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FigureFilter {
    /// Only this report.
    pub report: Option<ReportId>,
    /// Only this unit (`""` for figures without one).
    pub unit: Option<String>,
    /// Only figures whose text or subject contains this.
    pub text: String,
    /// Only figures in a section whose heading contains this.
    pub section: String,
    /// Only redacted figures.
    pub redacted_only: bool,
}

/// Every figure of `reports`, filtered and ordered.
pub fn figure_rows(reports: &AnalysedReports, filter: &FigureFilter, order: FigureOrder) -> Vec<FigureRow> {
    let mut rows: Vec<FigureRow> = reports
        .iter()
        .filter(|(id, _)| filter.report.is_none_or(|wanted| wanted == *id))
        .flat_map(|(id, analysis)| {
            let name = display_file_name(&analysis.name);
            analysis.figures.iter().map(move |figure| FigureRow {
                report: *id,
                report_name: name.clone(),
                figure: figure.clone(),
                section: section_path(analysis, figure.heading),
            })
        })
        .filter(|row| filter.unit.as_deref().is_none_or(|unit| row.figure.unit.as_deref().unwrap_or("") == unit))
        .filter(|row| !filter.redacted_only || row.figure.redacted)
        .filter(|row| filter.section.is_empty() || row.section.contains(&filter.section))
        .filter(|row| {
            filter.text.is_empty()
                || row.figure.text.contains(&filter.text)
                || row.figure.subject.as_deref().is_some_and(|s| s.contains(&filter.text))
        })
        .collect();
    match order {
        FigureOrder::Position => {}
        FigureOrder::ValueDescending => rows.sort_by(|a, b| {
            let value = |row: &FigureRow| row.figure.value.unwrap_or(f64::NEG_INFINITY);
            value(b).total_cmp(&value(a))
        }),
        FigureOrder::Unit => rows.sort_by(|a, b| {
            a.figure
                .unit
                .cmp(&b.figure.unit)
                .then(a.figure.value.unwrap_or(0.0).total_cmp(&b.figure.value.unwrap_or(0.0)))
        }),
    }
    rows
}

/// The titles of heading `heading` and its ancestors, outermost first,
/// joined with ` › `.
fn section_path(analysis: &gongwen_core::ReportAnalysis, heading: Option<usize>) -> String {
    let headings = &analysis.outline.headings;
    let mut path = Vec::new();
    let mut at = heading;
    while let Some(index) = at.filter(|&index| index < headings.len()) {
        let heading = &headings[index];
        path.push(format!("{}{}", heading.marker, heading.title));
        at = heading.parent;
    }
    path.reverse();
    path.join(" › ")
}

/// The units the figures of `reports` use, in order, `""` for none.
pub fn units(reports: &AnalysedReports) -> Vec<String> {
    let mut units: Vec<String> =
        reports.iter().flat_map(|(_, a)| a.figures.iter().map(|f| f.unit.clone().unwrap_or_default())).collect();
    units.sort();
    units.dedup();
    units
}

/// What a figure says, for its tooltip in `language`: value (or 隐去),
/// unit and approximation word, and on a second line what it counts, if
/// known. The unit, approximation word and subject are the report's words.
pub fn figure_description(figure: &Figure, language: Language) -> String {
    let value = match (figure.value, figure.value_to) {
        (None, _) => language.pick("隐去", "redacted").to_owned(),
        (Some(value), None) => value.to_string(),
        (Some(value), Some(to)) => format!("{value}–{to}"),
    };
    let none = language.pick("无", "none");
    let unit = figure.unit.as_deref().unwrap_or(none);
    let approx = figure.approx.as_deref().unwrap_or(none);
    let mut text = language.pick(
        format!("数值：{value}；单位：{unit}；约数：{approx}"),
        format!("Value: {value}; unit: {unit}; approximation: {approx}"),
    );
    if let Some(subject) = &figure.subject {
        text.push_str(&language.pick(format!("\n计数对象：{subject}"), format!("\nSubject: {subject}")));
    }
    text
}

/// Figures per 1,000 characters of a report.
pub fn per_thousand(figures: usize, chars: usize) -> f64 {
    if chars == 0 { 0.0 } else { figures as f64 * 1000.0 / chars as f64 }
}

/// A CSV field, quoted when it must be.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// The rows as CSV, with a header, a byte-order mark so that spreadsheet
/// programs read the Chinese as UTF-8, and CRLF line ends.
pub fn rows_csv(rows: &[FigureRow]) -> String {
    let mut out = String::from("\u{feff}报告,行,数据,数值,单位,约数,是否隐去,计数对象,章节\r\n");
    for row in rows {
        let figure = &row.figure;
        let value = figure.value.map(|v| v.to_string()).unwrap_or_default();
        let fields = [
            csv_field(&row.report_name),
            figure.line.to_string(),
            csv_field(&figure.text),
            value,
            csv_field(figure.unit.as_deref().unwrap_or("")),
            csv_field(figure.approx.as_deref().unwrap_or("")),
            if figure.redacted { "是" } else { "否" }.to_owned(),
            csv_field(figure.subject.as_deref().unwrap_or("")),
            csv_field(&row.section),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::SharedAnalysis;

    fn reports() -> AnalysedReports {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let texts = [
            ("a.txt", "一、情况\n全年召开会议12次，处置线索**件。\n"),
            ("b,c.txt", "一、情况\n走访企业\"30\"余家，培训200人次。\n"),
        ];
        texts
            .iter()
            .enumerate()
            .map(|(i, (name, text))| {
                let analysis = gongwen_core::analyze_report(name, text.as_bytes(), &segmenter).expect("analysis");
                (i as ReportId, SharedAnalysis::new(analysis))
            })
            .collect()
    }

    #[test]
    fn rows_filter_order_and_export() {
        let reports = reports();
        let all = figure_rows(&reports, &FigureFilter::default(), FigureOrder::Position);
        let texts: Vec<&str> = all.iter().map(|r| r.figure.text.as_str()).collect();
        assert_eq!(texts, ["12次", "**件", "200人次"]);
        let by_value = figure_rows(&reports, &FigureFilter::default(), FigureOrder::ValueDescending);
        assert_eq!(by_value.iter().map(|r| r.figure.text.as_str()).collect::<Vec<_>>(), ["200人次", "12次", "**件"]);
        let redacted = FigureFilter { redacted_only: true, ..FigureFilter::default() };
        assert_eq!(figure_rows(&reports, &redacted, FigureOrder::Position).len(), 1);
        let of_b = FigureFilter { report: Some(1), ..FigureFilter::default() };
        assert_eq!(figure_rows(&reports, &of_b, FigureOrder::Position).len(), 1);
        assert_eq!(all[0].section, "一、情况");
        let in_section = FigureFilter { section: "情况".to_owned(), ..FigureFilter::default() };
        assert_eq!(figure_rows(&reports, &in_section, FigureOrder::Position).len(), 3);
        let elsewhere = FigureFilter { section: "问题".to_owned(), ..FigureFilter::default() };
        assert!(figure_rows(&reports, &elsewhere, FigureOrder::Position).is_empty());
        assert_eq!(units(&reports), ["人次", "件", "次"]);
        let csv = rows_csv(&all);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[1], "a.txt,2,12次,12,次,,否,召开会议,一、情况");
        assert_eq!(lines[2], "a.txt,2,**件,,件,,是,处置线索,一、情况");
        assert!(lines[3].starts_with("\"b,c.txt\",2,200人次,200,人次"), "{}", lines[3]);
        assert_eq!(per_thousand(3, 1500), 2.0);
        assert_eq!(
            figure_description(&all[0].figure, Language::Chinese),
            "数值：12；单位：次；约数：无\n计数对象：召开会议"
        );
        assert!(figure_description(&all[1].figure, Language::Chinese).starts_with("数值：隐去；单位：件"));
        assert_eq!(
            figure_description(&all[0].figure, Language::English),
            "Value: 12; unit: 次; approximation: none\nSubject: 召开会议"
        );
        assert!(figure_description(&all[1].figure, Language::English).starts_with("Value: redacted; unit: 件"));
    }
}
