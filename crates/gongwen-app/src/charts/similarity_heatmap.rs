//! The option of the similarity heatmap: row A, column B coloured by the
//! share of A's text in passages A shares with B, the reports ordered so
//! that those copying from each other stand together. Each cell's name is
//! `"<row>,<column>"` (indices in the comparison) so a click can open the
//! pair; its tooltip, drawn on the canvas, gives both directions and the
//! number of shared passages.

use gongwen_core::compare::Comparison;
use gongwen_core::file_name::display_file_name;
use serde_json::{Value, json};

/// A cell's name, from which a click recovers the pair.
pub fn cell_name(row: usize, column: usize) -> String {
    format!("{row},{column}")
}

/// The pair (row, column) a cell name points at.
pub fn parse_cell_name(name: &str) -> Option<(usize, usize)> {
    let (row, column) = name.split_once(',')?;
    Some((row.parse().ok()?, column.parse().ok()?))
}

/// A short label of a file name for an axis: at most `max` characters.
fn axis_label(name: &str, max: usize) -> String {
    let shown = display_file_name(name);
    let base = shown.rsplit(['/', '\\']).next().unwrap_or(&shown);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    if stem.chars().count() > max {
        format!("{}…", stem.chars().take(max - 1).collect::<String>())
    } else {
        stem.to_owned()
    }
}

/// The heatmap of `comparison` over reports named `names`, in `order`.
pub fn similarity_heatmap_option(names: &[String], comparison: &Comparison, order: &[usize]) -> Value {
    let percent = |value: f64| (value * 1000.0).round() / 10.0;
    let labels: Vec<String> = order.iter().map(|&i| axis_label(&names[i], 12)).collect();
    let mut data = Vec::with_capacity(order.len() * order.len());
    let mut top: f64 = 0.0;
    for (y, &row) in order.iter().enumerate() {
        for (x, &column) in order.iter().enumerate() {
            let value = percent(comparison.similarity[row][column]);
            let tooltip = if row == column {
                format!("{}\n（自身）", display_file_name(&names[row]))
            } else {
                format!(
                    "{}\n与 {}\n前者 {}% 的文字见于后者\n后者 {}% 的文字见于前者\n共有段落 {} 段",
                    display_file_name(&names[row]),
                    display_file_name(&names[column]),
                    value,
                    percent(comparison.similarity[column][row]),
                    comparison.shared_passages[row][column]
                )
            };
            if row != column {
                top = top.max(value);
            }
            data.push(json!({
                "value": [x, y, if row == column { Value::Null } else { json!(value) }],
                "name": cell_name(row, column),
                "tooltip": { "formatter": tooltip },
            }));
        }
    }
    let label_size = if order.len() > 20 { 0 } else { 11 };
    json!({
        "animation": false,
        "tooltip": { "renderMode": "richText", "confine": true },
        "grid": { "left": 8, "right": 8, "top": 8, "bottom": 56, "containLabel": true },
        "xAxis": {
            "type": "category",
            "data": labels,
            "axisLabel": { "rotate": 40, "fontSize": label_size, "show": label_size > 0, "interval": 0 },
            "splitArea": { "show": false },
        },
        "yAxis": {
            "type": "category",
            "data": labels,
            "inverse": true,
            "axisLabel": { "fontSize": label_size, "show": label_size > 0, "interval": 0 },
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
            "label": { "show": order.len() <= 12, "fontSize": 10, "formatter": "{@[2]}" },
            "emphasis": { "itemStyle": { "borderColor": "#222", "borderWidth": 1 } },
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_round_trip() {
        assert_eq!(parse_cell_name(&cell_name(3, 12)), Some((3, 12)));
        assert_eq!(parse_cell_name("3"), None);
        assert_eq!(axis_label("seeds/000_75e6ea62ff7e3e22.txt", 8), "000_75e…");
    }
}
