//! The options of the similarity heatmap: row A, column B coloured by the
//! share of A's text in passages A shares with B, the reports ordered so
//! that those copying from each other stand together.
//!
//! Two forms. Report by report ([`similarity_heatmap_option`]): each cell's
//! name is `"<row>,<column>"` (indices in the comparison) so a click can open
//! the pair, and its tooltip, drawn on the canvas, gives both directions and
//! the number of shared passages; above [`ZOOM_ABOVE`] reports both axes get
//! a zoom slider. Group by group ([`group_heatmap_option`]), for a stack too
//! large to show report by report: each cell is the average similarity of
//! the reports of one group to those of another, named `"组:<row>,<column>"`
//! (group indices) so a click can zoom into the two groups, and the axis
//! labels, `第 N 组（k 份）` (`Group N (k)` in English), are clickable too.
//!
//! Labels and tooltips are in the page's language; the reports' names in
//! them stay as they are.

use gongwen_core::compare::Comparison;
use gongwen_core::file_name::display_file_name;
use serde_json::{Value, json};

use super::chart_text::{formatter_safe, short_report_label};
use crate::i18n::Language;

/// Above this many reports the report-by-report heatmap hides its cell
/// labels' numbers and gets zoom sliders on both axes.
pub const ZOOM_ABOVE: usize = 20;

/// The prefix of a group cell's name.
const GROUP_CELL: &str = "组:";

/// A cell's name, from which a click recovers the pair.
pub fn cell_name(row: usize, column: usize) -> String {
    format!("{row},{column}")
}

/// The pair (row, column) a cell name points at.
pub fn parse_cell_name(name: &str) -> Option<(usize, usize)> {
    let (row, column) = name.split_once(',')?;
    Some((row.parse().ok()?, column.parse().ok()?))
}

/// A group cell's name, from which a click recovers the two groups.
pub fn group_cell_name(row: usize, column: usize) -> String {
    format!("{GROUP_CELL}{row},{column}")
}

/// The groups (row, column) a group cell name points at.
pub fn parse_group_cell_name(name: &str) -> Option<(usize, usize)> {
    parse_cell_name(name.strip_prefix(GROUP_CELL)?)
}

/// The name of group `index` (from 0): 「第 3 组」, `Group 3`.
pub fn group_name(language: Language, index: usize) -> String {
    language.pick(format!("第 {} 组", index + 1), format!("Group {}", index + 1))
}

/// The label of group `index` (from 0) of `size` reports: 「第 3 组（12 份）」,
/// `Group 3 (12)`.
pub fn group_label(language: Language, index: usize, size: usize) -> String {
    let name = group_name(language, index);
    language.pick(format!("{name}（{size} 份）"), format!("{name} ({})", language.count(size)))
}

/// The group index (from 0) a group label names, in either language.
pub fn parse_group_label(label: &str) -> Option<usize> {
    let rest = label.strip_prefix("第 ").or_else(|| label.strip_prefix("Group "))?;
    let number: usize = rest.split_once(' ')?.0.parse().ok()?;
    number.checked_sub(1)
}

/// A tooltip's line counting `count` shared passages: 「共有段落 3 段」.
fn shared_passages_line(language: Language, count: usize) -> String {
    language.pick(format!("共有段落 {count} 段"), format!("Shared passages: {}", language.count(count)))
}

/// A share (0–1) as a percentage with one decimal.
fn percent(value: f64) -> f64 {
    (value * 1000.0).round() / 10.0
}

