//! The option of the theme radar: a report's share of text per theme of one
//! scheme, against the average of all loaded reports under the same scheme.
//! The report's name is shown as `display_file_name` makes it, and tooltips
//! are drawn on the canvas, never as HTML.

use gongwen_core::file_name::display_file_name;
use gongwen_core::themes::ThemeShare;
use serde_json::{Value, json};

/// A radar of `report`'s theme shares (in percent, one axis per theme in the
/// scheme's order), with `average` (percent, same order, and its legend
/// label) drawn dashed when there are other reports to compare with.
pub fn theme_radar_option(report_name: &str, report: &[ThemeShare], average: Option<(&[f64], &str)>) -> Value {
    let percent = |share: f64| (share * 1000.0).round() / 10.0;
    let values: Vec<f64> = report.iter().map(|s| percent(s.share)).collect();
    let top = values.iter().chain(average.map_or(&[][..], |(shares, _)| shares)).copied().fold(10.0, f64::max);
    let max = ((top / 10.0).ceil() * 10.0).min(100.0);
    let indicator: Vec<Value> = report
        .iter()
        .map(|share| {
            let name = if share.party_building { format!("{}＊", share.theme) } else { share.theme.clone() };
            json!({ "name": name, "max": max })
        })
        .collect();
    let mut data = vec![json!({
        "name": display_file_name(report_name),
        "value": values,
        "areaStyle": { "color": "rgba(178, 44, 44, 0.25)" },
        "lineStyle": { "color": "#b22c2c" },
        "itemStyle": { "color": "#b22c2c" },
    })];
    if let Some((average, label)) = average {
        data.push(json!({
            "name": label,
            "value": average.iter().map(|share| (share * 10.0).round() / 10.0).collect::<Vec<f64>>(),
            "lineStyle": { "color": "#888", "type": "dashed" },
            "itemStyle": { "color": "#888" },
        }));
    }
    json!({
        "animation": false,
        "tooltip": { "trigger": "item", "renderMode": "richText", "confine": true },
        "legend": { "bottom": 0, "textStyle": { "fontSize": 11 } },
        "radar": {
            "indicator": indicator,
            "radius": "62%",
            "center": ["50%", "48%"],
            "axisName": { "color": "#444", "fontSize": 11 },
            "splitArea": { "areaStyle": { "color": ["#fff", "#faf7f5"] } },
        },
        "series": [{ "type": "radar", "data": data }],
    })
}