/// The axes, grid, colour scale and series shared by both forms; `top` is
/// the highest value shown, `labels` the axis labels, `zoom` whether both
/// axes get zoom sliders, `clickable_labels` whether axis labels are.
fn heatmap_frame(labels: Vec<String>, data: Vec<Value>, top: f64, zoom: bool, clickable_labels: bool) -> Value {
    let count = labels.len();
    let label_size = if count > 30 { 9 } else { 11 };
    // Above ZOOM_ABOVE rows ECharts shows as many labels as fit.
    let interval = if count > ZOOM_ABOVE { Value::from("auto") } else { Value::from(0) };
    let mut option = json!({
        "animation": false,
        "tooltip": { "renderMode": "richText", "confine": true },
        "grid": { "left": 8, "right": if zoom { 34 } else { 8 }, "top": 8, "bottom": if zoom { 84 } else { 56 }, "containLabel": true },
        "xAxis": {
            "type": "category",
            "data": labels,
            "triggerEvent": clickable_labels,
            "axisLabel": { "rotate": 40, "fontSize": label_size, "interval": interval },
            "splitArea": { "show": false },
        },
        "yAxis": {
            "type": "category",
            "data": labels,
            "inverse": true,
            "triggerEvent": clickable_labels,
            "axisLabel": { "fontSize": label_size, "interval": interval },
        },
        "visualMap": {
            "min": 0,
            "max": top.max(10.0).ceil(),
            "calculable": true,
            "orient": "horizontal",
            "left": "center",
            "bottom": 0,
            "itemHeight": 120,
            "text": ["%", "0"],
            "inRange": { "color": ["#fbf6f3", "#f1b9a0", "#d4683a", "#b22c2c", "#6e1212"] },
        },
        "series": [{
            "type": "heatmap",
            "data": data,
            "label": { "show": count <= 12, "fontSize": 10, "formatter": "{@[2]}" },
            "emphasis": { "itemStyle": { "borderColor": "#222", "borderWidth": 1 } },
        }],
    });
    if zoom {
        option["dataZoom"] = json!([
            { "type": "slider", "xAxisIndex": 0, "height": 14, "bottom": 50, "showDetail": false, "brushSelect": false },
            { "type": "slider", "yAxisIndex": 0, "width": 14, "right": 6, "showDetail": false, "brushSelect": false },
        ]);
    }
    option
}

/// The heatmap of `comparison` over the reports `order` (indices into the
/// comparison, in the order shown), named `names`, with tooltips in
/// `language`.
pub fn similarity_heatmap_option(
    language: Language,
    names: &[String],
    comparison: &Comparison,
    order: &[usize],
) -> Value {
    let labels: Vec<String> = order.iter().map(|&i| formatter_safe(&short_report_label(&names[i], 12))).collect();
    let mut data = Vec::with_capacity(order.len() * order.len());
    let mut top: f64 = 0.0;
    for (y, &row) in order.iter().enumerate() {
        for (x, &column) in order.iter().enumerate() {
            let value = percent(comparison.similarity[row][column]);
            let tooltip = if row == column {
                format!("{}\n{}", display_file_name(&names[row]), language.pick("（自身）", "(itself)"))
            } else {
                pair_tooltip(language, names, comparison, row, column)
            };
            if row != column {
                top = top.max(value);
            }
            data.push(json!({
                "value": [x, y, if row == column { Value::Null } else { json!(value) }],
                "name": cell_name(row, column),
                "tooltip": { "formatter": formatter_safe(&tooltip) },
            }));
        }
    }
    heatmap_frame(labels, data, top, order.len() > ZOOM_ABOVE, false)
}

/// The tooltip of the pair `a`, `b` (indices into the comparison): both
/// shares and the number of shared passages.
pub fn pair_tooltip(language: Language, names: &[String], comparison: &Comparison, a: usize, b: usize) -> String {
    let (forward, backward) = (percent(comparison.similarity[a][b]), percent(comparison.similarity[b][a]));
    let shares = language.pick(
        format!("与 {}\n前者 {forward}% 的文字见于后者\n后者 {backward}% 的文字见于前者", display_file_name(&names[b])),
        format!(
            "and {}\n{forward}% of the first found in the second\n{backward}% of the second found in the first",
            display_file_name(&names[b])
        ),
    );
    format!(
        "{}\n{shares}\n{}",
        display_file_name(&names[a]),
        shared_passages_line(language, comparison.shared_passages[a][b])
    )
}

/// How the reports of one group relate to those of another (or, on the
/// diagonal, to each other).
struct GroupCell {
    /// Average share of a row report's text found in a column report.
    average: Option<f64>,
    /// The most similar pair (row report, column report) and its share.
    closest: Option<(usize, usize, f64)>,
}

/// Averages the similarity of every report of `rows` to every other report of `columns`.
fn group_cell(comparison: &Comparison, rows: &[usize], columns: &[usize]) -> GroupCell {
    let (mut sum, mut pairs) = (0.0, 0usize);
    let mut closest: Option<(usize, usize, f64)> = None;
    for &a in rows {
        for &b in columns.iter().filter(|&&b| b != a) {
            let value = comparison.similarity[a][b];
            sum += value;
            pairs += 1;
            if closest.is_none_or(|(_, _, best)| value > best) {
                closest = Some((a, b, value));
            }
        }
    }
    GroupCell { average: (pairs > 0).then(|| sum / pairs as f64), closest }
}

/// The first few names of a group's reports, for a tooltip.
fn members_preview(language: Language, names: &[String], members: &[usize]) -> String {
    const SHOWN: usize = 4;
    let shown: Vec<String> = members.iter().take(SHOWN).map(|&i| short_report_label(&names[i], 16)).collect();
    let listed = shown.join(language.pick("、", ", "));
    if members.len() > SHOWN {
        language.pick(
            format!("{listed} 等 {} 份", members.len()),
            format!("{listed}… ({} in all)", language.count(members.len())),
        )
    } else {
        listed
    }
}

/// The tooltip of the cell of groups `row` and `column`.
fn group_tooltip(
    language: Language,
    names: &[String],
    groups: &[Vec<usize>],
    row: usize,
    column: usize,
    cell: &GroupCell,
) -> String {
    let label = |g: usize| group_label(language, g, groups[g].len());
    let closest = cell.closest.map_or_else(String::new, |(a, b, value)| {
        let (a, b, value) = (short_report_label(&names[a], 16), short_report_label(&names[b], 16), percent(value));
        language.pick(format!("\n最相似的一对：{a} → {b}（{value}%）"), format!("\nClosest pair: {a} → {b} ({value}%)"))
    });
    let average = cell.average.map_or_else(|| "—".to_owned(), |value| format!("{}%", percent(value)));
    if row == column {
        let (label, members, size) = (label(row), members_preview(language, names, &groups[row]), groups[row].len());
        language.pick(
            format!("{label}：{members}\n组内两两平均 {average}{closest}\n点击查看这 {size} 份报告"),
            format!(
                "{label}: {members}\nAverage between its reports: {average}{closest}\nClick to see these {}",
                language.things(size, "份", "report", "reports")
            ),
        )
    } else {
        let (first, second, size) = (label(row), label(column), groups[row].len() + groups[column].len());
        language.pick(
            format!("{first} → {second}\n前者的报告平均有 {average} 的文字见于后者的报告{closest}\n点击查看这两组的 {size} 份报告"),
            format!(
                "{first} → {second}\nOn average {average} of a report's text in the first group is found in the second{closest}\nClick to see the {} of both groups",
                language.things(size, "份", "report", "reports")
            ),
        )
    }
}

/// The heatmap of `comparison` by groups of reports: `groups` are the
/// groups' members (indices into the comparison), in the order shown; labels
/// and tooltips in `language`.
pub fn group_heatmap_option(
    language: Language,
    names: &[String],
    comparison: &Comparison,
    groups: &[Vec<usize>],
) -> Value {
    let labels: Vec<String> =
        groups.iter().enumerate().map(|(g, members)| group_label(language, g, members.len())).collect();
    let mut data = Vec::with_capacity(groups.len() * groups.len());
    let mut top: f64 = 0.0;
    for (y, rows) in groups.iter().enumerate() {
        for (x, columns) in groups.iter().enumerate() {
            let cell = group_cell(comparison, rows, columns);
            let value = cell.average.map(percent);
            top = top.max(value.unwrap_or(0.0));
            data.push(json!({
                "value": [x, y, value],
                "name": group_cell_name(y, x),
                "tooltip": { "formatter": formatter_safe(&group_tooltip(language, names, groups, y, x, &cell)) },
            }));
        }
    }
    heatmap_frame(labels, data, top, false, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A comparison of reports whose similarities are `similarity`.
    fn comparison_of(similarity: Vec<Vec<f64>>) -> Comparison {
        let n = similarity.len();
        Comparison {
            settings: Default::default(),
            reports: Vec::new(),
            similarity,
            shared_passages: vec![vec![1; n]; n],
            passages: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn cell_and_group_names_round_trip() {
        assert_eq!(parse_cell_name(&cell_name(3, 12)), Some((3, 12)));
        assert_eq!(parse_cell_name("3"), None);
        assert_eq!(parse_group_cell_name(&group_cell_name(2, 7)), Some((2, 7)));
        assert_eq!(parse_group_cell_name(&cell_name(2, 7)), None, "a report cell is not a group cell");
        assert_eq!(parse_cell_name(&group_cell_name(2, 7)), None, "nor a group cell a report cell");
        assert_eq!(group_label(Language::Chinese, 0, 12), "第 1 组（12 份）");
        assert_eq!(group_label(Language::English, 0, 1200), "Group 1 (1,200)");
        assert_eq!(parse_group_label(&group_label(Language::Chinese, 9, 3)), Some(9));
        assert_eq!(parse_group_label(&group_label(Language::English, 9, 3)), Some(9));
        assert_eq!(parse_group_label("第 0 组（1 份）"), None);
        assert_eq!(parse_group_label("000_75e6ea6…"), None);
    }

    #[test]
    fn group_cells_average_the_pairs_between_groups() {
        // Reports 0 and 1 copy each other (0.6 and 0.4); 2 shares 0.1 with 0 one way.
        let comparison = comparison_of(vec![vec![1.0, 0.6, 0.0], vec![0.4, 1.0, 0.0], vec![0.1, 0.0, 1.0]]);
        let names: Vec<String> = ["a.txt", "b.txt", "{c}.txt"].map(String::from).to_vec();
        let option = group_heatmap_option(Language::Chinese, &names, &comparison, &[vec![0, 1], vec![2]]);
        let data = option["series"][0]["data"].as_array().expect("cells");
        assert_eq!(data.len(), 4);
        assert_eq!(data[0]["value"], json!([0, 0, 50.0]), "within the first group: (60 + 40) / 2");
        assert_eq!(data[1]["value"], json!([1, 0, 0.0]), "the first group's text in the second");
        assert_eq!(data[2]["value"], json!([0, 1, 5.0]), "the second group's text in the first: (10 + 0) / 2");
        assert_eq!(data[3]["value"], json!([1, 1, Value::Null]), "a group of one has no pairs inside");
        assert_eq!(data[2]["name"], "组:1,0");
        let tooltip = data[2]["tooltip"]["formatter"].as_str().expect("a tooltip");
        assert!(tooltip.contains("最相似的一对：｛c｝ → a（10%）"), "{tooltip}");
        assert_eq!(option["yAxis"]["data"], json!(["第 1 组（2 份）", "第 2 组（1 份）"]));
        assert_eq!(option["yAxis"]["triggerEvent"], true);

        let english = group_heatmap_option(Language::English, &names, &comparison, &[vec![0, 1], vec![2]]);
        assert_eq!(english["yAxis"]["data"], json!(["Group 1 (2)", "Group 2 (1)"]));
        let tooltip = english["series"][0]["data"][2]["tooltip"]["formatter"].as_str().expect("a tooltip");
        assert!(tooltip.contains("Closest pair: ｛c｝ → a (10%)"), "{tooltip}");
        assert!(tooltip.contains("Click to see the 3 reports of both groups"), "{tooltip}");
    }

    #[test]
    fn a_large_heatmap_can_be_zoomed() {
        let n = ZOOM_ABOVE + 1;
        let comparison = comparison_of(vec![vec![0.0; n]; n]);
        let names: Vec<String> = (0..n).map(|i| format!("{i}.txt")).collect();
        let order: Vec<usize> = (0..n).collect();
        assert!(similarity_heatmap_option(Language::Chinese, &names, &comparison, &order)["dataZoom"].is_array());
        assert!(similarity_heatmap_option(Language::Chinese, &names, &comparison, &order[..3])["dataZoom"].is_null());
    }

    #[test]
    fn pair_tooltips_are_told_in_either_language() {
        let comparison = comparison_of(vec![vec![1.0, 0.25], vec![0.5, 1.0]]);
        let names: Vec<String> = ["甲.txt", "乙.txt"].map(String::from).to_vec();
        assert_eq!(
            pair_tooltip(Language::Chinese, &names, &comparison, 0, 1),
            "甲.txt\n与 乙.txt\n前者 25% 的文字见于后者\n后者 50% 的文字见于前者\n共有段落 1 段"
        );
        assert_eq!(
            pair_tooltip(Language::English, &names, &comparison, 0, 1),
            "甲.txt\nand 乙.txt\n25% of the first found in the second\n50% of the second found in the first\nShared passages: 1"
        );
    }
}
